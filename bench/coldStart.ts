/** Cold start of Pulumi's dynamic provider host: a fresh host's first Create against its later ones. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "../emulator";
import { packageRoot } from "../harness/pulumiCli";
import { startProviderHost } from "./providerHost";
import { BENCH_REGION, consumerEnv, planAssociations } from "./seed";
import { median, timeMs } from "./stats";

const NOOP_PACKAGE = "rds-bench-noop-provider";

/** A provider that makes no API call and returns its inputs (plain JavaScript: the host runs Node). */
const NOOP_MODULE_SOURCE = `"use strict";
let next = 0;
exports.check = async (olds, news) => ({ inputs: news });
exports.create = async (inputs) => ({ id: "noop-" + process.pid + "-" + next++, outs: inputs });
exports.delete = async () => {};
`;

/** The `__provider` text of each kind: load a package's provider by name, as the SDK's text does. */
const load = (name: string, member = "") =>
  `exports.handler = function () {\n  return require("${name}")${member};\n};\n`;
const PROVIDER_TEXT = {
  DataShareConsumer: load("pulumi-redshift-datashare/provider", ".provider"),
  "no-op": load(NOOP_PACKAGE),
};
type HostKind = keyof typeof PROVIDER_TEXT;

/** The host is started directly (no engine): its folder needs only the packages the texts load. */
function makeHostDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-bench-host-"));
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  fs.mkdirSync(path.join(modules, NOOP_PACKAGE));
  fs.symlinkSync(packageRoot(), path.join(modules, "pulumi-redshift-datashare"), "dir");
  const pulumi = path.join(packageRoot(), "node_modules", "@pulumi", "pulumi");
  fs.symlinkSync(pulumi, path.join(modules, "@pulumi", "pulumi"), "dir");
  fs.writeFileSync(path.join(modules, NOOP_PACKAGE, "index.js"), NOOP_MODULE_SOURCE);
  return dir;
}

type HostRun = Awaited<ReturnType<typeof oneHost>>;

async function oneHost(emulator: Emulator, kind: HostKind, creates: number, dir: string) {
  const host = await startProviderHost(dir, consumerEnv(emulator));
  const [created, ms]: [{ urn: string; id: string; props: object }[], number[]] = [[], []];
  try {
    await host.configure({ "aws:region": BENCH_REGION });
    for (const [i, plan] of planAssociations(emulator, creates, 1).entries()) {
      const urn = `urn:pulumi:bench::rds-bench::bench:${kind}::r${i}`;
      const props = { __provider: PROVIDER_TEXT[kind], ...plan };
      const { ms: createMs, value: id } = await timeMs(() => host.create(urn, props));
      ms.push(createMs);
      created.push({ urn, id, props });
    }
    for (const r of created) await host.delete(r.urn, r.id, r.props);
  } finally {
    await host.stop();
  }
  return { start: host.startMs, first: ms[0], later: ms.slice(1) };
}

/** `hosts` fresh hosts of each kind, the order of the kinds flipped every time; medians. */
export async function measureColdStart(emulator: Emulator, o: { hosts: number; createsPerHost: number }) {
  const kinds = Object.keys(PROVIDER_TEXT) as HostKind[];
  const [dir, runs] = [makeHostDir(), new Map(kinds.map((k) => [k, [] as HostRun[]]))];
  try {
    for (let h = 0; h < o.hosts; h++)
      for (const kind of h % 2 === 0 ? kinds : [...kinds].reverse())
        runs.get(kind)?.push(await oneHost(emulator, kind, o.createsPerHost, dir));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return kinds.map((kind) => {
    const r = runs.get(kind) ?? [];
    const [hostStartMs, firstCreateMs] = [median(r.map((x) => x.start)), median(r.map((x) => x.first))];
    return { kind, ...o, hostStartMs, firstCreateMs, laterCreateMs: median(r.flatMap((x) => x.later)) };
  });
}
