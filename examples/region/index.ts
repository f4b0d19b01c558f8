import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";

const config = new pulumi.Config();

// Every namespace of the consumer account in one region, now and later.
const oneRegion = new DataShareConsumer("one-region", {
  dataShareArn: config.require("dataShareArn"),
  consumerRegion: config.require("consumerRegion"),
});

export const associationId = oneRegion.id;
export const status = oneRegion.status;
export const consumerRegion = oneRegion.consumerRegion;
