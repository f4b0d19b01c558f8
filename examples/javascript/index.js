"use strict";
const pulumi = require("@pulumi/pulumi");
const { DataShareConsumer } = require("pulumi-redshift-datashare");

const config = new pulumi.Config();

const analytics = new DataShareConsumer("analytics", {
  dataShareArn: config.require("dataShareArn"),
  consumerArn: config.require("consumerArn"),
});

exports.associationId = analytics.id;
exports.status = analytics.status;
exports.consumerIdentifier = analytics.consumerIdentifier;
