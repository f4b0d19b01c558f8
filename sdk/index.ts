/** `pulumi-redshift-datashare`: the DataShareConsumer resource. No logic lives here; see provider/. */
export { DataShareConsumer } from "./dataShareConsumer";
export type { DataShareConsumerArgs } from "./dataShareConsumer";
export { providerShim } from "./providerShim";
