/**
 * Every pairing of a live entry's status and level with each kind of resource: what read returns,
 * the message the user sees (read's one gone report, or diff's advice at preview), and the drift
 * command's remedy (for a gone resource, from the reason in read's report). The provider runs in process against a fake RedshiftApi that answers one datashare.
 */
import * as assert from "node:assert/strict";
import { Remedy, findDrift } from "../../../cli/drift/findDrift";
import { parseGoneReport } from "../../../provider/core/goneReport";
import { formatId } from "../../../provider/consumer/id";
import { createProvider } from "../../../provider/consumer/provider";
import type { RedshiftApi } from "../../../provider/core/redshiftApi";
import { LiveAssociation } from "../../../provider/core/types";
import { AssociationKey, Target } from "../../../provider/consumer/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE } from "../../fixtures/arns";

const STATUSES = [
  "ACTIVE",
  "DEAUTHORIZED",
  "REJECTED",
  "AVAILABLE",
  "AUTHORIZED",
  "PENDING_ACCEPTANCE",
] as const;
type Status = (typeof STATUSES)[number];
type Level = "account" | "namespace" | "region";
const LEVELS: Level[] = ["account", "namespace", "region"];
const CONSUMER_REGION = "us-west-2";

const TARGETS: Record<Level, Target> = {
  account: { kind: "account" },
  namespace: { kind: "namespace", consumerArn: NAMESPACE },
  region: { kind: "region", consumerRegion: CONSUMER_REGION },
};

function entry(level: Level, status: Status): LiveAssociation {
  const common = { status, producerAllowedWrites: false, consumerAcceptedWrites: false };
  if (level === "namespace") return { ...common, consumerIdentifier: NAMESPACE };
  if (level === "region")
    return { ...common, consumerIdentifier: CONSUMER_ACCOUNT, consumerRegion: CONSUMER_REGION };
  return { ...common, consumerIdentifier: CONSUMER_ACCOUNT };
}

interface Expected {
  /** The status read keeps in state, or "gone". */
  read: Status | "gone";
  /** What the user is told: read's warning (gone) or diff's advice (kept, not ACTIVE). */
  message?: RegExp;
  /** The drift command's remedy; undefined when there is no drift. */
  remedy?: Remedy;
}

/** Entry at the resource's own level. */
const SAME_LEVEL: Record<Status, Expected> = {
  ACTIVE: { read: "ACTIVE" },
  DEAUTHORIZED: {
    read: "DEAUTHORIZED",
    message: /is DEAUTHORIZED: the producer .* must authorize/,
    remedy: "producer",
  },
  REJECTED: {
    read: "REJECTED",
    message: /is REJECTED .* the producer .* must authorize/,
    remedy: "producer",
  },
  // Offers, not associations: the association is gone, and the consumer can associate again.
  AVAILABLE: { read: "gone", remedy: "pulumi-up" },
  AUTHORIZED: { read: "gone", remedy: "pulumi-up" },
  // Not an AWS status (pre-GA samples); kept as a status the consumer cannot change by itself.
  PENDING_ACCEPTANCE: {
    read: "PENDING_ACCEPTANCE",
    message: /has status PENDING_ACCEPTANCE/,
    remedy: "producer",
  },
};

/** Entry at another level. Only an ACTIVE entry of the other kind (account vs namespace/region) supersedes. */
function otherLevel(resource: Level, live: Level, status: Status): Expected {
  const kindsTrade = (resource === "account") !== (live === "account");
  if (status === "ACTIVE") {
    return kindsTrade
      ? { read: "gone", message: /no longer exists: it was replaced by/, remedy: "pulumi-up" }
      : { read: "gone", remedy: "pulumi-up" };
  }
  if (status === "AVAILABLE" || status === "AUTHORIZED") return { read: "gone", remedy: "pulumi-up" };
  return { read: "gone", remedy: "producer" };
}

function fakeApi(associations: LiveAssociation[]): RedshiftApi {
  return {
    associateDataShareConsumer: () => Promise.reject(new Error("not in this test")),
    disassociateDataShareConsumer: () => Promise.reject(new Error("not in this test")),
    describeDataShares: async () => [{ dataShareArn: DATASHARE, associations }],
    getCallerIdentity: async () => ({ account: CONSUMER_ACCOUNT }),
  };
}

describe("statuses × association levels: read, message, drift remedy", () => {
  for (const resource of LEVELS) {
    for (const live of LEVELS) {
      for (const status of STATUSES) {
        const expected = resource === live ? SAME_LEVEL[status] : otherLevel(resource, live, status);
        const outcome = expected.read === "gone" ? "read reports it gone" : `read keeps it ${expected.read}`;
        const remedy = expected.remedy ? `remedy ${expected.remedy}` : "no drift";
        it(`a ${resource} resource and a ${status} ${live}-level entry: ${outcome}, ${remedy}`, async () => {
          const warnings: string[] = [];
          const records: string[] = [];
          const associations = [entry(live, status)];
          const provider = createProvider({
            region: "us-east-1",
            env: {},
            warn: (m) => warnings.push(m),
            record: async (line) => void records.push(line),
            apiFactory: () => fakeApi(associations),
          });
          const key: AssociationKey = { dataShareArn: DATASHARE, target: TARGETS[resource] };
          const id = formatId(key);
          const read = await provider.read(id, {});
          const declared = {
            inputs: read.inputs ?? {},
            outputs: { ...(read.props ?? {}), status: "ACTIVE" },
          };

          if (expected.read === "gone") {
            assert.equal(read.id, "");
            assert.equal(warnings.length, 1, `one gone report, got ${JSON.stringify(warnings)}`);
            assert.equal(records.length, 1, `one record, got ${JSON.stringify(records)}`);
            const report = parseGoneReport(records[0]);
            assert.ok(report, `a gone report: ${records[0]}`);
            assert.deepEqual([report.resource, report.id], ["DataShareConsumer", id]);
            const old = { inputs: { dataShareArn: DATASHARE }, outputs: { status: "ACTIVE" } };
            assert.equal(findDrift(old, undefined, report.reason)[0].remedy, expected.remedy);
          } else {
            assert.equal(read.id, id);
            assert.equal(read.props?.status, expected.read);
            const props = { ...read.props } as Record<string, unknown>;
            const inputs = { ...read.inputs } as Record<string, unknown>;
            await provider.diff(id, props, inputs);
            const findings = findDrift(declared, { inputs, outputs: props });
            assert.equal(findings[0]?.remedy, expected.remedy);
          }
          if (expected.message) {
            assert.equal(warnings.length, 1, `one message, got ${JSON.stringify(warnings)}`);
            assert.match(warnings[0], expected.message);
          } else if (expected.read !== "gone") {
            assert.deepEqual(warnings, []);
          }
        });
      }
    }
  }
});
