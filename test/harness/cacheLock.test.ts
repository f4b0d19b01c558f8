import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isStale, withCacheLock } from "../../harness/cacheLock";

describe("the lock on a cache entry (one worker fills it, the other waits)", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "rds-cache-lock-"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("runs two fills of one entry one after the other, and frees the lock", async () => {
    const lock = path.join(root, "entry.lock");
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = withCacheLock(lock, async () => {
      events.push("first in");
      await firstHolds;
      events.push("first out");
    });
    const second = withCacheLock(lock, async () => {
      events.push("second in");
    });
    // The second is waiting: the first holds the lock until released.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ["first in"]);
    releaseFirst();
    await Promise.all([first, second]);
    assert.deepEqual(events, ["first in", "first out", "second in"]);
    assert.equal(fs.existsSync(lock), false);
  });

  it("frees the lock when the fill fails, and passes the failure on", async () => {
    const lock = path.join(root, "entry.lock");
    await assert.rejects(
      withCacheLock(lock, () => Promise.reject(new Error("npm install failed"))),
      /npm install failed/,
    );
    assert.equal(fs.existsSync(lock), false);
  });

  it("takes over a lock whose owner has exited, not one whose owner runs", async () => {
    const lock = path.join(root, "entry.lock");
    fs.mkdirSync(lock);
    fs.writeFileSync(path.join(lock, "owner"), String(process.pid));
    assert.equal(isStale(lock), false, "this process is alive");
    // Process IDs are below 2^22 on Linux: this one cannot be running.
    fs.writeFileSync(path.join(lock, "owner"), String(2 ** 22 + 1));
    assert.equal(isStale(lock), true);
    assert.equal(await withCacheLock(lock, () => Promise.resolve("filled")), "filled");
  });

  it("treats a lock with no owner written as held, until a minute after its creation", () => {
    const lock = path.join(root, "entry.lock");
    fs.mkdirSync(lock);
    const created = fs.statSync(lock).mtimeMs;
    assert.equal(isStale(lock, created + 1_000), false);
    assert.equal(isStale(lock, created + 61_000), true);
    assert.equal(isStale(path.join(root, "gone.lock")), false, "a lock that vanished is not stale");
  });
});
