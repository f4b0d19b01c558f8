import * as assert from "node:assert/strict";
import { diffAssociation } from "../../../provider/consumer/diff";
import { formatId } from "../../../provider/consumer/id";
import { UNKNOWN } from "../../../provider/core/types";
import { DataShareConsumerOutputs } from "../../../provider/consumer/types";
import { DATASHARE, NAMESPACE, SERVERLESS } from "../../fixtures/arns";

const OTHER_SHARE = DATASHARE.replace("/sales", "/marketing");
const NS_ID = formatId({ dataShareArn: DATASHARE, target: { kind: "namespace", consumerArn: NAMESPACE } });
const ACCOUNT_ID = formatId({ dataShareArn: DATASHARE, target: { kind: "account" } });
const live: DataShareConsumerOutputs = {
  dataShareArn: DATASHARE,
  consumerArn: NAMESPACE,
  status: "ACTIVE",
  consumerAcceptedWrites: false,
  producerAllowedWrites: false,
};
const declared = { dataShareArn: DATASHARE, consumerArn: NAMESPACE };

interface Row {
  when: string;
  id?: string;
  olds?: Partial<DataShareConsumerOutputs>;
  news?: Record<string, unknown>;
  defaultRegion?: string;
  replaces?: string[];
  inPlace?: string[];
  /** Expected only for replacements; an unchanged key always deletes first. */
  deleteBeforeReplace?: boolean;
  /** Live-only drift (inputs equal): the provider must say "changes" itself. */
  liveOnly?: boolean;
}

const table: Row[] = [
  { when: "nothing changed" },
  {
    when: "the namespace ARN differs only in case",
    news: { ...declared, consumerArn: NAMESPACE.toUpperCase() },
    inPlace: ["consumerArn"],
  },
  {
    when: "the datashare ARN differs only in case",
    news: { ...declared, dataShareArn: DATASHARE.toUpperCase() },
    inPlace: ["dataShareArn"],
  },
  {
    when: "allowWrites is false where it was unset",
    news: { ...declared, allowWrites: false },
  },
  {
    when: "the region argument names the default region",
    news: { ...declared, region: "us-east-1" },
    defaultRegion: "us-east-1",
  },
  {
    when: "the datashare changes",
    news: { ...declared, dataShareArn: OTHER_SHARE },
    replaces: ["dataShareArn"],
    deleteBeforeReplace: false,
  },
  {
    when: "the namespace changes",
    news: { ...declared, consumerArn: SERVERLESS },
    replaces: ["consumerArn"],
    deleteBeforeReplace: false,
  },
  {
    when: "a namespace becomes a region",
    news: { dataShareArn: DATASHARE, consumerRegion: "us-east-1" },
    replaces: ["consumerArn", "consumerRegion"],
    deleteBeforeReplace: false,
  },
  {
    when: "a namespace becomes the entire account (they supersede each other on AWS)",
    news: { dataShareArn: DATASHARE, associateEntireAccount: true },
    replaces: ["associateEntireAccount", "consumerArn"],
    deleteBeforeReplace: true,
  },
  {
    when: "the entire account becomes a namespace",
    id: ACCOUNT_ID,
    olds: { consumerArn: undefined, associateEntireAccount: true },
    replaces: ["associateEntireAccount", "consumerArn"],
    deleteBeforeReplace: true,
  },
  {
    when: "the API region changes",
    news: { ...declared, region: "us-west-2" },
    defaultRegion: "us-east-1",
    inPlace: ["region"],
  },
  {
    when: "the default region changes under a resource created in another",
    olds: { region: "us-east-1" },
    defaultRegion: "us-west-2",
    inPlace: ["region"],
    liveOnly: true,
  },
  {
    when: "allowWrites is turned on",
    news: { ...declared, allowWrites: true },
    inPlace: ["allowWrites"],
  },
  {
    when: "writes were turned off out of band while declared on",
    olds: { allowWrites: true, consumerAcceptedWrites: false },
    news: { ...declared, allowWrites: true },
    inPlace: ["allowWrites"],
    liveOnly: true,
  },
  {
    when: "writes were turned on out of band while unset",
    olds: { consumerAcceptedWrites: true },
    inPlace: ["allowWrites"],
    liveOnly: true,
  },
  {
    when: "the producer deauthorized the share",
    olds: { status: "DEAUTHORIZED" },
    inPlace: ["status"],
    liveOnly: true,
  },
  {
    when: "the consumer rejected the share",
    olds: { status: "REJECTED" },
    inPlace: ["status"],
    liveOnly: true,
  },
  {
    when: "the datashare is unknown during preview",
    news: { ...declared, dataShareArn: UNKNOWN },
    replaces: ["dataShareArn"],
    deleteBeforeReplace: true,
  },
  {
    when: "allowWrites is unknown during preview",
    news: { ...declared, allowWrites: UNKNOWN },
    inPlace: ["allowWrites"],
  },
];

describe("diff", () => {
  for (const row of table) {
    const replaces = row.replaces ?? [];
    const inPlace = row.inPlace ?? [];
    const verdict =
      replaces.length > 0
        ? `replaces ${replaces.join(", ")}`
        : inPlace.length > 0
          ? `updates ${inPlace.join(", ")} in place`
          : "reports no changes";
    it(`when ${row.when}, ${verdict}`, () => {
      const result = diffAssociation({
        id: row.id ?? NS_ID,
        olds: { ...live, ...row.olds },
        news: row.news ?? declared,
        defaultRegion: row.defaultRegion,
      });
      assert.deepEqual([...result.replaces].sort(), [...replaces].sort());
      assert.deepEqual([...result.inPlace].sort(), [...inPlace].sort());
      const changed = replaces.length + inPlace.length > 0;
      assert.equal(result.changes, !changed ? false : row.liveOnly ? true : undefined);
      assert.equal(result.deleteBeforeReplace, row.deleteBeforeReplace ?? false);
    });
  }

  it("after a refresh recorded live inputs, a program that matches them has no changes", () => {
    const olds = { ...live, allowWrites: true, consumerAcceptedWrites: true };
    const result = diffAssociation({ id: NS_ID, olds, news: { ...declared, allowWrites: true } });
    assert.equal(result.changes, false);
  });

  it('says "changes" itself when live writes drifted but the stored inputs still match the program', () => {
    const olds = { ...live, allowWrites: true, consumerAcceptedWrites: false };
    const result = diffAssociation({ id: NS_ID, olds, news: { ...declared, allowWrites: true } });
    assert.deepEqual(result, {
      changes: true,
      replaces: [],
      inPlace: ["allowWrites"],
      deleteBeforeReplace: false,
    });
  });

  it("leaves naming the changed inputs to the engine when the inputs themselves differ", () => {
    const result = diffAssociation({ id: NS_ID, olds: live, news: { ...declared, consumerArn: SERVERLESS } });
    assert.equal(result.changes, undefined);
    assert.deepEqual(result.replaces, ["consumerArn"]);
  });

  it("falls back to the stored inputs when the ID is not in a known format", () => {
    const result = diffAssociation({
      id: "legacy-id",
      olds: live,
      news: { ...declared, consumerArn: SERVERLESS },
    });
    assert.deepEqual(result.replaces, ["consumerArn"]);
  });
});
