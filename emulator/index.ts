export { startEmulator, loadSeed } from "./emulator";
export type { AdminApi, Credentials, Emulator, EmulatorOptions } from "./emulator";
export type { FaultConfig, FaultCounts, InjectedFaults, OperationCounts } from "./server/faultInjector";
export type { CallHold } from "./server/callHolds";
export type { LatencyConfig, LatencyRange } from "./server/latency";
export type { RateLimit, RateLimitConfig } from "./server/rateLimiter";
export type { CreateDataShareInput } from "./model/admin";
export type { Seed, SeedAccount, SeedDataShare } from "./model/seed";
export type { ModelState } from "./model/types";
export {
  API_BEHAVIOURS,
  BEHAVIOURS,
  DEFAULT_BEHAVIOURS,
  answerOf,
  resolveBehaviours,
  type BehaviourEntry,
  type BehaviourName,
  type Behaviours,
  type ConsumerViewAfterLoss,
} from "./model/behaviours";
