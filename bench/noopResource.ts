/**
 * The cold-start floor (coldStart.ts drives Pulumi's host over gRPC directly): a provider that makes
 * no API call and returns its inputs, behind a shim whose methods `require` a provider package by
 * name at call time, as the SDK's shim does. The engine scenarios' floors are in program/noop.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";

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

/** Same loader-at-call-time shape as the SDK's shim (sdk/providerShim.ts), with the same methods. */
function loadNoopProvider(): pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
} {
  return require("rds-bench-noop-provider");
}

export const noopShim: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return loadNoopProvider().configure(req);
  },
  async check(olds, news) {
    return loadNoopProvider().check!(olds, news);
  },
  async diff(id, olds, news) {
    return loadNoopProvider().diff!(id, olds, news);
  },
  async create(inputs) {
    return loadNoopProvider().create(inputs);
  },
  async read(id, props) {
    return loadNoopProvider().read!(id, props);
  },
  async delete(id, props) {
    return loadNoopProvider().delete!(id, props);
  },
};
