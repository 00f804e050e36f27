// The weekly job with readers' corrections: a channel in the correcting workspace gets the week
// filed by its corrections; a channel in another workspace gets the rules' digest, which is also
// what digests/ archives.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCommandText } from '../../src/commands/run-command.js';
import { MemoryAdapter } from '../../src/delivery/memory-adapter.js';
import type { Digest } from '../../src/domain.js';
import { runDigestJob } from '../../src/pipeline/run-digest-job.js';
import { upsertSubscription } from '../../src/store/subscriptions.js';
import { createAppFixture } from '../helpers/app-fixture.js';
import { sectionLabelOf } from '../../src/digest/section-labels.js';

const app = createAppFixture();
const dir = mkdtempSync(join(tmpdir(), 'briefing-corrections-'));
afterAll(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

const carterOf = (digest: Digest | undefined) =>
  digest?.sections.find((s) => s.themeId === 'carter')?.entries.flatMap((e) => e.storyIds) ?? [];
const CARTER = app.config.themes.themes.find((t) => t.id === 'carter')!.label;
/**
 * Every section label a story is shown or named in (a channel shows each story once: alsoIn,
 * which holds theme ids, labelled as the renderers label them).
 */
const labelsOf = (digest: Digest | undefined, id: string) =>
  (digest?.sections ?? []).flatMap((s) =>
    s.entries
      .filter((e) => e.storyIds.includes(id))
      .flatMap((e) => [s.label, ...(e.alsoIn ?? []).map(sectionLabelOf(digest!))]),
  );

it("delivers each workspace's digest with its own corrections", async () => {
  for (const workspaceId of ['W-CORRECTED', 'W-OTHER']) {
    upsertSubscription(
      app.db,
      {
        platform: 'memory',
        workspaceId,
        channelId: 'C1',
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: 'U1',
      },
      new Date('2017-02-14T00:00:00Z'),
    );
  }
  const who = app.invocation({ platform: 'memory', workspaceId: 'W-CORRECTED' });
  expect(runCommandText('correct fx-procurement-league -carter', who, app.deps).kind).toBe(
    'corrected',
  );
  const adapter = new MemoryAdapter();
  const views = new Map<string, Digest>();
  const render = adapter.render.bind(adapter);
  let next = 0;
  const order: string[] = [];
  adapter.render = (view) => {
    views.set(String(next++), view);
    return render(view);
  };
  const report = await runDigestJob({
    db: app.db,
    config: app.config,
    adapters: new Map([['memory', adapter]]),
    now: new Date('2017-02-20T09:00:00Z'),
    digestsDir: dir,
  });
  for (const e of report.enqueued) order.push(e.channel);
  expect(order).toHaveLength(2);
  const byChannel = new Map(order.map((channel, i) => [channel, views.get(String(i))]));
  const corrected = [...byChannel].find(([c]) => c.includes('W-CORRECTED'))?.[1];
  const other = [...byChannel].find(([c]) => c.includes('W-OTHER'))?.[1];
  expect(labelsOf(corrected, 'fx-procurement-league')).not.toContain(CARTER);
  expect(labelsOf(corrected, 'fx-procurement-league')).not.toEqual([]);
  expect(labelsOf(other, 'fx-procurement-league')).toContain(CARTER);
  // The archive holds the rules' view.
  const archived = JSON.parse(readFileSync(join(dir, '2017', '2017-W07.json'), 'utf8')) as Digest;
  expect(carterOf(archived)).toContain('fx-procurement-league');
});
