import * as assert from "node:assert/strict";
import { InvalidAuthorizationIdError } from "../../../provider/authorization/errors";
import { formatId, keyFromInputs, parseConsumer, parseId, sameKey } from "../../../provider/authorization/id";
import { AuthorizationKey } from "../../../provider/authorization/types";
import { CONSUMER_ACCOUNT, DATASHARE } from "../../fixtures/arns";

describe("DataShareAuthorization IDs", () => {
  const keys: [string, AuthorizationKey, string][] = [
    [
      "an account",
      { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT },
      `${DATASHARE},${CONSUMER_ACCOUNT}`,
    ],
    ["AWS Data Exchange", { dataShareArn: DATASHARE, consumerIdentifier: "ADX" }, `${DATASHARE},ADX`],
    [
      "a Lake Formation catalog",
      { dataShareArn: DATASHARE, consumerIdentifier: `DataCatalog/${CONSUMER_ACCOUNT}` },
      `${DATASHARE},DataCatalog/${CONSUMER_ACCOUNT}`,
    ],
  ];
  for (const [what, key, id] of keys) {
    it(`the ID of ${what} is the Terraform form and parses back to the same key`, () => {
      assert.equal(formatId(key), id);
      assert.deepEqual(parseId(id), key);
      assert.deepEqual(
        parseId(formatId(keyFromInputs({ ...key, allowWrites: true, region: "us-east-1" }))),
        key,
      );
    });
  }

  const bad: [string, string][] = [
    ["only an ARN", DATASHARE],
    ["an empty consumer", `${DATASHARE},`],
    ["three parts (a DataShareConsumer ID)", `${DATASHARE},namespace,x`],
    ["a consumer of 11 digits", `${DATASHARE},44445555666`],
    ["no datashare ARN", `not-an-arn,${CONSUMER_ACCOUNT}`],
    ["nothing", ""],
  ];
  for (const [what, id] of bad) {
    it(`an ID with ${what} fails with the expected format`, () => {
      assert.throws(
        () => parseId(id),
        (e: unknown) =>
          e instanceof InvalidAuthorizationIdError && /<dataShareArn>,<consumerIdentifier>/.test(e.message),
      );
    });
  }

  it("the consumer forms are an account, ADX and DataCatalog/<account>, and nothing else", () => {
    assert.deepEqual(parseConsumer(CONSUMER_ACCOUNT), { kind: "account", accountId: CONSUMER_ACCOUNT });
    assert.deepEqual(parseConsumer("ADX"), { kind: "adx" });
    assert.deepEqual(parseConsumer("DataCatalog/111122223333"), {
      kind: "dataCatalog",
      accountId: "111122223333",
    });
    for (const other of [
      "adx",
      "DataCatalog/",
      "datacatalog/111122223333",
      " 444455556666",
      "4444555566667",
    ]) {
      assert.equal(parseConsumer(other), undefined, other);
    }
  });

  it("keys whose datashare ARNs differ only in letter case (GUID or name) are the same authorization", () => {
    const upper = DATASHARE.replace(/[0-9a-f-]{36}/, (g) => g.toUpperCase());
    const key = { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT };
    assert.ok(sameKey({ ...key, dataShareArn: upper }, key));
    // One identity for both resources (identity/dataShare.ts): Redshift folds datashare names.
    assert.ok(sameKey({ ...key, dataShareArn: DATASHARE.replace("/sales", "/Sales") }, key));
    assert.ok(!sameKey({ ...key, consumerIdentifier: "777788889999" }, key));
  });
});
