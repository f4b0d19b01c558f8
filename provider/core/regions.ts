/**
 * The region calls go to. Redshift answers for a datashare only at the endpoint of the region in
 * its ARN, so that region comes first; the provider's own region (stack config, environment) is
 * the fallback for an ARN that names none usable.
 */
import { parseDataShareArn } from "./arn";
import type { ProviderSettings } from "./config";

/** The region in a datashare ARN, when the value is one. */
export function dataShareRegion(dataShareArn: unknown): string | undefined {
  if (typeof dataShareArn !== "string") return undefined;
  const parsed = parseDataShareArn(dataShareArn);
  return parsed.ok ? parsed.value.region : undefined;
}

/**
 * The region a resource without a `region` of its own uses: the datashare's, else the provider's;
 * undefined while neither is known (settings that do not resolve count as no region).
 */
export function defaultRegion(dataShareArn: unknown, settings: () => ProviderSettings): string | undefined {
  const own = dataShareRegion(dataShareArn);
  if (own !== undefined) return own;
  try {
    return settings().region;
  } catch {
    return undefined;
  }
}
