import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";

const config = new pulumi.Config();

// Every namespace of the consumer account, in every region, now and later.
const wholeAccount = new DataShareConsumer("whole-account", {
  dataShareArn: config.require("dataShareArn"),
  associateEntireAccount: true,
});

export const associationId = wholeAccount.id;
export const status = wholeAccount.status;
export const consumerIdentifier = wholeAccount.consumerIdentifier;
