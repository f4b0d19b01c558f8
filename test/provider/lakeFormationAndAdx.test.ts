/**
 * The consumers beyond an account, end to end through both providers against the emulator (which
 * models them): the producer authorizes ADX and DataCatalog/<account>; the consumer associates the
 * datashare with its Glue Data Catalog (`consumerArn` = arn:aws:glue:<region>:<account>:catalog).
 */
import * as assert from "node:assert/strict";
import { createAuthorizationProvider } from "../../provider/authorization/provider";
import { createProvider } from "../../provider/consumer/provider";
import { Emulator, REGION, startSeededEmulator } from "../../harness/emulatorFixture";
import { emulatorProviderOptions, NEW_RUN } from "./shared/resources";

const as = (emu: Emulator, account: string) => emulatorProviderOptions(emu, account);

describe("both providers: Lake Formation (Glue Data Catalog) and AWS Data Exchange consumers", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startSeededEmulator();
  });
  afterEach(() => emu.stop());

  it("authorize DataCatalog/<account>, associate the Glue Data Catalog, refresh with no diff, delete both", async () => {
    const consumerAccount = emu.accountId("consumer");
    const share = await emu.admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: 0,
      name: "lake",
    });
    await emu.admin.grantUsage(share, `DataCatalog/${consumerAccount}`);
    const producer = createAuthorizationProvider(as(emu, "producer"));
    const consumer = createProvider(as(emu, "consumer"));

    const authorization = { dataShareArn: share, consumerIdentifier: `DataCatalog/${consumerAccount}` };
    const auth = await producer.create((await producer.check({}, authorization)).inputs);
    assert.equal(auth.outs.status, "AUTHORIZED");

    const catalog = `arn:aws:glue:${REGION}:${consumerAccount}:catalog`;
    const declared = { dataShareArn: share, consumerArn: catalog };
    const checked = await consumer.check({}, declared);
    assert.deepEqual(checked.failures, []);
    const association = await consumer.create(checked.inputs);
    assert.equal(association.id, `${share},namespace,${catalog},${REGION}`);
    assert.equal(association.outs.status, "ACTIVE");
    assert.equal(association.outs.consumerIdentifier, catalog);

    const read = await consumer.read(association.id, association.outs);
    assert.equal(read.props?.status, "ACTIVE");
    const news = (await consumer.check({ ...read.inputs }, declared)).inputs;
    assert.equal((await consumer.diff(association.id, read.props ?? {}, news)).changes, false);
    const producerRead = await producer.read(auth.id, auth.outs);
    assert.equal(producerRead.props?.status, "ACTIVE", "the producer sees the catalog's association");

    await consumer.configure(NEW_RUN);
    await consumer.delete(association.id, association.outs);
    assert.equal((await consumer.read(association.id, association.outs)).id, "");
    await producer.configure(NEW_RUN);
    await producer.delete(auth.id, auth.outs);
    assert.equal((await producer.read(auth.id, auth.outs)).id, "");
  });

  it("authorize ADX for a datashare MANAGEDBY ADX, with the endpoint set", async () => {
    const share = await emu.admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: 0,
      name: "exchange",
      managedBy: "ADX",
    });
    const producer = createAuthorizationProvider(as(emu, "producer"));
    const declared = { dataShareArn: share, consumerIdentifier: "ADX" };
    const { id, outs } = await producer.create((await producer.check({}, declared)).inputs);
    assert.equal(outs.status, "AUTHORIZED");
    const read = await producer.read(id, outs);
    assert.equal(read.props?.status, "AUTHORIZED");
    await producer.configure(NEW_RUN);
    await producer.delete(id, outs);
    assert.equal((await producer.read(id, outs)).id, "");
  });
});
