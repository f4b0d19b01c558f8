/**
 * Input validation for DataShareAuthorization (the provider's `check`). Pure: no AWS call. Every
 * failure names the property (as `property`) and says what is allowed; the reason itself does not
 * repeat the name, because the engine prints "property X value {v} has a problem: <reason>".
 * Values still unknown during preview are accepted.
 */
import { Parsed, parseDataShareArn, parseRegion, quote } from "../core/arn";
import {
  CheckFailure,
  CheckResult,
  checkApiRegion,
  checkPartitions,
  describeValue,
  isSet,
  isUnknown,
} from "../core/check";
import { parseConsumer } from "./id";

type Bag = Record<string, unknown>;

const CONSUMER_FORMS =
  'a 12-digit AWS account ID (e.g. "444455556666"), "ADX" (AWS Data Exchange) or ' +
  '"DataCatalog/<12-digit account ID>" (Lake Formation, for a datashare published to the Glue Data Catalog)';

export function checkAuthorizationInputs(news: Bag): CheckResult {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });

  let sharePartition: string | undefined;
  let shareRegion: string | undefined;
  if (!isSet(news.dataShareArn)) {
    fail("dataShareArn", "is required: the ARN of the datashare to authorize, from the producer account");
  } else if (!isUnknown(news.dataShareArn)) {
    const share = checkString(fail, "dataShareArn", news.dataShareArn, parseDataShareArn);
    sharePartition = share?.partition;
    shareRegion = share?.region;
  }

  const consumer = news.consumerIdentifier;
  if (!isSet(consumer)) {
    fail("consumerIdentifier", `is required: ${CONSUMER_FORMS}`);
  } else if (!isUnknown(consumer)) {
    checkConsumer(fail, consumer);
  }

  const writes = news.allowWrites;
  if (isSet(writes) && !isUnknown(writes) && typeof writes !== "boolean") {
    fail("allowWrites", `must be a boolean (true or false), got ${describeValue(writes)}`);
  }

  if (isSet(news.region) && !isUnknown(news.region)) {
    const region = checkString(fail, "region", news.region, parseRegion);
    if (region)
      checkPartitions(failures, sharePartition, [{ property: "region", partition: region.partition }]);
    checkApiRegion(failures, region ? (news.region as string) : undefined, shareRegion);
  }
  return { inputs: news, failures };
}

function checkConsumer(fail: (property: string, reason: string) => void, value: unknown): void {
  if (typeof value !== "string") {
    fail("consumerIdentifier", `must be a string, got ${describeValue(value)}; allowed: ${CONSUMER_FORMS}`);
    return;
  }
  const parsed = parseConsumer(value);
  if (parsed === undefined) {
    const hint = /^adx$/i.test(value)
      ? ' (the keyword is written "ADX")'
      : /^datacatalog\//i.test(value)
        ? ' (written "DataCatalog/" followed by 12 digits)'
        : value.startsWith("arn:")
          ? " (a namespace ARN is not authorized: authorize its account)"
          : "";
    fail("consumerIdentifier", `must be ${CONSUMER_FORMS}; got ${quote(value)}${hint}`);
    return;
  }
}

function checkString<T>(
  fail: (property: string, reason: string) => void,
  property: string,
  value: unknown,
  parse: (s: string) => Parsed<T>,
): T | undefined {
  if (typeof value !== "string") {
    fail(property, `must be a string, got ${describeValue(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    fail(
      property,
      property === "region"
        ? "must not be empty; leave it unset instead"
        : "must not be empty: set the ARN of the datashare to authorize",
    );
    return undefined;
  }
  const parsed = parse(value);
  if (!parsed.ok) {
    fail(property, `is invalid: ${parsed.reason}`);
    return undefined;
  }
  return parsed.value;
}
