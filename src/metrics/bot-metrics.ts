// The bot's Prometheus metrics (prom-client), one registry per process. Events (polls, fetch and
// parse times, digest builds, rate limits) are counted as they happen through the small observer
// interfaces the pipeline and delivery accept; quantities that live in the archive (stories,
// tags by theme, outbox parts by state) are read at scrape time through `readArchive`, so they
// are right after a restart. Node's own metrics (event-loop lag, memory, GC, handles) come from
// prom-client's default collectors. Every name is documented in README "Operations".
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PollMetrics, PollOutcome } from '../pipeline/poll-types.js';
import type { DeliveryMetrics } from '../delivery/delivery-metrics.js';

export interface ArchiveCounts {
  stories: number;
  tagsByTheme: { theme: string; stories: number }[];
  outbox: { platform: string; status: string; parts: number }[];
}

export interface BotMetrics extends PollMetrics, DeliveryMetrics {
  registry: Registry;
  observePoll(outcome: PollOutcome): void;
  observeDigestBuild(seconds: number): void;
}

// Feeds answer in tens of milliseconds to tens of seconds (timeout 30 s by default).
const FETCH_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const PARSE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 10];

export function createBotMetrics(readArchive: () => ArchiveCounts): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'briefing_' });
  const polls = new Counter({
    name: 'briefing_polls_total',
    help: 'Polls of a source by outcome (ok, not-modified, failed)',
    labelNames: ['source', 'outcome'] as const,
    registers: [registry],
  });
  const fetchSeconds = new Histogram({
    name: 'briefing_fetch_duration_seconds',
    help: 'Time to fetch a source document (conditional GET, including redirects)',
    labelNames: ['source'] as const,
    buckets: FETCH_BUCKETS,
    registers: [registry],
  });
  const parseSeconds = new Histogram({
    name: 'briefing_parse_duration_seconds',
    help: 'Time to decode, parse and normalise one fetched document',
    labelNames: ['source'] as const,
    buckets: PARSE_BUCKETS,
    registers: [registry],
  });
  const digestSeconds = new Histogram({
    name: 'briefing_digest_build_duration_seconds',
    help: "Time to build one week's digest from the archive",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'briefing_rate_limited_total',
    help: 'Answers of 429 (rate limited) from a chat platform',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  registerArchiveGauges(registry, readArchive);
  return {
    registry,
    observePoll: (o) => polls.inc({ source: o.sourceId, outcome: o.status }),
    observeFetch: (sourceId, seconds) => fetchSeconds.observe({ source: sourceId }, seconds),
    observeRead: (sourceId, seconds) => parseSeconds.observe({ source: sourceId }, seconds),
    observeDigestBuild: (seconds) => digestSeconds.observe(seconds),
    observeRateLimited: (platform) => rateLimited.inc({ platform }),
  };
}

function registerArchiveGauges(registry: Registry, readArchive: () => ArchiveCounts): void {
  // One read per scrape shared by the three gauges: the first collect reads, the others reuse.
  let cached: { at: number; counts: ArchiveCounts } | null = null;
  const counts = (): ArchiveCounts => {
    const now = Date.now();
    if (cached === null || now - cached.at > 1000) cached = { at: now, counts: readArchive() };
    return cached.counts;
  };
  new Gauge({
    name: 'briefing_stories_stored',
    help: 'Stories in the archive',
    registers: [registry],
    collect() {
      this.set(counts().stories);
    },
  });
  new Gauge({
    name: 'briefing_stories_tagged',
    help: 'Stories in the archive with each theme',
    labelNames: ['theme'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const t of counts().tagsByTheme) this.set({ theme: t.theme }, t.stories);
    },
  });
  new Gauge({
    name: 'briefing_outbox_parts',
    help: 'Digest message parts in the outbox by platform and state',
    labelNames: ['platform', 'state'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const o of counts().outbox) this.set({ platform: o.platform, state: o.status }, o.parts);
    },
  });
}
