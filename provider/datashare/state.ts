/**
 * The stored state of a datashare: the declared inputs, with `schemas` and `publicAccessible` as
 * the system views show them (and ALL TABLES / ALL FUNCTIONS as last asked, which no view shows),
 * plus its ARN, producer account and namespace, and manager. Pure.
 */
import { partitionOf } from "../../identity/partition";
import { pickInputs, type StateRecord } from "../core/schema";
import type { SqlTarget } from "../core/sqlTarget";
import { liveContents, recordedContents, schemasOutput } from "./contents";
import type { LiveShare } from "./find";
import type { DataShareKey } from "./id";
import { dataShareSpec } from "./schema";
import type { DataShareInputs, DataShareOutputs, ShareContents } from "./types";

/** `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace>/<name>`. */
export function dataShareArnOf(
  region: string,
  producerAccount: string,
  namespace: string,
  name: string,
): string {
  return `arn:${partitionOf(region)}:redshift:${region}:${producerAccount}:datashare:${namespace}/${name}`;
}

/** The contents a live share holds; `recorded` (stored or declared `schemas`) gives the ALL flags. */
export function contentsOf(live: LiveShare, recorded: unknown): ShareContents {
  return liveContents(live.objects, live.share.publicAccessible, recordedContents(recorded, false).schemas);
}

/** The inputs as the engine hands them over, typed (after check). */
export function declaredInputs(bag: Record<string, unknown>): DataShareInputs {
  return pickInputs(dataShareSpec, bag) as DataShareInputs;
}

/** The outputs for declared inputs and the live share. */
export function outputsFor(declared: DataShareInputs, region: string, live: LiveShare): DataShareOutputs {
  const contents = contentsOf(live, declared.schemas);
  const { share } = live;
  const all: StateRecord<typeof dataShareSpec> = {
    ...(declared as StateRecord<typeof dataShareSpec>),
    region,
    schemas:
      contents.schemas.length > 0 || declared.schemas !== undefined ? schemasOutput(contents) : undefined,
    publicAccessible: share.publicAccessible,
    dataShareArn: dataShareArnOf(region, share.producerAccount, share.producerNamespace, share.shareName),
    producerAccount: share.producerAccount,
    producerNamespace: share.producerNamespace,
    managedBy: share.managedBy,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as DataShareOutputs;
}

/**
 * The inputs refresh records: the stored ones (or, on import, the ID's), with the live objects and
 * publicAccessible, so that a program that declares what was lost shows a change.
 */
export function liveInputs(
  key: Omit<DataShareKey, "region"> & { region?: string },
  prior: DataShareInputs,
  target: SqlTarget,
  live: LiveShare,
): DataShareInputs {
  const contents = contentsOf(live, prior.schemas);
  const region = prior.region ?? key.region;
  return {
    ...prior,
    ...("clusterIdentifier" in key.target
      ? { clusterIdentifier: key.target.clusterIdentifier }
      : { workgroupName: key.target.workgroupName }),
    database: prior.database ?? target.database,
    name: key.name,
    ...(region !== undefined ? { region } : {}),
    ...(contents.schemas.length > 0 || prior.schemas !== undefined
      ? { schemas: schemasOutput(contents) }
      : {}),
    ...(live.share.publicAccessible || prior.publicAccessible !== undefined
      ? { publicAccessible: live.share.publicAccessible }
      : {}),
  };
}
