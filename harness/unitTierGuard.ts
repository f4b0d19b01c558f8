/**
 * Loaded first by the unit tier (.mocharc.unit.json): a unit test may start no child process and
 * load nothing from dist/ (the tier runs without a build). Either fails the test that tried, naming
 * the tier's rule, instead of letting the tier grow slow or depend on a build.
 */
import Module = require("node:module");
import * as path from "node:path";

const DIST = path.join(__dirname, "..", "dist") + path.sep;
const MOVE = "it belongs to a slower tier: list it in the ignore of .mocharc.unit.json (docs/testing.md)";

// The module object itself (an `import * as` namespace is a frozen copy): every caller reads its
// functions from here at call time, also through promisify.
const childProcess = require("node:child_process") as Record<string, unknown>;
const STARTERS = ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const;
for (const name of STARTERS) {
  childProcess[name] = (...args: unknown[]) => {
    throw new Error(`a unit test started a child process (${name} ${String(args[0])}): ${MOVE}`);
  };
}

type Resolve = (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
const resolver = Module as unknown as { _resolveFilename: Resolve };
const resolve = resolver._resolveFilename;
resolver._resolveFilename = function (request, parent, isMain, options) {
  const file = resolve.call(this, request, parent, isMain, options);
  if (file.startsWith(DIST)) {
    throw new Error(`a unit test loaded ${file} from the build (${request}): ${MOVE}`);
  }
  return file;
};
