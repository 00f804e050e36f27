// The demo's digest step: build the demo week's catch-up from the archive, archive it to
// digests/ before posting, then deliver it to an in-memory channel through the real outbox
// (twice, to show the second run posts nothing).
import type { AppConfig } from '../config/load.js';
import { MemoryAdapter } from '../delivery/memory-adapter.js';
import { enqueueDigest } from '../delivery/enqueue-digest.js';
import { processOutbox } from '../delivery/process-outbox.js';
import { archiveDigest, renderArchiveMarkdown } from '../digest/archive-digest.js';
import { parseWeekOrThrow, weekRange } from '../time/week.js';
import type { ChannelPlatform, Digest, Source } from '../domain.js';
import { buildWeekDigest } from '../pipeline/build-week-digest.js';
import type { Logger } from '../logging.js';
import type { Db } from '../store/database.js';
import { upsertSubscription } from '../store/subscriptions.js';

export interface DemoDigestResult {
  digest: Digest;
  /** When the demo week ends: the demo's "now" for delivery. */
  endsAt: Date;
  markdown: string;
  markdownPath: string;
  jsonPath: string;
  partsSent: number;
  secondRunSent: number;
}

export async function runDemoDigest(input: {
  db: Db;
  config: AppConfig;
  sources: readonly Source[];
  week: string;
  digestsDir: string;
  logger: Logger;
}): Promise<DemoDigestResult> {
  const { db, config, week } = input;
  const isoWeek = parseWeekOrThrow(week);
  const { endsAt } = weekRange(isoWeek, config.settings.timeZone);
  const jobConfig = { ...config, sources: input.sources };
  const digest = buildWeekDigest(db, jobConfig, isoWeek);
  const archived = archiveDigest(digest, input.digestsDir);

  const adapter = new MemoryAdapter();
  const { subscription } = upsertSubscription(
    db,
    {
      platform: 'memory',
      workspaceId: 'demo',
      channelId: 'catch-up',
      themes: 'all',
      organisations: [],
      schedule: null,
      createdBy: 'demo',
    },
    endsAt,
  );
  enqueueDigest(db, { digest, subscription, adapter, now: endsAt });
  const adapters = new Map<ChannelPlatform, MemoryAdapter>([['memory', adapter]]);
  const first = await processOutbox(db, adapters, endsAt, { logger: input.logger });
  enqueueDigest(db, { digest, subscription, adapter, now: endsAt });
  const second = await processOutbox(db, adapters, endsAt, { logger: input.logger });
  return {
    digest,
    endsAt,
    markdown: renderArchiveMarkdown(digest),
    markdownPath: archived.markdownPath,
    jsonPath: archived.jsonPath,
    partsSent: first.sent,
    secondRunSent: second.sent,
  };
}
