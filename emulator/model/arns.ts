import { InvalidParameterValue } from "../faults";
import { listedPartitionOf, partitionOf } from "../../identity/partition";
import type { NamespaceType } from "./types";

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
/** aws, aws-cn, aws-us-gov, aws-iso-b, …: which one an ARN may name follows from its region. */
const PARTITION = "aws(?:-[a-z]+)*";
const REGION_CHARS = "[a-z0-9-]+";
const ACCOUNT = "\\d{12}";

const PROVISIONED_NAMESPACE = new RegExp(
  `^arn:(${PARTITION}):redshift:(${REGION_CHARS}):(${ACCOUNT}):namespace:(${GUID})$`,
);
const SERVERLESS_NAMESPACE = new RegExp(
  `^arn:(${PARTITION}):redshift-serverless:(${REGION_CHARS}):(${ACCOUNT}):namespace/(${GUID})$`,
);
const DATASHARE = new RegExp(
  `^arn:(${PARTITION}):redshift:(${REGION_CHARS}):(${ACCOUNT}):datashare:(${GUID})/([^/]+)$`,
);
const GLUE_CATALOG = new RegExp(`^arn:(${PARTITION}):glue:(${REGION_CHARS}):(${ACCOUNT}):catalog$`);
/** The shape of AWS's region names (us-east-1, cn-north-1, us-gov-west-1, eusc-de-east-1, …). */
const REGION_SHAPE = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/;

/** A region name: of AWS's shape, or one the AWS SDK's partition data lists. */
export function isRegionName(region: string): boolean {
  return REGION_SHAPE.test(region) || listedPartitionOf(region) !== undefined;
}

/**
 * An ARN names its region's partition (identity/partition.ts, the AWS SDK's partition data that
 * the provider checks against too): arn:aws-cn:…:cn-north-1:…, arn:aws-us-gov:…:us-gov-west-1:….
 */
function inItsPartition(partition: string, region: string): boolean {
  return isRegionName(region) && partitionOf(region) === partition;
}

/** The ARN prefix of a service in a region: `arn:<the region's partition>:<service>:<region>`. */
function arnPrefix(service: string, region: string): string {
  return `arn:${partitionOf(region)}:${service}:${region}`;
}

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
    ? `${arnPrefix("redshift-serverless", region)}:${accountId}:namespace/${id}`
    : `${arnPrefix("redshift", region)}:${accountId}:namespace:${id}`;
}

export function formatDataShareArn(
  region: string,
  producerAccount: string,
  namespaceId: string,
  name: string,
) {
  return `${arnPrefix("redshift", region)}:${producerAccount}:datashare:${namespaceId}/${name}`;
}

/** Parses a namespace ARN of either form; a malformed one is an InvalidParameterValue, as for AWS ARNs. */
export function parseNamespaceArn(arn: string, parameter: string): NamespaceArn {
  const provisioned = PROVISIONED_NAMESPACE.exec(arn);
  const serverless = provisioned ? null : SERVERLESS_NAMESPACE.exec(arn);
  const match = provisioned ?? serverless;
  if (!match || !inItsPartition(match[1], match[2])) {
    throw new InvalidParameterValue(
      `The value "${arn}" for parameter ${parameter} is not a valid namespace ARN.`,
    );
  }
  return {
    type: provisioned ? "provisioned" : "serverless",
    region: match[2],
    accountId: match[3],
    namespaceId: match[4].toLowerCase(),
  };
}

export function parseDataShareArn(arn: string): DataShareArnParts {
  const match = DATASHARE.exec(arn);
  if (!match || !inItsPartition(match[1], match[2])) {
    throw new InvalidParameterValue(
      `The value "${arn}" for parameter DataShareArn is not a valid datashare ARN.`,
    );
  }
  return {
    region: match[2],
    producerAccount: match[3],
    producerNamespace: match[4].toLowerCase(),
    name: match[5],
  };
}

/** An account's AWS Glue Data Catalog as a ConsumerArn (Lake Formation), or undefined for any other ARN. */
export function parseCatalogArn(arn: string): { region: string; accountId: string } | undefined {
  const match = GLUE_CATALOG.exec(arn);
  return match && inItsPartition(match[1], match[2]) ? { region: match[2], accountId: match[3] } : undefined;
}

export function formatCatalogArn(region: string, accountId: string): string {
  return `${arnPrefix("glue", region)}:${accountId}:catalog`;
}

export function checkRegion(region: string, parameter: string): void {
  if (!isRegionName(region)) {
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
