import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { quickstartSteps } from "../../harness/quickstartSteps";

const README = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
const doc = (body: string) =>
  `# t\n\n## Quick start against the emulator\n\n${body}\n## Next\n\n<!-- quickstart:run -->\n\n\`\`\`sh\nnot this\n\`\`\`\n`;

describe("reading the quick start's marked blocks", () => {
  it("reads each marked block with its kind and argument, in order, and only in the section", () => {
    const steps = quickstartSteps(
      doc(
        "<!-- quickstart:file index.ts -->\n\n```ts\nconst a = 1;\n```\n\ntext\n\n" +
          "<!-- quickstart:run exit=fail -->\n```sh\npulumi preview\n```\n\n```sh\nunmarked\n```\n",
      ),
    );
    assert.deepEqual(steps, [
      { kind: "file", name: "index.ts", body: "const a = 1;\n" },
      { kind: "run", exit: "fail", terminal: "main", body: "pulumi preview\n" },
    ]);
  });

  it("reads the terminal a block runs in (in=<name>) and an install's folder", () => {
    const steps = quickstartSteps(
      doc(
        "<!-- quickstart:install producer -->\n```sh\nnpm install x\n```\n" +
          "<!-- quickstart:env consumer in=consumer -->\n```sh\nexport A=1\n```\n" +
          "<!-- quickstart:run in=consumer exit=1 -->\n```sh\nnpx drift\n```\n",
      ),
    );
    assert.deepEqual(steps, [
      { kind: "install", folder: "producer", body: "npm install x\n" },
      { kind: "env", account: "consumer", terminal: "consumer", body: "export A=1\n" },
      { kind: "run", exit: 1, terminal: "consumer", body: "npx drift\n" },
    ]);
    assert.throws(() => quickstartSteps(doc("<!-- quickstart:run x -->\n```sh\nx\n```\n")), /exit=/);
    assert.throws(
      () => quickstartSteps(doc("<!-- quickstart:file a b -->\n```sh\nx\n```\n")),
      /one argument/,
    );
  });

  it("refuses an unknown marker, a marker without a block, and a bad exit code", () => {
    assert.throws(() => quickstartSteps(doc("<!-- quickstart:runn -->\n```sh\nx\n```\n")), /unknown marker/);
    assert.throws(
      () => quickstartSteps(doc("<!-- quickstart:run -->\n\ntext\n")),
      /not followed by a code block/,
    );
    assert.throws(() => quickstartSteps(doc("<!-- quickstart:run exit=x -->\n```sh\nx\n```\n")), /exit=/);
    assert.throws(() => quickstartSteps(doc("<!-- quickstart:file -->\n```sh\nx\n```\n")), /file name/);
  });

  it("README.md's quick start has every step a newcomer needs, in order", () => {
    const steps = quickstartSteps(README);
    const outline = steps.map((s) =>
      s.kind === "file" ? `file ${s.name}` : s.kind === "env" ? `env ${s.account}` : s.kind,
    );
    for (const needed of [
      "install",
      "emulator",
      "printed",
      "env consumer",
      "file Pulumi.yaml",
      "file index.ts",
    ]) {
      assert.ok(outline.includes(needed), `no ${needed} step`);
    }
    const commands = steps
      .filter((s) => s.kind === "run")
      .map((s) => s.body)
      .join("\n");
    let at = 0;
    for (const command of [
      "pulumi up",
      "pulumi preview --refresh --expect-no-changes",
      "aws redshift disassociate-data-share-consumer",
      "pulumi preview --refresh --expect-no-changes",
      "npx pulumi-redshift-datashare drift",
      "pulumi destroy",
    ]) {
      const found = commands.indexOf(command, at);
      assert.ok(found >= 0, `"${command}" is missing (or out of order) in the quick start`);
      at = found + command.length;
    }
  });
});
