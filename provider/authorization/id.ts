/**
 * The resource ID of a DataShareAuthorization: `<dataShareArn>,<consumerIdentifier>`, the form
 * Terraform's aws_redshift_data_share_authorization uses, so IDs carry over on import. ARNs, account
 * IDs and the keywords (ADX, DataCatalog/<account>) contain no commas, so the split is unambiguous.
 * Read and delete need nothing else; the API region comes from state (or the provider on import).
 */
import { parseDataShareArn } from "../core/arn";
import { dataShareIdentity } from "../core/identity";
import { InvalidAuthorizationIdError } from "./errors";
import { AuthorizationKey, Consumer, DataShareAuthorizationInputs } from "./types";

const ACCOUNT = /^[0-9]{12}$/;
const DATA_CATALOG = /^DataCatalog\/([0-9]{12})$/;

/** The consumer a ConsumerIdentifier names, or undefined when it is none of the documented forms. */
export function parseConsumer(identifier: string): Consumer | undefined {
  if (ACCOUNT.test(identifier)) return { kind: "account", accountId: identifier };
  if (identifier === "ADX") return { kind: "adx" };
  const m = DATA_CATALOG.exec(identifier);
  return m ? { kind: "dataCatalog", accountId: m[1] } : undefined;
}

export function formatId(key: AuthorizationKey): string {
  return `${key.dataShareArn},${key.consumerIdentifier}`;
}

export function parseId(id: string): AuthorizationKey {
  const parts = id.split(",");
  if (parts.length !== 2) throw new InvalidAuthorizationIdError(id);
  const [dataShareArn, consumerIdentifier] = parts;
  if (!parseDataShareArn(dataShareArn).ok || parseConsumer(consumerIdentifier) === undefined) {
    throw new InvalidAuthorizationIdError(id);
  }
  return { dataShareArn, consumerIdentifier };
}

/** The key of checked inputs. */
export function keyFromInputs(inputs: DataShareAuthorizationInputs): AuthorizationKey {
  return { dataShareArn: inputs.dataShareArn, consumerIdentifier: inputs.consumerIdentifier };
}

/**
 * The authorization's identity: the datashare by its one identity (../core/identity.ts) and the
 * consumer identifier as written (account digits, or the keywords in their one documented case).
 */
export function canonicalKey(key: AuthorizationKey): string {
  return `${dataShareIdentity(key.dataShareArn)},${key.consumerIdentifier}`;
}

/** Two keys name the same authorization on AWS. */
export function sameKey(a: AuthorizationKey, b: AuthorizationKey): boolean {
  return canonicalKey(a) === canonicalKey(b);
}

export function describeConsumer(identifier: string): string {
  const consumer = parseConsumer(identifier);
  switch (consumer?.kind) {
    case "account":
      return `account ${consumer.accountId}`;
    case "adx":
      return "AWS Data Exchange (ADX)";
    case "dataCatalog":
      return `the Glue Data Catalog (Lake Formation) of account ${consumer.accountId}`;
    default:
      return `consumer ${identifier}`;
  }
}
