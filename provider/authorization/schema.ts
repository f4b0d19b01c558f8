/** The one schema of DataShareAuthorization (see ../core/schema.ts for what derives from it). */
import { inputProperty, outputProperty, reportedProperty, type ResourceSpec } from "../core/schema";
import { AUTHORIZATION_STATUS_DOC } from "../core/statuses";

export const authorizationSpec = {
  name: "DataShareAuthorization",
  description:
    "The producer's authorization of a Redshift datashare for one consumer (AuthorizeDataShare). " +
    "Run it with the producer account's credentials.",
  properties: {
    dataShareArn: {
      ...inputProperty(
        "string",
        "ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`.",
      ),
      input: { required: true },
    },
    consumerIdentifier: {
      ...inputProperty(
        "string",
        "The consumer: a 12-digit account ID, `ADX` (AWS Data Exchange) or `DataCatalog/<account ID>` " +
          "(Lake Formation, for a datashare published to the Glue Data Catalog).",
      ),
      input: { required: true },
    },
    allowWrites: inputProperty(
      "boolean",
      "Allow the consumer to write through the datashare. Unset means read-only. Changing it re-authorizes in place.",
    ),
    region: {
      ...inputProperty(
        "string",
        "AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed. " +
          "As an output, the region the calls go to.",
      ),
      alwaysReported: true,
    },
    producerArn: reportedProperty("string", "ARN of the producer namespace."),
    status: reportedProperty("string", AUTHORIZATION_STATUS_DOC),
    producerAllowedWrites: outputProperty("boolean", "Whether the producer allows writes."),
    consumerAcceptedWrites: outputProperty("boolean", "Whether the consumer's association accepts writes."),
    createdDate: reportedProperty("string", "When the authorization was made."),
    statusChangeDate: reportedProperty("string", "When its status last changed."),
    managedBy: outputProperty("string", "The service that manages the datashare, if any, e.g. ADX."),
    dataShareType: outputProperty("string", "The datashare's type, as AWS reports it."),
  },
  keyParts: ["dataShareArn", "consumerIdentifier"],
  side: "producer",
  summary: "Authorizes a consumer account (or ADX, or the Glue Data Catalog) to use a datashare.",
} as const satisfies ResourceSpec;
