/** The one schema of DataShareDatabase (see ../core/schema.ts for what derives from it). */
import { inputProperty, outputProperty, type ResourceSpec } from "../core/schema";
import { sqlTargetSchema } from "../core/sqlTargetSchema";

export const databaseSpec = {
  name: "DataShareDatabase",
  description:
    "A consumer database made from an associated Redshift datashare (SQL `CREATE DATABASE … FROM DATASHARE`), " +
    "run through the Redshift Data API on the consumer's cluster or workgroup. Set exactly one of " +
    "clusterIdentifier and workgroupName.",
  properties: {
    name: {
      ...inputProperty(
        "string",
        "The database to create (a Redshift identifier, lower case). Changing it replaces the database.",
      ),
      input: { required: true },
    },
    dataShareArn: {
      ...inputProperty(
        "string",
        "ARN of the producer's datashare the database is made from, already associated with the consumer " +
          "(DataShareConsumer). A database cannot be re-pointed: changing it replaces the database.",
      ),
      input: { required: true },
    },
    withPermissions: inputProperty(
      "boolean",
      "Create the database `WITH PERMISSIONS` (users need object-level grants to query it). Changing it replaces the database.",
    ),
    ...sqlTargetSchema(
      "consumer",
      "An existing database of the consumer to connect to, e.g. `dev`; not the one being created.",
    ),
    producerAccount: outputProperty(
      "string",
      "The producer's account ID, as the consumer's views report it; unset while the datashare no longer feeds the database.",
    ),
    producerNamespace: outputProperty(
      "string",
      "The producer namespace GUID, as the consumer's views report it; unset while the datashare no longer feeds the database.",
    ),
    dataShareName: outputProperty(
      "string",
      "The datashare's name, as the consumer's views report it; unset while the datashare no longer feeds the database.",
    ),
  },
  keyParts: ["clusterIdentifier", "workgroupName", "name"],
  side: "consumer",
  summary: "Creates a database from an associated datashare (CREATE DATABASE … FROM DATASHARE).",
} as const satisfies ResourceSpec;
