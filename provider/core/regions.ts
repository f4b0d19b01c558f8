/**
 * The region a resource's calls go to, decided here once for both resources. Pure: the provider's
 * region is asked for last, and only when nothing before it answers. The order:
 *
 *   1. the resource's own region, first set wins, in the order the caller lists them: the one
 *      recorded in state (read, update and delete keep going where the resource was made), the
 *      declared `region`, the one a consumer ID carries (import);
 *   2. the datashare's own region, the one in its ARN: Redshift answers for a datashare only at
 *      that region's endpoint (check refuses a declared `region` naming another);
 *   3. the provider's region (aws:region, AWS_REGION, AWS_DEFAULT_REGION), for an ARN that names
 *      none usable.
 */
import { parseDataShareArn } from "./arn";
import { ConfigurationError } from "./errors";

/** The region in a datashare ARN, when the value is one. */
function dataShareRegion(dataShareArn: unknown): string | undefined {
  if (typeof dataShareArn !== "string") return undefined;
  const parsed = parseDataShareArn(dataShareArn);
  return parsed.ok ? parsed.value.region : undefined;
}

const regionText = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The region calls go to (the order above), or undefined while none is known. */
export function resolveRegion(
  own: readonly unknown[],
  dataShareArn: unknown,
  providerRegion: () => string | undefined,
): string | undefined {
  for (const region of own) {
    const set = regionText(region);
    if (set !== undefined) return set;
  }
  return dataShareRegion(dataShareArn) ?? regionText(providerRegion());
}

/** A call needs a region: a ConfigurationError that says where to set one when none is known. */
export function requireRegion(region: string | undefined): string {
  if (region === undefined) {
    throw new ConfigurationError(
      "no AWS region: set the resource's region argument, the aws:region stack config, or AWS_REGION",
    );
  }
  return region;
}
