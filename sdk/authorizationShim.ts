/**
 * The provider object stored (serialized) in state with every DataShareAuthorization. Like
 * providerShim.ts it captures nothing but a loader: each method loads the installed package's
 * provider module by name when the engine calls it and uses its `authorizationProvider`, so the
 * serialized text stays small, holds no credentials or paths, and an upgrade of the package changes
 * behaviour without replacing resources.
 */
import type * as pulumi from "@pulumi/pulumi";

/** See providerShim.ts: a bare require first, then one from the program's working directory. */
function loadAuthorizationProvider(): pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
} {
  const name = "pulumi-redshift-datashare/provider";
  try {
    return require(name).authorizationProvider;
  } catch (e) {
    if ((e as { code?: string }).code !== "MODULE_NOT_FOUND") throw e;
    return require("module").createRequire(`${process.cwd()}/`)(name).authorizationProvider;
  }
}

export const authorizationShim: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return loadAuthorizationProvider().configure(req);
  },
  async check(olds, news) {
    return loadAuthorizationProvider().check!(olds, news);
  },
  async diff(id, olds, news) {
    return loadAuthorizationProvider().diff!(id, olds, news);
  },
  async create(inputs) {
    return loadAuthorizationProvider().create(inputs);
  },
  async read(id, props) {
    return loadAuthorizationProvider().read!(id, props);
  },
  async update(id, olds, news) {
    return loadAuthorizationProvider().update!(id, olds, news);
  },
  async delete(id, props) {
    return loadAuthorizationProvider().delete!(id, props);
  },
};
