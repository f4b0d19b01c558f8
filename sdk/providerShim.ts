/**
 * The provider object stored (serialized) in state with every DataShareConsumer. It captures
 * nothing but a loader: each method loads the installed package's provider by name when the engine
 * calls it, so the serialized text stays small, holds no credentials or paths, and upgrading the
 * package changes behaviour without replacing resources.
 */
import type * as pulumi from "@pulumi/pulumi";

/**
 * The engine evaluates the serialized text as a module without a file name, so a bare require
 * resolves only through node_modules above the program's directory. When that fails, resolve from
 * the working directory itself, which also lets a program inside this package's own tree use the
 * package's self-reference ("exports" in package.json).
 */
function loadProvider(): pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
} {
  const name = "pulumi-redshift-datashare/provider";
  try {
    return require(name).provider;
  } catch (e) {
    if ((e as { code?: string }).code !== "MODULE_NOT_FOUND") throw e;
    return require("module").createRequire(`${process.cwd()}/`)(name).provider;
  }
}

export const providerShim: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return loadProvider().configure(req);
  },
  async check(olds, news) {
    return loadProvider().check!(olds, news);
  },
  async diff(id, olds, news) {
    return loadProvider().diff!(id, olds, news);
  },
  async create(inputs) {
    return loadProvider().create(inputs);
  },
  async update(id, olds, news) {
    return loadProvider().update!(id, olds, news);
  },
  async read(id, props) {
    return loadProvider().read!(id, props);
  },
  async delete(id, props) {
    return loadProvider().delete!(id, props);
  },
};
