/**
 * Developer harness: one process at a time fills a cache entry (a user install), so that two test
 * workers needing the same entry do the work once. The lock is a folder (its creation is atomic)
 * holding its owner's process ID; a lock whose owner has exited is taken over.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const OWNER = "owner";
/** How often a waiting process looks again; correctness does not depend on it. */
const POLL_MS = 250;
/** A lock with no owner written yet this long after its creation was left by a process that died. */
const UNOWNED_STALE_MS = 60_000;

/** Runs `fill` holding the lock `lockDir`; waits while another live process holds it. */
export async function withCacheLock<T>(lockDir: string, fill: () => Promise<T>): Promise<T> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  while (!tryTake(lockDir)) {
    if (isStale(lockDir)) fs.rmSync(lockDir, { recursive: true, force: true });
    else await sleep(POLL_MS);
  }
  try {
    return await fill();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function tryTake(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  fs.writeFileSync(path.join(lockDir, OWNER), String(process.pid));
  return true;
}

/** Whether the lock's owner has exited (the folder may vanish meanwhile: then it is not stale). */
export function isStale(lockDir: string, now = Date.now()): boolean {
  let owner: string;
  try {
    owner = fs.readFileSync(path.join(lockDir, OWNER), "utf8");
  } catch {
    try {
      return now - fs.statSync(lockDir).mtimeMs > UNOWNED_STALE_MS;
    } catch {
      return false;
    }
  }
  return !isAlive(Number(owner));
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
