/**
 * The skeleton both resource providers are built on: settings and clients typed for the
 * resource's API, the shared describes, the claim registry, and the steps every operation takes
 * around its AWS calls: inputs checked again at create and update, a read that answers "gone" for
 * a missing datashare, mutations inside the datashare's mutation window, and a delete that leaves
 * alone a key the program still declares in this run (claims.ts).
 */
import type { dynamic } from "@pulumi/pulumi";
import type { CheckResult } from "./check";
import { createClaimRegistry, ClaimRegistry } from "./claims";
import { createClientCache, ClientCache } from "./clients";
import { describeReuseMs, ProviderSettings, readStackConfig, secretValues } from "./config";
import { createDescribeCoalescer, DescribeCoalescer } from "./describeCoalescer";
import { debugToEngine } from "./engineLog";
import { FailureClass, InvalidInputsError, isDataShareMissing, mapAwsFailure } from "./errors";
import { formatGoneReport, GoneReason } from "./goneReport";
import { requireRegion, resolveRegion } from "./regions";
import type { ClientSettings, DataShareReader } from "./redshiftApi";
import type { LiveDataShare } from "./types";
import { deleteDecision } from "./deleteDecision";
import { noteThroughPulumi, warnThroughPulumi } from "./warn";

/** Options of either provider, for the AWS adapter it uses. */
export interface ProviderOptionsFor<Api> extends ProviderSettings {
  /** Environment to read settings from at call time; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Where plain-words warnings go (a superseded association, a rejected share); defaults to pulumi.log.warn. */
  warn?: (message: string) => void;
  /**
   * Where the record for tools of a resource found gone goes (goneReport.ts); defaults to a
   * debug-severity line in the engine's event log, which people do not read.
   */
  record?: (line: string) => Promise<void>;
  /** Where plain-words notes go (a delete that left a declared key alone); defaults to pulumi.log.info. */
  note?: (message: string) => void;
  /** The AWS adapter factory; defaults to createRedshiftApi. */
  apiFactory?: (settings: ClientSettings) => Api;
  /**
   * Shared describes; the host's two providers share one, so a create or delete by either keeps
   * the other from reusing an older answer of that datashare. Defaults to one of its own.
   */
  describes?: DescribeCoalescer;
  /** The keys the program declares in this run (claims.ts); the host's two providers share one. */
  claims?: ClaimRegistry;
}

/** The dynamic host's answer for a resource that no longer exists. */
export const GONE: dynamic.ReadResult = { id: "" };

export interface ResourceRuntime<Api extends DataShareReader> {
  readonly clients: ClientCache<Api>;
  readonly describes: DescribeCoalescer;
  readonly claims: ClaimRegistry;
  warn(message: string): void;
  /** Values that must never reach a message (credentials). */
  secrets(): string[];
  /**
   * Where a resource's calls go (regions.ts): the first of `own` set (stored, declared, the ID's),
   * else the datashare's region, else the provider's. Throws ConfigurationError when none is known
   * or the provider's settings it needs do not resolve.
   */
  regionFor(dataShareArn: unknown, ...own: unknown[]): string;
  /**
   * The region of a resource with none of its own, for what check, diff and refreshed inputs show:
   * undefined while none is known. Settings that do not resolve count as none here; the call that
   * needs them reports them.
   */
  defaultRegion(dataShareArn: unknown): string | undefined;
  /** The caller's account, asked from STS once per client and then remembered. */
  callerAccount(api: Api): Promise<string>;
  /** A new stack config (configure): also the start of a new run, whose claims start empty. */
  configure(req: dynamic.ConfigureRequest): void;
  /** create and update meet inputs check would refuse only outside the engine: refuse them too. */
  requireValid(result: CheckResult): void;
  /** The datashare's entries for a read (shared describes), or undefined when the datashare is gone. */
  describeForRead(api: Api, dataShareArn: string, action: string): Promise<LiveDataShare[] | undefined>;
  /** Any failed call of this resource, explained. */
  explain(err: unknown, action: string): Error;
  /**
   * read found the resource gone: say why once in a sentence for people, record the reason for
   * the drift command in the engine's event log only (goneReport.ts), and answer "gone".
   */
  reportGone(id: string, gone: { reason: GoneReason; sentence: string }): Promise<dynamic.ReadResult>;
  /** The stack holds this key in this run: a create or update succeeded, or diff found no change. */
  hold(canonicalKey: string): void;
  /**
   * delete: runs `remove` inside the datashare's mutation window, unless a check in this run
   * claimed `canonicalKey`; then it leaves the live object alone and says so in one line (a
   * warning, with what to run, when the stack does not hold it yet: claims.ts).
   */
  deleteUnlessClaimed(
    key: { canonical: string; dataShareArn: string; what: string },
    remove: () => Promise<void>,
  ): Promise<void>;
}

export function createResourceRuntime<Api extends DataShareReader>(
  resource: string,
  Failure: FailureClass,
  options: ProviderOptionsFor<Api>,
  factory: (settings: ClientSettings) => Api,
): ResourceRuntime<Api> {
  const env = () => options.env ?? process.env;
  const clients = createClientCache<Api>(options, env, options.apiFactory ?? factory);
  const describes = options.describes ?? createDescribeCoalescer();
  const claims = options.claims ?? createClaimRegistry();
  const note = options.note ?? noteThroughPulumi;
  const callers = new Map<Api, Promise<string>>();
  const secrets = () => secretValues(options.credentials, env());
  const explain = (err: unknown, action: string) => mapAwsFailure(err, action, Failure, secrets());
  const warn = options.warn ?? warnThroughPulumi;
  const settingsRegionOrNone = () => {
    try {
      return clients.settings().region;
    } catch {
      return undefined;
    }
  };
  const record = options.record ?? debugToEngine;

  return {
    clients,
    describes,
    claims,
    warn,
    secrets,
    regionFor: (dataShareArn, ...own) =>
      requireRegion(resolveRegion(own, dataShareArn, () => clients.settings().region)),
    defaultRegion: (dataShareArn) => resolveRegion([], dataShareArn, settingsRegionOrNone),
    callerAccount(api) {
      let pending = callers.get(api);
      if (!pending) {
        pending = api.getCallerIdentity().then((r) => r.account);
        pending.catch(() => callers.delete(api));
        callers.set(api, pending);
      }
      return pending;
    },
    configure(req) {
      clients.reset(readStackConfig((k) => req.config.get(k)));
      callers.clear();
      claims.forget(resource);
    },
    requireValid({ failures }) {
      if (failures.length > 0) throw new InvalidInputsError(resource, failures);
    },
    async describeForRead(api, dataShareArn, action) {
      try {
        return await describes.describeDataShares(api, dataShareArn, describeReuseMs(clients.settings()));
      } catch (e) {
        if (isDataShareMissing(e)) return undefined;
        throw explain(e, action);
      }
    },
    explain,
    async reportGone(id, gone) {
      warn(gone.sentence);
      await record(formatGoneReport({ resource, id, reason: gone.reason }));
      return GONE;
    },
    hold: (canonicalKey) => claims.hold(resource, canonicalKey),
    async deleteUnlessClaimed(key, remove) {
      const decision = deleteDecision(resource, key.what, {
        claimed: claims.isClaimed(resource, key.canonical),
        held: claims.isHeld(resource, key.canonical),
      });
      if (decision.kind === "note") note(decision.message);
      if (decision.kind === "warn") warn(decision.message);
      if (decision.kind === "remove") await describes.whileMutating(key.dataShareArn, remove);
    },
  };
}
