import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";

const config = new pulumi.Config();

// Writes take effect only where the producer authorized them too (producerAllowedWrites).
const writable = new DataShareConsumer("writable", {
  dataShareArn: config.require("dataShareArn"),
  consumerArn: config.require("consumerArn"),
  allowWrites: true,
});

export const associationId = writable.id;
export const status = writable.status;
export const producerAllowedWrites = writable.producerAllowedWrites;
export const consumerAcceptedWrites = writable.consumerAcceptedWrites;
