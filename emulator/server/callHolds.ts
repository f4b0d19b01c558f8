/**
 * Holds on AWS calls, for tests that must act while a call is provably in flight (interrupt the
 * Pulumi CLI during a create, whatever the machine's speed): the held request has arrived and been
 * counted, and waits, not yet run and unanswered, until released; then it runs and is answered as
 * usual, to a caller that may be gone by then (as AWS completes a call its client stopped awaiting).
 */
export interface CallHold {
  /** Settles when the held call has arrived. */
  readonly arrived: Promise<void>;
  /** Lets the held call go on; a hold whose call has not arrived yet is dropped. */
  release(): void;
}

interface PendingHold {
  operation: string;
  /** Calls of the operation still to let through before the held one. */
  before: number;
  taken: boolean;
  arrive: () => void;
  released: Promise<void>;
  release: () => void;
}

export class CallHolds {
  private holds: PendingHold[] = [];

  /** Holds the `nth` call of `operation` from now on (1: the next one). */
  hold(operation: string, nth = 1): CallHold {
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError("nth must be a whole number >= 1");
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const pending: PendingHold = { operation, before: nth - 1, taken: false, arrive, released, release };
    this.holds.push(pending);
    return {
      arrived,
      release: () => {
        this.holds = this.holds.filter((h) => h !== pending);
        release();
      },
    };
  }

  /** Every AWS request passes here: it waits while a hold takes it. */
  async pass(operation: string): Promise<void> {
    const taken: PendingHold[] = [];
    for (const h of this.holds.filter((h) => h.operation === operation && !h.taken)) {
      if (h.before === 0) taken.push(h);
      else h.before--;
    }
    for (const h of taken) {
      h.taken = true;
      h.arrive();
    }
    await Promise.all(taken.map((h) => h.released));
  }

  /** Lets every held call go on and drops the holds not reached yet (the emulator stops). */
  releaseAll(): void {
    for (const h of this.holds.splice(0)) h.release();
  }
}
