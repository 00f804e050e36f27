// `briefing retag [--since DATE]`: re-tags the archive with the current themes and organisations
// (after config/themes.yaml changes) and reports what changed per theme.
import { isRealDate, notADate } from '../commands/apply-search-filter.js';
import { buildAnnotator } from '../pipeline/build-poll-deps.js';
import { getStory, iterateStories } from '../store/stories.js';
import { replaceTagsBatch, type TagUpdate } from '../store/tags.js';
import { UsageError, type CliCommand } from './command.js';
import { createProgressBar } from './progress-bar.js';

const BATCH = 500;

export const command: CliCommand = {
  name: 'retag',
  summary: 'Re-tag the archive after the themes change',
  help: `Usage: briefing retag [--since YYYY-MM-DD] [--json]

Runs the current config/themes.yaml and organisations.yaml over stored stories (all of them, or
those published since DATE), replaces their tags and entities, and prints per theme how many
stories gained or lost it. Search and digests use the new tags straight away.
`,
  options: { since: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const since = args.values.since as string | undefined;
    // Checked and worded as search's since: is (a date that exists).
    if (since !== undefined && !isRealDate(since)) throw new UsageError(notADate('--since', since));
    const config = ctx.config();
    const db = ctx.db();
    const annotate = buildAnnotator(config);
    const total = (
      db.prepare('SELECT count(*) AS n FROM stories WHERE published_at >= ?').get(since ?? '') as {
        n: number;
      }
    ).n;
    const bar = createProgressBar(ctx.stderr, total, 'retag');
    const gained = new Map<string, number>();
    const lost = new Map<string, number>();
    let processed = 0;
    let changed = 0;
    const bump = (map: Map<string, number>, theme: string) =>
      map.set(theme, (map.get(theme) ?? 0) + 1);

    let batch: string[] = [];
    // One transaction and one search-index write per batch (replaceTagsBatch), not per story.
    const flush = (ids: string[]): void => {
      const updates: TagUpdate[] = [];
      for (const id of ids) {
        const stored = getStory(db, id);
        if (!stored) continue;
        const next = annotate(stored);
        const before = new Set(stored.tags.map((t) => t.theme));
        const after = new Set(next.tags.map((t) => t.theme));
        const added = [...after].filter((t) => !before.has(t));
        const removed = [...before].filter((t) => !after.has(t));
        for (const t of added) bump(gained, t);
        for (const t of removed) bump(lost, t);
        if (added.length > 0 || removed.length > 0) changed++;
        updates.push({ storyId: id, ...next });
      }
      replaceTagsBatch(db, updates);
    };
    for (const story of iterateStories(db, since ? { since } : {})) {
      batch.push(story.id);
      if (batch.length >= BATCH) {
        flush(batch);
        processed += batch.length;
        batch = [];
        bar.tick(processed);
      }
    }
    if (batch.length > 0) flush(batch);
    processed += batch.length;
    bar.tick(processed);
    bar.finish();

    const themes = [...new Set([...gained.keys(), ...lost.keys()])].sort();
    const summary = {
      processed,
      changed,
      rulesVersion: config.themes.rulesVersion,
      themes: Object.fromEntries(
        themes.map((t) => [t, { gained: gained.get(t) ?? 0, lost: lost.get(t) ?? 0 }]),
      ),
    };
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify(summary)}\n`);
      return 0;
    }
    ctx.stdout.write(
      `Re-tagged ${processed} stories with rules ${summary.rulesVersion}: ${changed} changed.\n`,
    );
    for (const t of themes) {
      ctx.stdout.write(`  ${t.padEnd(16)} +${gained.get(t) ?? 0}  -${lost.get(t) ?? 0}\n`);
    }
    return 0;
  },
};
