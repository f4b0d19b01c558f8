import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { packageRoot } from "../../harness/pulumiCli";
import { distStaleness } from "../../harness/distFreshness";
import { requireBuiltPackage } from "../../harness/builtPackage";

const run = promisify(execFile);

/** When dist/ was last written: `npm start` must leave the build the other tests use alone. */
const builtAt = () => fs.statSync(path.join(packageRoot(), "dist", "sdk", "index.js")).mtimeMs;

describe("the main job (npm start)", function () {
  this.timeout(10 * 60 * 1000);
  before(() => {
    requireBuiltPackage();
    const stale = distStaleness(packageRoot());
    assert.equal(stale, undefined, `run \`npm run build\` first: npm start would rebuild dist/ (${stale})`);
  });

  it("runs pulumi up of the root project, reports no drift, and changes nothing when run twice", async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "rds-main-"));
    const stack = "main" + randomUUID().slice(0, 8);
    const env = { ...process.env, RDS_MAIN_WORK_DIR: work, RDS_MAIN_STACK: stack };
    const start = () => run("npm", ["start", "--silent"], { cwd: packageRoot(), env, maxBuffer: 1 << 24 });
    const before = builtAt();
    try {
      const first = await start();
      assert.match(first.stdout, /pulumi up: succeeded \(.*create 2/);
      assert.match(first.stdout, /status: "ACTIVE"/);
      assert.match(first.stdout, /drift check: no drift/);

      const second = await start();
      assert.match(second.stdout, /pulumi up: succeeded \(same 2\)/);
      assert.match(second.stdout, /drift check: no drift/);
      assert.equal(builtAt(), before, "npm start rebuilt dist/");
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      // The stack's config file lives beside the root project's Pulumi.yaml.
      fs.rmSync(path.join(packageRoot(), `Pulumi.${stack}.yaml`), { force: true });
    }
  });
});
