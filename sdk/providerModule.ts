/**
 * The `__provider` text the engine stores with each resource. The dynamic-provider host evaluates
 * it as a module and calls its `handler()` for the provider object. The text only loads the
 * installed package's provider by name, so:
 * - it holds nothing of the program, the machine or its credentials;
 * - an upgrade of the package changes behaviour without replacing resources;
 * - at about 300 bytes it keeps state small: the engine stores it in every resource's inputs and
 *   outputs, sends it in every call and rewrites the checkpoint after every step (bench/README.md);
 * - no closure serializer runs in the program: JavaScript projects install no TypeScript, and
 *   projects on TypeScript 7 (no compiler API) work.
 *
 * The host evaluates the text without a file name, so a bare require resolves only through the
 * node_modules folders above the program's directory; when that fails it resolves from the working
 * directory itself, which also lets a program inside this package's own tree use the package's
 * self-reference ("exports" in package.json).
 */
import { resourceEntry, type ResourceName } from "../provider/registry";

/** A resource's name (the registry's). */
export type ResourceTypeName = ResourceName;

const PROVIDER_MODULE = "pulumi-redshift-datashare/provider";

export function providerModuleText(type: ResourceTypeName): string {
  // The public entry exports the provider under the name the registry gives.
  const exportName = resourceEntry(type).providerExport;
  return `exports.handler = function () {
  var name = "${PROVIDER_MODULE}";
  try {
    return require(name).${exportName};
  } catch (e) {
    if (e.code !== "MODULE_NOT_FOUND") throw e;
    return require("module").createRequire(process.cwd() + "/")(name).${exportName};
  }
};
`;
}
