/**
 * The package as a user gets it: its public entries, which resolve to the build (dist/). Loaded
 * when measuring rather than on import, so that the pure parts (and their unit tests) load
 * without a build.
 */
import type * as Provider from "pulumi-redshift-datashare/provider";
import type * as Schema from "pulumi-redshift-datashare/schema";

export const providerEntry = (): typeof Provider => require("pulumi-redshift-datashare/provider");
export const schemaEntry = (): typeof Schema => require("pulumi-redshift-datashare/schema");
