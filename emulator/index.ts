export { startEmulator, loadSeed } from "./emulator";
export type { AdminApi, Credentials, Emulator, EmulatorOptions } from "./emulator";
export type { FaultConfig, InjectedFaults } from "./server/faultInjector";
export type { CreateDataShareInput } from "./model/admin";
export type { Seed, SeedAccount, SeedDataShare } from "./model/seed";
export type { ModelState } from "./model/types";
