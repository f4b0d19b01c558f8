import * as assert from "node:assert/strict";
import { createDescribeCoalescer } from "../../../provider/core/describeCoalescer";
import { AwsCallError } from "../../../provider/core/errors";
import { createProvider } from "../../../provider/consumer/provider";
import type { ClientSettings, RedshiftApi } from "../../../provider/core/redshiftApi";
import type { LiveDataShare } from "../../../provider/core/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE } from "../../fixtures/arns";

const OTHER_SHARE = DATASHARE.replace(/sales$/, "marketing");

/** A describe that waits until the test settles it. */
interface Pending {
  dataShareArn: string;
  resolve(shares: LiveDataShare[]): void;
  reject(e: unknown): void;
}

/** A RedshiftApi whose describes stay in flight until the test answers them. */
function controlledApi() {
  const pending: Pending[] = [];
  const calls = { describe: 0, associate: 0, disassociate: 0 };
  const share = (arn: string, status = "ACTIVE"): LiveDataShare => ({
    dataShareArn: arn,
    associations: [{ consumerIdentifier: NAMESPACE, status }],
  });
  const api: RedshiftApi = {
    describeDataShares(dataShareArn) {
      calls.describe++;
      return new Promise((resolve, reject) => pending.push({ dataShareArn, resolve, reject }));
    },
    async associateDataShareConsumer(r) {
      calls.associate++;
      return share(r.DataShareArn);
    },
    async disassociateDataShareConsumer() {
      calls.disassociate++;
    },
    async getCallerIdentity() {
      return { account: CONSUMER_ACCOUNT };
    },
  };
  return { api, pending, calls, share };
}

/** The datashare as the consumer sees it before it associates: the account's AVAILABLE entry. */
const unassociated: LiveDataShare = {
  dataShareArn: DATASHARE,
  associations: [{ consumerIdentifier: CONSUMER_ACCOUNT, status: "AVAILABLE" }],
};

/** Lets every promise callback that is ready run. */
const settle = () => new Promise((r) => setImmediate(r));

describe("shared DescribeDataShares (single flight)", () => {
  it("when reads of one datashare arrive while its describe is in flight, they share one call and all its pages", async () => {
    const { api, pending, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    const reads = [1, 2, 3].map(() => describes.describeDataShares(api, DATASHARE));
    assert.equal(calls.describe, 1);
    const pages: LiveDataShare[] = [
      { dataShareArn: DATASHARE, associations: [] },
      { dataShareArn: DATASHARE, associations: [{ consumerIdentifier: NAMESPACE, status: "ACTIVE" }] },
    ];
    pending[0].resolve(pages);
    for (const answer of await Promise.all(reads)) assert.deepEqual(answer, pages);
  });

  it("when the shared describe fails, every waiter gets the failure", async () => {
    const { api, pending } = controlledApi();
    const describes = createDescribeCoalescer();
    const reads = [1, 2, 3].map(() => describes.describeDataShares(api, DATASHARE));
    const failure = new AwsCallError("DescribeDataShares", "InvalidDataShareFault", "gone");
    pending[0].reject(failure);
    for (const r of await Promise.allSettled(reads))
      assert.deepEqual(r, { status: "rejected", reason: failure });
  });

  it("keeps nothing once the describe lands: the next read asks again, also after a failure", async () => {
    const { api, pending, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    const first = describes.describeDataShares(api, DATASHARE);
    pending[0].reject(new AwsCallError("DescribeDataShares", "ECONNRESET", "reset"));
    await assert.rejects(first);
    const second = describes.describeDataShares(api, DATASHARE);
    assert.equal(calls.describe, 2);
    pending[1].resolve([]);
    assert.deepEqual(await second, []);
    void describes.describeDataShares(api, DATASHARE);
    assert.equal(calls.describe, 3);
  });

  it("does not share between different datashares", () => {
    const { api, pending, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    void describes.describeDataShares(api, DATASHARE);
    void describes.describeDataShares(api, OTHER_SHARE);
    assert.equal(calls.describe, 2);
    assert.deepEqual(
      pending.map((p) => p.dataShareArn),
      [DATASHARE, OTHER_SHARE],
    );
  });

  it("shares between ARNs that differ only in letter case: they name one datashare on AWS", async () => {
    const { api, pending, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    const first = describes.describeDataShares(api, DATASHARE);
    const second = describes.describeDataShares(api, DATASHARE.toUpperCase());
    assert.equal(calls.describe, 1);
    pending[0].resolve([]);
    assert.deepEqual(await second, await first);
  });

  it("does not share between clients (other credentials, endpoint or region)", () => {
    const a = controlledApi();
    const b = controlledApi();
    const describes = createDescribeCoalescer();
    void describes.describeDataShares(a.api, DATASHARE);
    void describes.describeDataShares(b.api, DATASHARE);
    assert.equal(a.calls.describe, 1);
    assert.equal(b.calls.describe, 1);
  });

  it("a read that starts after a create or delete of the datashare never joins a describe from before it", async () => {
    const { api, pending, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    const before = describes.describeDataShares(api, DATASHARE);
    let finish!: () => void;
    const mutation = describes.whileMutating(DATASHARE, () => new Promise<void>((r) => (finish = r)));
    // During the mutation every read is its own call.
    const during = [
      describes.describeDataShares(api, DATASHARE),
      describes.describeDataShares(api, DATASHARE),
    ];
    assert.equal(calls.describe, 3);
    finish();
    await mutation;
    // The describe from before the mutation is still in flight; a read now must not get its answer.
    const after = describes.describeDataShares(api, DATASHARE);
    assert.equal(calls.describe, 4);
    pending.forEach((p, i) =>
      p.resolve([{ dataShareArn: DATASHARE, associations: [], managedBy: `call ${i}` }]),
    );
    assert.equal((await before)[0].managedBy, "call 0");
    assert.deepEqual(
      (await Promise.all(during)).map((s) => s[0].managedBy),
      ["call 1", "call 2"],
    );
    assert.equal((await after)[0].managedBy, "call 3");
  });

  it("a mutation of the datashare under another case of its ARN detaches the describes in flight too", () => {
    const { api, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    void describes.describeDataShares(api, DATASHARE);
    void describes.whileMutating(DATASHARE.toUpperCase(), async () => undefined);
    void describes.describeDataShares(api, DATASHARE);
    assert.equal(calls.describe, 2);
  });

  it("a failed mutation ends its window and passes its failure on", async () => {
    const { api, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    const boom = new Error("boom");
    await assert.rejects(
      describes.whileMutating(DATASHARE, async () => {
        throw boom;
      }),
      boom,
    );
    await assert.rejects(
      describes.whileMutating(DATASHARE, () => {
        throw boom;
      }),
      boom,
    );
    void describes.describeDataShares(api, DATASHARE);
    void describes.describeDataShares(api, DATASHARE);
    assert.equal(calls.describe, 1);
  });

  it("other datashares keep sharing while one is being mutated", () => {
    const { api, calls } = controlledApi();
    const describes = createDescribeCoalescer();
    void describes.whileMutating(DATASHARE, () => new Promise(() => undefined));
    void describes.describeDataShares(api, OTHER_SHARE);
    void describes.describeDataShares(api, OTHER_SHARE);
    assert.equal(calls.describe, 1);
  });
});

describe("reuse of a describe's answer for a few seconds", () => {
  function clocked() {
    let t = 1000;
    const describes = createDescribeCoalescer({ now: () => t });
    return { describes, advance: (ms: number) => (t += ms) };
  }

  it("a read reuses an answer sent at most reuseMs before it starts, counted from when the describe was sent", async () => {
    const { api, pending, calls, share } = controlledApi();
    const { describes, advance } = clocked();
    const first = describes.describeDataShares(api, DATASHARE, 5000);
    advance(300);
    pending[0].resolve([share(DATASHARE)]);
    const answer = await first;
    advance(4700);
    assert.equal(await describes.describeDataShares(api, DATASHARE.toUpperCase(), 5000), answer);
    assert.equal(calls.describe, 1);
    advance(1);
    void describes.describeDataShares(api, DATASHARE, 5000);
    assert.equal(calls.describe, 2);
  });

  it("with reuseMs 0 (or for another client) the next read asks again", async () => {
    const a = controlledApi();
    const b = controlledApi();
    const { describes } = clocked();
    const first = describes.describeDataShares(a.api, DATASHARE, 5000);
    a.pending[0].resolve([]);
    await first;
    void describes.describeDataShares(a.api, DATASHARE, 0);
    void describes.describeDataShares(b.api, DATASHARE, 5000);
    assert.deepEqual([a.calls.describe, b.calls.describe], [2, 1]);
  });

  it("keeps no failure", async () => {
    const { api, pending, calls } = controlledApi();
    const { describes } = clocked();
    const first = describes.describeDataShares(api, DATASHARE, 5000);
    pending[0].reject(new AwsCallError("DescribeDataShares", "ECONNRESET", "reset"));
    await assert.rejects(first);
    void describes.describeDataShares(api, DATASHARE, 5000);
    assert.equal(calls.describe, 2);
  });

  it("a create or delete of the datashare forgets the kept answer", async () => {
    const { api, pending, calls, share } = controlledApi();
    const { describes } = clocked();
    const kept = describes.describeDataShares(api, DATASHARE, 5000);
    pending[0].resolve([share(DATASHARE)]);
    await kept;
    await describes.whileMutating(DATASHARE.toUpperCase(), async () => undefined);
    const after = describes.describeDataShares(api, DATASHARE, 5000);
    assert.equal(calls.describe, 2);
    pending[1].resolve([]);
    assert.deepEqual(await after, []);
    // That describe, sent after the mutation ended, is kept.
    assert.deepEqual(await describes.describeDataShares(api, DATASHARE, 5000), []);
    assert.equal(calls.describe, 2);
  });

  it("a describe sent before a create or delete of the datashare ended is not kept", async () => {
    const { api, pending, calls, share } = controlledApi();
    const { describes } = clocked();
    const straddling = describes.describeDataShares(api, DATASHARE, 5000);
    await describes.whileMutating(DATASHARE, async () => undefined);
    pending[0].resolve([share(DATASHARE)]);
    await straddling;
    void describes.describeDataShares(api, DATASHARE, 5000);
    assert.equal(calls.describe, 2);
  });

  it("other datashares keep their answers while one is mutated", async () => {
    const { api, pending, calls } = controlledApi();
    const { describes } = clocked();
    const other = describes.describeDataShares(api, OTHER_SHARE, 5000);
    pending[0].resolve([]);
    await other;
    await describes.whileMutating(DATASHARE, async () => undefined);
    await describes.describeDataShares(api, OTHER_SHARE, 5000);
    assert.equal(calls.describe, 1);
  });
});

describe("the kept answers are bounded", () => {
  const shareNo = (i: number) => DATASHARE.replace(/sales$/, `share${i}`);

  async function describeAndLand(
    describes: ReturnType<typeof createDescribeCoalescer>,
    c: ReturnType<typeof controlledApi>,
    arn: string,
    reuseMs: number,
  ): Promise<void> {
    const answer = describes.describeDataShares(c.api, arn, reuseMs);
    c.pending[c.pending.length - 1].resolve([]);
    await answer;
  }

  it("with reuse 0 no answer stays, and an answer older than the longest reuse asked for is dropped", async () => {
    let t = 0;
    const describes = createDescribeCoalescer({ now: () => t });
    const c = controlledApi();
    for (let i = 0; i < 50; i++) {
      t += 1;
      await describeAndLand(describes, c, shareNo(i), 0);
    }
    assert.equal(describes.keptAnswers(), 0);
    await describeAndLand(describes, c, shareNo(0), 5000);
    t += 4000;
    await describeAndLand(describes, c, shareNo(1), 5000);
    assert.equal(describes.keptAnswers(), 2);
    t += 1001;
    await describeAndLand(describes, c, shareNo(2), 5000);
    // shareNo(0)'s answer is 5,001 ms old: no read may use it any more.
    assert.equal(describes.keptAnswers(), 2);
    const before = c.calls.describe;
    void describes.describeDataShares(c.api, shareNo(1), 5000);
    assert.equal(c.calls.describe, before, "the answer within the reuse window is still used");
  });

  it("keeps answers for at most maxKeptDataShares datashares, dropping the longest-kept first", async () => {
    const describes = createDescribeCoalescer({ now: () => 0, maxKeptDataShares: 3 });
    const c = controlledApi();
    for (let i = 0; i < 10; i++) await describeAndLand(describes, c, shareNo(i), 5000);
    assert.equal(describes.keptAnswers(), 3);
    const before = c.calls.describe;
    for (const i of [7, 8, 9]) void describes.describeDataShares(c.api, shareNo(i), 5000);
    assert.equal(c.calls.describe, before, "the three kept last are reused");
    void describes.describeDataShares(c.api, shareNo(6), 5000);
    assert.equal(c.calls.describe, before + 1, "an older one was dropped and is asked again");
  });
});

describe("the provider's reads share DescribeDataShares", () => {
  function providerWithApis() {
    const made: { settings: ClientSettings; control: ReturnType<typeof controlledApi> }[] = [];
    const provider = createProvider({
      region: "us-east-1",
      env: {},
      warn: () => undefined,
      apiFactory: (settings) => {
        const control = controlledApi();
        made.push({ settings, control });
        return control.api;
      },
    });
    return { provider, made };
  }
  const id = `${DATASHARE},namespace,${NAMESPACE}`;

  it("when refresh reads several associations of one datashare at once, one describe answers them all", async () => {
    const { provider, made } = providerWithApis();
    const other = NAMESPACE.replace(/1$/, "2");
    const reads = [id, `${DATASHARE},namespace,${other}`, `${DATASHARE},account`].map((i) =>
      provider.read(i, {}),
    );
    await settle();
    const { control } = made[0];
    assert.equal(control.calls.describe, 1);
    control.pending[0].resolve([control.share(DATASHARE)]);
    const [found, otherGone, accountGone] = await Promise.all(reads);
    assert.equal(found.id, id);
    assert.equal(found.props?.status, "ACTIVE");
    assert.equal(otherGone.id, "");
    assert.equal(accountGone.id, "");
  });

  it("reads through different API regions use their own clients and do not share", async () => {
    const { provider, made } = providerWithApis();
    void provider.read(id, {});
    void provider.read(`${id},us-west-2`, {});
    await settle();
    assert.deepEqual(
      made.map((m) => [m.settings.region, m.control.calls.describe]),
      [
        ["us-east-1", 1],
        ["us-west-2", 1],
      ],
    );
  });

  it("a read after a create of the same datashare does not get the answer of a describe from before the create", async () => {
    const { provider, made } = providerWithApis();
    const before = provider.read(id, {});
    await settle();
    const { control } = made[0];
    await provider.create({ dataShareArn: DATASHARE, consumerArn: NAMESPACE });
    const after = provider.read(id, {});
    await settle();
    assert.equal(control.calls.describe, 2);
    control.pending[0].resolve([unassociated]);
    control.pending[1].resolve([control.share(DATASHARE)]);
    assert.equal((await before).id, "");
    assert.equal((await after).id, id);
  });

  it("reads one after the other reuse the answer for describeReuseSeconds (default 5), and 0 turns that off", async () => {
    for (const [options, expected] of [
      [{}, 1],
      [{ describeReuseSeconds: 0 }, 2],
    ] as const) {
      const made: ReturnType<typeof controlledApi>[] = [];
      const provider = createProvider({
        region: "us-east-1",
        env: {},
        warn: () => undefined,
        ...options,
        apiFactory: () => {
          made.push(controlledApi());
          return made[made.length - 1].api;
        },
      });
      for (let i = 0; i < 2; i++) {
        const read = provider.read(id, {});
        await settle();
        made[0].pending[i]?.resolve([made[0].share(DATASHARE)]);
        assert.equal((await read).id, id);
      }
      assert.equal(made[0].calls.describe, expected, JSON.stringify(options));
    }
  });

  it("a read after a create of the datashare does not reuse an answer kept from before the create", async () => {
    const { provider, made } = providerWithApis();
    const before = provider.read(id, {});
    await settle();
    const { control } = made[0];
    control.pending[0].resolve([unassociated]);
    assert.equal((await before).id, "");
    await provider.create({ dataShareArn: DATASHARE, consumerArn: NAMESPACE });
    const after = provider.read(id, {});
    await settle();
    assert.equal(control.calls.describe, 2);
    control.pending[1].resolve([control.share(DATASHARE)]);
    assert.equal((await after).id, id);
  });

  it("a read after a delete of the same datashare does not get the answer of a describe from before the delete", async () => {
    const { provider, made } = providerWithApis();
    const before = provider.read(id, {});
    await settle();
    const { control } = made[0];
    await provider.delete(id, {});
    const after = provider.read(id, {});
    await settle();
    assert.equal(control.calls.describe, 2);
    control.pending[0].resolve([control.share(DATASHARE)]);
    control.pending[1].resolve([unassociated]);
    assert.equal((await before).id, id);
    assert.equal((await after).id, "");
  });
});
