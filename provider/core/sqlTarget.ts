/**
 * Where a SQL resource's statements run: the inputs all three share (clusterIdentifier XOR
 * workgroupName, database, dbUser or secretArn, region), checked once here, and the Data API's
 * request members built from them. Pure.
 *
 * Neither dbUser nor secretArn: the caller's IAM identity (GetClusterCredentialsWithIAM for a
 * cluster, GetCredentials for a workgroup, as the Data API does it).
 */
import { arnParts, parseRegion, quote } from "./arn";
import { CheckFailure, describeValue, isSet, isUnknown } from "./check";
import type { SqlTargetRequest } from "./dataApi";
import { identifierProblem } from "./sql";

/** The shared inputs, as a resource's inputs hold them once checked. */
export interface SqlTarget {
  clusterIdentifier?: string;
  workgroupName?: string;
  database: string;
  dbUser?: string;
  secretArn?: string;
  region?: string;
}

/** The shared inputs' names, in the order the schema and messages list them. */
export const SQL_TARGET_PROPERTIES = [
  "clusterIdentifier",
  "workgroupName",
  "database",
  "dbUser",
  "secretArn",
  "region",
] as const;

/** Redshift's rule for cluster identifiers (CreateCluster). */
const CLUSTER_IDENTIFIER = /^[a-z](?:[a-z0-9]|-(?!-)){0,62}(?<!-)$/;
/** Redshift Serverless's rule for workgroup names (CreateWorkgroup). */
const WORKGROUP_NAME = /^[a-z0-9-]{3,64}$/;
const ACCOUNT_ID = /^\d{12}$/;
const SECRET_RESOURCE = /^secret:[A-Za-z0-9/_+=.@-]{1,512}$/;

type Bag = Record<string, unknown>;

/**
 * The failures of the shared inputs in `inputs`, each naming its property. Unknown values (preview)
 * pass: they are checked again when known.
 */
export function checkSqlTarget(inputs: Bag): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const given = (name: string) => isSet(inputs[name]);
  const known = (name: string) => given(name) && !isUnknown(inputs[name]);

  for (const name of SQL_TARGET_PROPERTIES) {
    if (known(name) && typeof inputs[name] !== "string") {
      fail(name, `must be a string, not ${describeValue(inputs[name])}`);
    }
  }
  const text = (name: string): string | undefined =>
    known(name) && typeof inputs[name] === "string" ? (inputs[name] as string) : undefined;

  if (given("clusterIdentifier") && given("workgroupName")) {
    fail(
      "workgroupName",
      "set either clusterIdentifier (a provisioned cluster) or workgroupName (a serverless workgroup), not both",
    );
  } else if (!given("clusterIdentifier") && !given("workgroupName")) {
    fail(
      "clusterIdentifier",
      "is required unless workgroupName is set: name the provisioned cluster (or the serverless workgroup) the statements run on",
    );
  }
  const cluster = text("clusterIdentifier");
  if (cluster !== undefined && !CLUSTER_IDENTIFIER.test(cluster)) {
    fail(
      "clusterIdentifier",
      "must be 1 to 63 lower-case letters, digits and hyphens, start with a letter, with no two hyphens in a row and none at the end",
    );
  }
  const workgroup = text("workgroupName");
  if (workgroup !== undefined && !WORKGROUP_NAME.test(workgroup)) {
    fail("workgroupName", "must be 3 to 64 lower-case letters, digits and hyphens");
  }

  if (!given("database")) {
    fail("database", "is required: the database the statements connect to (e.g. dev)");
  }
  const database = text("database");
  if (database !== undefined) {
    const problem = identifierProblem(database);
    if (problem !== undefined) fail("database", problem);
  }

  if (given("dbUser") && given("workgroupName")) {
    fail(
      "dbUser",
      "is for a provisioned cluster only; with workgroupName use secretArn or the caller's IAM identity",
    );
  }
  if (given("dbUser") && given("secretArn")) {
    fail("secretArn", "set either dbUser or secretArn, not both (neither: the caller's IAM identity)");
  }
  const dbUser = text("dbUser");
  if (dbUser !== undefined) {
    const problem = identifierProblem(dbUser);
    if (problem !== undefined) fail("dbUser", problem);
  }
  const secretArn = text("secretArn");
  if (secretArn !== undefined) {
    const problem = secretArnProblem(secretArn);
    if (problem !== undefined) fail("secretArn", problem);
  }

  const region = text("region");
  if (region !== undefined) {
    const parsed = parseRegion(region);
    if (!parsed.ok) fail("region", parsed.reason);
    else if (secretArn !== undefined && secretArnProblem(secretArn) === undefined) {
      const secretRegion = arnParts(secretArn)!.region;
      if (secretRegion !== region) {
        fail(
          "secretArn",
          `is a secret in ${secretRegion}, but the statements run in ${region}: the Data API reads secrets of its own region`,
        );
      }
    }
  }
  return failures;
}

/** Why `arn` is not a Secrets Manager secret's ARN, or undefined. */
export function secretArnProblem(arn: string): string | undefined {
  const expected =
    "must be a Secrets Manager secret's ARN, arn:<partition>:secretsmanager:<region>:<account>:secret:<name>";
  const parts = arnParts(arn);
  if (parts === undefined || parts.service !== "secretsmanager" || !SECRET_RESOURCE.test(parts.resource)) {
    return `${expected}, not ${quote(arn)}`;
  }
  const region = parseRegion(parts.region);
  if (!region.ok) return `names region ${quote(parts.region)}: ${region.reason}`;
  if (region.value.partition !== parts.partition) {
    return `names region ${parts.region}, which is in partition ${region.value.partition}, not ${parts.partition}`;
  }
  if (!ACCOUNT_ID.test(parts.account))
    return `names account ${quote(parts.account)}; an account ID has 12 digits`;
  return undefined;
}

/** The target of checked inputs (checkSqlTarget found nothing). */
export function sqlTargetOf(inputs: Bag): SqlTarget {
  const text = (name: string) => (typeof inputs[name] === "string" ? (inputs[name] as string) : undefined);
  const target: SqlTarget = { database: text("database") ?? "" };
  for (const name of ["clusterIdentifier", "workgroupName", "dbUser", "secretArn", "region"] as const) {
    const value = text(name);
    if (value !== undefined && value !== "") target[name] = value;
  }
  return target;
}

/** The Data API's request members for a target (the region is the client's, not a member). */
export function targetRequest(target: SqlTarget): SqlTargetRequest {
  return {
    ...(target.clusterIdentifier !== undefined ? { ClusterIdentifier: target.clusterIdentifier } : {}),
    ...(target.workgroupName !== undefined ? { WorkgroupName: target.workgroupName } : {}),
    Database: target.database,
    ...(target.dbUser !== undefined ? { DbUser: target.dbUser } : {}),
    ...(target.secretArn !== undefined ? { SecretArn: target.secretArn } : {}),
  };
}

/** The target in words, for messages: `cluster c1, database dev` / `workgroup w1, database dev`. */
export function describeTarget(target: SqlTarget): string {
  const where =
    target.clusterIdentifier !== undefined
      ? `cluster ${target.clusterIdentifier}`
      : `workgroup ${target.workgroupName}`;
  return `${where}, database ${target.database}`;
}
