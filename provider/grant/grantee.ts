/**
 * The grantee a `consumerIdentifier` names, in its three documented forms, and how messages name
 * it. Pure. The forms are exact: an account is 12 digits, the Data Catalog form is written
 * `DataCatalog/` (as AuthorizeDataShare's ConsumerIdentifier spells it), and a namespace GUID is in
 * lower case, as Redshift shows it in SVV_DATASHARE_CONSUMERS.
 */
import type { Grantee } from "./types";

const ACCOUNT = /^[0-9]{12}$/;
const DATA_CATALOG = /^DataCatalog\/([0-9]{12})$/;
const NAMESPACE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The three forms, for messages. */
export const GRANTEE_FORMS =
  'a 12-digit AWS account ID (e.g. "444455556666": TO ACCOUNT), "DataCatalog/<12-digit account ID>" ' +
  "(TO ACCOUNT … VIA DATA CATALOG) or a consumer namespace GUID in lower case " +
  '(e.g. "13b8833d-17c6-4f16-8fe4-1a018f5ed00d": TO NAMESPACE)';

/** The grantee, or undefined when the identifier is none of the three forms. */
export function parseGrantee(identifier: string): Grantee | undefined {
  if (ACCOUNT.test(identifier)) return { kind: "account", accountId: identifier };
  const catalog = DATA_CATALOG.exec(identifier);
  if (catalog) return { kind: "dataCatalog", accountId: catalog[1] };
  if (NAMESPACE.test(identifier)) return { kind: "namespace", namespaceId: identifier };
  return undefined;
}

/** A hint for an identifier that is nearly one of the forms. */
export function granteeHint(identifier: string): string {
  if (/^datacatalog\/[0-9]{12}$/i.test(identifier)) return ' (written "DataCatalog/" followed by 12 digits)';
  if (NAMESPACE.test(identifier.toLowerCase())) return " (write the namespace GUID in lower case)";
  if (identifier.startsWith("arn:")) return " (give the namespace GUID, not its ARN)";
  if (/^adx$/i.test(identifier))
    return " (AWS Data Exchange is granted by its own datashares, not by GRANT USAGE)";
  return "";
}

/** The grantee in a sentence: "account 444455556666", "namespace <guid>", … */
export function describeGrantee(identifier: string): string {
  const grantee = parseGrantee(identifier);
  switch (grantee?.kind) {
    case "account":
      return `account ${grantee.accountId}`;
    case "dataCatalog":
      return `account ${grantee.accountId} via the Data Catalog`;
    case "namespace":
      return `namespace ${grantee.namespaceId}`;
    default:
      return `consumer ${identifier}`;
  }
}
