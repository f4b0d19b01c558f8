/**
 * The seeds the emulator ships, by the name `--seed` takes instead of a file: `default`
 * (default.json) and `no-datashares`, the same accounts and namespaces with no datashare yet, the
 * start of a walk-through that creates its own (docs/lifecycle.md).
 */
import defaultSeedJson from "./default.json";

export const BUILT_IN_SEEDS: Readonly<Record<string, unknown>> = {
  default: defaultSeedJson,
  "no-datashares": { ...defaultSeedJson, dataShares: [] },
};

/** The built-in seed of that name, or undefined (then `--seed` names a file). */
export function builtInSeed(name: string): unknown {
  return Object.hasOwn(BUILT_IN_SEEDS, name) ? BUILT_IN_SEEDS[name] : undefined;
}
