/** `pulumi-redshift-datashare`: the DataShareConsumer and DataShareAuthorization resources. No logic lives here; see provider/. */
export { DataShareConsumer } from "./dataShareConsumer";
export type { DataShareConsumerArgs } from "./dataShareConsumer";
export { DataShareAuthorization } from "./dataShareAuthorization";
export type { DataShareAuthorizationArgs } from "./dataShareAuthorization";
