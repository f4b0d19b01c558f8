/**
 * Cold start of the dynamic provider host: the time of its first Create against the Creates that
 * follow, in a freshly started host (Pulumi's real host process, driven over gRPC as the engine
 * drives it; see providerHost.ts). The first Create pays for turning `__provider` back into code,
 * loading the provider package and the AWS SDK, building clients and the first connection; later
 * ones pay only for the work. The no-op resource gives the host's own floor.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../emulator";
import { providerModuleText } from "../sdk/providerModule";
import { packageRoot } from "../harness/pulumiCli";
import { ResourceKind, TYPE_TOKENS } from "./benchStack";
import { installNoopPackage, NOOP_PROVIDER_MODULE_TEXT } from "./noopResource";
import { startProviderHost } from "./providerHost";
import { BENCH_REGION, consumerEnv, planAssociations } from "./seed";
import { median, timeMs } from "./stats";

export interface ColdStartResult {
  kind: ResourceKind;
  hosts: number;
  createsPerHost: number;
  /** Median over hosts: process start until the host listens. */
  hostStartMs: number;
  /** Median over hosts of the first Create. */
  firstCreateMs: number;
  /** Median of every later Create. */
  laterCreateMs: number;
}

export interface ColdStartOptions {
  emulator: Emulator;
  kinds: ResourceKind[];
  hosts: number;
  createsPerHost: number;
}

function providerText(kind: ResourceKind): string {
  return kind === "DataShareConsumer" ? providerModuleText("DataShareConsumer") : NOOP_PROVIDER_MODULE_TEXT;
}

async function oneHost(emulator: Emulator, kind: ResourceKind, creates: number, projectDir: string) {
  const host = await startProviderHost(projectDir, consumerEnv(emulator));
  const provider = providerText(kind);
  const created: { urn: string; id: string; props: Record<string, unknown> }[] = [];
  const ms: number[] = [];
  try {
    await host.configure({ "aws:region": BENCH_REGION });
    for (const [i, plan] of planAssociations(emulator, creates, 1).entries()) {
      const urn = `urn:pulumi:bench::rds-bench::${TYPE_TOKENS[kind]}::r${i}`;
      const props = { __provider: provider, dataShareArn: plan.dataShareArn, consumerArn: plan.consumerArn };
      const { ms: createMs, value: id } = await timeMs(() => host.create(urn, props));
      ms.push(createMs);
      created.push({ urn, id, props });
    }
    for (const r of created) await host.delete(r.urn, r.id, r.props);
  } finally {
    await host.stop();
  }
  return { startMs: host.startMs, firstMs: ms[0], laterMs: ms.slice(1) };
}

/**
 * The host is started directly (no engine), so its folder only needs this package and
 * @pulumi/pulumi resolvable, linked from the checkout, beside the no-op package.
 */
function makeHostDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-bench-host-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  fs.symlinkSync(packageRoot(), path.join(modules, "pulumi-redshift-datashare"), "dir");
  fs.symlinkSync(
    path.join(packageRoot(), "node_modules", "@pulumi", "pulumi"),
    path.join(modules, "@pulumi", "pulumi"),
    "dir",
  );
  return dir;
}

export async function measureColdStart(options: ColdStartOptions): Promise<ColdStartResult[]> {
  const projectDir = makeHostDir();
  installNoopPackage(projectDir);
  const samples = new Map(
    options.kinds.map((k) => [k, { start: [] as number[], first: [] as number[], later: [] as number[] }]),
  );
  try {
    for (let h = 0; h < options.hosts; h++) {
      for (const kind of h % 2 === 0 ? options.kinds : [...options.kinds].reverse()) {
        const run = await oneHost(options.emulator, kind, options.createsPerHost, projectDir);
        const s = samples.get(kind)!;
        s.start.push(run.startMs);
        s.first.push(run.firstMs);
        s.later.push(...run.laterMs);
      }
    }
  } finally {
    fs.rmSync(projectDir, { recursive: true, force: true });
  }
  return options.kinds.map((kind) => {
    const s = samples.get(kind)!;
    return {
      kind,
      hosts: options.hosts,
      createsPerHost: options.createsPerHost,
      hostStartMs: median(s.start),
      firstCreateMs: median(s.first),
      laterCreateMs: median(s.later),
    };
  });
}
