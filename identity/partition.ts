/**
 * Which AWS partition (aws, aws-cn, aws-us-gov, aws-iso, aws-eusc, …) a region belongs to, from
 * the AWS SDK's own partition data (@aws-sdk/core's endpoint rules, the data every client resolves
 * endpoints with). Shared by the provider's input checks and the emulator's ARN grammar, so that the
 * emulator accepts every partition the provider does without importing the provider. A region newer
 * than the installed SDK needs a newer SDK, as it does for the clients themselves.
 */
import { partition } from "@aws-sdk/core/client";

const REGION_CHARS = /^[a-z0-9-]+$/;

type PartitionInfo = ReturnType<typeof partition> & { description?: string };

/** The partition whose data lists `region`; undefined when no partition lists it. */
export function listedPartitionOf(region: string): string | undefined {
  if (!REGION_CHARS.test(region)) return undefined;
  const info = partition(region) as PartitionInfo;
  // Listed regions carry a description; anything else is the SDK's fallback to the aws partition.
  return info.description === undefined ? undefined : info.name;
}

/**
 * The partition of any region name: the one listing it, else the one whose region pattern it
 * matches (cn-…: aws-cn, us-gov-…: aws-us-gov), else aws, as the SDK itself resolves endpoints.
 */
export function partitionOf(region: string): string {
  return REGION_CHARS.test(region) ? partition(region).name : "aws";
}
