/**
 * The end-to-end tests' user program: the DataShareConsumer resources named in the stack config
 * `consumers` (a JSON object of name → arguments), each one's live outputs exported under its name.
 * Tests change what is declared with `pulumi config set`, as a user would edit the program.
 */
import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer, DataShareConsumerArgs } from "pulumi-redshift-datashare";

const declared = new pulumi.Config().requireObject<Record<string, DataShareConsumerArgs>>("consumers");

export const consumers = Object.fromEntries(
  Object.entries(declared).map(([name, args]) => {
    const c = new DataShareConsumer(name, args);
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
