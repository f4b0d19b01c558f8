import { InvalidParameterValue } from "../faults";
import type { NamespaceType } from "./types";

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d+";
const ACCOUNT = "\\d{12}";

const PROVISIONED_NAMESPACE = new RegExp(`^arn:aws:redshift:(${REGION}):(${ACCOUNT}):namespace:(${GUID})$`);
const SERVERLESS_NAMESPACE = new RegExp(
  `^arn:aws:redshift-serverless:(${REGION}):(${ACCOUNT}):namespace/(${GUID})$`,
);
const DATASHARE = new RegExp(`^arn:aws:redshift:(${REGION}):(${ACCOUNT}):datashare:(${GUID})/([^/]+)$`);
const REGION_ONLY = new RegExp(`^${REGION}$`);
const GLUE_CATALOG = new RegExp(`^arn:aws:glue:(${REGION}):(${ACCOUNT}):catalog$`);

export interface NamespaceArn {
  type: NamespaceType;
  region: string;
  accountId: string;
  namespaceId: string;
}

export interface DataShareArnParts {
  region: string;
  producerAccount: string;
  producerNamespace: string;
  name: string;
}

export function formatNamespaceArn(
  type: NamespaceType,
  region: string,
  accountId: string,
  id: string,
): string {
  return type === "serverless"
    ? `arn:aws:redshift-serverless:${region}:${accountId}:namespace/${id}`
    : `arn:aws:redshift:${region}:${accountId}:namespace:${id}`;
}

export function formatDataShareArn(
  region: string,
  producerAccount: string,
  namespaceId: string,
  name: string,
) {
  return `arn:aws:redshift:${region}:${producerAccount}:datashare:${namespaceId}/${name}`;
}

/** Parses a namespace ARN of either form; a malformed one is an InvalidParameterValue, as for AWS ARNs. */
export function parseNamespaceArn(arn: string, parameter: string): NamespaceArn {
  const provisioned = PROVISIONED_NAMESPACE.exec(arn);
  const serverless = provisioned ? null : SERVERLESS_NAMESPACE.exec(arn);
  const match = provisioned ?? serverless;
  if (!match) {
    throw new InvalidParameterValue(
      `The value "${arn}" for parameter ${parameter} is not a valid namespace ARN.`,
    );
  }
  return {
    type: provisioned ? "provisioned" : "serverless",
    region: match[1],
    accountId: match[2],
    namespaceId: match[3].toLowerCase(),
  };
}

export function parseDataShareArn(arn: string): DataShareArnParts {
  const match = DATASHARE.exec(arn);
  if (!match) {
    throw new InvalidParameterValue(
      `The value "${arn}" for parameter DataShareArn is not a valid datashare ARN.`,
    );
  }
  return {
    region: match[1],
    producerAccount: match[2],
    producerNamespace: match[3].toLowerCase(),
    name: match[4],
  };
}

/** An account's AWS Glue Data Catalog as a ConsumerArn (Lake Formation), or undefined for any other ARN. */
export function parseCatalogArn(arn: string): { region: string; accountId: string } | undefined {
  const match = GLUE_CATALOG.exec(arn);
  return match ? { region: match[1], accountId: match[2] } : undefined;
}

export function formatCatalogArn(region: string, accountId: string): string {
  return `arn:aws:glue:${region}:${accountId}:catalog`;
}

export function checkRegion(region: string, parameter: string): void {
  if (!REGION_ONLY.test(region)) {
    throw new InvalidParameterValue(
      `The value "${region}" for parameter ${parameter} is not a valid AWS Region.`,
    );
  }
}

/**
 * The form we store and compare with: the GUID in lower case, everything else as AWS writes it.
 * Folded name comparison (behaviour dataShareNameCase) uses the shared datashare identity.
 */
export function canonicalDataShareArn(arn: string): string {
  const parts = parseDataShareArn(arn);
  return formatDataShareArn(parts.region, parts.producerAccount, parts.producerNamespace, parts.name);
}
