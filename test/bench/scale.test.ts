import * as assert from "node:assert/strict";
import { startEmulator } from "../../emulator";
import type { OperationCounts } from "../../emulator";
import { targetsOf } from "../../bench/format";
import type { Step as ScaleStep } from "../../bench/kinds";
import { parseStat, parseVmHwm, roleOf, usageByRole } from "../../bench/processSampler";
import { parseBenchArgs } from "../../bench/run";
import { ScaleMeasurements, scalePlan } from "../../bench/scaleRun";
import { scalePart } from "../../bench/scalePart";
import { compareStep, cpuGrowth, marginalGrowth, summarizeScale } from "../../bench/scaleSummary";
import { buildBenchSeed, planAssociations, planOneChange, seedSizeForPlan } from "../../bench/seed";
import { rateLimitedSteps } from "../../bench/sizes";
import { runOrder } from "../../bench/stack";
import type { StackRun as ScaleRun, StepResult as ScaleStepResult } from "../../bench/stack";

const FULL_SCALE = scalePlan(false);

/** The scale figures with the targets its table carries. */
function summarizeWithTargets(m: ScaleMeasurements) {
  const summary = summarizeScale(FULL_SCALE, m);
  return { ...summary, targets: targetsOf(scalePart.rows({ plan: FULL_SCALE, measurements: m, summary })) };
}

const counts = (received: number, rateLimited = 0): OperationCounts => ({
  received,
  accepted: received - rateLimited,
  rateLimited,
  throttled: 0,
  serverErrors: 0,
});

function step(ms: number, calls: Record<string, OperationCounts> = {}, emulatorCpuMs = 0): ScaleStepResult {
  return {
    ms,
    exitCode: 0,
    failedOps: 0,
    calls,
    emulatorCpuMs,
    processes: { "provider host": { processes: 1, cpuMs: 100, peakRssKiB: 150_000 } },
  };
}

/** A run whose every step takes `perResource` ms a resource on top of a 3 s start. */
function linearRun(kind: ScaleRun["kind"], n: number, perResource: number): ScaleRun {
  const steps: Partial<Record<ScaleStep, ScaleStepResult>> = {};
  for (const s of ["up", "preview", "refresh", "change", "destroy"] as const)
    steps[s] = step(3000 + perResource * n);
  if (kind === "DataShareConsumer") steps.drift = step(2000);
  return { kind, n, dataShares: 25, steps, stateBytes: 3600 * n, load: [1, 1] };
}

/** `up` and `destroy` with PULUMI_SKIP_CHECKPOINTS=true: 10 ms a resource, and for `up` a quadratic term. */
function quadratic(kind: ScaleRun["kind"], n: number): ScaleRun {
  return {
    kind,
    n,
    dataShares: 25,
    stateBytes: 1,
    load: [1, 1],
    checkpointsSkipped: true,
    steps: { up: step(3000 + 10 * n + (n * n) / 100), destroy: step(3000 + 10 * n) },
  };
}

/** Both kinds without checkpoints at every size; the rate-limited run without them, its `up` at 2/s. */
function skippedRuns() {
  const checkpointsSkipped = FULL_SCALE.checkpointsSkippedSizes.flatMap(({ n }) => [
    quadratic("DataShareConsumer", n),
    quadratic("no-op, same properties", n),
  ]);
  const rateLimitedCheckpointsSkipped = quadratic("DataShareConsumer", 1000);
  rateLimitedCheckpointsSkipped.steps.up = step(500_000, { AssociateDataShareConsumer: counts(1003, 3) });
  return { checkpointsSkipped, rateLimitedCheckpointsSkipped };
}

describe("the scale benchmark's pure parts", () => {
  it("plans N associations over K datashares, all distinct, and a change to a namespace no other uses", () => {
    const fake = {
      dataShareArn: (name: string) => `share/${name}`,
      namespaceArn: (_account: string, i: number) => `namespace/${i}`,
    };
    const plans = planAssociations(fake, 1000, 25);
    const pairs = new Set(plans.map((p) => `${p.dataShareArn} ${p.consumerArn}`));
    assert.equal(pairs.size, 1000);
    assert.equal(new Set(plans.map((p) => p.dataShareArn)).size, 25);
    const changed = planOneChange(fake, 1000, 25);
    const differing = changed.filter((p, i) => p.consumerArn !== plans[i].consumerArn);
    assert.equal(differing.length, 1);
    assert.ok(!plans.some((p) => p.consumerArn === differing[0].consumerArn));
  });

  it("seeds the emulator with every namespace and datashare the largest plan and its change use", async () => {
    const { n, dataShares } = { n: 1000, dataShares: FULL_SCALE.dataShares };
    const size = seedSizeForPlan(n, dataShares);
    assert.deepEqual(size, { namespaces: 41, dataShares: 25 });
    const emulator = await startEmulator({ seed: buildBenchSeed(size) });
    try {
      const arns = [...planAssociations(emulator, n, dataShares), planOneChange(emulator, n, dataShares)[0]];
      assert.equal(new Set(arns.map((p) => `${p.dataShareArn} ${p.consumerArn}`)).size, n + 1);
    } finally {
      await emulator.stop();
    }
  });

  it("computes the marginal cost per resource over the first and last interval, and its growth", () => {
    const g = marginalGrowth("up", "DataShareConsumer", [
      { n: 1000, ms: 3000 + 2 * 100 + 2.2 * 900 },
      { n: 1, ms: 3000 },
      { n: 100, ms: 3000 + 2 * 99 },
    ]);
    assert.deepEqual(
      [g.first, g.last],
      [
        [1, 100],
        [100, 1000],
      ],
    );
    assert.ok(
      Math.abs(g.firstMs - 2) < 1e-9 && Math.abs(g.lastMs - (2 * 100 + 2.2 * 900 - 2 * 99) / 900) < 1e-9,
    );
    assert.ok(Math.abs(g.growth - (g.lastMs / 2 - 1)) < 1e-9);
    // A smaller N measured slower than a larger one gives no growth figure, not a reassuring one.
    const noisy = marginalGrowth("refresh", "DataShareConsumer", [
      { n: 1, ms: 3000 },
      { n: 100, ms: 2900 },
      { n: 1000, ms: 9000 },
    ]);
    assert.ok(Number.isNaN(noisy.growth));
    assert.throws(() => marginalGrowth("up", "DataShareConsumer", [{ n: 1, ms: 1 }]), /three sizes/);
  });

  it("splits the marginal cost by process, so the engine's growth shows apart from the provider host's", () => {
    const size = (n: number, engine: number, host: number) =>
      ({
        kind: "DataShareConsumer",
        n,
        ms: {},
        emulatorCpuMs: { up: 2 * n },
        cpuMsByRole: { up: { engine, "provider host": host } },
      }) as never;
    const rows = cpuGrowth("up", "DataShareConsumer", [
      size(1000, 100_000, 8_000),
      size(1, 500, 1_000),
      size(100, 2_500, 1_900),
    ]);
    const by = (source: string) => rows.find((r) => r.source === source)!;
    assert.deepEqual([by("engine").firstMs, by("engine").lastMs], [2000 / 99, 97_500 / 900]);
    assert.deepEqual([by("provider host").firstMs, by("provider host").lastMs], [900 / 99, 6100 / 900]);
    assert.deepEqual([by("emulator").firstMs, by("emulator").lastMs], [2, 2]);
    assert.equal(by("program").lastMs, 0);
  });

  it("sets a step against the floor raw and with the emulator's CPU taken out of each side", () => {
    const ours = { ms: { up: 11_000 }, emulatorCpuMs: { up: 1000 } };
    const floor = { ms: { up: 10_100 }, emulatorCpuMs: { up: 100 } };
    const c = compareStep("up", ours as never, floor as never);
    assert.equal(c.ratio, 11_000 / 10_100);
    assert.equal(c.adjustedRatio, 1);
  });

  it("rates the writes under the rate limit and counts describes per datashare", () => {
    const run: ScaleRun = {
      kind: "DataShareConsumer",
      n: 1000,
      dataShares: 25,
      stateBytes: 1,
      load: [1, 1],
      steps: {
        up: step(125_000, { AssociateDataShareConsumer: counts(1010, 10), GetCallerIdentity: counts(1) }),
        refresh: step(20_000, { DescribeDataShares: counts(27, 2) }),
      },
    };
    const [up, refresh] = rateLimitedSteps(run);
    assert.equal(up.acceptedPerSecond, 1000 / 125);
    assert.equal(up.rateLimited, 10);
    assert.equal(refresh.acceptedPerSecond, undefined);
    assert.equal(refresh.describesPerDataShare, 1);
  });

  it("turns runs into targets: ratios at the largest N, growth, the rate-limited run", () => {
    const runs = FULL_SCALE.sizes.flatMap(({ n }) => [
      linearRun("DataShareConsumer", n, 20),
      linearRun("no-op, same properties", n, 25),
    ]);
    const rateLimited = linearRun("DataShareConsumer", 1000, 100);
    rateLimited.steps.up!.calls = { AssociateDataShareConsumer: counts(1000) };
    rateLimited.steps.destroy!.calls = { DisassociateDataShareConsumer: counts(1000) };
    rateLimited.steps.refresh!.calls = { DescribeDataShares: counts(25) };
    const summary = summarizeWithTargets({ runs, rateLimited, ...skippedRuns() });
    const byName = (prefix: string) => summary.targets.filter((t) => t.name.startsWith(prefix));
    assert.equal(summary.n, 1000);
    assert.ok(byName("scale: pulumi up /")[0].pass);
    assert.ok(Math.abs(byName("scale: pulumi up marginal")[0].measured) < 1e-9);
    // 1000 writes in 103 s: 9.7/s against 10/s.
    assert.ok(byName("scale, rate limit: pulumi up accepted")[0].pass);
    assert.equal(byName("scale, rate limit: pulumi refresh Describe")[0].measured, 1);
    assert.equal(summary.statePerResource.ours, 3600);
    assert.equal(summary.drift.ratio, 2000 / 23_000);
    assert.ok(
      summary.targets.every((t) => t.pass),
      JSON.stringify(summary.targets.filter((t) => !t.pass)),
    );
  });

  it("summarizes the runs without checkpoints apart: up and destroy growth for both kinds, no target", () => {
    const runs = FULL_SCALE.sizes.flatMap(({ n }) => [
      linearRun("DataShareConsumer", n, 20),
      linearRun("no-op, same properties", n, 25),
    ]);
    const rateLimited = linearRun("DataShareConsumer", 1000, 100);
    rateLimited.steps.up!.calls = { AssociateDataShareConsumer: counts(1000) };
    rateLimited.steps.destroy!.calls = { DisassociateDataShareConsumer: counts(1000) };
    const summary = summarizeWithTargets({ runs, rateLimited, ...skippedRuns() });
    const growth = summary.checkpointsSkipped.growth;
    assert.deepEqual(
      growth.map((g) => `${g.step}/${g.kind}`),
      [
        "up/DataShareConsumer",
        "up/no-op, same properties",
        "destroy/DataShareConsumer",
        "destroy/no-op, same properties",
      ],
    );
    const up = growth[0];
    // 10 + (a + b) / 100 per resource over each interval: 16.5 ms over 100→550, 25.5 ms over 550→1000.
    assert.ok(Math.abs(up.firstMs - 16.5) < 1e-9 && Math.abs(up.lastMs - 25.5) < 1e-9, JSON.stringify(up));
    assert.ok(Math.abs(growth[2].growth) < 1e-9);
    const unpacedUp = summary.rateLimitedCheckpointsSkipped.find((r) => r.step === "up")!;
    assert.deepEqual([unpacedUp.acceptedPerSecond, unpacedUp.rateLimited], [1000 / 500, 3]);
    // The skipped `up` grows 55 % and goes at 0.2× the limit: a target on either would be missed.
    assert.ok(
      summary.targets.every((t) => t.pass),
      JSON.stringify(summary.targets.filter((t) => !t.pass)),
    );
  });

  it("runs every kind at every size and repetition, the first kind rotating", () => {
    const order = runOrder({
      ...FULL_SCALE,
      sizes: [
        { n: 1, reps: 2 },
        { n: 10, reps: 1 },
      ],
    });
    assert.deepEqual(
      order.map((o) => `${o.kind[0]}${o.n}`),
      ["D1", "n1", "n1", "D1", "D10", "n10"],
    );
  });

  it("selects a part of the benchmark with --only, and refuses an unknown part", () => {
    assert.deepEqual(parseBenchArgs(["--only", "scale"]).parts, ["scale"]);
    assert.deepEqual(parseBenchArgs(["--only", "sql"]).parts, ["sql"]);
    assert.deepEqual(parseBenchArgs([]).parts, ["main", "scale", "sql"]);
    assert.throws(() => parseBenchArgs(["--only", "everything"]), /--only must be one of main, scale/);
  });
});

describe("sampling the processes of an engine command", () => {
  it("tells the engine, the language host, the program and the provider host apart", () => {
    const install = "/cache/installs/abc/node_modules/@pulumi/pulumi";
    assert.equal(roleOf("pulumi --non-interactive up --yes --stack t1"), "engine");
    assert.equal(roleOf("/opt/bin/pulumi-language-nodejs 127.0.0.1:4000"), "language host");
    assert.equal(roleOf(`/usr/bin/node ${install}/cmd/run/index.js --monitor 127.0.0.1:1`), "program");
    assert.equal(roleOf(`node ${install}/cmd/dynamic-provider/index.js 127.0.0.1:1`), "provider host");
    assert.equal(roleOf("/bin/sh /opt/bin/pulumi-resource-pulumi-nodejs 127.0.0.1:1"), "provider host");
    assert.equal(roleOf("node /usr/bin/npm --version"), "other");
  });

  it("reads the parent, CPU ticks and peak memory from /proc text, whatever the command name", () => {
    const stat = "4242 (node (host) x) S 4100 4242 4100 0 -1 4194304 1 0 0 0 150 25 0 0 20 0 11 0";
    assert.deepEqual(parseStat(stat), { ppid: 4100, cpuTicks: 175 });
    assert.equal(parseVmHwm("Name:\tnode\nVmPeak:\t 900 kB\nVmHWM:\t  151234 kB\nVmRSS:\t 100 kB\n"), 151234);
    assert.equal(parseVmHwm("Name:\tzombie\n"), 0);
  });

  it("sums CPU by role and keeps the largest process's peak memory", () => {
    const usage = usageByRole([
      { role: "provider host", cpuMs: 30, peakRssKiB: 2_000 },
      { role: "provider host", cpuMs: 900, peakRssKiB: 150_000 },
      { role: "engine", cpuMs: 500, peakRssKiB: 90_000 },
    ]);
    assert.deepEqual(usage["provider host"], { processes: 2, cpuMs: 930, peakRssKiB: 150_000 });
    assert.equal(usage.engine?.processes, 1);
  });
});
