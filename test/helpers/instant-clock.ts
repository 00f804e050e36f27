// A pacer clock (src/delivery/pace.ts PaceClock) that never really sleeps: time moves only when
// someone waits, and every wait is recorded, so pacing tests run instantly and deterministically.
export interface InstantClock {
  waits: number[];
  now(): number;
  sleep(ms: number): Promise<void>;
}

export function instantClock(): InstantClock {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}
