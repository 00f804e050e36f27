// A small pool of worker threads that run one task module, each task under a time limit and
// every worker under a heap limit, so a pathological document can never block the main thread
// (chat commands, timers, SIGTERM) or grow its heap. Why each rule:
// - time limit: a JavaScript loop cannot be interrupted from outside except by terminating its
//   thread (Node docs, worker_threads `worker.terminate()`); a task over the limit ends its worker
//   and the slot starts a fresh one for the next task;
// - heap limit: `resourceLimits.maxOldGenerationSizeMb` makes V8 stop that isolate alone with
//   ERR_WORKER_OUT_OF_MEMORY instead of growing the process (Node docs, "Worker resource limits");
// - the timer starts when the task reaches a ready worker: queueing and start-up are not parse time;
// - workers are unref'd while idle, so a one-shot CLI exits without closing the pool, and end
//   after `idleMs` without work: a worker thread costs tens of MB, and the bot is idle between
//   polls (README "Performance", idle memory);
// - close() terminates every worker at once and answers pending tasks 'closed' (SIGTERM).
// Expected failures are values (WorkerRunResult); run() never rejects.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { bundleTaskModule } from './bundle-worker-task.js';

export interface WorkerPoolOptions {
  /** Module (file URL) exporting `runTask(task)`; loaded through tsx by parse-worker-entry.mjs. */
  taskModule: URL;
  size: number;
  timeoutMs: number;
  heapMb: number;
  /** An idle worker ends after this long (default IDLE_MS); the next task starts a new one. */
  idleMs?: number;
}

export type WorkerRunResult<R> =
  | { status: 'ok'; value: R }
  | { status: 'timeout' }
  | { status: 'out-of-memory' }
  | { status: 'failed'; reason: string }
  | { status: 'closed' };

export interface WorkerPool<T, R> {
  /** Runs one task; the transfer list moves (not copies) its buffers to the worker. */
  run(task: T, transfer?: readonly ArrayBuffer[]): Promise<WorkerRunResult<R>>;
  /** Terminates every worker; tasks still queued or running resolve 'closed'. */
  close(): Promise<void>;
}

/** A worker that never says it is ready in this long is treated as broken. */
const START_LIMIT_MS = 60_000;
const IDLE_MS = 5_000;
const ENTRY = new URL('./parse-worker-entry.mjs', import.meta.url);

interface Job<T, R> {
  task: T;
  transfer: readonly ArrayBuffer[];
  resolve: (result: WorkerRunResult<R>) => void;
}

type WorkerMessage<R> =
  { type: 'ready' } | { type: 'done'; value: R } | { type: 'error'; reason: string };

class Slot<T, R> {
  private worker: Worker | null = null;
  private ready = false;
  private job: Job<T, R> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: WorkerPoolOptions,
    private readonly onIdle: () => void,
    /** The task module's plain-JavaScript bundle, or null to load it through tsx. */
    private readonly bundled: () => URL | null,
  ) {}

  get idle(): boolean {
    return this.job === null;
  }

  start(job: Job<T, R>): void {
    this.job = job;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.worker === null) this.spawn();
    this.worker!.ref();
    if (this.ready) this.post();
    else this.arm(START_LIMIT_MS, { status: 'failed', reason: 'the parse worker did not start' });
  }

  async terminate(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.finish({ status: 'closed' }, true);
    if (worker) await worker.terminate();
  }

  private spawn(): void {
    const worker = new Worker(ENTRY, {
      workerData: { taskModule: this.options.taskModule.href, bundled: this.bundledHref() },
      // The worker registers tsx itself: inherited flags (vitest's, --import tsx) are not needed.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 8 },
    });
    this.worker = worker;
    this.ready = false;
    worker.on('message', (message: WorkerMessage<R>) => {
      if (worker !== this.worker) return;
      if (message.type === 'ready') {
        this.ready = true;
        if (this.job) this.post();
        else worker.unref();
      } else if (message.type === 'done') this.finish({ status: 'ok', value: message.value });
      else this.finish({ status: 'failed', reason: message.reason });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (worker !== this.worker) return;
      const result: WorkerRunResult<R> =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { status: 'out-of-memory' }
          : { status: 'failed', reason: `the parse worker crashed: ${error.message}` };
      this.finish(result, true);
    });
    worker.on('exit', (code) => {
      if (worker !== this.worker) return;
      this.finish({ status: 'failed', reason: `the parse worker exited (code ${code})` }, true);
    });
  }

  /** The bundle, unless a temp-folder cleaner removed it since (then tsx loads the module). */
  private bundledHref(): string | undefined {
    const bundled = this.bundled();
    return bundled !== null && existsSync(bundled) ? bundled.href : undefined;
  }

  private post(): void {
    const job = this.job!;
    this.arm(this.options.timeoutMs, { status: 'timeout' });
    this.worker!.postMessage({ task: job.task }, job.transfer);
  }

  private arm(ms: number, result: WorkerRunResult<R>): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish(result, true), ms);
  }

  private retireWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.job !== null || this.worker === null) return;
      void this.worker.terminate();
      this.worker = null;
    }, this.options.idleMs ?? IDLE_MS);
    this.idleTimer.unref();
  }

  /** Answers the current job; `discard` ends the worker (it is stuck, dead or over a limit). */
  private finish(result: WorkerRunResult<R>, discard = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const job = this.job;
    this.job = null;
    if (discard && this.worker) {
      const dead = this.worker;
      this.worker = null;
      void dead.terminate();
    } else if (this.worker) {
      this.worker.unref();
      this.retireWhenIdle();
    }
    job?.resolve(result);
    if (result.status !== 'closed') this.onIdle();
  }
}

export function createWorkerPool<T, R>(options: WorkerPoolOptions): WorkerPool<T, R> {
  if (options.size < 1) throw new Error('parse-worker-pool: size must be at least 1');
  const queue: Job<T, R>[] = [];
  let closed = false;
  // Bundled once, at the first task (not at start-up: a CLI command that polls nothing pays
  // nothing); tasks wait in the queue meanwhile.
  let bundled: URL | null | undefined;
  let bundling: Promise<void> | null = null;
  const dispatch = (): void => {
    if (closed) return;
    if (bundled === undefined) {
      bundling ??= bundleTaskModule(options.taskModule).then((url) => {
        bundled = url;
        dispatch();
      });
      return;
    }
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.idle) slot.start(queue.shift()!);
    }
  };
  const slots = Array.from(
    { length: options.size },
    () => new Slot<T, R>(options, dispatch, () => bundled ?? null),
  );
  return {
    run(task, transfer = []) {
      if (closed) return Promise.resolve({ status: 'closed' });
      return new Promise((resolve) => {
        queue.push({ task, transfer, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve({ status: 'closed' });
      await Promise.all(slots.map((slot) => slot.terminate()));
    },
  };
}
