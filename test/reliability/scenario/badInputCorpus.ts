/**
 * Inputs that must be refused by `check`, before any AWS call. Each case names the properties the
 * failure may name (two targets set: either of them). Built from a valid datashare and namespace
 * ARN so that each case breaks one thing.
 */
export type BadInputResource = "DataShareConsumer" | "DataShareAuthorization";

export interface BadInputCase {
  id: string;
  /** The resource the args are given to. */
  resource: BadInputResource;
  category: string;
  args: Record<string, unknown>;
  /** The failure must name one of these properties. */
  properties: string[];
}

export interface ValidArns {
  dataShareArn: string;
  consumerArn: string;
}

const GUID = "a1b2c3d4-0000-4000-8000-00000000aaaa";
const NS_GUID = "c0ffee00-0000-4000-8000-000000000000";
const TARGETS = ["associateEntireAccount", "consumerArn", "consumerRegion"];

/** The DataShareConsumer cases. */
export function badInputCorpus(valid: ValidArns): BadInputCase[] {
  return consumerCases(valid).map((c) => ({ ...c, resource: "DataShareConsumer" }));
}

function consumerCases(valid: ValidArns): Omit<BadInputCase, "resource">[] {
  const share = valid.dataShareArn;
  const ns = valid.consumerArn;
  const onShare = (id: string, category: string, dataShareArn: unknown) => ({
    id,
    category,
    args: { dataShareArn, consumerArn: ns },
    properties: ["dataShareArn"],
  });
  const onConsumer = (id: string, category: string, consumerArn: unknown) => ({
    id,
    category,
    args: { dataShareArn: share, consumerArn },
    properties: ["consumerArn"],
  });
  const on = (
    id: string,
    category: string,
    property: string,
    value: unknown,
    target: Record<string, unknown> = { consumerArn: ns },
  ) => ({
    id,
    category,
    args: { dataShareArn: share, ...target, [property]: value },
    properties: [property],
  });
  const long = "x".repeat(3000);
  return [
    { id: "share-missing", category: "missing", args: { consumerArn: ns }, properties: ["dataShareArn"] },
    onShare("share-empty", "empty string", ""),
    onShare("share-not-arn", "malformed ARN", "not-an-arn"),
    onShare("share-too-few-parts", "malformed ARN", "arn:aws:redshift:us-east-1"),
    onShare("share-service-s3", "wrong service", `arn:aws:s3:us-east-1:111122223333:datashare:${GUID}/sales`),
    onShare("share-type-namespace", "wrong resource type", ns),
    onShare(
      "share-type-cluster",
      "wrong resource type",
      "arn:aws:redshift:us-east-1:111122223333:cluster:prod",
    ),
    onShare(
      "share-partition-unknown",
      "wrong partition",
      `arn:aws-mars:redshift:us-east-1:111122223333:datashare:${GUID}/sales`,
    ),
    onShare(
      "share-partition-region-mismatch",
      "mismatched partition",
      `arn:aws-cn:redshift:us-east-1:111122223333:datashare:${GUID}/sales`,
    ),
    onShare(
      "share-region-unknown",
      "unknown region",
      `arn:aws:redshift:us-moon-1:111122223333:datashare:${GUID}/sales`,
    ),
    onShare(
      "share-account-short",
      "malformed ARN",
      `arn:aws:redshift:us-east-1:11112222333:datashare:${GUID}/sales`,
    ),
    onShare(
      "share-guid-bad",
      "malformed ARN",
      "arn:aws:redshift:us-east-1:111122223333:datashare:not-a-guid/sales",
    ),
    onShare(
      "share-name-missing",
      "malformed ARN",
      `arn:aws:redshift:us-east-1:111122223333:datashare:${GUID}/`,
    ),
    onShare(
      "share-very-long",
      "very long string",
      `arn:aws:redshift:us-east-1:111122223333:datashare:${GUID}/${long}`,
    ),
    // Letters beyond ASCII are allowed in a Redshift identifier, but only up to 127 bytes of UTF-8.
    onShare(
      "share-unicode-name-too-long",
      "unicode",
      `arn:aws:redshift:us-east-1:111122223333:datashare:${GUID}/${"é".repeat(64)}`,
    ),
    onShare(
      "share-unicode-emoji",
      "unicode",
      `arn:aws:redshift:us-east-1:111122223333:datashare:${GUID}/sales🚀`,
    ),
    onShare("share-trailing-space", "whitespace", `${share} `),
    onShare("share-number", "wrong type", 42),
    onConsumer("consumer-empty", "empty string", ""),
    onConsumer("consumer-not-arn", "malformed ARN", "namespace-1234"),
    onConsumer(
      "consumer-service-ec2",
      "wrong service",
      `arn:aws:ec2:us-east-1:444455556666:namespace:${NS_GUID}`,
    ),
    onConsumer(
      "consumer-type-cluster",
      "wrong resource type",
      "arn:aws:redshift:us-east-1:444455556666:cluster:analytics",
    ),
    onConsumer(
      "consumer-serverless-colon",
      "wrong resource type",
      `arn:aws:redshift-serverless:us-east-1:444455556666:namespace:${NS_GUID}`,
    ),
    onConsumer(
      "consumer-cross-partition",
      "mismatched partition",
      `arn:aws-cn:redshift:cn-north-1:444455556666:namespace:${NS_GUID}`,
    ),
    onConsumer(
      "consumer-very-long",
      "very long string",
      `arn:aws:redshift:us-east-1:444455556666:namespace:${"f".repeat(5000)}`,
    ),
    onConsumer(
      "consumer-unicode",
      "unicode",
      `arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-00000000000é`,
    ),
    onConsumer("consumer-object", "wrong type", { arn: ns }),
    {
      id: "two-targets-account-and-namespace",
      category: "two targets",
      args: { dataShareArn: share, consumerArn: ns, associateEntireAccount: true },
      properties: ["associateEntireAccount", "consumerArn"],
    },
    {
      id: "two-targets-namespace-and-region",
      category: "two targets",
      args: { dataShareArn: share, consumerArn: ns, consumerRegion: "us-east-1" },
      properties: ["consumerArn", "consumerRegion"],
    },
    {
      id: "three-targets",
      category: "two targets",
      args: {
        dataShareArn: share,
        consumerArn: ns,
        consumerRegion: "us-east-1",
        associateEntireAccount: true,
      },
      properties: TARGETS,
    },
    { id: "no-target", category: "no target", args: { dataShareArn: share }, properties: TARGETS },
    {
      id: "no-target-entire-false",
      category: "no target",
      args: { dataShareArn: share, associateEntireAccount: false },
      properties: TARGETS,
    },
    on("allow-writes-string", "non-boolean allowWrites", "allowWrites", "true"),
    on("allow-writes-number", "non-boolean allowWrites", "allowWrites", 1),
    on("allow-writes-list", "non-boolean allowWrites", "allowWrites", [true]),
    on("entire-account-string", "non-boolean associateEntireAccount", "associateEntireAccount", "yes", {}),
    on("consumer-region-unknown", "unknown region", "consumerRegion", "us-moon-1", {}),
    on("consumer-region-empty", "empty string", "consumerRegion", "", {}),
    on("consumer-region-uppercase", "unknown region", "consumerRegion", "US-EAST-1", {}),
    on("consumer-region-unicode", "unicode", "consumerRegion", "us-éast-1", {}),
    on("consumer-region-cross-partition", "mismatched partition", "consumerRegion", "cn-north-1", {}),
    on("region-unknown", "unknown region", "region", "mars-central-1"),
    on("region-empty", "empty string", "region", ""),
    on("region-very-long", "very long string", "region", `us-east-${"1".repeat(4000)}`),
    on("region-cross-partition", "mismatched partition", "region", "us-gov-west-1"),
  ];
}

/** One case per category. */
export function representativeSample(corpus: BadInputCase[]): BadInputCase[] {
  const seen = new Set<string>();
  return corpus.filter((c) => !seen.has(c.category) && seen.add(c.category));
}

/**
 * What goes through the engine when the whole corpus does not (the smoke size): the first case of
 * each resource type. The engine stops at the first check failure, so every case costs a preview.
 */
export function engineSample(corpus: BadInputCase[]): BadInputCase[] {
  const seen = new Set<string>();
  return corpus.filter((c) => !seen.has(c.resource) && seen.add(c.resource));
}
