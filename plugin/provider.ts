/**
 * The `redshift-datashare` provider plugin's provider object, served by `@pulumi/pulumi/provider`'s
 * `main`: it routes each call by the resource's type token to that resource's provider core (the
 * same objects the dynamic provider runs), reveals secrets for the core and marks them again in
 * what it returns (secrets.ts), and hands the provider resource's settings to the core.
 */
import type { dynamic, provider as pulumiProvider } from "@pulumi/pulumi";
import { concealSecrets, revealSecrets } from "./secrets";
import {
  DelegateOptions,
  ResourceDelegate,
  ResourceSpec,
  createDelegates,
  packageTypeToken,
  resourceSpecs,
  settingSpecs,
} from "./resources";

type Bag = Record<string, unknown>;

export interface PluginProvider extends Required<
  Pick<pulumiProvider.Provider, "check" | "diff" | "create" | "read" | "update" | "delete">
> {
  version: string;
  getSchema(): Promise<string>;
  /** The provider resource's inputs, as Configure carries them (requestHooks.ts). */
  configure(args: Bag): void;
}

export interface PluginOptions extends DelegateOptions {
  version: string;
  schema: () => string;
}

/** The resource's type token from its URN (`urn:pulumi:<stack>::<project>::<parent$type>::<name>`). */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

/** The settings in the shape the core reads a stack config: by its keys, as strings. */
export function coreConfig(args: Bag): dynamic.Config {
  const { plain } = revealSecrets(args);
  const values = new Map<string, string>();
  for (const [name, spec] of Object.entries(settingSpecs)) {
    const value = plain[name];
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      values.set(spec.coreKey, String(value));
    }
  }
  return {
    get: (key: string) => values.get(key),
    require(key: string) {
      const value = values.get(key);
      if (value === undefined) throw new Error(`missing provider setting ${key}`);
      return value;
    },
  };
}

export function createPluginProvider(options: PluginOptions): PluginProvider {
  const delegates = createDelegates(options);
  const byToken = new Map<string, { spec: ResourceSpec; delegate: ResourceDelegate }>(
    resourceSpecs.map((spec) => [packageTypeToken(spec), { spec, delegate: delegates[spec.name] }]),
  );
  let configured: Promise<unknown> = Promise.resolve();

  /** The resource's provider core, once the latest settings reached it. */
  async function route(urn: string) {
    const type = typeOfUrn(urn);
    const found = byToken.get(type);
    if (!found) {
      throw new Error(
        `unknown resource type ${type}: this provider serves ${[...byToken.keys()].join(", ")}`,
      );
    }
    await configured;
    const declaredSecret = Object.entries(found.spec.properties)
      .filter(([, p]) => p.secret === true)
      .map(([name]) => name);
    /** What was secret in the request, and what the schema declares secret. */
    const secretKeys = (request: Set<string>) => new Set([...request, ...declaredSecret]);
    return { delegate: found.delegate, secretKeys };
  }

  return {
    version: options.version,
    getSchema: async () => options.schema(),

    configure(args) {
      const config = coreConfig(args);
      configured = Promise.all(Object.values(delegates).map((d) => d.configure({ config })));
    },

    async check(urn, olds: Bag, news: Bag) {
      const { delegate } = await route(urn);
      const next = revealSecrets(news);
      const result = await delegate.check(revealSecrets(olds).plain, next.plain);
      return { ...result, inputs: concealSecrets(result.inputs ?? next.plain, next.secretKeys) };
    },

    async diff(id, urn, olds: Bag, news: Bag) {
      const { delegate } = await route(urn);
      return delegate.diff(id, revealSecrets(olds).plain, revealSecrets(news).plain);
    },

    async create(urn, inputs: Bag) {
      const { delegate, secretKeys } = await route(urn);
      const given = revealSecrets(inputs);
      const { id, outs } = await delegate.create(given.plain);
      return { id, outs: concealSecrets(outs, secretKeys(given.secretKeys)) };
    },

    /** With only an ID (import), props is empty: the core rebuilds inputs and outputs from the ID. */
    async read(id, urn, props?: Bag) {
      const { delegate, secretKeys } = await route(urn);
      const stored = revealSecrets(props);
      const result = await delegate.read(id, stored.plain);
      if (!result.id) return { id: "" };
      const keys = secretKeys(stored.secretKeys);
      return {
        id: result.id,
        props: concealSecrets(result.props, keys),
        inputs: concealSecrets(result.inputs, keys),
      };
    },

    async update(id, urn, olds: Bag, news: Bag) {
      const { delegate, secretKeys } = await route(urn);
      const next = revealSecrets(news);
      const { outs } = await delegate.update(id, revealSecrets(olds).plain, next.plain);
      return { outs: concealSecrets(outs, secretKeys(next.secretKeys)) };
    },

    async delete(id, urn, props: Bag) {
      const { delegate } = await route(urn);
      await delegate.delete(id, revealSecrets(props).plain);
    },
  };
}
