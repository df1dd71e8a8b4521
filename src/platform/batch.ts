/**
 * Request coalescing for hot reads. Under a rush (a booking release, a morning login wave)
 * hundreds of requests ask the database the same kind of question at once; one round trip
 * per request makes the round trips, not the work, the bottleneck. A Batcher answers
 * everything that queued while the previous batch was in flight with one statement.
 *
 * Freshness: an input is only ever answered by a statement that started after the input
 * arrived (a new batch, never one already in flight), so a caller never sees state older
 * than its own request, as with a query of its own.
 */
export interface BatcherOptions {
  /** batches in flight at once; the rest wait and grow the next batch */
  maxInFlight?: number;
  /** the most inputs one statement carries */
  maxBatch?: number;
}

interface Waiter<I, O> {
  input: I;
  resolve: (o: O) => void;
  reject: (err: unknown) => void;
}

export class Batcher<I, O> {
  private pending: Array<Waiter<I, O>> = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxInFlight: number;
  private readonly maxBatch: number;

  /** `run` answers inputs[i] with result[i]; it must return exactly one result per input. */
  constructor(
    private readonly run: (inputs: readonly I[]) => Promise<readonly O[]>,
    opts: BatcherOptions = {},
  ) {
    this.maxInFlight = opts.maxInFlight ?? 2;
    this.maxBatch = opts.maxBatch ?? 256;
  }

  load(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      this.schedule();
    });
  }

  /** Starts on the next turn of the event loop, so requests read from other sockets in this turn join. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.pending.length && this.inFlight < this.maxInFlight) {
      const batch = this.pending.splice(0, this.maxBatch);
      this.inFlight++;
      // execute() settles every waiter itself and never rejects
      void this.execute(batch).finally(() => {
        this.inFlight--;
        if (this.pending.length) this.schedule();
      });
    }
  }

  private async execute(batch: Array<Waiter<I, O>>): Promise<void> {
    try {
      const out = await this.run(batch.map((w) => w.input));
      if (out.length !== batch.length)
        throw new Error(`batch returned ${out.length} results for ${batch.length} inputs`);
      batch.forEach((w, i) => w.resolve(out[i]));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

/** One Batcher per database handle: tests open many databases in one process. */
export function batcherPerDb<D extends object, I, O>(
  run: (db: D, inputs: readonly I[]) => Promise<readonly O[]>,
  opts?: BatcherOptions,
): (db: D, input: I) => Promise<O> {
  const byDb = new WeakMap<D, Batcher<I, O>>();
  return (db, input) => {
    let b = byDb.get(db);
    if (!b) {
      b = new Batcher<I, O>((inputs) => run(db, inputs), opts);
      byDb.set(db, b);
    }
    return b.load(input);
  };
}
