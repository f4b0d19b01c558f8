/** Engine runs to figures, for every part. Pure: medians per (kind, N); calls under a rate limit. */
import type { OperationCounts } from "../emulator";
import type { Kind, Step } from "./kinds";
import type { ProcessRole } from "./processSampler";
import type { StackRun } from "./stack";
import { median, total } from "./stats";

const medianOf = (runs: StackRun[], value: (r: StackRun) => number | undefined) =>
  median(runs.map(value).filter((v): v is number => v !== undefined));

function summarizeGroup(group: StackRun[]) {
  const steps = [...new Set(group.flatMap((r) => Object.keys(r.steps) as Step[]))];
  const per = <T>(f: (step: Step) => T) =>
    Object.fromEntries(steps.map((st) => [st, f(st)])) as Partial<Record<Step, T>>;
  const roles = (st: Step) =>
    new Set(group.flatMap((r) => Object.keys(r.steps[st]?.processes ?? {}) as ProcessRole[]));
  const cpu = (st: Step, role: ProcessRole) =>
    medianOf(group, (r) => r.steps[st]?.processes[role]?.cpuMs ?? 0);
  const providerBytes = medianOf(group, (r) => r.providerBytes);
  const hostPeak = (r: StackRun) =>
    Object.values(r.steps).map((x) => x.processes["provider host"]?.peakRssKiB ?? 0);
  return {
    kind: group[0].kind,
    n: group[0].n,
    reps: group.length,
    ms: per((st) => medianOf(group, (r) => r.steps[st]?.ms)),
    emulatorCpuMs: per((st) => medianOf(group, (r) => r.steps[st]?.emulatorCpuMs)),
    /** CPU time by process role, per step (medians). */
    cpuMsByRole: per((st) =>
      Object.fromEntries([...roles(st)].map((role) => [role, cpu(st, role)])),
    ) as Partial<Record<Step, Partial<Record<ProcessRole, number>>>>,
    /** Steps that exited non-zero or had failed resources, as "step: exit 1, 2 failed". */
    problems: group.flatMap((r) =>
      Object.entries(r.steps)
        .filter(([, x]) => x.exitCode !== 0 || x.failedOps > 0)
        .map(([st, x]) => `${st}: exit ${x.exitCode}, ${x.failedOps} failed`),
    ),
    stateBytes: medianOf(group, (r) => r.stateBytes),
    ...(Number.isNaN(providerBytes) ? {} : { providerBytes }),
    /** The provider host's largest VmHWM over the steps (median over the repetitions), KiB. */
    hostPeakRssKiB: medianOf(group, (r) => Math.max(0, ...hostPeak(r))),
  };
}

export type Size = ReturnType<typeof summarizeGroup> & { providerBytes?: number };

export function summarizeSizes(runs: StackRun[]): Size[] {
  const groups = new Map<string, StackRun[]>();
  for (const run of runs)
    groups.set(`${run.kind}/${run.n}`, [...(groups.get(`${run.kind}/${run.n}`) ?? []), run]);
  return [...groups.values()].map(summarizeGroup);
}

export function findSize(sizes: Size[], kind: Kind, n: number): Size {
  const found = sizes.find((z) => z.kind === kind && z.n === n);
  if (!found) throw new Error(`no run of ${kind} at N=${n}`);
  return found;
}

/** The one write each step is made of. */
export const STEP_WRITE: Partial<Record<Step, string>> = {
  up: "AssociateDataShareConsumer",
  destroy: "DisassociateDataShareConsumer",
};

/** Each step's calls, its write accepted per second of its wall time, describes per datashare. */
export const rateLimitedSteps = (run: StackRun) =>
  Object.entries(run.steps).map(([name, { ms, exitCode, failedOps, calls }]) => {
    const [step, write] = [name as Step, STEP_WRITE[name as Step]];
    const acceptedPerSecond = write === undefined ? undefined : (calls[write]?.accepted ?? 0) / (ms / 1000);
    const describesPerDataShare = (calls.DescribeDataShares?.accepted ?? 0) / run.dataShares;
    const rateLimited = total(calls, "rateLimited");
    return { step, ms, exitCode, failedOps, calls, rateLimited, acceptedPerSecond, describesPerDataShare };
  });

/** "Op 210 (10 rate-limited), Other 1" */
export const describeCalls = (calls: Record<string, OperationCounts>) =>
  Object.entries(calls)
    .map(([op, c]) => `${op} ${c.received}${c.rateLimited > 0 ? ` (${c.rateLimited} rate-limited)` : ""}`)
    .join(", ") || "no calls";
