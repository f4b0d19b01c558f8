import * as assert from "node:assert/strict";
import { canonicalKey, formatId, parseId, sameAssociation } from "../../../provider/consumer/id";
import { AssociationKey } from "../../../provider/consumer/types";
import { DATASHARE, NAMESPACE, SERVERLESS } from "../../fixtures/arns";

const ns = (dataShareArn: string, consumerArn: string): AssociationKey => ({
  dataShareArn,
  target: { kind: "namespace", consumerArn },
});
const region = (consumerRegion: string, apiRegion?: string): AssociationKey => ({
  dataShareArn: DATASHARE,
  target: { kind: "region", consumerRegion },
  ...(apiRegion ? { apiRegion } : {}),
});
const account = (dataShareArn = DATASHARE, apiRegion?: string): AssociationKey => ({
  dataShareArn,
  target: { kind: "account" },
  ...(apiRegion ? { apiRegion } : {}),
});

/** Replace one part of the datashare ARN (parts split on ":" and "/"). */
function shareWith(part: "partition" | "region" | "account" | "guid" | "name", value: string): string {
  const [prefix, name] = DATASHARE.split("/");
  const p = prefix.split(":");
  if (part === "name") return `${prefix}/${value}`;
  const index = { partition: 1, region: 3, account: 4, guid: 6 }[part];
  p[index] = value;
  return `${p.join(":")}/${name}`;
}

interface Row {
  field: string;
  a: AssociationKey;
  b: AssociationKey;
  same: boolean;
}

const rows: Row[] = [
  // The datashare ARN, part by part.
  { field: "datashare partition", a: account(), b: account(shareWith("partition", "aws-cn")), same: false },
  { field: "datashare region", a: account(), b: account(shareWith("region", "us-west-2")), same: false },
  { field: "datashare account", a: account(), b: account(shareWith("account", "999988887777")), same: false },
  {
    field: "datashare namespace GUID in upper case",
    a: account(),
    b: account(shareWith("guid", "A1B2C3D4-0000-4000-8000-000000000001")),
    same: true,
  },
  {
    field: "datashare namespace GUID, another one",
    a: account(),
    b: account(shareWith("guid", "a1b2c3d4-0000-4000-8000-000000000009")),
    same: false,
  },
  {
    field: "datashare name in other letter case",
    a: account(),
    b: account(shareWith("name", "SALES")),
    same: true,
  },
  {
    field: "datashare name, another one",
    a: account(),
    b: account(shareWith("name", "marketing")),
    same: false,
  },
  {
    field: "the whole datashare ARN in upper case",
    a: account(),
    b: account(DATASHARE.toUpperCase()),
    same: true,
  },
  // The target.
  { field: "target kind", a: account(), b: ns(DATASHARE, NAMESPACE), same: false },
  {
    field: "namespace ARN in upper case",
    a: ns(DATASHARE, NAMESPACE),
    b: ns(DATASHARE, NAMESPACE.toUpperCase()),
    same: true,
  },
  {
    field: "namespace ARN, another namespace",
    a: ns(DATASHARE, NAMESPACE),
    b: ns(DATASHARE, SERVERLESS),
    same: false,
  },
  { field: "consumer region in upper case", a: region("us-west-2"), b: region("US-WEST-2"), same: true },
  { field: "consumer region, another one", a: region("us-west-2"), b: region("eu-west-1"), same: false },
  // Not part of the identity.
  { field: "API region", a: account(DATASHARE, "us-east-1"), b: account(DATASHARE, "us-west-2"), same: true },
  { field: "API region set vs unset", a: account(), b: account(DATASHARE, "eu-west-1"), same: true },
];

describe("the canonical association key", () => {
  for (const row of rows) {
    it(`${row.field}: ${row.same ? "the same association" : "another association"}`, () => {
      assert.equal(sameAssociation(row.a, row.b), row.same);
      assert.equal(canonicalKey(row.a) === canonicalKey(row.b), row.same);
    });
  }

  it("the Terraform ID form and ours, with or without an API region, name one association", () => {
    const ours = parseId(formatId(ns(DATASHARE, NAMESPACE)));
    const terraform = parseId(`${DATASHARE},,${NAMESPACE},`);
    const withRegion = parseId(`${formatId(ns(DATASHARE, NAMESPACE))},us-west-2`);
    assert.ok(sameAssociation(ours, terraform));
    assert.ok(sameAssociation(ours, withRegion));
  });

  it("holds no API region, so a new API region never looks like a new association", () => {
    assert.ok(!canonicalKey(account(DATASHARE, "eu-west-1")).includes("eu-west-1"));
  });
});
