/**
 * An interrupted replacement leaves neither a loss nor an orphan (issue 31), through the plain
 * CLI: `pulumi up --replace <urn>` of a DataShareConsumer, stopped while the replacement's
 * AssociateDataShareConsumer is provably in flight (held in the emulator until the signal has
 * landed), by SIGINT (the CLI cancels) or SIGKILL (the CLI and its plugins end at once; then
 * `pulumi cancel`), then `up`, `destroy`, or `refresh` and `destroy`. One table of rows, run for
 * the dynamic provider (TypeScript program) and the plugin (YAML program), on each CLI version
 * (CLI_VERSIONS). The SQL resources (issue 29) are rows too, on the lifecycle's two YAML stacks
 * through the plugin: stopped while a statement of the replacement's create is in flight, then `up`.
 * Each group shares one emulator and its stacks; a row starts from converged stacks.
 */
import * as assert from "node:assert/strict";
import { Emulator, liveAssociations, startSeededEmulator } from "../../../harness/emulatorFixture";
import { pluginInstall, pluginPath, profilesEnv, projectDir } from "../../../harness/pluginProjects";
import { startPulumi } from "../../../harness/pulumiProcess";
import { PulumiStack, StateResource } from "../../../harness/pulumiStack";
import {
  disposeSqlStacks,
  expectedLiveObjects,
  liveSqlObjects,
  SQL_RESOURCES,
  SqlStacks,
  sqlStacks,
  stateResource,
} from "../../../harness/sqlLifecycle";
import { consumersStack } from "../../../harness/userStacks";
import { LATEST_CLI } from "../../fixtures/compatMatrix";

const FAST = ["--skip-preview"];
/**
 * `npm test` runs the table on the CLI of the @pulumi/pulumi we build on; `npm run test:interrupts`
 * (PULUMI_RDS_INTERRUPTS_LATEST_CLI=1) also on the newest CLI the Go module proxy serves, whose first
 * build takes many minutes on a new machine.
 */
const CLI_VERSIONS = [
  "v3.248.0",
  ...(process.env.PULUMI_RDS_INTERRUPTS_LATEST_CLI === "1" ? [LATEST_CLI] : []),
];
type Form = "dynamic provider (TypeScript)" | "plugin (YAML)";
type Signal = "SIGINT" | "SIGKILL";
type FollowUp = "up" | "destroy" | "refresh, destroy";

interface Row {
  signal: Signal;
  then: FollowUp;
}

const ROWS: Row[] = (["SIGINT", "SIGKILL"] as Signal[]).flatMap((signal) =>
  (["up", "destroy", "refresh, destroy"] as FollowUp[]).map((then) => ({ signal, then })),
);

const CONSUMER_TYPES = new Set([
  "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
  "redshift-datashare:index:DataShareConsumer",
]);

async function consumersInState(stack: PulumiStack): Promise<StateResource[]> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  return resources.filter((r) => CONSUMER_TYPES.has(r.type));
}

async function liveOf(emu: Emulator, consumerArn: string): Promise<string[]> {
  return (await liveAssociations(emu))
    .filter((a) => a.consumerIdentifier === consumerArn)
    .map((a) => a.status);
}

interface Declared {
  dataShareArn: string;
  consumerArn: string;
}

async function stackOf(
  form: Form,
  emu: Emulator,
  cliVersion: string,
  declared: Declared,
): Promise<PulumiStack> {
  if (form === "dynamic provider (TypeScript)") {
    return consumersStack(emu, { analytics: declared }, { cliVersion });
  }
  const { pluginDir } = await pluginInstall();
  const dir = projectDir("plugin-interrupt", {
    "Pulumi.yaml": {
      name: "rds-plugin-interrupt",
      runtime: "yaml",
      ...pluginPath(pluginDir),
      resources: {
        consumer: { type: "pulumi:providers:redshift-datashare", properties: { profile: "consumer" } },
        analytics: {
          type: "redshift-datashare:DataShareConsumer",
          properties: declared,
          options: { provider: "${consumer}" },
        },
      },
    },
  });
  return PulumiStack.init({ projectDir: dir, languages: ["yaml"], cliVersion, env: profilesEnv(emu, dir) });
}

/**
 * `up --replace` of a resource, stopped while the replacement's create is inside its first call of
 * `operation` (the consumer's AssociateDataShareConsumer; a SQL resource's ExecuteStatement, which
 * neither check nor diff makes): the call is held until the signal has landed (SIGINT: the CLI said
 * it is cancelling; SIGKILL: every process of the run has ended), then released and applied.
 */
async function interruptedReplace(
  stack: PulumiStack,
  emu: Emulator,
  urn: string,
  signal: Signal,
  operation = "AssociateDataShareConsumer",
) {
  const hold = emu.holdCall(operation);
  let cancelling: () => void = () => {};
  const cancelSeen = new Promise<void>((resolve) => (cancelling = resolve));
  const run = await startPulumi(stack, ["up", "--yes", ...FAST, "--replace", urn, "--stack", stack.name], {
    onLine: (line) => {
      if (/received; cancelling/.test(line)) cancelling();
    },
  });
  const endedEarly = run.finished.then((r) => {
    throw new Error(`the CLI ended before the replacement's create called AWS:\n${r.stdout}${r.stderr}`);
  });
  await Promise.race([hold.arrived, endedEarly]);
  endedEarly.catch(() => undefined);
  if (signal === "SIGINT") {
    run.interrupt();
    await cancelSeen;
    hold.release();
    const ended = await run.finished;
    assert.notEqual(ended.code, 0, "a cancelled update exits non-zero");
  } else {
    run.kill();
    const ended = await run.finished;
    assert.equal(ended.signal, "SIGKILL");
    hold.release();
    // The killed CLI left its lock on the stack, as a cancelled CI job does.
    await stack.run(["cancel", "--yes", "--stack", stack.name]);
  }
}

for (const cliVersion of CLI_VERSIONS) {
  for (const form of ["dynamic provider (TypeScript)", "plugin (YAML)"] as Form[]) {
    describe(`an interrupted \`up --replace\` of a DataShareConsumer, ${form}, CLI ${cliVersion}`, function () {
      this.timeout(15 * 60 * 1000);
      let emu: Emulator;
      let stack: PulumiStack;
      let consumerArn: string;

      before(async function () {
        this.timeout(40 * 60 * 1000); // the first run may build the CLI and install the packed package
        emu = await startSeededEmulator();
        consumerArn = emu.namespaceArn("consumer", 0);
        stack = await stackOf(form, emu, cliVersion, {
          dataShareArn: emu.dataShareArn("sales"),
          consumerArn,
        });
      });

      after(async () => {
        await stack?.dispose().catch(() => undefined);
        await emu?.stop();
      });

      for (const row of ROWS) {
        it(`${row.signal} while the create is in flight, then \`${row.then}\`: nothing lost, nothing orphaned`, async () => {
          let [consumer] = await consumersInState(stack);
          if (!consumer) {
            await stack.up(FAST);
            [consumer] = await consumersInState(stack);
          }
          assert.deepEqual(await liveOf(emu, consumerArn), ["ACTIVE"]);

          await interruptedReplace(stack, emu, consumer.urn, row.signal);
          assert.deepEqual(await liveOf(emu, consumerArn), ["ACTIVE"], "nothing lost by the interruption");
          const interrupted = await consumersInState(stack);
          assert.ok(
            interrupted.every((r) => r.pendingReplacement !== true),
            "no original is left pending replacement (which destroy would drop without deleting)",
          );
          // SIGINT: the CLI waited for the create, then stopped before the original's delete, which
          // stays pending for the next run. SIGKILL: the create never returned; the original stays.
          const pendingDelete = interrupted.filter((r) => (r as { delete?: boolean }).delete === true);
          assert.deepEqual(
            [interrupted.length, pendingDelete.length],
            row.signal === "SIGINT" ? [2, 1] : [1, 0],
            JSON.stringify(interrupted.map((r) => r.id)),
          );

          // A SIGKILL leaves the create's pending operation, which the engine names on the next command.
          const told = (output: { stdout: string; stderr: string }) => {
            if (row.signal === "SIGKILL") {
              assert.match(
                output.stdout + output.stderr,
                /pending operations[\s\S]*interrupted while creating/,
              );
            }
          };
          if (row.then === "up") {
            told(await stack.up(FAST));
            assert.deepEqual(await liveOf(emu, consumerArn), ["ACTIVE"], "converged: one ACTIVE association");
            const after = await consumersInState(stack);
            assert.equal(after.length, 1, "one resource in state, no pending delete left");
            assert.equal(after[0].outputs?.status, "ACTIVE");
            return;
          }
          if (row.then === "refresh, destroy") await stack.refresh(FAST);
          const destroyed = await stack.destroy(FAST);
          if (row.then === "destroy") told(destroyed);
          assert.deepEqual(await liveOf(emu, consumerArn), [], "no orphan: nothing left on the account");
          assert.deepEqual(await consumersInState(stack), []);
        });
      }
    });
  }
}

describe("an interrupted `up --replace` of each SQL resource, plugin (YAML), then `up`", function () {
  this.timeout(15 * 60 * 1000);
  let emu: Emulator;
  let stacks: SqlStacks | undefined;

  before(async function () {
    this.timeout(40 * 60 * 1000); // the first run may install the packed package
    emu = await startSeededEmulator();
    stacks = await sqlStacks(emu);
    await stacks.producer.up(FAST);
    await stacks.consumer.up(FAST);
  });

  after(async () => {
    await disposeSqlStacks(stacks);
    await emu?.stop();
  });

  const entriesOf = async (stack: PulumiStack, urn: string) =>
    ((await stack.exportStack()).deployment.resources ?? []).filter((r) => r.urn === urn);

  for (const subject of SQL_RESOURCES) {
    for (const signal of ["SIGINT", "SIGKILL"] as Signal[]) {
      it(`${subject.resource}, ${signal} while a statement of the create is in flight, then \`up\`: nothing lost, nothing orphaned`, async () => {
        const { producer, consumer } = stacks!;
        const stack = stacks![subject.side];
        assert.deepEqual(liveSqlObjects(emu), expectedLiveObjects(emu));
        const original = await stateResource(stack, subject.name);
        assert.ok(original, `${subject.name} in the state of the ${subject.side}'s stack`);

        await interruptedReplace(stack, emu, original.urn, signal, "ExecuteStatement");
        assert.deepEqual(liveSqlObjects(emu), expectedLiveObjects(emu), "nothing lost by the interruption");
        const interrupted = await entriesOf(stack, original.urn);
        assert.ok(interrupted.every((r) => r.pendingReplacement !== true));
        const pendingDelete = interrupted.filter((r) => (r as { delete?: boolean }).delete === true);
        assert.deepEqual(
          [interrupted.length, pendingDelete.length],
          signal === "SIGINT" ? [2, 1] : [1, 0],
          JSON.stringify(interrupted.map((r) => r.id)),
        );

        const next = await stack.up(FAST);
        if (signal === "SIGKILL") {
          assert.match(next.stdout + next.stderr, /pending operations[\s\S]*interrupted while creating/);
        }
        assert.deepEqual(liveSqlObjects(emu), expectedLiveObjects(emu), "converged: nothing lost");
        assert.equal((await entriesOf(stack, original.urn)).length, 1, "no pending delete left");
        await producer.preview(["--refresh", "--expect-no-changes"]);
        await consumer.preview(["--refresh", "--expect-no-changes"]);
      });
    }
  }
});
