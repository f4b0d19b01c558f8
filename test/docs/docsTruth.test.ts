/**
 * The documents stay true: every command they show is run by a test or listed with the reason it
 * is not (commands.ts), every relative link resolves in the repository, and every version they
 * name is the package's or one the compatibility matrix tested. Unit tier: files only.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CELLS, LATEST_PULUMI } from "../fixtures/compatMatrix";
import { COMMANDS } from "./commands";
import { headingAnchors, relativeLinks, ROOT, shellCommands, userDocuments } from "../fixtures/markdown";

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");
const pkg = JSON.parse(read("package.json")) as { version: string; devDependencies: Record<string, string> };
const majorMinor = (v: string) => v.replace(/^[~^]/, "").split(".").slice(0, 2).join(".");

describe("the documents' commands", () => {
  // README.md and docs/: the examples' and the emulator's READMEs are walked by their own tests.
  const shown = userDocuments()
    .filter((file) => file === "README.md" || file.startsWith("docs/"))
    .flatMap((file) => shellCommands(file, read(file)));

  it("each command outside the quick start is run by a test or listed as not run, with the reason", () => {
    const unaccounted = shown
      .filter((c) => c.marker === undefined || !c.marker.startsWith("quickstart:"))
      .filter((c) => !COMMANDS.some((f) => f.file === c.file && f.command === c.command))
      .map((c) => `${c.file}: ${c.command}`);
    assert.deepEqual(unaccounted, [], "add each to test/docs/commands.ts");
  });

  it("CI (.ci/run) runs the README's install and test commands, in order, and nothing else", () => {
    const readme = shellCommands("README.md", read("README.md")).map((c) => c.command);
    const ciRuns = read(".ci/run")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^npm /.test(line));
    assert.deepEqual(ciRuns, ["npm ci", "npm test"]);
    for (const command of ciRuns) assert.ok(readme.includes(command), `README.md does not show ${command}`);
  });

  it("the list names only commands the documents still show, and tests that exist", () => {
    for (const fate of COMMANDS) {
      assert.ok(
        shown.some((c) => c.file === fate.file && c.command === fate.command),
        `${fate.file} no longer shows: ${fate.command}`,
      );
      if ("runBy" in fate) assert.ok(fs.existsSync(path.join(ROOT, fate.runBy)), fate.runBy);
      else assert.ok(fate.notRun.length > 10, `say why ${fate.command} is not run`);
    }
  });

  it("the README's quick start blocks are the ones test/docs/quickstart.e2e.test.ts walks", () => {
    const quickstart = shown.filter((c) => c.file === "README.md" && c.marker?.startsWith("quickstart:"));
    assert.ok(quickstart.some((c) => c.command.startsWith("npm install ")));
    assert.ok(quickstart.some((c) => c.command.startsWith("npx pulumi-redshift-datashare drift")));
  });
});

describe("the documents' relative links", () => {
  for (const file of userDocuments()) {
    it(`every relative link of ${file} resolves in the repository`, () => {
      const links = relativeLinks(file, read(file)).filter((l) => l.target !== "");
      const broken = links.filter((l) => !fs.existsSync(path.join(ROOT, l.resolved))).map((l) => l.target);
      assert.deepEqual(broken, []);
    });

    it(`every #anchor of ${file} into a Markdown document names one of its headings`, () => {
      const unknown = relativeLinks(file, read(file))
        .filter((l) => l.anchor !== undefined && l.resolved.endsWith(".md"))
        .filter((l) => !headingAnchors(read(l.resolved)).includes(l.anchor ?? ""))
        .map((l) => `${l.target}#${l.anchor ?? ""}`);
      assert.deepEqual(unknown, []);
    });
  }
});

describe("the versions the documents and examples name", () => {
  const node20 = CELLS.filter((c) => c.node === CELLS[0].node && c.expect === "works");
  const typescripts = new Set(CELLS.map((c) => c.typescript).filter((t): t is string => t !== false));

  it("the quick start installs this version, a @pulumi/pulumi and a TypeScript the matrix tests on Node.js 20", () => {
    const install = shellCommands("README.md", read("README.md")).find(
      (c) => c.marker === "quickstart:install",
    );
    assert.ok(install, "the README has a quickstart:install block");
    const wanted = Object.fromEntries(
      install.command
        .split(/\s+/)
        .slice(2)
        .map((spec) => {
          const at = spec.lastIndexOf("@");
          return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, ""];
        }),
    );
    assert.equal(wanted["pulumi-redshift-datashare"], pkg.version);
    assert.ok(
      node20.some((c) => `~${majorMinor(c.pulumi)}` === wanted["@pulumi/pulumi"]),
      `@pulumi/pulumi@${wanted["@pulumi/pulumi"]} is no Node.js 20 cell's`,
    );
    assert.ok(
      [...typescripts].some((t) => `~${majorMinor(t)}` === wanted.typescript),
      `typescript@${wanted.typescript} is no cell's`,
    );
    assert.equal(wanted["@types/node"], "20");
  });

  const examples = fs
    .readdirSync(path.join(ROOT, "examples"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("package.json") && !f.includes("node_modules"));

  for (const file of examples) {
    it(`examples/${file} depends on this version and a tested TypeScript`, () => {
      const { dependencies = {}, devDependencies = {} } = JSON.parse(read(`examples/${file}`)) as {
        dependencies?: Record<string, string>;
        devDependencies?: Record<string, string>;
      };
      assert.equal(dependencies["pulumi-redshift-datashare"], `^${pkg.version}`);
      const ts = devDependencies.typescript;
      if (ts !== undefined) {
        assert.ok(
          [...typescripts].some((t) => ts === `~${t}` || ts === t),
          `typescript ${ts} is no cell's`,
        );
      }
    });
  }

  // Options TypeScript 6 deprecates (and 7 removes).
  const DEPRECATED: [string, RegExp][] = [
    ["moduleResolution", /^(node|node10|classic)$/i],
    ["module", /^(amd|umd|system|none)$/i],
    ["target", /^es(3|5)$/i],
    ["baseUrl", /./],
    ["outFile", /./],
    ["esModuleInterop", /^false$/],
    ["allowSyntheticDefaultImports", /^false$/],
    ["downlevelIteration", /./],
  ];
  for (const file of fs
    .readdirSync(path.join(ROOT, "examples"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("tsconfig.json"))) {
    it(`examples/${file} sets no option TypeScript 6 deprecates`, () => {
      const options = (JSON.parse(read(`examples/${file}`)) as { compilerOptions: Record<string, unknown> })
        .compilerOptions;
      for (const [name, value] of DEPRECATED) {
        if (name in options)
          assert.doesNotMatch(String(options[name]), value, `${name}: ${String(options[name])}`);
      }
    });
  }

  it("the docs name this version where they install or pack it", () => {
    const named = ["docs/plugin.md", "docs/lifecycle.md", "examples/README.md"].flatMap((file) =>
      [
        ...read(file).matchAll(
          /pulumi-redshift-datashare(?:@|-)(\d+\.\d+\.\d+)|redshift-datashare (\d+\.\d+\.\d+)/g,
        ),
      ].map((m) => `${file}: ${m[1] ?? m[2]}`),
    );
    assert.ok(named.length > 0);
    assert.deepEqual(
      named.filter((n) => !n.endsWith(`: ${pkg.version}`)),
      [],
    );
  });

  it("the changelog dates this version's release", () => {
    assert.match(
      read("CHANGELOG.md"),
      new RegExp(`^## \\[${pkg.version.replace(/\./g, "\\.")}\\] - \\d{4}-\\d{2}-\\d{2}$`, "m"),
    );
    assert.doesNotMatch(read("CHANGELOG.md"), /^## \[Unreleased\]/m);
  });

  it("docs/compatibility.md's latest @pulumi/pulumi is the one the matrix proved", () => {
    const text = read("docs/compatibility.md");
    assert.ok(text.includes(`3.230 to ${LATEST_PULUMI}, the latest the matrix has proved`), "support table");
    for (const m of text.matchAll(/`@pulumi\/pulumi` (3\.\d+\.\d+)/g)) {
      assert.ok(
        CELLS.some((c) => c.pulumi === m[1]),
        `${m[1]} is no cell's`,
      );
    }
  });
});
