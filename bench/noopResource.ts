/**
 * Pulumi's own floor for a dynamic resource: a provider that makes no API call and returns its
 * inputs. For a fair comparison it has the DataShareConsumer's shape: its own module/type name, a
 * shim whose methods `require` a provider package by name at call time (so the serialized
 * `__provider` is the same kind of small closure), and the same input properties.
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

export interface NoopArgs {
  dataShareArn: pulumi.Input<string>;
  consumerArn: pulumi.Input<string>;
}

export class NoopConsumer extends pulumi.dynamic.Resource {
  constructor(name: string, args: NoopArgs, opts?: pulumi.CustomResourceOptions) {
    super(noopShim, name, { ...args }, opts, "bench", "NoopConsumer");
  }
}

/** Output properties DataShareConsumer declares besides its inputs (sdk/dataShareConsumer.ts). */
const DATA_SHARE_CONSUMER_OUTPUTS = [
  "associateEntireAccount",
  "consumerRegion",
  "allowWrites",
  "region",
  "producerArn",
  "allowPubliclyAccessibleConsumers",
  "managedBy",
  "dataShareType",
  "status",
  "consumerIdentifier",
  "createdDate",
  "statusChangeDate",
  "producerAllowedWrites",
  "consumerAcceptedWrites",
];

/**
 * A diagnostic floor: the no-op provider with every property DataShareConsumer declares, to tell
 * the cost of the declared properties (in the program) from the cost of the provider's work.
 */
export class WideNoopConsumer extends pulumi.dynamic.Resource {
  constructor(name: string, args: NoopArgs, opts?: pulumi.CustomResourceOptions) {
    const props: Record<string, unknown> = { ...args };
    for (const key of DATA_SHARE_CONSUMER_OUTPUTS) props[key] = undefined;
    super(noopShim, name, props, opts, "bench", "WideNoopConsumer");
  }
}
