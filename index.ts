/**
 * The root project's program (Pulumi.yaml; `npm start` runs it against the emulator): one
 * datashare associated with one consumer namespace, as in examples/namespace.
 */
import * as pulumi from "@pulumi/pulumi";
import { DataShareConsumer } from "pulumi-redshift-datashare";

const config = new pulumi.Config();

const association = new DataShareConsumer("analytics", {
  dataShareArn: config.require("dataShareArn"),
  consumerArn: config.require("consumerArn"),
});

export const associationId = association.id;
export const status = association.status;
export const consumerIdentifier = association.consumerIdentifier;
