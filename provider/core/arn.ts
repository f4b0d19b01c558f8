/**
 * Shapes of the ARNs and region names this provider accepts. Pure parsing: each parser returns the
 * parts or a reason that says what was wrong and what is allowed. A reason never repeats the whole
 * value: the engine shows it already ("property X value {v} has a problem: <reason>").
 */

import { listedPartitionOf } from "../../identity/partition";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Regions and their partitions come from the AWS SDK's partition data (../../identity/partition.ts,
 * shared with the emulator): a region is valid when that data lists it, and its partition is the
 * one listing it.
 */
const ACCOUNT_SHAPE = /^[0-9]{12}$/;
const GUID_SHAPE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/**
 * A datashare name is a Redshift identifier: letters (UTF-8 multibyte ones too), digits,
 * underscore, dollar; hyphen accepted as before (the emulator and older ARNs use it); at most 127
 * bytes in UTF-8. Redshift's other rules (a letter or underscore first, no reserved word) are
 * enforced by CREATE DATASHARE, which made the name: an ARN only names what exists.
 */
const DATASHARE_NAME_CHARS = /^[\p{L}\p{M}\p{N}_$-]+$/u;
const MAX_IDENTIFIER_BYTES = 127;
/** Printable, no spaces: ASCII from ! to ~, and any character beyond ASCII except separators. */
const PRINTABLE_NO_SPACE = /^[\x21-\x7e\u00a0-\u{10ffff}]*$/u;
const SEPARATORS = /[\p{Z}\p{C}]/u;
/** `<type>:<rest>` or `<type>/<rest>`. */
const RESOURCE_TYPE_AND_REST = /^([^:/]+)[:/](.*)$/;
const RESOURCE_TYPE = /^[^:/]*/;

/** Longest ARN AWS allows anywhere; longer input is rejected before any other parsing. */
export const MAX_ARN_LENGTH = 2048;
const REGION_EXAMPLES =
  "a region of the AWS SDK's partition data, e.g. us-east-1, eu-central-2, us-gov-west-1, cn-north-1, eusc-de-east-1";

/**
 * The parsers are pure and see the same few strings on every call of create and check, so their
 * answers are remembered (frozen, as callers share them), up to a bound; the bound keeps a process
 * that sees many ARNs from growing without limit.
 */
const REMEMBERED_PER_PARSER = 512;

function remembered<T>(parse: (s: string) => Parsed<T>): (s: string) => Parsed<T> {
  const answers = new Map<string, Parsed<T>>();
  return (s) => {
    let answer = answers.get(s);
    if (answer === undefined) {
      answer = parse(s);
      if (answer.ok) Object.freeze(answer.value);
      Object.freeze(answer);
      if (s.length > MAX_ARN_LENGTH) return answer;
      if (answers.size >= REMEMBERED_PER_PARSER) answers.clear();
      answers.set(s, answer);
    }
    return answer;
  };
}

export const parseRegion = remembered(parseRegionOnce);

function parseRegionOnce(region: string): Parsed<{ region: string; partition: string }> {
  const partition = listedPartitionOf(region);
  if (partition === undefined) {
    return { ok: false, reason: `not an AWS region name (${REGION_EXAMPLES})` };
  }
  return { ok: true, value: { region, partition } };
}

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the account, colons included. */
  resource: string;
}

/**
 * The six parts of any ARN, unchecked: for ARNs AWS answers with (consumer identifiers of any
 * service) and for keys already checked. Undefined when the value is not `arn:…` with six parts.
 */
export function arnParts(arn: string): ArnParts | undefined {
  const p = arn.split(":");
  if (p.length < 6 || p[0] !== "arn") return undefined;
  const [, partition, service, region, account] = p;
  return { partition, service, region, account, resource: p.slice(5).join(":") };
}

function splitArn(arn: string): Parsed<ArnParts> {
  const parts = arnParts(arn);
  if (parts === undefined) {
    return {
      ok: false,
      reason: "not an ARN (arn:<partition>:<service>:<region>:<account>:…)",
    };
  }
  const { partition, region, account } = parts;
  const regionPartition = listedPartitionOf(region);
  if (regionPartition === undefined) {
    return {
      ok: false,
      reason: `region ${quote(region)} in the ARN is not an AWS region name (${REGION_EXAMPLES})`,
    };
  }
  if (regionPartition !== partition) {
    return {
      ok: false,
      reason: `region ${region} belongs to partition ${regionPartition}, not ${partition} as the ARN says`,
    };
  }
  if (!ACCOUNT_SHAPE.test(account)) {
    return { ok: false, reason: `account ${quote(account)} in the ARN must be 12 digits` };
  }
  return { ok: true, value: parts };
}

function commonChecks(arn: string): string | undefined {
  if (arn.length === 0) return "must not be empty";
  if (arn.length > MAX_ARN_LENGTH)
    return `is ${arn.length} characters long; ARNs have at most ${MAX_ARN_LENGTH}`;
  if (!PRINTABLE_NO_SPACE.test(arn) || SEPARATORS.test(arn))
    return "must contain only printable characters without spaces";
  return undefined;
}

export interface DataShareArn {
  partition: string;
  region: string;
  account: string;
  producerNamespace: string;
  name: string;
}

const DATASHARE_FORM =
  "arn:<partition>:redshift:<region>:<12-digit account>:datashare:<producer namespace guid>/<name>";

export const parseDataShareArn = remembered(parseDataShareArnOnce);

function parseDataShareArnOnce(arn: string): Parsed<DataShareArn> {
  const common = commonChecks(arn);
  if (common) return { ok: false, reason: `${common} (expected ${DATASHARE_FORM})` };
  const split = splitArn(arn);
  if (!split.ok) return { ok: false, reason: `${split.reason}; expected ${DATASHARE_FORM}` };
  const { partition, service, region, account, resource } = split.value;
  if (service !== "redshift") {
    return {
      ok: false,
      reason: `service is ${quote(service)}, but datashare ARNs use "redshift"; expected ${DATASHARE_FORM}`,
    };
  }
  const m = RESOURCE_TYPE_AND_REST.exec(resource);
  if (!m || m[1] !== "datashare") {
    const type = m ? m[1] : resource;
    return {
      ok: false,
      reason: `resource type is ${quote(type)}, not "datashare"; expected ${DATASHARE_FORM}`,
    };
  }
  const slash = m[2].indexOf("/");
  const guid = slash < 0 ? m[2] : m[2].slice(0, slash);
  const name = slash < 0 ? "" : m[2].slice(slash + 1);
  if (!GUID_SHAPE.test(guid)) {
    return {
      ok: false,
      reason: `producer namespace ${quote(guid)} is not a GUID; expected ${DATASHARE_FORM}`,
    };
  }
  if (!DATASHARE_NAME_CHARS.test(name) || Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) {
    return {
      ok: false,
      reason:
        `datashare name ${quote(name)} must be 1-${MAX_IDENTIFIER_BYTES} bytes (UTF-8) of letters, digits, ` +
        `"_", "$" or "-"; expected ${DATASHARE_FORM}`,
    };
  }
  return { ok: true, value: { partition, region, account, producerNamespace: guid, name } };
}

export interface NamespaceArn {
  partition: string;
  region: string;
  account: string;
  /** The namespace GUID; empty for a Glue Data Catalog. */
  namespaceId: string;
  form: "provisioned" | "serverless" | "catalog";
}

const NAMESPACE_FORMS =
  "arn:<partition>:redshift:<region>:<12-digit account>:namespace:<guid> (provisioned), " +
  "arn:<partition>:redshift-serverless:<region>:<12-digit account>:namespace/<guid> (serverless) or " +
  "arn:<partition>:glue:<region>:<12-digit account>:catalog (the account's Glue Data Catalog, Lake Formation)";

export const parseNamespaceArn = remembered(parseNamespaceArnOnce);

function parseNamespaceArnOnce(arn: string): Parsed<NamespaceArn> {
  const common = commonChecks(arn);
  if (common) return { ok: false, reason: `${common} (expected ${NAMESPACE_FORMS})` };
  const split = splitArn(arn);
  if (!split.ok) return { ok: false, reason: `${split.reason}; expected ${NAMESPACE_FORMS}` };
  const { partition, service, region, account, resource } = split.value;
  let guid: string;
  let form: NamespaceArn["form"];
  if (service === "glue") {
    if (resource !== "catalog") {
      return {
        ok: false,
        reason: `a Glue ARN here names the Data Catalog itself; expected ${NAMESPACE_FORMS}`,
      };
    }
    return { ok: true, value: { partition, region, account, namespaceId: "", form: "catalog" } };
  }
  if (service === "redshift" && resource.startsWith("namespace:")) {
    guid = resource.slice("namespace:".length);
    form = "provisioned";
  } else if (service === "redshift-serverless" && resource.startsWith("namespace/")) {
    guid = resource.slice("namespace/".length);
    form = "serverless";
  } else if (service !== "redshift" && service !== "redshift-serverless") {
    return {
      ok: false,
      reason: `service is ${quote(service)}, not a Redshift namespace or a Glue Data Catalog; expected ${NAMESPACE_FORMS}`,
    };
  } else {
    const type = RESOURCE_TYPE.exec(resource)?.[0] ?? resource;
    return {
      ok: false,
      reason: `resource ${quote(type)} is not a ${service} namespace (mind ":" vs "/"); expected ${NAMESPACE_FORMS}`,
    };
  }
  if (!GUID_SHAPE.test(guid)) {
    return { ok: false, reason: `namespace id ${quote(guid)} is not a GUID; expected ${NAMESPACE_FORMS}` };
  }
  return { ok: true, value: { partition, region, account, namespaceId: guid, form } };
}

/** Namespace ARNs compare case-insensitively: AWS returns GUIDs in lower case whatever was sent. */
export function sameNamespaceArn(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Quote a value for a message, cut to a readable length. */
export function quote(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return JSON.stringify(cut);
}
