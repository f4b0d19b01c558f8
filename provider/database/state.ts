/**
 * The state DataShareDatabase records: its inputs, and the datashare the consumer's views say
 * feeds the database. Pure. `withPermissions` is the declared value (a boolean once created): no
 * documented view column tells how a database was made, so refresh keeps it (an import records
 * none, and diff then takes the program's).
 */
import { parseRegion } from "../core/arn";
import { pickInputs, type StateRecord } from "../core/schema";
import { databaseSpec } from "./schema";
import type { DatabaseKey, DataShareDatabaseOutputs, InboundShare } from "./types";

type Bag = Record<string, unknown>;

/** The declared inputs out of a property bag (unset ones left out). */
export function declaredInputs(bag: Bag): Bag {
  return pickInputs(databaseSpec, bag);
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/**
 * The outputs for these inputs, the region the calls went to (declared or not) and the datashare
 * the views name (none: no datashare feeds it now).
 */
export function outputsFor(
  inputs: Bag,
  region: string,
  share: InboundShare | undefined,
): DataShareDatabaseOutputs {
  const record: StateRecord<typeof databaseSpec> = {
    name: String(inputs.name),
    dataShareArn: String(inputs.dataShareArn ?? ""),
    withPermissions: typeof inputs.withPermissions === "boolean" ? inputs.withPermissions : undefined,
    clusterIdentifier: text(inputs.clusterIdentifier),
    workgroupName: text(inputs.workgroupName),
    database: String(inputs.database),
    dbUser: text(inputs.dbUser),
    secretArn: text(inputs.secretArn),
    region,
    producerAccount: share?.producerAccount,
    producerNamespace: share?.producerNamespace,
    dataShareName: share?.dataShareName,
  };
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as DataShareDatabaseOutputs;
}

/** What create records of the declared inputs: withPermissions always as a boolean. */
export function createdInputs(declared: Bag): Bag {
  return { ...declared, withPermissions: declared.withPermissions === true };
}

/**
 * The inputs read reports: where the ID says the database is, the stored connection database (else the ID's), credentials and
 * permissions, the stored region (else the ID's), and the stored datashare ARN. On import nothing
 * is stored: the ARN is built from the datashare the views name, in the API region (the views do not say the producer's region; diff
 * compares datashares without it, so a program naming the producer's region plans no change).
 */
export function readInputs(
  key: DatabaseKey,
  stored: Bag,
  live: InboundShare | undefined,
  region: string,
): Bag {
  const inputs: Bag = {
    ...declaredInputs(stored),
    ...key.target,
    database: text(stored.database) ?? key.database,
    name: key.name,
  };
  const recorded = text(stored.region) ?? key.region;
  if (recorded !== undefined) inputs.region = recorded;
  if (text(inputs.dataShareArn) === undefined && live !== undefined) {
    inputs.dataShareArn = arnOf(live, region);
  }
  return inputs;
}

/** A datashare ARN for what the views show, in `region` and its partition. */
export function arnOf(share: InboundShare, region: string): string {
  const parsed = parseRegion(region);
  const partition = parsed.ok ? parsed.value.partition : "aws";
  return `arn:${partition}:redshift:${region}:${share.producerAccount}:datashare:${share.producerNamespace}/${share.dataShareName}`;
}
