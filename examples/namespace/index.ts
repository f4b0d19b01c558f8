import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";

const config = new pulumi.Config();

const analytics = new DataShareConsumer("analytics", {
  dataShareArn: config.require("dataShareArn"),
  consumerArn: config.require("consumerArn"),
});

export const associationId = analytics.id;
export const status = analytics.status;
export const consumerIdentifier = analytics.consumerIdentifier;
export const producerArn = analytics.producerArn;
