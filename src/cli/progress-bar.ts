// A minimal progress bar for long CLI jobs (retag). On a terminal it redraws one line; when
// output is piped it prints a line every 10% so logs stay readable.
import type { Writable } from 'node:stream';

export interface ProgressBar {
  tick(done: number): void;
  finish(): void;
}

export function createProgressBar(out: Writable, total: number, label: string): ProgressBar {
  const isTty = (out as { isTTY?: boolean }).isTTY === true;
  let lastDecile = -1;
  const render = (done: number): string => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const width = 30;
    const filled = Math.round(ratio * width);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
  };
  return {
    tick(done) {
      if (isTty) {
        out.write(`\r${render(done)}`);
        return;
      }
      const decile = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        out.write(`${render(done)}\n`);
      }
    },
    finish() {
      if (isTty) out.write('\n');
    },
  };
}
