/**
 * Input validation for DataShareGrant (the provider's `check`). Pure: no AWS call. Every failure
 * names the property and says what is allowed; the reason does not repeat the name, because the
 * engine prints "property X value {v} has a problem: <reason>". Values still unknown during
 * preview are accepted. The target inputs are checked by ../core/sqlTarget.ts.
 */
import { quote } from "../core/arn";
import { CheckFailure, CheckResult, describeValue, isSet, isUnknown } from "../core/check";
import { dataShareNameProblem } from "../core/sql";
import { checkSqlTarget } from "../core/sqlTarget";
import { GRANTEE_FORMS, granteeHint, parseGrantee } from "./grantee";

type Bag = Record<string, unknown>;

export function checkGrantInputs(news: Bag): CheckResult {
  const failures: CheckFailure[] = checkSqlTarget(news);
  const fail = (property: string, reason: string) => failures.push({ property, reason });

  const name = news.dataShareName;
  if (!isSet(name)) {
    fail("dataShareName", "is required: the name of the producer's datashare to grant usage of");
  } else if (!isUnknown(name)) {
    const problem = dataShareNameProblem(name);
    if (problem !== undefined) fail("dataShareName", problem);
  }

  const consumer = news.consumerIdentifier;
  if (!isSet(consumer)) {
    fail("consumerIdentifier", `is required: ${GRANTEE_FORMS}`);
  } else if (!isUnknown(consumer)) {
    if (typeof consumer !== "string") {
      fail(
        "consumerIdentifier",
        `must be a string, got ${describeValue(consumer)}; allowed: ${GRANTEE_FORMS}`,
      );
    } else if (parseGrantee(consumer) === undefined) {
      fail("consumerIdentifier", `must be ${GRANTEE_FORMS}; got ${quote(consumer)}${granteeHint(consumer)}`);
    }
  }
  return { inputs: news, failures };
}
