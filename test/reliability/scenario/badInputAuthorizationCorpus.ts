/**
 * Inputs DataShareAuthorization must refuse in `check`, before any AWS call, each naming the
 * property at fault. Built from a valid datashare ARN and consumer account so that each case
 * breaks one thing.
 */
import type { BadInputCase } from "./badInputCorpus";

export interface ValidAuthorization {
  dataShareArn: string;
  consumerIdentifier: string;
}

const GUID = "a1b2c3d4-0000-4000-8000-00000000aaaa";

export function authorizationBadInputCorpus(valid: ValidAuthorization): BadInputCase[] {
  const base = { dataShareArn: valid.dataShareArn, consumerIdentifier: valid.consumerIdentifier };
  const on = (id: string, category: string, property: string, value: unknown): BadInputCase => ({
    id: `authorization-${id}`,
    resource: "DataShareAuthorization",
    category: `authorization: ${category}`,
    args: { ...base, [property]: value },
    properties: [property],
  });
  const without = (id: string, property: string): BadInputCase => {
    const args: Record<string, unknown> = { ...base };
    delete args[property];
    return {
      id: `authorization-${id}`,
      resource: "DataShareAuthorization",
      category: "authorization: missing",
      args,
      properties: [property],
    };
  };
  return [
    without("share-missing", "dataShareArn"),
    on("share-empty", "empty string", "dataShareArn", ""),
    on("share-not-arn", "malformed ARN", "dataShareArn", "not-an-arn"),
    on(
      "share-type-namespace",
      "wrong resource type",
      "dataShareArn",
      "arn:aws:redshift:us-east-1:111122223333:namespace:c0ffee00-0000-4000-8000-000000000000",
    ),
    on(
      "share-region-unknown",
      "unknown region",
      "dataShareArn",
      `arn:aws:redshift:us-moon-1:111122223333:datashare:${GUID}/sales`,
    ),
    on("share-number", "wrong type", "dataShareArn", 42),
    without("consumer-missing", "consumerIdentifier"),
    on("consumer-empty", "empty string", "consumerIdentifier", ""),
    on("consumer-short-account", "malformed consumer", "consumerIdentifier", "44445555666"),
    on("consumer-letters", "malformed consumer", "consumerIdentifier", "44445555666x"),
    on("consumer-adx-lowercase", "malformed consumer", "consumerIdentifier", "adx"),
    on("consumer-datacatalog-short", "malformed consumer", "consumerIdentifier", "DataCatalog/1234"),
    on(
      "consumer-namespace-arn",
      "malformed consumer",
      "consumerIdentifier",
      "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000000",
    ),
    on("consumer-whitespace", "whitespace", "consumerIdentifier", ` ${valid.consumerIdentifier}`),
    on("consumer-unicode", "unicode", "consumerIdentifier", "４４４４５５５５６６６６"),
    on("consumer-very-long", "very long string", "consumerIdentifier", "4".repeat(4000)),
    on("consumer-number", "wrong type", "consumerIdentifier", 444455556666),
    on("allow-writes-string", "non-boolean allowWrites", "allowWrites", "true"),
    on("allow-writes-number", "non-boolean allowWrites", "allowWrites", 0),
    on("region-unknown", "unknown region", "region", "mars-central-1"),
    on("region-empty", "empty string", "region", ""),
    on("region-cross-partition", "mismatched partition", "region", "cn-north-1"),
  ];
}
