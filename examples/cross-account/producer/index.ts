import * as pulumi from "@pulumi/pulumi";
import { DataShareAuthorization } from "pulumi-redshift-datashare";

// Run with the producer account's credentials.
const config = new pulumi.Config();

const authorization = new DataShareAuthorization("to-consumer", {
  dataShareArn: config.require("dataShareArn"),
  consumerIdentifier: config.require("consumerAccount"),
  allowWrites: config.getBoolean("allowWrites"),
});

// The consumer's stack reads this through a StackReference.
export const dataShareArn = authorization.dataShareArn;
export const status = authorization.status;
export const producerAllowedWrites = authorization.producerAllowedWrites;
