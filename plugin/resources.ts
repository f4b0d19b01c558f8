/**
 * The plugin's one adapter to the provider core: every import of `provider/` lives here. The rest
 * of `plugin/` sees the resources' specs (the registry: the core's one schema per resource), the
 * settings (the core's one settings table) and the resources' providers, composed as the public
 * entry composes them, with the dynamic-provider signatures.
 */
import type { dynamic } from "@pulumi/pulumi";
import type { ProviderSettings } from "../provider";
import { describeSetting, SETTINGS, SETTING_NAMES } from "../provider/core/config";
import { createProviders } from "../provider/providers";

export { authorizationSpec, consumerSpec, resourceSpecs } from "../provider/schema";
export type { FieldSpec, ItemSpec, ObjectTypeSpec, PropertySpec, ResourceSpec } from "../provider/schema";
export { dynamicTypeToken, objectTypes, packageTypeToken } from "../provider/schema";

/** The provider resource's settings, as the schema declares them (also stack config `redshift-datashare:<name>`). */
export interface SettingSpec {
  type: "string" | "integer" | "number";
  description: string;
  /** The key under which the provider core reads this setting from a stack config. */
  coreKey: string;
}

/** The provider resource's settings, from the core's settings table. */
export const settingSpecs: Record<string, SettingSpec> = Object.fromEntries(
  SETTING_NAMES.map((name) => [
    name,
    { type: SETTINGS[name].type, description: describeSetting(name), coreKey: SETTINGS[name].configKey },
  ]),
);

/** One resource's provider, with the dynamic-provider signatures (no URN). */
export interface ResourceDelegate {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult>;
  read(id: string, props?: Record<string, unknown>): Promise<dynamic.ReadResult>;
  update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

/**
 * Options for in-process use (tests): explicit settings (endpoint, credentials…) win over what
 * `configure` hands over, exactly as for the dynamic providers; `env` replaces process.env.
 */
export interface DelegateOptions extends ProviderSettings {
  env?: Record<string, string | undefined>;
  warn?: (message: string) => void;
}

/**
 * The resources' providers of one plugin process (one provider resource of the program), by
 * resource name: the public entry's composition (provider/providers.ts), so they share describes
 * and the claim registry as the dynamic provider host's do.
 */
export function createDelegates(options: DelegateOptions = {}): Record<string, ResourceDelegate> {
  return createProviders(options);
}
