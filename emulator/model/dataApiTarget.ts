import { ValidationException } from "../faults";
import type { Caller } from "./principals";
import type { Account, Namespace } from "./types";

/** The connection members every Data API statement carries. */
export interface DataApiTarget {
  ClusterIdentifier?: string;
  WorkgroupName?: string;
  Database?: string;
  DbUser?: string;
  SecretArn?: string;
}

export interface ResolvedTarget {
  namespace: Namespace;
  /** Undefined: the secret names the database; the namespace's own is used. */
  database?: string;
  /** The echo of the request's members, as the Data API answers them. */
  echo: DataApiTarget;
}

const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):(\d{12}):secret:[A-Za-z0-9/_+=.@-]+$/;

function given(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}

/**
 * A provisioned cluster with DbUser, SecretArn or the caller's IAM identity; or a serverless
 * workgroup with SecretArn or the IAM identity. Both, neither, or DbUser with a secret or a
 * workgroup is a ValidationException, as the API reference's combinations say.
 */
export function resolveTarget(account: Account, caller: Caller, input: DataApiTarget): ResolvedTarget {
  const {
    ClusterIdentifier: cluster,
    WorkgroupName: workgroup,
    DbUser: dbUser,
    SecretArn: secretArn,
  } = input;
  if (given(cluster) === given(workgroup)) {
    throw new ValidationException("Exactly one of ClusterIdentifier or WorkgroupName must be provided.");
  }
  if (given(dbUser) && given(secretArn)) {
    throw new ValidationException(
      "DbUser and SecretArn can't be used together; choose one way to authenticate.",
    );
  }
  if (given(dbUser) && given(workgroup)) {
    throw new ValidationException(
      "DbUser isn't supported with WorkgroupName; use SecretArn or your IAM identity.",
    );
  }
  if (given(secretArn)) {
    const match = SECRET_ARN.exec(secretArn);
    if (!match || match[2] !== account.id || match[1] !== caller.region) {
      throw new ValidationException(
        `Secret ${secretArn} isn't a Secrets Manager secret of this account and region.`,
      );
    }
  }
  if (!given(input.Database) && !given(secretArn)) {
    throw new ValidationException("Database is required unless the SecretArn's secret names it.");
  }
  const namespace = account.namespaces.find(
    (n) =>
      n.region === caller.region &&
      (given(cluster)
        ? n.type === "provisioned" && n.cluster === cluster
        : n.type === "serverless" && n.workgroup === workgroup),
  );
  if (!namespace) {
    throw new ValidationException(
      given(cluster)
        ? "Redshift endpoint doesn't exist in this region."
        : `Workgroup ${workgroup} doesn't exist in this region.`,
    );
  }
  const echo: DataApiTarget = {};
  for (const key of ["ClusterIdentifier", "WorkgroupName", "Database", "DbUser", "SecretArn"] as const) {
    if (given(input[key])) echo[key] = input[key];
  }
  return { namespace, ...(given(input.Database) ? { database: input.Database } : {}), echo };
}
