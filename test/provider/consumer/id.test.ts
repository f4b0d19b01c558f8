import * as assert from "node:assert/strict";
import { InvalidIdError } from "../../../provider/consumer/errors";
import { formatId, inputsFromKey, keyFromInputs, parseId } from "../../../provider/consumer/id";
import { AssociationKey } from "../../../provider/consumer/types";
import { DATASHARE, NAMESPACE, SERVERLESS } from "../../fixtures/arns";

describe("resource IDs", () => {
  const keys: [string, AssociationKey, string][] = [
    ["the entire account", { dataShareArn: DATASHARE, target: { kind: "account" } }, `${DATASHARE},account`],
    [
      "a namespace",
      { dataShareArn: DATASHARE, target: { kind: "namespace", consumerArn: NAMESPACE } },
      `${DATASHARE},namespace,${NAMESPACE}`,
    ],
    [
      "a serverless namespace",
      { dataShareArn: DATASHARE, target: { kind: "namespace", consumerArn: SERVERLESS } },
      `${DATASHARE},namespace,${SERVERLESS}`,
    ],
    [
      "a region",
      { dataShareArn: DATASHARE, target: { kind: "region", consumerRegion: "us-west-2" } },
      `${DATASHARE},region,us-west-2`,
    ],
    [
      "the entire account through another API region",
      { dataShareArn: DATASHARE, target: { kind: "account" }, apiRegion: "eu-west-1" },
      `${DATASHARE},account,,eu-west-1`,
    ],
    [
      "a namespace through another API region",
      {
        dataShareArn: DATASHARE,
        target: { kind: "namespace", consumerArn: NAMESPACE },
        apiRegion: "eu-west-1",
      },
      `${DATASHARE},namespace,${NAMESPACE},eu-west-1`,
    ],
  ];
  for (const [what, key, id] of keys) {
    it(`formats ${what} as the documented ID and parses it back`, () => {
      assert.equal(formatId(key), id);
      assert.deepEqual(parseId(id), key);
    });
    it(`rebuilds the inputs of ${what} from the ID alone`, () => {
      assert.deepEqual(keyFromInputs(inputsFromKey(parseId(id))), key);
    });
  }

  it("accepts a trailing comma after an account ID", () => {
    assert.deepEqual(parseId(`${DATASHARE},account,`), {
      dataShareArn: DATASHARE,
      target: { kind: "account" },
    });
  });

  const terraform: [string, string, AssociationKey][] = [
    ["entire account", `${DATASHARE},true,,`, { dataShareArn: DATASHARE, target: { kind: "account" } }],
    [
      "namespace",
      `${DATASHARE},,${NAMESPACE},`,
      { dataShareArn: DATASHARE, target: { kind: "namespace", consumerArn: NAMESPACE } },
    ],
    [
      "region",
      `${DATASHARE},,,us-west-2`,
      { dataShareArn: DATASHARE, target: { kind: "region", consumerRegion: "us-west-2" } },
    ],
  ];
  for (const [what, id, key] of terraform) {
    it(`parses the Terraform form of a ${what} ID for import`, () => {
      assert.deepEqual(parseId(id), key);
    });
  }

  const invalid = [
    "",
    DATASHARE,
    `${DATASHARE},everything`,
    `${DATASHARE},namespace`,
    `${DATASHARE},region,`,
    `${DATASHARE},account,${NAMESPACE}`,
    `${DATASHARE},,,`,
    `${DATASHARE},true,${NAMESPACE},`,
    `${DATASHARE},namespace,${NAMESPACE},eu-west-1,extra`,
    `,account`,
  ];
  for (const id of invalid) {
    it(`rejects ${JSON.stringify(id.replace(DATASHARE, "<share>").replace(NAMESPACE, "<ns>"))} with the expected format in the message`, () => {
      assert.throws(
        () => parseId(id),
        (e: unknown) => e instanceof InvalidIdError && /<dataShareArn>,account/.test(e.message),
      );
    });
  }
});
