// What one outbox pass did, apart from process-outbox.ts so that deliver-week.ts (which fills it
// in) and process-outbox.ts (which calls deliver-week) share it without an import cycle.
export interface ProcessReport {
  sent: number;
  /** Parts found already posted (after a crash or lost response) and recorded, not re-sent. */
  recovered: number;
  retried: number;
  failed: number;
  /** Channels paused by a permanent failure, as platform:workspace:channel, sorted. */
  paused: string[];
  /** Parts left waiting because no adapter for their platform was given. */
  noAdapter: number;
  /** Parts in flight for a dead process, made due at once instead of after their lease. */
  released: number;
}

export function emptyProcessReport(): ProcessReport {
  return { sent: 0, recovered: 0, retried: 0, failed: 0, paused: [], noAdapter: 0, released: 0 };
}
