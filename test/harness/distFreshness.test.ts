import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { distStaleness, staleness } from "../../harness/distFreshness";

describe("npm start's build check (harness/distFreshness.ts)", () => {
  it("finds a build stale when it has no output", () => {
    assert.equal(staleness([], [{ file: "sdk/index.ts", mtimeMs: 1 }]), "dist/ holds no build");
  });

  it("finds a build current when every source is older than its oldest output", () => {
    const outputs = [
      { file: "dist/sdk/index.js", mtimeMs: 100 },
      { file: "dist/provider/index.js", mtimeMs: 105 },
    ];
    assert.equal(staleness(outputs, [{ file: "sdk/index.ts", mtimeMs: 100 }]), undefined);
  });

  it("names the source written after the oldest output", () => {
    const outputs = [
      { file: "dist/sdk/index.js", mtimeMs: 100 },
      { file: "dist/provider/index.js", mtimeMs: 105 },
    ];
    const sources = [
      { file: "sdk/index.ts", mtimeMs: 50 },
      { file: "provider/check.ts", mtimeMs: 101 },
    ];
    assert.equal(staleness(outputs, sources), "provider/check.ts changed after the last build");
  });

  describe("in a checkout", () => {
    let root: string;
    const write = (file: string, seconds: number) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), "");
      fs.utimesSync(path.join(root, file), seconds, seconds);
    };
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), "rds-freshness-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it("compares the compiled folders' .ts files and the tsconfig files with dist's .js files", () => {
      write("sdk/index.ts", 1000);
      write("emulator/model/backend.ts", 1000);
      write("tsconfig.build.json", 1000);
      assert.equal(distStaleness(root), "dist/ holds no build");
      write("dist/sdk/index.js", 2000);
      write("dist/emulator/model/backend.js", 2001);
      assert.equal(distStaleness(root), undefined);
      write("test/provider/x.test.ts", 3000); // not compiled into dist
      write("emulator/README.md", 3000);
      assert.equal(distStaleness(root), undefined);
      write("tsconfig.build.json", 3000);
      assert.equal(distStaleness(root), "tsconfig.build.json changed after the last build");
      write("tsconfig.build.json", 1000);
      write("emulator/model/backend.ts", 2000.5);
      assert.equal(
        distStaleness(root),
        `${path.join("emulator", "model", "backend.ts")} changed after the last build`,
      );
    });
  });
});
