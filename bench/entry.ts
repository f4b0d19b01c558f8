/** The package's public entries, loaded when measuring so the pure parts load without a build. */
import type * as Provider from "pulumi-redshift-datashare/provider";
import type * as Schema from "pulumi-redshift-datashare/schema";

export const providerEntry = (): typeof Provider => require("pulumi-redshift-datashare/provider");
export const schemaEntry = (): typeof Schema => require("pulumi-redshift-datashare/schema");
