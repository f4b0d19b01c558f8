/**
 * A mocha root-hook plugin: records how long each test of the e2e tier took, its suite's set-up
 * included, and prints the ten slowest with their times when the run ends (after mocha's own
 * summary), so that the cost of the e2e tier is seen on every `npm test` (docs/testing.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Context } from "mocha";

const ROOT = path.join(__dirname, "..");
const E2E_SPECS = (
  JSON.parse(fs.readFileSync(path.join(ROOT, ".mocharc.e2e.json"), "utf8")) as { spec: string[] }
).spec;
const SHOWN = 10;

export interface TimedTest {
  title: string;
  file: string;
  ms: number;
}

/** A mocha spec (`**` any folders, `*` any name part) as a regular expression over relative paths. */
function specPattern(spec: string): RegExp {
  const source = spec
    .split(/(\*\*\/|\*)/)
    .map((part) =>
      part === "**/" ? "(?:[^/]+/)*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("");
  return new RegExp(`^${source}$`);
}

const E2E_PATTERNS = E2E_SPECS.map(specPattern);

/** Whether a test file belongs to the e2e tier (a path relative to the checkout). */
export function inE2eTier(relativeFile: string): boolean {
  return E2E_PATTERNS.some((pattern) => pattern.test(relativeFile.split(path.sep).join("/")));
}

/** The slowest tests first, `count` of them, as lines of a table. */
export function slowestTable(tests: readonly TimedTest[], count = SHOWN): string {
  const rows = [...tests].sort((a, b) => b.ms - a.ms).slice(0, count);
  if (rows.length === 0) return "";
  const lines = rows.map((t) => `  ${formatSeconds(t.ms).padStart(8)}  ${t.file}: ${t.title}`);
  return [`The ${rows.length} slowest e2e tests:`, ...lines].join("\n") + "\n";
}

function formatSeconds(ms: number): string {
  return ms >= 60_000
    ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
    : `${(ms / 1000).toFixed(1)} s`;
}

const timed: TimedTest[] = [];
/** When the previous test ended: a test's time includes its suite's set-up (the packed install, the bench run). */
let previousEnd = Date.now();

export const mochaHooks = {
  afterEach(this: Context) {
    const now = Date.now();
    const since = now - previousEnd;
    previousEnd = now;
    const test = this.currentTest;
    if (!test?.file || test.duration === undefined) return;
    const file = path.relative(ROOT, test.file);
    if (inE2eTier(file)) timed.push({ title: test.fullTitle(), file, ms: Math.max(test.duration, since) });
  },
  afterAll() {
    // After mocha's summary, which it prints once the root hooks are done.
    process.once("exit", () => {
      const table = slowestTable(timed);
      if (table !== "") fs.writeSync(1, "\n" + table);
    });
  },
};
