/**
 * The emulator's door: unsigned, wrongly signed, tampered and wrong-account requests are refused,
 * through the real AWS SDK and through plain fetch, and none of them changes the model.
 */
import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import {
  AssociateDataShareConsumerCommand,
  DescribeDataSharesCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { SignatureV4 } from "@smithy/signature-v4";
import { Recorder, ScenarioReport } from "./report";
import { CONSUMER_KEYS, OUTSIDER_KEYS, REGION } from "./seed";
import { WRONG_SECRET } from "./secrets";
import { World } from "./world";

/** SHA-256 (or HMAC-SHA-256 with a key) from node:crypto, in the shape SignatureV4 expects. */
class Sha256 {
  private h: Hash | Hmac;
  constructor(private readonly key?: string | ArrayBuffer | ArrayBufferView) {
    this.h = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.key === undefined) return createHash("sha256");
    const key =
      typeof this.key === "string"
        ? this.key
        : ArrayBuffer.isView(this.key)
          ? Buffer.from(this.key.buffer, this.key.byteOffset, this.key.byteLength)
          : Buffer.from(this.key);
    return createHmac("sha256", key);
  }
  update(data: Uint8Array): void {
    this.h.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
  reset(): void {
    this.h = this.fresh();
  }
}

async function sdkError(send: () => Promise<unknown>): Promise<string> {
  try {
    await send();
    return "(accepted)";
  } catch (e) {
    return (e as Error).name;
  }
}

export async function runAuthRejectionScenario(): Promise<ScenarioReport> {
  const rec = new Recorder("request authentication", 0);
  const world = await World.start({ associations: 1, shares: 1, emulatorOnly: true });
  const { dataShareArn, consumerArn } = world.declared[0];
  const client = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new RedshiftClient({ endpoint: world.emu.endpoint, region: REGION, credentials, maxAttempts: 1 });
  const associate = new AssociateDataShareConsumerCommand({
    DataShareArn: dataShareArn,
    ConsumerArn: consumerArn,
  });
  const body = new URLSearchParams({
    Action: "AssociateDataShareConsumer",
    Version: "2012-12-01",
    DataShareArn: dataShareArn,
    ConsumerArn: consumerArn,
  }).toString();
  const post = (headers: Record<string, string>, payload = body) =>
    fetch(world.emu.endpoint + "/", { method: "POST", headers, body: payload });
  const form = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
  try {
    const before = JSON.stringify(world.emu.admin.snapshot().dataShares);

    const wrongSecret = await sdkError(() =>
      client({ ...CONSUMER_KEYS, secretAccessKey: WRONG_SECRET }).send(associate),
    );
    rec.expect(
      "SDK, wrong secret: SignatureDoesNotMatch",
      wrongSecret === "SignatureDoesNotMatch",
      wrongSecret,
    );
    const unknownKey = await sdkError(() =>
      client({ accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: WRONG_SECRET }).send(associate),
    );
    rec.expect(
      "SDK, unknown access key: InvalidClientTokenId",
      unknownKey === "InvalidClientTokenId",
      unknownKey,
    );
    const outsider = await sdkError(() => client(OUTSIDER_KEYS).send(associate));
    rec.expect("SDK, another account's namespace: refused", outsider !== "(accepted)", outsider);
    const describe = await sdkError(() =>
      client({ ...CONSUMER_KEYS, secretAccessKey: WRONG_SECRET }).send(new DescribeDataSharesCommand({})),
    );
    rec.expect(
      "SDK, wrong secret on a read: SignatureDoesNotMatch",
      describe === "SignatureDoesNotMatch",
      describe,
    );

    const unsigned = await post({ ...form, host: new URL(world.emu.endpoint).host });
    const unsignedText = await unsigned.text();
    rec.expect(
      "fetch, unsigned: 403 MissingAuthenticationToken",
      unsigned.status === 403 && unsignedText.includes("MissingAuthenticationToken"),
      `${unsigned.status} ${code(unsignedText)}`,
    );

    const signed = await sign(world.emu.endpoint, body, { ...CONSUMER_KEYS, secretAccessKey: WRONG_SECRET });
    const forged = await post(signed);
    const forgedText = await forged.text();
    rec.expect(
      "fetch, signed with a wrong secret: 403 SignatureDoesNotMatch",
      forged.status === 403 && forgedText.includes("SignatureDoesNotMatch"),
      `${forged.status} ${code(forgedText)}`,
    );

    const genuine = await sign(world.emu.endpoint, body, CONSUMER_KEYS);
    const tampered = await post(genuine, body.replace("namespace%3A", "namespace%3Ax"));
    const tamperedText = await tampered.text();
    rec.expect(
      "fetch, body changed after signing: refused",
      tampered.status === 403 || tampered.status === 400,
      `${tampered.status} ${code(tamperedText)}`,
    );

    const garbage = await post({
      ...form,
      authorization: "AWS4-HMAC-SHA256 Credential=garbage",
      "x-amz-date": "20200101T000000Z",
    });
    const garbageText = await garbage.text();
    rec.expect(
      "fetch, malformed Authorization header: refused",
      garbage.status >= 400 && garbage.status < 500,
      `${garbage.status} ${code(garbageText)}`,
    );

    rec.expect(
      "no refused request changed the model",
      JSON.stringify(world.emu.admin.snapshot().dataShares) === before,
    );
    // Control: the same helper with the right secret is accepted, so the refusals above are about the signature.
    const accepted = await post(await sign(world.emu.endpoint, body, CONSUMER_KEYS));
    rec.expect("fetch, correctly signed: accepted (control)", accepted.status === 200, `${accepted.status}`);
    return rec.finish(world.counts(), 0);
  } finally {
    await world.dispose();
  }
}

async function sign(
  endpoint: string,
  body: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
): Promise<Record<string, string>> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ credentials, region: REGION, service: "redshift", sha256: Sha256 });
  const request = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
  });
  return request.headers as Record<string, string>;
}

function code(xml: string): string {
  return /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? xml.slice(0, 80);
}
