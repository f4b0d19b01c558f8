/**
 * Input validation for DataShareDatabase (the provider's `check`). Pure: no call. Values still
 * unknown during preview pass and are checked when known. The target inputs are checked by
 * ../core/sqlTarget.ts, names by ../core/sql.ts's rules, the ARN by ../core/arn.ts.
 */
import { parseDataShareArn, parseRegion } from "../core/arn";
import { CheckFailure, CheckResult, checkPartitions, describeValue, isSet, isUnknown } from "../core/check";
import { dataShareNameProblem, identifierFailure, quoteLiteral, SqlValueError } from "../core/sql";
import { checkSqlTarget } from "../core/sqlTarget";

type Bag = Record<string, unknown>;

export function checkInputs(news: Bag): CheckResult {
  const failures: CheckFailure[] = [...checkSqlTarget(news)];
  const known = (name: string) => isSet(news[name]) && !isUnknown(news[name]);

  if (!isSet(news.name)) {
    failures.push({
      property: "name",
      reason: "required: the name of the database to create from the datashare",
    });
  } else if (known("name")) {
    const failure = identifierFailure("name", news.name) ?? literalFailure("name", news.name);
    if (failure) failures.push(failure);
    else if (known("database") && news.name === news.database) {
      failures.push({
        property: "name",
        reason:
          "is the database the statements connect to (database); name a new database, and connect to an existing one such as dev",
      });
    }
  }

  let sharePartition: string | undefined;
  if (!isSet(news.dataShareArn)) {
    failures.push({
      property: "dataShareArn",
      reason: "required: the ARN of the datashare to make the database from",
    });
  } else if (known("dataShareArn")) {
    sharePartition = checkDataShareArn(failures, news.dataShareArn);
  }

  if (known("withPermissions") && typeof news.withPermissions !== "boolean") {
    failures.push({
      property: "withPermissions",
      reason: `must be true or false, not ${describeValue(news.withPermissions)}`,
    });
  }

  // Sharing does not cross partitions: the statements' region must be in the datashare's partition.
  if (known("region") && typeof news.region === "string") {
    const region = parseRegion(news.region);
    if (region.ok) {
      checkPartitions(failures, sharePartition, [{ property: "region", partition: region.value.partition }]);
    }
  }
  return { inputs: news, failures };
}

/** The datashare's partition when the ARN is one this resource can write into SQL. */
function checkDataShareArn(failures: CheckFailure[], value: unknown): string | undefined {
  if (typeof value !== "string") {
    failures.push({ property: "dataShareArn", reason: `must be a string, not ${describeValue(value)}` });
    return undefined;
  }
  const parsed = parseDataShareArn(value);
  if (!parsed.ok) {
    failures.push({ property: "dataShareArn", reason: parsed.reason });
    return undefined;
  }
  const problem = dataShareNameProblem(parsed.value.name);
  if (problem !== undefined) {
    failures.push({ property: "dataShareArn", reason: `its datashare name ${problem}` });
    return undefined;
  }
  return parsed.value.partition;
}

/** The name is also a literal of the system-view SELECTs that find the database (read, adoption, delete). */
function literalFailure(property: string, value: unknown): CheckFailure | undefined {
  try {
    quoteLiteral(value, property);
    return undefined;
  } catch (e) {
    if (e instanceof SqlValueError)
      return { property, reason: `${e.reason} (the name is looked up in the system views)` };
    throw e;
  }
}
