// Work the bot has started and must let finish (or give up on) when it stops: polls, digest
// runs and deliveries in flight. main.ts drains it on SIGTERM with a grace period.
export function createTracker() {
  const inFlight = new Set<Promise<unknown>>();
  return {
    track<T>(p: Promise<T>): Promise<T> {
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p)).catch(() => undefined);
      return p;
    },
    /** Settles when everything in flight has (true), or after graceMs (false), whichever is first. */
    async drain(graceMs: number): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => true),
        new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
      ]);
      if (timer) clearTimeout(timer);
      return finished;
    },
  };
}
export type Tracker = ReturnType<typeof createTracker>;
