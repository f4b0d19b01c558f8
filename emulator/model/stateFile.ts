import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import type { ModelState } from "./types";

const FORMAT_VERSION = 1;

interface StateFileBody {
  formatVersion: number;
  state: ModelState;
}

/**
 * The model state on disk. Writes go to a temporary file that is synced and then renamed over
 * the target, so a crash leaves either the old or the new file, never half of one. Writes are
 * serialized and coalesced: a save requested while another is running waits for it and then
 * writes the state as it is at that moment, which includes every mutation made so far.
 */
export class StateFile {
  private writing: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private counter = 0;

  constructor(readonly path: string) {}

  load(): ModelState | undefined {
    if (!existsSync(this.path)) return undefined;
    const body = JSON.parse(readFileSync(this.path, "utf8")) as StateFileBody;
    if (body.formatVersion !== FORMAT_VERSION || !body.state) {
      throw new Error(`${this.path} is not an emulator state file (format ${FORMAT_VERSION})`);
    }
    return body.state;
  }

  /** Resolves once a write that includes the state as of this call is on disk. */
  save(current: () => ModelState): Promise<void> {
    if (this.queued) return this.queued;
    const run = async (): Promise<void> => {
      await this.writing?.catch(() => undefined);
      this.queued = undefined;
      const text = JSON.stringify({
        formatVersion: FORMAT_VERSION,
        state: current(),
      } satisfies StateFileBody);
      const write = this.writeAtomically(text);
      this.writing = write;
      try {
        await write;
      } finally {
        if (this.writing === write) this.writing = undefined;
      }
    };
    this.queued = run();
    return this.queued;
  }

  /** Waits for every requested write. */
  async flush(): Promise<void> {
    while (this.queued ?? this.writing) await (this.queued ?? this.writing);
  }

  private async writeAtomically(text: string): Promise<void> {
    const temp = `${this.path}.${process.pid}.${++this.counter}.tmp`;
    await mkdir(dirname(this.path), { recursive: true });
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
