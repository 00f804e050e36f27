// A global + per-host concurrency limiter for fetches: at most `concurrency` requests in flight in
// all, and at most `perHost` to any one host, so a poll of many GOV.UK feeds stays polite.
// Waiters are served first come, first served among those whose host has room.

export interface FetchLimiter {
  /** Runs `fn` once a global slot and a slot for `host` are free; releases both when it settles. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Requests running now, in all and for one host (for tests and logs). */
  active(host?: string): number;
  /** Requests waiting for a slot. */
  pending(): number;
}

export interface FetchLimiterOptions {
  concurrency: number;
  perHost: number;
}

interface Waiter {
  host: string;
  start: () => void;
}

export function createFetchLimiter(options: FetchLimiterOptions): FetchLimiter {
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const perHost = Math.max(1, Math.floor(options.perHost));
  const byHost = new Map<string, number>();
  const queue: Waiter[] = [];
  let running = 0;

  const hasRoom = (host: string): boolean =>
    running < concurrency && (byHost.get(host) ?? 0) < perHost;

  const acquire = (host: string): void => {
    running++;
    byHost.set(host, (byHost.get(host) ?? 0) + 1);
  };

  const release = (host: string): void => {
    running--;
    const left = (byHost.get(host) ?? 1) - 1;
    if (left === 0) byHost.delete(host);
    else byHost.set(host, left);
    // Start every waiter that now fits, oldest first; a waiter for a busy host does not block
    // the ones behind it.
    for (let i = 0; i < queue.length && running < concurrency;) {
      const waiter = queue[i]!;
      if (hasRoom(waiter.host)) {
        queue.splice(i, 1);
        acquire(waiter.host);
        waiter.start();
      } else i++;
    }
  };

  return {
    run<T>(rawHost: string, fn: () => Promise<T>): Promise<T> {
      const host = rawHost.toLowerCase();
      const execute = async (): Promise<T> => {
        try {
          return await fn();
        } finally {
          release(host);
        }
      };
      if (hasRoom(host)) {
        acquire(host);
        return execute();
      }
      return new Promise<T>((resolve, reject) => {
        queue.push({ host, start: () => execute().then(resolve, reject) });
      });
    },
    active(host?: string): number {
      return host === undefined ? running : (byHost.get(host.toLowerCase()) ?? 0);
    },
    pending(): number {
      return queue.length;
    },
  };
}
