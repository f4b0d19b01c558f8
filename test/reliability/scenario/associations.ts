/**
 * The declared set of associations of a scenario, and the exact comparison of that set with what
 * the emulator holds. Pure: the emulator is only asked for ARNs and snapshots by the caller.
 */
import type { ModelState } from "../../../emulator";
import { CONSUMER_ID, SeedShape, shareAllowsWrites, shareName } from "./seed";

export interface DeclaredAssociation {
  /** Pulumi resource name. */
  name: string;
  dataShareArn: string;
  consumerArn: string;
  allowWrites: boolean;
}

/** Where an association's ARNs come from (the running emulator). */
export interface ArnSource {
  dataShareArn(name: string): string;
  namespaceArn(account: string, index: number): string;
}

/** Seed shape that holds `count` namespace associations spread over `shares` datashares. */
export function shapeFor(count: number, shares: number): SeedShape {
  return { shares, namespaces: Math.max(1, Math.ceil(count / shares)) };
}

/**
 * `count` associations, round-robin over the shares; on shares that allow writes, every other
 * association accepts writes, so both AllowWrites forms are exercised.
 */
export function declareAssociations(count: number, shares: number, arns: ArnSource): DeclaredAssociation[] {
  return Array.from({ length: count }, (_, k) => {
    const share = k % shares;
    const namespace = Math.floor(k / shares);
    return {
      name: `assoc-${share}-${namespace}`,
      dataShareArn: arns.dataShareArn(shareName(share)),
      consumerArn: arns.namespaceArn("consumer", namespace),
      allowWrites: shareAllowsWrites(share) && namespace % 2 === 0,
    };
  });
}

export interface LiveAssociation {
  key: string;
  status: string;
  consumerAcceptedWrites: boolean;
}

export function associationKey(dataShareArn: string, kind: string, target: string): string {
  return `${dataShareArn}|${kind}|${target.toLowerCase()}`;
}

/** Every association the consumer account holds, in any status, as the emulator's model keeps it. */
export function liveAssociations(state: ModelState, consumerAccount = CONSUMER_ID): LiveAssociation[] {
  const live: LiveAssociation[] = [];
  for (const share of state.dataShares) {
    for (const grant of share.consumers) {
      if (grant.accountId !== consumerAccount) continue;
      for (const a of grant.associations) {
        const target =
          a.target.kind === "namespace" ? a.target.arn : a.target.kind === "region" ? a.target.region : "";
        live.push({
          key: associationKey(share.arn, a.target.kind, target),
          status: a.status,
          consumerAcceptedWrites: a.consumerAcceptedWrites,
        });
      }
    }
  }
  return live;
}

export interface Comparison {
  /** Declared but not held by the emulator: lost associations. */
  missing: string[];
  /** Held but not declared: orphans. */
  extra: string[];
  /** Held more than once. */
  duplicates: string[];
  /** Held, but not ACTIVE or with other writes than declared. */
  mismatched: string[];
}

export function compareAssociations(declared: DeclaredAssociation[], live: LiveAssociation[]): Comparison {
  const wanted = new Map(
    declared.map((d) => [associationKey(d.dataShareArn, "namespace", d.consumerArn), d]),
  );
  const seen = new Map<string, number>();
  const result: Comparison = { missing: [], extra: [], duplicates: [], mismatched: [] };
  for (const a of live) {
    seen.set(a.key, (seen.get(a.key) ?? 0) + 1);
    const d = wanted.get(a.key);
    if (!d) result.extra.push(a.key);
    else if (a.status !== "ACTIVE" || a.consumerAcceptedWrites !== d.allowWrites) {
      result.mismatched.push(`${a.key} (${a.status}, writes ${a.consumerAcceptedWrites})`);
    }
  }
  for (const [key, n] of seen) if (n > 1) result.duplicates.push(key);
  for (const key of wanted.keys()) if (!seen.has(key)) result.missing.push(key);
  return result;
}

export function isExact(c: Comparison): boolean {
  return c.missing.length + c.extra.length + c.duplicates.length + c.mismatched.length === 0;
}

export function describeComparison(c: Comparison): string {
  const part = (label: string, keys: string[]) =>
    keys.length ? `${label} ${keys.length} (${keys.slice(0, 3).join("; ")})` : "";
  return (
    [
      part("missing", c.missing),
      part("extra", c.extra),
      part("duplicated", c.duplicates),
      part("mismatched", c.mismatched),
    ]
      .filter(Boolean)
      .join(", ") || "exact"
  );
}
