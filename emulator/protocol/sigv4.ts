import { createHash, createHmac, timingSafeEqual, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { Checksum, HttpRequest, SourceData } from "@smithy/types";
import {
  ExpiredToken,
  IncompleteSignature,
  InvalidClientTokenId,
  MissingAuthenticationToken,
  RequestExpired,
  SignatureDoesNotMatch,
} from "../faults";

/** AWS refuses requests whose x-amz-date is further than this from its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** node:crypto in the shape of the SDK's Checksum: a hash, or an HMAC when given a secret. */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.create();
  }

  private create(): Hash | Hmac {
    return this.secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(this.secret));
  }

  update(data: Uint8Array): void {
    this.hash.update(data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.create();
  }
}

export interface IncomingSignedRequest {
  method: string;
  /** Request target as received (path and query). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The secret behind an access key id; temporary credentials also carry their token and expiry. */
export interface SigningKey<P> {
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: Date;
  principal: P;
}

export interface VerifiedSignature<P> {
  accessKeyId: string;
  principal: P;
  region: string;
  service: string;
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

function headerValue(headers: IncomingSignedRequest["headers"], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Only the credential scope and the signed-header list are read from the header: no trust in the rest. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (!header) throw new MissingAuthenticationToken("Request is missing Authentication Token");
  const match = AUTHORIZATION.exec(header.trim());
  if (!match) {
    throw new IncompleteSignature(
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters for AWS4-HMAC-SHA256.",
    );
  }
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(";"), signature };
}

function parseAmzDate(value: string | undefined): Date {
  const match = value && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match)
    throw new IncompleteSignature("Authorization header requires existence of an 'X-Amz-Date' header.");
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * AWS reads the token before the signature: an unknown key, a temporary key without its own token,
 * or a long-term key sent with any token are all an invalid token; a matching but old one is expired.
 */
function checkSessionToken<P>(
  key: SigningKey<P> | undefined,
  token: string | undefined,
  now: Date,
): asserts key is SigningKey<P> {
  const matches =
    key !== undefined &&
    (key.sessionToken === undefined
      ? token === undefined
      : token !== undefined && sameSecret(token, key.sessionToken));
  if (!matches) throw new InvalidClientTokenId("The security token included in the request is invalid.");
  if (key.expiresAt !== undefined && now.getTime() >= key.expiresAt.getTime()) {
    throw new ExpiredToken("The security token included in the request is expired");
  }
}

/**
 * Recomputes the request's SigV4 signature with the SDK's own signer, over exactly the headers
 * the request says it signed, and the region and service of its credential scope.
 */
export async function verifySignature<P>(
  request: IncomingSignedRequest,
  lookupKey: (accessKeyId: string) => SigningKey<P> | undefined,
  now: Date,
): Promise<VerifiedSignature<P>> {
  const auth = parseAuthorization(headerValue(request.headers, "authorization"));
  const key = lookupKey(auth.accessKeyId);
  checkSessionToken(key, headerValue(request.headers, "x-amz-security-token"), now);
  const signingDate = parseAmzDate(headerValue(request.headers, "x-amz-date"));
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw new RequestExpired(
      `Request has expired: the signing date ${signingDate.toISOString()} is more than 15 minutes from the server time ${now.toISOString()}.`,
    );
  }
  const mismatch = () =>
    new SignatureDoesNotMatch(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    );
  const bodyHash = createHash("sha256").update(request.body).digest("hex");
  const declaredHash = headerValue(request.headers, "x-amz-content-sha256");
  if (auth.date !== headerValue(request.headers, "x-amz-date")?.slice(0, 8)) throw mismatch();
  if (declaredHash !== undefined && declaredHash !== bodyHash) throw mismatch();

  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) throw mismatch();
    headers[name] = value;
  }
  const url = new URL(request.url, "http://emulator.invalid");
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const toSign: HttpRequest = {
    method: request.method,
    protocol: "http:",
    hostname: headers.host ?? "localhost",
    path: decodeURIComponent(url.pathname),
    query,
    headers,
    body: request.body,
  };
  const declared = new Set(auth.signedHeaders);
  const generated = ["x-amz-date", "x-amz-content-sha256", "x-amz-security-token"].filter(
    (h) => !declared.has(h),
  );
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: key.secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(toSign, {
    signingDate,
    signableHeaders: declared,
    unsignableHeaders: new Set(generated),
  });
  const expected = parseAuthorization(headerValue(signed.headers, "authorization"));
  if (
    expected.signedHeaders.join(";") !== auth.signedHeaders.join(";") ||
    !sameSecret(expected.signature, auth.signature)
  ) {
    throw mismatch();
  }
  return {
    accessKeyId: auth.accessKeyId,
    principal: key.principal,
    region: auth.region,
    service: auth.service,
  };
}
