// Test-only preload (`node --import ./test/reliability/shift-clock.mjs ...`): moves this process's
// wall clock by CLOCK_OFFSET_MS, so a test can start `briefing run` a few seconds before a
// minute boundary and see the scheduler's every-minute delivery tick without waiting a minute.
// Only `Date` moves; timers still run in real time, as they would around a real boundary.
const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
const RealDate = Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offset;
  }
}

globalThis.Date = ShiftedDate;
