/**
 * Input validation for DataShareConsumer (the provider's `check`). Pure: no AWS call. Values still
 * unknown during preview are accepted. See ../core/check.ts for how the engine prints a failure.
 */
import { Parsed, parseDataShareArn, parseNamespaceArn, parseRegion } from "../core/arn";
import {
  CheckFailure,
  CheckResult,
  checkApiRegion,
  checkPartitions,
  describeValue,
  isSet,
  isUnknown,
  PartitionSeen,
} from "../core/check";

type Bag = Record<string, unknown>;

const TARGETS_HELP =
  "associateEntireAccount: true (the whole consumer account), consumerArn (one namespace) or " +
  "consumerRegion (every namespace in one region)";

export function checkInputs(news: Bag): CheckResult {
  const failures: CheckFailure[] = [];
  const partitions: PartitionSeen[] = [];
  let sharePartition: string | undefined;
  let shareRegion: string | undefined;
  let apiRegion: string | undefined;

  const dataShareArn = news.dataShareArn;
  if (!isSet(dataShareArn)) {
    failures.push({
      property: "dataShareArn",
      reason: "required: the ARN of the datashare to associate",
    });
  } else if (!isUnknown(dataShareArn)) {
    const parsed = checkString(failures, "dataShareArn", dataShareArn, parseDataShareArn);
    sharePartition = parsed?.partition;
    shareRegion = parsed?.region;
  }

  for (const property of ["associateEntireAccount", "allowWrites"]) {
    const v = news[property];
    if (isSet(v) && !isUnknown(v) && typeof v !== "boolean") {
      failures.push({
        property,
        reason: `must be true or false, not ${describeValue(v)}`,
      });
    }
  }

  const consumerArn = news.consumerArn;
  if (isSet(consumerArn) && !isUnknown(consumerArn)) {
    const parsed = checkString(failures, "consumerArn", consumerArn, parseNamespaceArn);
    if (parsed) partitions.push({ property: "consumerArn", partition: parsed.partition });
    if (parsed?.form === "catalog" && shareRegion !== undefined && parsed.region !== shareRegion) {
      failures.push({
        property: "consumerArn",
        reason:
          `is the Glue Data Catalog of ${parsed.region}, but the datashare is in ${shareRegion}: Lake Formation ` +
          `sharing does not cross regions; use arn:${parsed.partition}:glue:${shareRegion}:${parsed.account}:catalog`,
      });
    }
  }
  for (const property of ["consumerRegion", "region"]) {
    const v = news[property];
    if (isSet(v) && !isUnknown(v)) {
      const parsed = checkString(failures, property, v, parseRegion);
      if (parsed) partitions.push({ property, partition: parsed.partition });
      if (parsed && property === "region") apiRegion = v as string;
    }
  }

  checkPartitions(failures, sharePartition, partitions);
  checkApiRegion(failures, apiRegion, shareRegion);
  checkExactlyOneTarget(failures, news);
  return { inputs: news, failures };
}

function checkString<T>(
  failures: CheckFailure[],
  property: string,
  value: unknown,
  parse: (s: string) => Parsed<T>,
): T | undefined {
  if (typeof value !== "string") {
    failures.push({ property, reason: `must be a string, not ${describeValue(value)}` });
    return undefined;
  }
  if (value.length === 0) {
    failures.push({ property, reason: "must not be empty; leave it unset instead" });
    return undefined;
  }
  const parsed = parse(value);
  if (!parsed.ok) {
    failures.push({ property, reason: parsed.reason });
    return undefined;
  }
  return parsed.value;
}

/**
 * `associateEntireAccount: false` counts as unset. An unknown value might resolve to "unset", so it
 * only counts against the rule when the known values already break it.
 */
function checkExactlyOneTarget(failures: CheckFailure[], news: Bag): void {
  const definite: string[] = [];
  let possible = 0;
  const entire = news.associateEntireAccount;
  if (entire === true) definite.push("associateEntireAccount");
  else if (isUnknown(entire)) possible++;
  for (const property of ["consumerArn", "consumerRegion"]) {
    const v = news[property];
    if (isUnknown(v)) possible++;
    else if (isSet(v)) definite.push(property);
  }
  if (definite.length > 1) {
    // Reported under the second one set, naming the first: "consumerRegion … {us-west-2} has a
    // problem: consumerArn is set too; …".
    const others = definite.filter((p) => p !== definite[1]).join(" and ");
    failures.push({
      property: definite[1],
      reason: `${others} ${definite.length > 2 ? "are" : "is"} set too; set only one of ${TARGETS_HELP}`,
    });
  } else if (definite.length === 0 && possible === 0) {
    // Reported under associateEntireAccount (value {<nil>} or {false}): the one switch that would
    // choose a consumer by itself.
    failures.push({
      property: "associateEntireAccount",
      reason: `no consumer is chosen: set this to true, or set consumerArn or consumerRegion instead; one of ${TARGETS_HELP}`,
    });
  }
}
