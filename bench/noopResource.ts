/**
 * The cold-start floor (coldStart.ts drives Pulumi's host over gRPC directly): a provider that makes
 * no API call and returns its inputs, loaded by name from its `__provider` text as the SDK's
 * provider is. The engine scenarios' floors are in program/noop.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The package the shim requires inside the dynamic provider host (written into the project). */
export const NOOP_PACKAGE = "rds-bench-noop-provider";

/** The provider module, as plain JavaScript: the host runs plain Node, not ts-node. */
const NOOP_MODULE_SOURCE = `"use strict";
let next = 0;
exports.configure = async () => {};
exports.check = async (olds, news) => ({ inputs: news });
exports.diff = async () => ({ changes: false });
exports.create = async (inputs) => ({ id: "noop-" + process.pid + "-" + next++, outs: inputs });
exports.read = async (id, props) => ({ id, props });
exports.delete = async () => {};
`;

/** Installs the no-op provider package into a project's node_modules. */
export function installNoopPackage(projectDir: string): void {
  const dir = path.join(projectDir, "node_modules", NOOP_PACKAGE);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: NOOP_PACKAGE, main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), NOOP_MODULE_SOURCE);
}

/** The no-op's `__provider` text, the same shape as the SDK's (sdk/providerModule.ts): load the package by name. */
export const NOOP_PROVIDER_MODULE_TEXT = `exports.handler = function () {
  return require("${NOOP_PACKAGE}");
};
`;
