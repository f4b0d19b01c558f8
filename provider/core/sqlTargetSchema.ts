/**
 * The schema of the SQL resources' shared target inputs (sqlTarget.ts checks them), written once:
 * each resource's schema spreads it, naming only whose side the statements run on and what its
 * `database` is. Pure, and free of the AWS SDK (the package's `schema` entry loads it).
 */
import { inputProperty } from "./schema";
import type { PropertySpec } from "./schema";
import type { SQL_TARGET_PROPERTIES } from "./sqlTarget";

/** Whose cluster or workgroup the statements run on. */
export type SqlSide = "producer" | "consumer";

/** The six target properties, in SQL_TARGET_PROPERTIES's order, with their literal types kept. */
export function sqlTargetSchema(side: SqlSide, databaseDoc: string) {
  return {
    clusterIdentifier: inputProperty(
      "string",
      `The ${side}'s provisioned cluster the statements run on. Set this or \`workgroupName\`.`,
    ),
    workgroupName: inputProperty(
      "string",
      `The ${side}'s Redshift Serverless workgroup the statements run on. Set this or \`clusterIdentifier\`.`,
    ),
    database: { ...inputProperty("string", databaseDoc), input: { required: true } as const },
    dbUser: inputProperty(
      "string",
      "Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity.",
    ),
    secretArn: inputProperty(
      "string",
      "ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity.",
    ),
    region: {
      ...inputProperty(
        "string",
        "AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, " +
          "the region create used, where read, update and delete keep going when the program declares none.",
      ),
      alwaysReported: true as const,
    },
  } satisfies Record<(typeof SQL_TARGET_PROPERTIES)[number], PropertySpec>;
}
