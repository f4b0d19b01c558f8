/**
 * DataShareAuthorization's reads share DescribeDataShares the way DataShareConsumer's do, and the
 * host's two providers share one set of describes (provider/index.ts): a create or delete by either
 * keeps both from reusing an older answer of that datashare.
 */
import * as assert from "node:assert/strict";
import { createAuthorizationProvider } from "../../../provider/authorization/provider";
import { createDescribeCoalescer } from "../../../provider/core/describeCoalescer";
import { createProvider } from "../../../provider/consumer/provider";
import type { ProducerApi, RedshiftApi } from "../../../provider/core/redshiftApi";
import type { LiveDataShare } from "../../../provider/core/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE } from "../../fixtures/arns";

const OTHER_ACCOUNT = "444455556666";

function countingApi() {
  const calls: string[] = [];
  const share = (): LiveDataShare => ({
    dataShareArn: DATASHARE,
    associations: [CONSUMER_ACCOUNT, OTHER_ACCOUNT].map((consumerIdentifier) => ({
      consumerIdentifier,
      status: "AUTHORIZED",
      producerAllowedWrites: false,
    })),
  });
  const api: ProducerApi & RedshiftApi = {
    async authorizeDataShare() {
      calls.push("AuthorizeDataShare");
      return share();
    },
    async deauthorizeDataShare() {
      calls.push("DeauthorizeDataShare");
    },
    async describeDataShares() {
      calls.push("DescribeDataShares");
      return [share()];
    },
    async getCallerIdentity() {
      return { account: CONSUMER_ACCOUNT };
    },
    async associateDataShareConsumer() {
      calls.push("AssociateDataShareConsumer");
      return { dataShareArn: DATASHARE, associations: [{ consumerIdentifier: NAMESPACE, status: "ACTIVE" }] };
    },
    async disassociateDataShareConsumer() {
      calls.push("DisassociateDataShareConsumer");
    },
  };
  return { api, calls };
}

const ids = [CONSUMER_ACCOUNT, OTHER_ACCOUNT].map((account) => `${DATASHARE},${account}`);
const describesIn = (calls: string[]) => calls.filter((c) => c === "DescribeDataShares").length;

/** Shared describes on a clock that moves 1 ms per reading: reuse windows hold at any machine speed. */
function tickingDescribes() {
  let t = 0;
  return createDescribeCoalescer({ now: () => t++ });
}

describe("the authorization provider's shared describes", () => {
  function producer(describeReuseSeconds?: number, describes = tickingDescribes()) {
    const { api, calls } = countingApi();
    const provider = createAuthorizationProvider({
      region: "us-east-1",
      env: {},
      warn: () => undefined,
      describeReuseSeconds,
      describes,
      apiFactory: () => api,
    });
    return { provider, calls, api };
  }

  it("reads of several authorizations of one datashare, together or one after the other, make one describe", async () => {
    const { provider, calls } = producer();
    const [a, b] = await Promise.all(ids.map((id) => provider.read(id, {})));
    assert.deepEqual([a.id, b.id], ids);
    assert.equal((await provider.read(ids[0], {})).id, ids[0]);
    assert.equal(describesIn(calls), 1);
  });

  it("with describeReuseSeconds 0 a read after another asks again", async () => {
    const { provider, calls } = producer(0);
    await provider.read(ids[0], {});
    await provider.read(ids[1], {});
    assert.equal(describesIn(calls), 2);
  });

  it("a read after a create, update or delete of the datashare asks again", async () => {
    const { provider, calls } = producer();
    const declared = { dataShareArn: DATASHARE, consumerIdentifier: OTHER_ACCOUNT };
    await provider.read(ids[0], {});
    const { id, outs } = await provider.create(declared);
    await provider.read(ids[0], {});
    // Writes on turned off: an update that calls AWS (one that changes nothing there makes no call).
    await provider.update(id, { ...outs, producerAllowedWrites: true }, { ...declared, allowWrites: false });
    await provider.read(ids[0], {});
    await provider.delete(id, outs);
    await provider.read(ids[0], {});
    assert.deepEqual(
      calls.filter((c) => c !== "AuthorizeDataShare"),
      [
        "DescribeDataShares",
        "DescribeDataShares",
        "DescribeDataShares",
        "DeauthorizeDataShare",
        "DescribeDataShares",
      ],
    );
  });

  it("sharing one set of describes, a consumer's associate keeps the producer from reusing an older answer", async () => {
    const describes = tickingDescribes();
    const { provider: producerSide, calls } = producer(undefined, describes);
    const consumerSide = createProvider({
      region: "us-east-1",
      env: {},
      warn: () => undefined,
      describes,
      apiFactory: () => countingApi().api,
    });
    await producerSide.read(ids[0], {});
    await consumerSide.create({ dataShareArn: DATASHARE, consumerArn: NAMESPACE });
    await producerSide.read(ids[0], {});
    assert.equal(describesIn(calls), 2);
  });
});
