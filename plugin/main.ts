/**
 * The `redshift-datashare` provider plugin's entry: `pulumi-resource-redshift-datashare` (beside
 * this package's `plugin/` folder) runs it with Node.js. Settings come from the provider resource
 * (Configure) and the environment; credentials from the AWS SDK's default chain, never from state.
 */
import { main } from "@pulumi/pulumi/provider";
import { logThroughEngine } from "./engineLog";
import { createPluginProvider } from "./provider";
import { installServerHooks } from "./serverHooks";
import { resourceSpecs, settingSpecs } from "./resources";
import { buildSchema } from "./schema";

// Same as the dynamic provider's module: the SDK's Node.js 20 notice concerns nothing users run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const version = (require("pulumi-redshift-datashare/package.json") as { version: string }).version;
const plugin = createPluginProvider({
  version,
  schema: () => JSON.stringify(buildSchema({ version, resources: resourceSpecs, settings: settingSpecs })),
});
installServerHooks((args) => plugin.configure(args));
logThroughEngine(process.argv.slice(2));
void main(plugin, process.argv.slice(2));
