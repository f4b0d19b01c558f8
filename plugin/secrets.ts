/**
 * Secrets across the plugin boundary. `@pulumi/pulumi`'s provider server tells the engine it accepts
 * secrets, so the engine sends a secret value wrapped (`{ <sig key>: <secret sig>, value }`) and no
 * longer copies secretness onto what the provider returns: the plugin must. The provider core works
 * on plain values; the plugin reveals the values before calling it and marks the same top-level
 * properties secret in what it returns (as the engine does for a provider that takes no secrets,
 * and as the dynamic provider's host relies on), plus every property the schema declares secret.
 * Unknown values (preview) pass through as the engine's unknown placeholder, inside or outside a
 * secret.
 */
import { runtime } from "@pulumi/pulumi";

type Bag = Record<string, unknown>;

const isSecret = (value: unknown): value is { value: unknown } =>
  typeof value === "object" && value !== null && runtime.isRpcSecret(value);

/** A value with every secret wrapper removed, at any depth. */
function reveal(value: unknown): { plain: unknown; secret: boolean } {
  if (isSecret(value)) return { plain: reveal(value.value).plain, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(reveal);
    return { plain: items.map((i) => i.plain), secret: items.some((i) => i.secret) };
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, reveal(v)] as const);
    return {
      plain: Object.fromEntries(entries.map(([k, r]) => [k, r.plain])),
      secret: entries.some(([, r]) => r.secret),
    };
  }
  return { plain: value, secret: false };
}

export interface RevealedBag {
  /** The properties with plain values. */
  plain: Bag;
  /** The top-level properties that held a secret anywhere inside. */
  secretKeys: Set<string>;
}

/** Plain values for the core, and which properties were secret. */
export function revealSecrets(bag: Bag | undefined): RevealedBag {
  const plain: Bag = {};
  const secretKeys = new Set<string>();
  for (const [key, value] of Object.entries(bag ?? {})) {
    const r = reveal(value);
    plain[key] = r.plain;
    if (r.secret) secretKeys.add(key);
  }
  return { plain, secretKeys };
}

/** The bag with the named properties (those present and set) wrapped as secrets. */
export function concealSecrets<T extends Bag | undefined>(bag: T, keys: Iterable<string>): T {
  if (bag === undefined) return bag;
  const out: Bag = { ...bag };
  for (const key of keys) {
    const value = out[key];
    if (value === undefined || value === null || isSecret(value)) continue;
    out[key] = { [runtime.specialSigKey]: runtime.specialSecretSig, value };
  }
  return out as T;
}
