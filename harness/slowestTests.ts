/**
 * A mocha root-hook plugin with global fixtures: records how long each test of the e2e tier took,
 * its suite's set-up included, and prints the ten slowest with their times when the run ends
 * (after mocha's own summary), so that the cost of the e2e tier is seen on every `npm test`
 * (docs/testing.md). Under `--parallel` the tests run in worker processes: each appends its
 * records to one file, which the main process reads once every worker is done.
 */
import * as fs from "node:fs";
import * as os from "node:os";
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

/** The file the processes running tests append their records to, named by the main process. */
const RECORDS_ENV = "RDS_E2E_TIMINGS_FILE";

/** When the previous test ended: a test's time includes its suite's set-up (the packed install, the bench run). */
let previousEnd = Date.now();

export const mochaHooks = {
  afterEach(this: Context) {
    const now = Date.now();
    const since = now - previousEnd;
    previousEnd = now;
    const test = this.currentTest;
    const records = process.env[RECORDS_ENV];
    if (!records || !test?.file || test.duration === undefined) return;
    const file = path.relative(ROOT, test.file);
    if (!inE2eTier(file)) return;
    const timed: TimedTest = { title: test.fullTitle(), file, ms: Math.max(test.duration, since) };
    fs.appendFileSync(records, JSON.stringify(timed) + "\n");
  },
};

export function mochaGlobalSetup(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-e2e-timings-"));
  process.env[RECORDS_ENV] = path.join(dir, "tests.jsonl");
}

export function mochaGlobalTeardown(): void {
  const records = process.env[RECORDS_ENV];
  if (!records) return;
  const timed = fs.existsSync(records)
    ? fs
        .readFileSync(records, "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as TimedTest)
    : [];
  fs.rmSync(path.dirname(records), { recursive: true, force: true });
  const table = slowestTable(timed);
  if (table !== "") fs.writeSync(1, "\n" + table);
}
