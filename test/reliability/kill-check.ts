// The invariants a crash-safety run must hold after every completed week (and at the end):
// - the database file passes PRAGMA integrity_check, foreign_key_check and the FTS5 index's own
//   integrity-check;
// - every story URL the feeds served is archived exactly once, and nothing else is;
// - every subscribed channel has its week's digest decided as enqueued, every outbox part is sent,
//   and the platform (what the kill proxies let through to the fakes) received each part exactly
//   once, under the message id the outbox recorded.
// Posts are counted at the proxy, not in the fakes' message lists: the Discord fake (like Discord,
// for a few minutes) folds a repeated nonce into one message, which would hide a second POST.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatWeek } from '../../src/time/week.js';
import { nonceFor } from '../../src/platforms/discord/delivery-ref.js';
import { openDatabase } from '../../src/store/database.js';
import type { KillWorld } from './kill-world.js';
import { CHANNELS } from './kill-world.js';

export interface CheckResult {
  integrity: string;
  storiesExpected: number;
  storiesStored: number;
  storiesLost: number;
  storiesDuplicated: number;
  partsExpected: number;
  partsPostedTwice: number;
  partsSkipped: number;
  /** Archived digests (digests/YYYY/*.json) that parse; a torn write would not. */
  archivedDigests: number;
  problems: string[];
}

/** Every archived .json must parse and name its week; returns how many there are. */
function checkArchive(digestsDir: string, problems: string[]): number {
  let count = 0;
  for (const entry of readdirSync(digestsDir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.json')) continue;
    count++;
    try {
      const digest = JSON.parse(readFileSync(join(digestsDir, entry), 'utf8')) as {
        week?: unknown;
      };
      if (typeof digest.week !== 'string') problems.push(`archive ${entry}: no week`);
    } catch (error) {
      problems.push(`archive ${entry}: ${(error as Error).message}`);
    }
  }
  return count;
}

interface PartRow {
  week: string;
  platform: string;
  channel_id: string;
  part_index: number;
  part_total: number;
  idempotency_key: string;
  status: string;
  message_id: string | null;
}

/** Counts of accepted posts per idempotency key, read from what each proxy forwarded. */
function postsByKey(world: KillWorld): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string | undefined): void => {
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const r of world.slackProxy.forwarded) {
    if (!r.path.endsWith('/chat.postMessage')) continue;
    const metadata = new URLSearchParams(r.body).get('metadata');
    const parsed = metadata
      ? (JSON.parse(metadata) as { event_payload?: { key?: string } })
      : undefined;
    add(parsed?.event_payload?.key);
  }
  for (const r of world.discordProxy.forwarded) {
    if (r.method !== 'POST' || !/\/channels\/\d+\/messages$/.test(r.path)) continue;
    add(`nonce:${(JSON.parse(r.body) as { nonce?: string }).nonce ?? ''}`);
  }
  return counts;
}

export function checkWorld(world: KillWorld, throughEpoch: number): CheckResult {
  const problems: string[] = [];
  const db = openDatabase(world.databasePath);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ');
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violation(s)`);
    try {
      db.exec("INSERT INTO stories_fts(stories_fts) VALUES ('integrity-check')");
    } catch (error) {
      problems.push(`fts integrity-check: ${(error as Error).message}`);
    }

    const urls = (db.prepare('SELECT url FROM stories').all() as { url: string | null }[]).map(
      (r) => r.url ?? '',
    );
    const stored = new Set(urls);
    const lost = [...world.servedUrls].filter((u) => !stored.has(u));
    const extra = [...stored].filter((u) => !world.servedUrls.has(u));
    const duplicated = urls.length - stored.size + extra.length;
    if (lost.length > 0) problems.push(`stories lost: ${lost.slice(0, 3).join(', ')}`);
    if (duplicated > 0) problems.push(`stories duplicated or unexpected: ${duplicated}`);

    const posts = postsByKey(world);
    let partsExpected = 0;
    let postedTwice = 0;
    let skipped = 0;
    for (let epoch = 0; epoch <= throughEpoch; epoch++) {
      const week = formatWeek(world.week(epoch));
      for (const channel of CHANNELS) {
        const where = [week, channel.platform, channel.workspaceId, channel.channelId];
        const run = db
          .prepare(
            'SELECT status FROM digest_runs WHERE week = ? AND platform = ? AND workspace_id = ? AND channel_id = ?',
          )
          .get(...where) as { status: string } | undefined;
        if (run?.status !== 'enqueued') {
          skipped++;
          problems.push(`${week} ${channel.channelId}: digest ${run?.status ?? 'never decided'}`);
          continue;
        }
        const parts = db
          .prepare(
            `SELECT week, platform, channel_id, part_index, part_total, idempotency_key, status,
                    message_id
             FROM outbox WHERE week = ? AND platform = ? AND workspace_id = ? AND channel_id = ?
             ORDER BY part_index`,
          )
          .all(...where) as PartRow[];
        if (parts.length === 0 || parts.length !== parts[0]!.part_total) {
          problems.push(`${week} ${channel.channelId}: ${parts.length} part(s) recorded`);
        }
        for (const part of parts) {
          partsExpected++;
          const key =
            part.platform === 'discord'
              ? `nonce:${nonceFor(part.idempotency_key)}`
              : part.idempotency_key;
          const count = posts.get(key) ?? 0;
          if (count === 0 || part.status !== 'sent') {
            skipped++;
            problems.push(
              `${week} ${channel.channelId} part ${part.part_index}: ${part.status}, posted ${count}x`,
            );
          }
          if (count > 1) {
            postedTwice += count - 1;
            problems.push(`${week} ${channel.channelId} part ${part.part_index}: posted ${count}x`);
          }
          if (part.status === 'sent' && !platformHas(world, part)) {
            problems.push(
              `${week} ${channel.channelId} part ${part.part_index}: recorded id ${part.message_id} not on the platform`,
            );
          }
        }
      }
    }
    const archivedDigests = checkArchive(world.digestsDir, problems);
    return {
      integrity,
      archivedDigests,
      storiesExpected: world.servedUrls.size,
      storiesStored: urls.length,
      storiesLost: lost.length,
      storiesDuplicated: duplicated,
      partsExpected,
      partsPostedTwice: postedTwice,
      partsSkipped: skipped,
      problems,
    };
  } finally {
    db.close();
  }
}

/** The fake holds a message with the recorded id that carries this part's key. */
function platformHas(world: KillWorld, part: PartRow): boolean {
  if (part.platform === 'slack') {
    return world.slack
      .posted(part.channel_id)
      .some(
        (m) => m.ts === part.message_id && m.metadata?.event_payload.key === part.idempotency_key,
      );
  }
  const nonce = nonceFor(part.idempotency_key);
  return (world.discord.messages.get(part.channel_id) ?? []).some(
    (m) => m.id === part.message_id && m.nonce === nonce,
  );
}
