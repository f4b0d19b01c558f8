import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";

// Run with the consumer account's credentials.
const config = new pulumi.Config();

// The producer's stack, e.g. `organization/datashare-producer/prod` on a self-managed backend.
const producer = new pulumi.StackReference(config.require("producerStack"));

const association = new DataShareConsumer("from-producer", {
  dataShareArn: producer.requireOutput("dataShareArn") as pulumi.Output<string>,
  consumerArn: config.require("consumerArn"),
  allowWrites: config.getBoolean("allowWrites"),
});

export const associationId = association.id;
export const status = association.status;
export const producerAllowedWrites = association.producerAllowedWrites;
export const consumerAcceptedWrites = association.consumerAcceptedWrites;
