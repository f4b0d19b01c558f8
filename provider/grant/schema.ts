/** The one schema of DataShareGrant (see ../core/schema.ts for what derives from it). */
import { inputProperty, reportedProperty, type ResourceSpec } from "../core/schema";
import { sqlTargetSchema } from "../core/sqlTargetSchema";

export const grantSpec = {
  name: "DataShareGrant",
  description:
    "The producer's grant of usage of a Redshift datashare (GRANT USAGE ON DATASHARE … TO ACCOUNT, " +
    "… VIA DATA CATALOG, or TO NAMESPACE), run through the Redshift Data API in the producer database. " +
    "A grant to an account is what AuthorizeDataShare (DataShareAuthorization) then authorizes.",
  properties: {
    ...sqlTargetSchema("producer", "The database the statements run in: the one that holds the datashare."),
    dataShareName: {
      ...inputProperty("string", "The datashare's name, in lower case, as CREATE DATASHARE made it."),
      input: { required: true },
    },
    consumerIdentifier: {
      ...inputProperty(
        "string",
        "Who gets usage: a 12-digit account ID (TO ACCOUNT), `DataCatalog/<account ID>` (TO ACCOUNT … VIA " +
          "DATA CATALOG, for Lake Formation) or a consumer namespace GUID in lower case (TO NAMESPACE).",
      ),
      input: { required: true },
    },
    dataShareArn: reportedProperty(
      "string",
      "ARN of the datashare: what DataShareAuthorization and DataShareConsumer take.",
    ),
  },
  keyParts: ["clusterIdentifier", "workgroupName", "dataShareName", "consumerIdentifier"],
  side: "producer",
  summary:
    "Grants usage of a datashare to an account, the Data Catalog or a namespace (GRANT USAGE ON DATASHARE).",
} as const satisfies ResourceSpec;
