/**
 * The resource ID of a DataShareConsumer. It carries everything read, delete and import need, so
 * `read(id, {})` can rebuild the full inputs.
 *
 * Format: comma-separated, `<dataShareArn>,<kind>[,<target>[,<apiRegion>]]`, trailing empty parts
 * left out:
 *
 *   <dataShareArn>,account                      whole consumer account
 *   <dataShareArn>,namespace,<consumerArn>      one namespace
 *   <dataShareArn>,region,<consumerRegion>      every namespace in one region
 *   <dataShareArn>,account,,eu-west-1           …with the `region` argument (API region) set
 *
 * ARNs and region names never contain commas, so splitting is unambiguous. For import, the
 * Terraform / pulumi-aws form `<dataShareArn>,<true|>,<consumerArn>,<consumerRegion>` is accepted
 * as well (it has no API region).
 */
import { dataShareIdentity } from "../core/identity";
import { InvalidIdError } from "./errors";
import { AssociationKey, DataShareConsumerInputs, Target } from "./types";

/**
 * The association's identity, the way AWS tells associations apart: one string per association,
 * whatever the API region, the letter case or the ID form. Two keys with the same canonical text
 * reach the same association on AWS, so nothing may plan to create one while the other still
 * exists (the delete that follows would remove what the create just claimed).
 *
 * The datashare compares by its one identity (../core/identity.ts). The target compares without
 * letter case: a namespace ARN's parts are lower case by definition (check.ts accepts no other)
 * but for its GUID, hex that AWS answers in lower case whatever was sent; region names are lower
 * case on AWS.
 */
export function canonicalKey(key: AssociationKey): string {
  return [dataShareIdentity(key.dataShareArn), key.target.kind, canonicalTarget(key.target)].join(",");
}

export function canonicalTarget(target: Target): string {
  return targetValue(target).toLowerCase();
}

/** Both keys name the same association on AWS (the API region does not count). */
export function sameAssociation(a: AssociationKey, b: AssociationKey): boolean {
  return canonicalKey(a) === canonicalKey(b);
}

export function formatId(key: AssociationKey): string {
  const parts = [key.dataShareArn, key.target.kind, targetValue(key.target), key.apiRegion ?? ""];
  while (parts[parts.length - 1] === "") parts.pop();
  return parts.join(",");
}

export function parseId(id: string): AssociationKey {
  const parts = id.split(",");
  if (parts.length < 2 || parts.length > 4 || parts[0] === "") throw new InvalidIdError(id);
  const [dataShareArn, kind, value = "", apiRegion = ""] = parts;
  const key = (target: Target): AssociationKey =>
    apiRegion === "" ? { dataShareArn, target } : { dataShareArn, target, apiRegion };
  if (kind === "account" && value === "") return key({ kind: "account" });
  if (kind === "namespace" && value !== "") return key({ kind: "namespace", consumerArn: value });
  if (kind === "region" && value !== "") return key({ kind: "region", consumerRegion: value });
  if ((kind === "true" || kind === "") && parts.length === 4) return parseTerraformId(id, parts);
  throw new InvalidIdError(id);
}

function parseTerraformId(
  id: string,
  [dataShareArn, entire, consumerArn, consumerRegion]: string[],
): AssociationKey {
  const set = [entire === "true", consumerArn !== "", consumerRegion !== ""].filter(Boolean).length;
  if (set !== 1) throw new InvalidIdError(id);
  if (entire === "true") return { dataShareArn, target: { kind: "account" } };
  if (consumerArn !== "") return { dataShareArn, target: { kind: "namespace", consumerArn } };
  return { dataShareArn, target: { kind: "region", consumerRegion } };
}

function targetValue(target: Target): string {
  switch (target.kind) {
    case "account":
      return "";
    case "namespace":
      return target.consumerArn;
    case "region":
      return target.consumerRegion;
  }
}

/** The key of checked inputs (exactly one target is set; check.ts guarantees it). */
export function keyFromInputs(inputs: DataShareConsumerInputs): AssociationKey {
  const target: Target =
    inputs.associateEntireAccount === true
      ? { kind: "account" }
      : inputs.consumerArn !== undefined && inputs.consumerArn !== null
        ? { kind: "namespace", consumerArn: inputs.consumerArn }
        : { kind: "region", consumerRegion: inputs.consumerRegion ?? "" };
  const key: AssociationKey = { dataShareArn: inputs.dataShareArn, target };
  if (typeof inputs.region === "string" && inputs.region !== "") key.apiRegion = inputs.region;
  return key;
}

/** The declared inputs a key stands for; allowWrites is not part of the key. */
export function inputsFromKey(key: AssociationKey): DataShareConsumerInputs {
  const inputs: DataShareConsumerInputs = { dataShareArn: key.dataShareArn };
  if (key.target.kind === "account") inputs.associateEntireAccount = true;
  if (key.target.kind === "namespace") inputs.consumerArn = key.target.consumerArn;
  if (key.target.kind === "region") inputs.consumerRegion = key.target.consumerRegion;
  if (key.apiRegion !== undefined) inputs.region = key.apiRegion;
  return inputs;
}

export function describeTarget(target: Target): string {
  switch (target.kind) {
    case "account":
      return "the entire consumer account";
    case "namespace":
      return `namespace ${target.consumerArn}`;
    case "region":
      return `every namespace in region ${target.consumerRegion}`;
  }
}
