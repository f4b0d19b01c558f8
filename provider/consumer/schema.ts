/** The one schema of DataShareConsumer (see ../core/schema.ts for what derives from it). */
import { inputProperty, outputProperty, reportedProperty, type ResourceSpec } from "../core/schema";
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
        "ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`.",
      ),
      input: { required: true },
    },
    associateEntireAccount: inputProperty(
      "boolean",
      "Associate the datashare with the entire consumer account (every namespace, in every region).",
    ),
    consumerArn: inputProperty(
      "string",
      "Associate the datashare with one namespace: provisioned `arn:…:redshift:<region>:<account>:namespace:<guid>` " +
        "or serverless `arn:…:redshift-serverless:<region>:<account>:namespace/<guid>`.",
    ),
    consumerRegion: inputProperty(
      "string",
      "Associate the datashare with every namespace of the consumer account in one region; as an output, the region AWS reports.",
    ),
    allowWrites: inputProperty(
      "boolean",
      "Accept writes on the datashare (takes effect only where the producer authorized writes). Unset means read-only.",
    ),
    region: inputProperty(
      "string",
      "AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed, " +
        "the only one that answers for it. The region used is recorded: refresh and destroy keep using it.",
    ),
    producerArn: reportedProperty("string", "ARN of the producer namespace."),
    allowPubliclyAccessibleConsumers: reportedProperty(
      "boolean",
      "Whether the datashare may be shared with publicly accessible clusters.",
    ),
    managedBy: outputProperty("string", "The service that manages the datashare, if any, e.g. ADX."),
    dataShareType: outputProperty("string", "The datashare's type, as AWS reports it."),
    status: reportedProperty("string", ASSOCIATION_STATUS_DOC),
    consumerIdentifier: reportedProperty(
      "string",
      "The consumer AWS reports: the account ID or the namespace ARN.",
    ),
    createdDate: reportedProperty("string", "When the association was made."),
    statusChangeDate: reportedProperty("string", "When its status last changed."),
    producerAllowedWrites: outputProperty("boolean", "Whether the producer authorized writes."),
    consumerAcceptedWrites: outputProperty("boolean", "Whether this association accepts writes."),
  },
  keyParts: ["dataShareArn", "associateEntireAccount", "consumerArn", "consumerRegion"],
  side: "consumer",
  summary:
    "Associates a producer's datashare with the consumer account, one namespace, or every namespace of a region.",
} as const satisfies ResourceSpec;
