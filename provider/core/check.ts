/**
 * What both resources' `check` share: the result shapes, the unknown and unset tests, how a value
 * is described in a reason, the rule that calls go to the datashare's own region, and the rule that
 * nothing crosses partitions. Pure.
 *
 * The engine prints a failure as "property <property> value {<value>} has a problem: <reason>", so
 * a reason says what is wrong and what is allowed without repeating the property or its value.
 */
import { quote } from "./arn";
import { UNKNOWN } from "./types";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface CheckResult {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

/** Pulumi's placeholder for a value not known yet (preview). */
export const isUnknown = (v: unknown): boolean => v === UNKNOWN;
export const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Redshift answers for a datashare only at its own region's endpoint (cross-region sharing
 * associates it from there with consumers elsewhere), so the API region is the one in its ARN.
 */
export function checkApiRegion(failures: CheckFailure[], apiRegion?: string, shareRegion?: string): void {
  if (apiRegion === undefined || shareRegion === undefined || apiRegion === shareRegion) return;
  if (failures.some((f) => f.property === "region")) return;
  failures.push({
    property: "region",
    reason:
      `the datashare lives in ${shareRegion} (its ARN says so), and Redshift answers for a datashare only ` +
      `at its own region's endpoint; leave region unset or set it to ${shareRegion}`,
  });
}

/** The partition of an ARN or region the inputs name, by the property that names it. */
export interface PartitionSeen {
  property: string;
  partition: string;
}

/**
 * Sharing does not cross partitions (aws, aws-cn, aws-us-gov, …): every ARN and region the inputs
 * name must be in the datashare's partition. Reported under each property that differs.
 */
export function checkPartitions(
  failures: CheckFailure[],
  sharePartition: string | undefined,
  seen: PartitionSeen[],
): void {
  if (sharePartition === undefined) return;
  for (const other of seen) {
    if (other.partition === sharePartition) continue;
    failures.push({
      property: other.property,
      reason:
        `is in partition ${other.partition} but dataShareArn is in partition ${sharePartition}; ` +
        `sharing cannot cross partitions: choose one in partition ${sharePartition}`,
    });
  }
}

/** A value as a reason names it: `the string "x"`, `number 5`, `a list`, `null`, `an object`. */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return `the string ${quote(v)}`;
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : `${typeof v} ${String(v)}`;
}
