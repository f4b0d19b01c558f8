/**
 * The end-to-end tests' user program: the DataShareConsumer resources named in the stack config
 * `consumers` (a JSON object of name → arguments), each one's live outputs exported under its name.
 * Tests change what is declared with `pulumi config set`, as a user would edit the program. The
 * optional config `imports` (name → ID) sets the `import` resource option.
 */
import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer, DataShareConsumerArgs } from "pulumi-redshift-datashare";

const config = new pulumi.Config();
const declared = config.requireObject<Record<string, DataShareConsumerArgs>>("consumers");
const imports = config.getObject<Record<string, string>>("imports") ?? {};

export const consumers = Object.fromEntries(
  Object.entries(declared).map(([name, args]) => {
    const c = new DataShareConsumer(name, args, imports[name] ? { import: imports[name] } : undefined);
    return [
      name,
      {
        id: c.id,
        status: c.status,
        consumerIdentifier: c.consumerIdentifier,
        consumerRegion: c.consumerRegion,
        producerAllowedWrites: c.producerAllowedWrites,
        consumerAcceptedWrites: c.consumerAcceptedWrites,
      },
    ];
  }),
);
