/**
 * Runs every behaviour probe against one datashare and two accounts, puts the start state back
 * whatever happens, and reports AWS's answers in the emulator's words: per behaviour, the answer
 * (or "unknown" and why), and the Behaviours object that would make the emulator answer the same.
 */
import { API_BEHAVIOURS, resolveBehaviours, type BehaviourName, type Behaviours } from "../../emulator";
import type { ProbeApi } from "./api";
import { readStartState, RestoreError, restoreStartState, type StartState } from "./restore";
import * as steps from "./steps";

export interface ProbeReport {
  region: string;
  dataShareArn: string;
  answers: Record<BehaviourName, string>;
  notes: Partial<Record<BehaviourName, string>>;
  /** For emu.setBehaviours, a seed's `behaviours` or the defaults: the known answers only. */
  behaviours: Partial<Behaviours>;
}

type Step = (
  api: ProbeApi,
  start: StartState,
  answers: Partial<Record<BehaviourName, string>>,
) => Promise<steps.Finding>;

/** In this order: each step starts where the previous one left the datashare (see steps.ts). */
const PLAN: [BehaviourName, Step][] = [
  ["dataShareNameCase", (api) => steps.probeNameCase(api)],
  ["repeatAuthorize", (api, start) => steps.probeRepeatAuthorize(api, start)],
  ["regionsWithoutWrites", (api, start) => steps.probeWritesRegion(api, start)],
  [
    "reauthorizeOtherWrites",
    (api, start, answers) =>
      answers.regionsWithoutWrites === "refused"
        ? Promise.resolve({ answer: steps.UNKNOWN, note: "AllowWrites is refused in this region" })
        : steps.probeReauthorizeWrites(api, start),
  ],
  ["repeatAssociate", (api) => steps.probeRepeatAssociate(api)],
  [
    "reassociateOtherWrites",
    (api, _start, answers) =>
      answers.regionsWithoutWrites === "refused"
        ? Promise.resolve({ answer: steps.UNKNOWN, note: "AllowWrites is refused in this region" })
        : steps.probeReassociateWrites(api),
  ],
  ["accountEntryRegion", (api) => steps.probeAccountEntryRegion(api)],
  ["deauthorizedConsumerView", (api, start) => steps.probeDeauthorizedView(api, start)],
  ["rejectedConsumerView", (api, start) => steps.probeRejectedView(api, start)],
];

export interface ProbeHooks {
  log?(line: string): void;
}

export async function probeBehaviours(api: ProbeApi, hooks: ProbeHooks = {}): Promise<ProbeReport> {
  const log = hooks.log ?? (() => undefined);
  const start = await readStartState(api);
  const answers: Partial<Record<BehaviourName, string>> = {};
  const notes: Partial<Record<BehaviourName, string>> = {};
  let failure: unknown;
  try {
    for (const [name, step] of PLAN) {
      api.signal?.throwIfAborted();
      const finding = await step(api, start, answers);
      answers[name] = finding.answer;
      if (finding.note) notes[name] = finding.note;
      log(`${name}: ${finding.answer}${finding.note ? ` (${finding.note})` : ""}`);
    }
  } catch (err) {
    failure = err;
  }
  log("restoring the start state");
  try {
    await restoreStartState({ ...api, signal: undefined }, start);
  } catch (err) {
    if (err instanceof RestoreError && failure instanceof Error) {
      err.message += ` It was restoring after a probe step failed: ${failure.message}`;
    }
    throw err;
  }
  if (failure !== undefined) throw failure;
  return report(api, answers as Record<BehaviourName, string>, notes);
}

function report(
  api: ProbeApi,
  answers: Record<BehaviourName, string>,
  notes: Partial<Record<BehaviourName, string>>,
): ProbeReport {
  const settings: Partial<Behaviours> = {};
  for (const entry of API_BEHAVIOURS) {
    const answer = answers[entry.name];
    if (answer !== steps.UNKNOWN) Object.assign(settings, entry.settings(answer, api.config.region));
  }
  resolveBehaviours(settings);
  return { region: api.config.region, dataShareArn: api.dataShareArn, answers, notes, behaviours: settings };
}
