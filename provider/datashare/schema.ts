/** The one schema of DataShare (see ../core/schema.ts for what derives from it). */
import {
  inputListProperty,
  inputProperty,
  outputProperty,
  reportedProperty,
  type ResourceSpec,
} from "../core/schema";
import { sqlTargetSchema } from "../core/sqlTargetSchema";

/** One shared schema and the objects of it the datashare holds. */
export const dataShareSchemaType = {
  type: "object",
  name: "DataShareSchema",
  description: "A schema the datashare holds, and which of its tables, views and functions it shares.",
  fields: {
    name: { type: "string", description: "The schema's name (lower case).", required: true },
    tables: {
      type: "array",
      items: { type: "string" },
      description: "Tables and views of the schema to share, by name (ADD TABLE).",
    },
    allTables: {
      type: "boolean",
      description: "Share every table and view the schema holds now (ADD ALL TABLES IN SCHEMA).",
    },
    functions: {
      type: "array",
      items: { type: "string" },
      description:
        "Functions of the schema to share, each with its argument types, e.g. `f_net(integer, integer)`.",
    },
    allFunctions: {
      type: "boolean",
      description: "Share every function the schema holds now (ADD ALL FUNCTIONS IN SCHEMA).",
    },
    includeNew: {
      type: "boolean",
      description: "Share the tables, views and functions created in the schema later (SET INCLUDENEW).",
    },
  },
} as const;

export const dataShareSpec = {
  name: "DataShare",
  description:
    "A producer's Redshift datashare and the schemas, tables, views and functions it shares " +
    "(CREATE / ALTER / DROP DATASHARE over the Redshift Data API). Run it with the producer account's credentials.",
  properties: {
    name: {
      ...inputProperty("string", "The datashare's name (lower case: letters, digits, `_`, `$`, `-`)."),
      input: { required: true },
    },
    ...sqlTargetSchema(
      "producer",
      "The producer database the statements run in, which holds the shared objects.",
    ),
    publicAccessible: inputProperty(
      "boolean",
      "Whether consumers with publicly accessible clusters or workgroups may use the datashare (SET PUBLICACCESSIBLE). Unset means false.",
    ),
    schemas: inputListProperty(
      dataShareSchemaType,
      "The schemas the datashare holds, each with the objects of it to share. Changing them alters the datashare in place.",
    ),
    dataShareArn: reportedProperty(
      "string",
      "ARN of the datashare, which DataShareAuthorization and DataShareConsumer take.",
    ),
    producerAccount: reportedProperty("string", "The producer's AWS account ID."),
    producerNamespace: reportedProperty("string", "The producer namespace's GUID."),
    managedBy: outputProperty("string", "The service that manages the datashare, if any, e.g. ADX."),
  },
  keyParts: ["clusterIdentifier", "workgroupName", "name", "region"],
  side: "producer",
  summary:
    "Creates a datashare and the schemas, tables, views and functions it shares (CREATE DATASHARE, ALTER DATASHARE).",
} as const satisfies ResourceSpec;
