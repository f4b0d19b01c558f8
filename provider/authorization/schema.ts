/** The one schema of DataShareAuthorization (see ../core/schema.ts for what derives from it). */
import { outputProperty, type ResourceSpec } from "../core/schema";
import { AUTHORIZATION_STATUS_DOC } from "../core/statuses";

export const authorizationSpec = {
  name: "DataShareAuthorization",
  description:
    "The producer's authorization of a Redshift datashare for one consumer (AuthorizeDataShare). " +
    "Run it with the producer account's credentials.",
  properties: {
    dataShareArn: {
      type: "string",
      description:
        "ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`.",
      input: { required: true },
      output: true,
    },
    consumerIdentifier: {
      type: "string",
      description:
        "The consumer: a 12-digit account ID, `ADX` (AWS Data Exchange) or `DataCatalog/<account ID>` (Lake Formation).",
      input: { required: true },
      output: true,
    },
    allowWrites: {
      type: "boolean",
      description:
        "Allow the consumer to write through the datashare. Unset means read-only. Changing it re-authorizes in place.",
      input: {},
      output: true,
    },
    region: {
      type: "string",
      description:
        "AWS region for the API calls; defaults to the datashare's own region. As an output, the region the calls go to.",
      input: {},
      output: true,
    },
    producerArn: outputProperty("string", "ARN of the producer namespace."),
    status: outputProperty("string", AUTHORIZATION_STATUS_DOC),
    producerAllowedWrites: outputProperty("boolean", "Whether the producer allows writes."),
    consumerAcceptedWrites: outputProperty("boolean", "Whether the consumer's association accepts writes."),
    createdDate: outputProperty("string", "When the authorization was made."),
    statusChangeDate: outputProperty("string", "When its status last changed."),
    managedBy: outputProperty("string", "The service that manages the datashare, if any (e.g. ADX)."),
    dataShareType: outputProperty("string", "The datashare's type, as AWS reports it."),
  },
} as const satisfies ResourceSpec;
