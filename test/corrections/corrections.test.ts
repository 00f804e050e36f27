// Readers' corrections over the real archive (SQLite, tagging, the real CommandDeps): a
// correction changes its own workspace's searches, digests and explain at once, never another
// workspace's, never the stored rules' tags, and `briefing retag` does not undo it.
import { afterAll, describe, expect, it } from 'vitest';
import type { DigestEntry } from '../../src/domain.js';
import { runCommand, runCommandText } from '../../src/commands/run-command.js';
import type { CommandResult, Invocation } from '../../src/commands/types.js';
import { createAppFixture } from '../helpers/app-fixture.js';
import { runCli } from '../helpers/run-cli.js';

const app = createAppFixture({ storage: 'file' });
afterAll(() => app.close());

const here = (over: Partial<Invocation> = {}) => app.invocation({ workspaceId: 'T-HERE', ...over });
const elsewhere = () => app.invocation({ workspaceId: 'T-ELSEWHERE' });

function searchIds(text: string, invocation: Invocation): string[] {
  const result = runCommandText(`search ${text}`, invocation, app.deps);
  if (result.kind !== 'search') throw new Error(`search failed: ${JSON.stringify(result)}`);
  return result.page.hits.map((h) => h.id);
}

function digestSections(invocation: Invocation): Record<string, string[]> {
  const result = runCommandText('digest 2017-W07', invocation, app.deps);
  if (result.kind !== 'digest') throw new Error(`digest failed: ${JSON.stringify(result)}`);
  // A channel's view shows each story once: under one section with "Also in" the others, folded
  // into "Also this week" (`foldedFrom`), or as the lead. Every section a story is filed under
  // counts here.
  const idOf = new Map(app.deps.themes().map((t) => [t.label, t.id]));
  const sections: Record<string, string[]> = {};
  const file = (entry: DigestEntry, themeId: string | null) => {
    const labels = [...(entry.foldedFrom?.split(', ') ?? []), ...(entry.alsoIn ?? [])];
    const ids = [...(themeId ? [themeId] : []), ...labels.map((l) => idOf.get(l) ?? l)];
    for (const id of ids) (sections[id] ??= []).push(...entry.storyIds);
  };
  for (const s of result.digest.sections) {
    for (const e of s.entries) file(e, e.foldedFrom ? null : s.themeId);
  }
  if (result.digest.lead) file(result.digest.lead, null);
  return sections;
}

const storedThemes = (id: string) =>
  app.db
    .prepare(
      'SELECT t.theme FROM story_tags t JOIN stories s ON s.seq = t.story_seq WHERE s.id = ? ORDER BY t.theme',
    )
    .all(id)
    .map((r) => (r as { theme: string }).theme);

describe('correct', () => {
  let corrected: CommandResult;
  it('records -carter and +carter and answers with the themes here now', () => {
    corrected = runCommandText(
      'correct fx-procurement-league -carter note:it is about buying, not Carter',
      here(),
      app.deps,
    );
    expect(corrected).toMatchObject({
      kind: 'corrected',
      removed: ['carter'],
      added: [],
      themes: ['procurement'],
      note: 'it is about buying, not Carter',
    });
    const added = runCommandText('correct fx-prisons-carter +carter', here(), app.deps);
    expect(added).toMatchObject({ kind: 'corrected', added: ['carter'], themes: ['carter'] });
  });

  it("applies at once to this workspace's theme search, and only to it", () => {
    const mine = searchIds('theme:carter', here());
    expect(mine).toContain('fx-prisons-carter');
    expect(mine).not.toContain('fx-procurement-league');
    const theirs = searchIds('theme:carter', elsewhere());
    expect(theirs).toContain('fx-procurement-league');
    expect(theirs).not.toContain('fx-prisons-carter');
    // Word searches (FTS facets) follow it too, and hits show the corrected themes.
    const words = runCommandText('search review theme:carter', here(), app.deps);
    expect(words.kind === 'search' && words.page.hits.map((h) => h.id)).toContain(
      'fx-prisons-carter',
    );
    const league = runCommandText('search procurement league', here(), app.deps);
    const hit =
      league.kind === 'search'
        ? league.page.hits.find((h) => h.id === 'fx-procurement-league')
        : null;
    expect(hit?.themes).toEqual(['procurement']);
  });

  it("files this workspace's digest by the corrections, not another's", () => {
    const mine = digestSections(here());
    expect(mine.carter ?? []).not.toContain('fx-procurement-league');
    expect(mine.carter).toContain('fx-prisons-carter');
    expect(mine.procurement).toContain('fx-procurement-league');
    const theirs = digestSections(elsewhere());
    expect(theirs.carter).toContain('fx-procurement-league');
    expect(theirs.carter).not.toContain('fx-prisons-carter');
  });

  it('never edits the stored tags, and explain shows the corrections here only', () => {
    expect(storedThemes('fx-procurement-league')).toEqual(['carter', 'procurement']);
    expect(storedThemes('fx-prisons-carter')).toEqual([]);
    const explained = runCommandText('explain fx-procurement-league', here(), app.deps);
    expect(
      explained.kind === 'explain' &&
        explained.corrections?.map((c) => [c.action, c.theme, c.userId]),
    ).toEqual([['remove', 'carter', 'U-FIXTURE']]);
    const other = runCommandText('explain fx-procurement-league', elsewhere(), app.deps);
    expect(other.kind === 'explain' && other.corrections).toBeUndefined();
  });

  it('lists recent corrections of this workspace only', () => {
    const mine = runCommandText('corrections', here(), app.deps);
    expect(mine.kind === 'corrections' && mine.corrections.map((c) => c.storyId)).toEqual([
      'fx-prisons-carter',
      'fx-procurement-league',
    ]);
    const theirs = runCommandText('corrections', elsewhere(), app.deps);
    expect(theirs).toEqual({ kind: 'corrections', corrections: [] });
  });

  it('survives `briefing retag`', async () => {
    const retag = await runCli(['retag'], { DATABASE_PATH: app.path });
    expect(retag.code).toBe(0);
    expect(searchIds('theme:carter', here())).not.toContain('fx-procurement-league');
    expect(searchIds('theme:carter', here())).toContain('fx-prisons-carter');
    expect(digestSections(here()).carter).toContain('fx-prisons-carter');
  });

  it('says so when nothing would change, and records nothing', () => {
    const before = app.db.prepare('SELECT count(*) AS n FROM corrections').get();
    const result = runCommandText('correct fx-procurement-league +procurement', here(), app.deps);
    expect(result).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/nothing to change/),
    });
    expect(app.db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual(before);
  });

  it('follows the subscribe permission setting', () => {
    const strict = createAppFixture({ subscribePermission: { slack: 'admins' } });
    try {
      const denied = runCommandText(
        'correct fx-covid-cip -finance',
        strict.invocation(),
        strict.deps,
      );
      expect(denied).toMatchObject({
        kind: 'error',
        message: expect.stringMatching(/only workspace admins/),
      });
      const allowed = runCommandText(
        'correct fx-covid-cip -finance',
        strict.invocation({ isAdmin: true }),
        strict.deps,
      );
      expect(allowed.kind).toBe('corrected');
    } finally {
      strict.close();
    }
  });
});

describe('corrections export and report', () => {
  it('exports JSON lines in the evaluation format with the corrected labels', async () => {
    const { code, stdout } = await runCli(['corrections', 'export'], { DATABASE_PATH: app.path });
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const league = lines.find((l) => l.id === 'fx-procurement-league');
    expect(league).toMatchObject({
      title: expect.stringMatching(/procurement league/),
      summary: expect.any(String),
      publishedAt: '2017-02-13',
      labels: ['procurement'],
      workspace: 'slack:T-HERE',
      corrections: ['-carter'],
      correctedBy: ['U-FIXTURE'],
      notes: ['it is about buying, not Carter'],
    });
    expect(lines.find((l) => l.id === 'fx-prisons-carter')).toMatchObject({ labels: ['carter'] });
  });

  it('reports the rules that fired on a removed theme and the near misses of an added one', async () => {
    const { code, stdout } = await runCli(['corrections', 'report', '--json'], {
      DATABASE_PATH: app.path,
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      corrections: { storyId: string; change: string; finding: string; rules: string[] }[];
    };
    const removed = report.corrections.find(
      (c) => c.storyId === 'fx-procurement-league' && c.change === '-carter',
    );
    expect(removed?.finding).toBe('fired');
    expect(removed?.rules.length).toBeGreaterThan(0);
    const added = report.corrections.find((c) => c.storyId === 'fx-prisons-carter');
    expect(added?.finding).toBe('near-miss');
    expect(added?.rules.join(' ')).toMatch(/carter/i);
  });

  it("`briefing explain --platform --workspace` shows that workspace's corrections", async () => {
    const env = { DATABASE_PATH: app.path };
    const args = ['explain', 'fx-procurement-league', '--platform', 'slack'];
    const mine = await runCli([...args, '--workspace', 'T-HERE'], env);
    expect(mine.stdout).toMatch(/corrected by U-FIXTURE on .*2017: -carter \("it is about buying/);
    const theirs = await runCli([...args, '--workspace', 'T-ELSEWHERE'], env);
    expect(theirs.code).toBe(0);
    expect(theirs.stdout).not.toMatch(/corrected by/);
  });

  it('corrects from the command line for a named workspace', async () => {
    const { code, stdout } = await runCli(
      [
        'correct',
        'fx-black-country-stp',
        '--remove',
        'mergers',
        '--platform',
        'discord',
        '--workspace',
        'G1',
      ],
      { DATABASE_PATH: app.path },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Corrected fx-black-c/);
    const result = runCommand(
      { command: 'corrections' },
      app.invocation({ platform: 'discord', workspaceId: 'G1' }),
      app.deps,
    );
    expect(result.kind === 'corrections' && result.corrections[0]?.theme).toBe('mergers');
  });
});
