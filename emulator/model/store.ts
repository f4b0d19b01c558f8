import { stateFromSeed, type Seed } from "./seed";
import { StateFile } from "./stateFile";
import type { ModelState } from "./types";

/**
 * Owns the one model state. Every mutation runs synchronously on the state (JavaScript runs one
 * at a time, so two requests can never interleave inside a mutation) and is acknowledged only
 * after a state-file write that includes it, so no answered change is ever lost.
 */
export class StateStore {
  private current: ModelState;
  private readonly file: StateFile | undefined;

  constructor(
    private readonly seed: Seed,
    stateFile?: string,
  ) {
    this.file = stateFile ? new StateFile(stateFile) : undefined;
    this.current = this.file?.load() ?? stateFromSeed(seed);
  }

  get state(): ModelState {
    return this.current;
  }

  read<T>(query: (state: ModelState) => T): T {
    return query(this.current);
  }

  async mutate<T>(change: (state: ModelState) => T): Promise<T> {
    const result = change(this.current);
    await this.persist();
    return result;
  }

  async reset(): Promise<void> {
    this.current = stateFromSeed(this.seed);
    await this.persist();
  }

  persist(): Promise<void> {
    return this.file ? this.file.save(() => this.current) : Promise.resolve();
  }

  async flush(): Promise<void> {
    await this.file?.flush();
  }
}
