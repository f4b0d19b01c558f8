/** The one schema of DataShareDatabase (see ../core/schema.ts for what derives from it). */
import { inputProperty, outputProperty, type ResourceSpec } from "../core/schema";

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
    clusterIdentifier: inputProperty(
      "string",
      "The consumer's provisioned cluster the statements run on (or set workgroupName).",
    ),
    workgroupName: inputProperty(
      "string",
      "The consumer's serverless workgroup the statements run on (or set clusterIdentifier).",
    ),
    database: {
      ...inputProperty(
        "string",
        "An existing database of the consumer to connect to, e.g. `dev`; not the one being created.",
      ),
      input: { required: true },
    },
    dbUser: inputProperty(
      "string",
      "Database user for temporary credentials (provisioned clusters only). Unset with secretArn unset: the caller's IAM identity.",
    ),
    secretArn: inputProperty(
      "string",
      "Secrets Manager ARN of the database credentials. Unset with dbUser unset: the caller's IAM identity.",
    ),
    region: inputProperty(
      "string",
      "AWS region of the cluster or workgroup (the Data API's region); default: the provider's region.",
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
