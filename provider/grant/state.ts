/**
 * The state the engine stores for a DataShareGrant: the inputs and the datashare's ARN, built from
 * the producer's SVV_DATASHARES row. Pure.
 */
import { partitionOf } from "../../identity/partition";
import { pickInputs, type StateRecord } from "../core/schema";
import type { ShareRow } from "./find";
import type { GrantId } from "./id";
import { grantSpec } from "./schema";
import type { DataShareGrantInputs, DataShareGrantOutputs } from "./types";

/** The declared inputs out of a property bag that may also hold outputs and `__provider`. */
export function declaredInputs(bag: Record<string, unknown>): DataShareGrantInputs {
  return pickInputs(grantSpec, bag) as unknown as DataShareGrantInputs;
}

/**
 * The datashare's ARN: the region the statements ran in (the producer's cluster or workgroup is
 * there), that region's partition, and the producer account and namespace the view reports.
 */
export function dataShareArnOf(share: ShareRow, region: string): string {
  return (
    `arn:${partitionOf(region)}:redshift:${region}:${share.producerAccount}:datashare:` +
    `${share.producerNamespace.toLowerCase()}/${share.shareName}`
  );
}

/**
 * The stored outputs; members without a value are left out (the engine rejects `undefined`).
 * `region` is the one the calls went to, declared or not.
 */
export function outputsFor(
  inputs: DataShareGrantInputs,
  dataShareArn: string | undefined,
  region: string,
): DataShareGrantOutputs {
  const all: StateRecord<typeof grantSpec> = {
    clusterIdentifier: inputs.clusterIdentifier,
    workgroupName: inputs.workgroupName,
    database: inputs.database,
    dbUser: inputs.dbUser,
    secretArn: inputs.secretArn,
    region,
    dataShareName: inputs.dataShareName,
    consumerIdentifier: inputs.consumerIdentifier,
    dataShareArn,
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(all)) if (value !== undefined && value !== "") out[name] = value;
  return out as DataShareGrantOutputs;
}

/**
 * The grant a stored resource holds and how its statements reach it: the key (target, datashare,
 * grantee) from the ID, which is fixed at create; `database`, `dbUser` and `secretArn` from the
 * stored inputs when there are any (an update in place may have changed them, and the ID does not
 * carry credentials' names), else from the ID (import); `region` the stored one (the region the
 * calls went to), else the ID's.
 */
export function storedGrant(id: GrantId, prior: Partial<DataShareGrantInputs>): GrantId {
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const target: GrantId["target"] = { database: text(prior.database) ?? id.target.database };
  if (id.target.clusterIdentifier !== undefined) target.clusterIdentifier = id.target.clusterIdentifier;
  if (id.target.workgroupName !== undefined) target.workgroupName = id.target.workgroupName;
  const region = text(prior.region) ?? id.target.region;
  if (region !== undefined) target.region = region;
  const dbUser = text(prior.dbUser);
  const secretArn = text(prior.secretArn);
  if (dbUser !== undefined) target.dbUser = dbUser;
  if (secretArn !== undefined) target.secretArn = secretArn;
  return { target, dataShareName: id.dataShareName, consumerIdentifier: id.consumerIdentifier };
}

/** The inputs that describe a grant (a read hands them back, so a refresh shows only real drift). */
export function inputsOf(g: GrantId): DataShareGrantInputs {
  const inputs: DataShareGrantInputs = {
    database: g.target.database,
    dataShareName: g.dataShareName,
    consumerIdentifier: g.consumerIdentifier,
  };
  for (const name of ["clusterIdentifier", "workgroupName", "dbUser", "secretArn", "region"] as const) {
    const value = g.target[name];
    if (value !== undefined) inputs[name] = value;
  }
  return inputs;
}
