// Generated from the resource registry (provider/registry.ts) by `npm run docs:generate`; do not edit.
/** `pulumi-redshift-datashare`: the registry's resources. No logic lives here; see provider/. */
export { DataShareConsumer } from "./dataShareConsumer";
export type { DataShareConsumerArgs } from "./dataShareConsumer";
export { DataShareAuthorization } from "./dataShareAuthorization";
export type { DataShareAuthorizationArgs } from "./dataShareAuthorization";
export { DataShare } from "./dataShare";
export type { DataShareArgs, DataShareSchema } from "./dataShare";
export { DataShareDatabase } from "./dataShareDatabase";
export type { DataShareDatabaseArgs } from "./dataShareDatabase";
export { DataShareGrant } from "./dataShareGrant";
export type { DataShareGrantArgs } from "./dataShareGrant";
