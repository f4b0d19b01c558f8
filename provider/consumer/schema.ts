/** The one schema of DataShareConsumer (see ../core/schema.ts for what derives from it). */
import { inputProperty, outputProperty, type ResourceSpec } from "../core/schema";
import { ASSOCIATION_STATUS_DOC } from "../core/statuses";

export const consumerSpec = {
  name: "DataShareConsumer",
  description:
    "An association of a Redshift datashare with the consumer account, one namespace, or one region " +
    "(AssociateDataShareConsumer). Set exactly one of associateEntireAccount, consumerArn, consumerRegion.",
  properties: {
    dataShareArn: {
      ...inputProperty(
        "string",
        "ARN of the datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`.",
      ),
      input: { required: true },
    },
    associateEntireAccount: inputProperty(
      "boolean",
      "Associate the datashare with the entire consumer account (all namespaces, all regions).",
    ),
    consumerArn: inputProperty(
      "string",
      "Associate the datashare with one namespace (provisioned or serverless namespace ARN).",
    ),
    consumerRegion: inputProperty(
      "string",
      "Associate the datashare with every namespace in one region; as an output, the region AWS reports.",
    ),
    allowWrites: inputProperty(
      "boolean",
      "Accept writes on the datashare (the producer must have authorized writes). Unset means read-only.",
    ),
    region: inputProperty(
      "string",
      "AWS region for the API calls; defaults to the datashare's own region (the only one that answers " +
        "for it). The region used is recorded: refresh and destroy keep using it.",
    ),
    producerArn: outputProperty("string", "ARN of the producer namespace."),
    allowPubliclyAccessibleConsumers: outputProperty(
      "boolean",
      "Whether the datashare may be shared with publicly accessible clusters.",
    ),
    managedBy: outputProperty("string", "The service that manages the datashare, if any (e.g. ADX)."),
    dataShareType: outputProperty("string", "The datashare's type, as AWS reports it."),
    status: outputProperty("string", ASSOCIATION_STATUS_DOC),
    consumerIdentifier: outputProperty(
      "string",
      "The consumer AWS reports: the account ID or the namespace ARN.",
    ),
    createdDate: outputProperty("string", "When the association was made."),
    statusChangeDate: outputProperty("string", "When its status last changed."),
    producerAllowedWrites: outputProperty("boolean", "Whether the producer authorized writes."),
    consumerAcceptedWrites: outputProperty("boolean", "Whether this association accepts writes."),
  },
} as const satisfies ResourceSpec;
