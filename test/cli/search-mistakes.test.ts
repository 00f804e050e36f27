// One answer for one mistake: `briefing search` with an unknown organisation, theme or source or
// a bad date prints the very message Slack and Discord give (taken from the command layer here),
// on one line, and exits 2; it no longer returns an empty list for an organisation it cannot name.
// The real CLI entry, the repository's config/ folder and a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { runCommandText } from '../../src/commands/run-command.js';
import { loadConfigOrThrow } from '../../src/config/load.js';
import { buildCommandDeps } from '../../src/pipeline/command-deps.js';
import { tagAndStore } from '../../src/pipeline/tag-and-store.js';
import { openDatabase } from '../../src/store/database.js';
import { makeStory, makeTag } from '../store/make-story.js';

const work = mkdtempSync(join(tmpdir(), 'briefing-search-mistakes-'));
const DATABASE_PATH = join(work, 'archive.db');
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  const db = openDatabase(DATABASE_PATH);
  const stories = [
    makeStory({
      id: 'c1',
      guid: 'c1',
      url: 'https://example.org/c1',
      sourceId: 'nhse-news',
      title: 'Carter productivity review visits Dudley',
      summary: 'The Dudley Group shows what unwarranted variation costs.',
      publishedAt: '2017-02-14T10:00:00.000Z',
    }),
    makeStory({
      id: 'c2',
      guid: 'c2',
      url: 'https://example.org/c2',
      sourceId: 'hsj',
      title: 'Carter metrics to drive procurement league tables',
      summary: 'Trusts will be ranked on what they pay for gloves.',
      publishedAt: '2017-02-15T08:00:00.000Z',
    }),
  ];
  const dudley = {
    id: 'RNA',
    name: 'The Dudley Group NHS Foundation Trust',
    kind: 'trust' as const,
    matched: 'Dudley Group',
  };
  tagAndStore(db, stories, new Date('2017-02-20T09:00:00Z'), (s) => ({
    tags: [makeTag('carter')],
    entities: { organisations: s.id === 'c1' ? [dudley] : [], money: [] },
    rulesVersion: 'test',
  }));
  db.close();
});

function run(...argv: string[]) {
  return runCli(argv, { DATABASE_PATH, BRIEFING_CONFIG_DIR: 'config' });
}

/** What Slack and Discord answer to the same search text, from the command layer itself. */
function chatAnswer(text: string): { message: string; hint: string | null } {
  const db = openDatabase(DATABASE_PATH);
  try {
    const deps = buildCommandDeps({ db, config: loadConfigOrThrow('config') });
    const invocation = {
      platform: 'slack' as const,
      workspaceId: 'T1',
      channelId: 'C1',
      userId: 'U1',
      isAdmin: false,
      now: new Date('2017-02-20T09:00:00Z'),
    };
    const result = runCommandText(text, invocation, deps);
    if (result.kind !== 'error') throw new Error(`expected an error, got ${result.kind}`);
    return result;
  } finally {
    db.close();
  }
}

const ids = (stdout: string) => (JSON.parse(stdout) as { id: string }[]).map((h) => h.id).sort();

describe('briefing search: one answer for one mistake', () => {
  it.each([
    [['search', 'carter', 'org:XYZZ'], 'search carter org:XYZZ'],
    [['search', 'carter', '--org', 'XYZZ'], 'search carter org:XYZZ'],
    [['search', 'carter', '--org', 'Dudly Group'], 'search carter org:"Dudly Group"'],
    [['search', 'carter', '--theme', 'nope'], 'search carter theme:nope'],
    [['search', 'carter', 'source:hjs'], 'search carter source:hjs'],
    [['search', 'carter', '--since', '2017-13-01'], 'search carter since:2017-13-01'],
  ])('%j gives the chat message on one line and exits 2', async (argv, chatText) => {
    const chat = chatAnswer(chatText);
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.startsWith(`briefing: ${chat.message}`)).toBe(true);
  });

  it('names an unknown organisation with suggestions instead of an empty list', async () => {
    const unknown = await run('search', 'carter', 'org:XYZZ', '--json');
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'briefing: no NHS organisation known as \'XYZZ\'. Use its usual name (`org:"Dudley Group"`) or its ODS code (`org:RNA`).\n',
    });
    const typo = await run('search', 'carter', '--org', 'Dudly Group');
    expect(typo.stderr).toMatch(
      /^briefing: no NHS organisation known as 'Dudly Group' — did you mean 'The Dudley Group NHS Foundation Trust' \(RNA\)\?/,
    );
  });

  it('resolves organisation names and codes as chat does', async () => {
    for (const org of ['Dudley Group', 'RNA', 'rna', 'the dudley group nhs foundation trust']) {
      const { code, stdout } = await run('search', 'carter', '--org', org, '--json');
      expect(code).toBe(0);
      expect(ids(stdout)).toEqual(['c1']);
    }
  });

  it('accepts a theme by its label, as chat does', async () => {
    const { code, stdout } = await run('search', '--theme', 'Carter reviews', '--json');
    expect(code).toBe(0);
    expect(ids(stdout)).toEqual(['c1', 'c2']);
  });
});

describe('briefing explain: one answer for an unknown story', () => {
  it('prints the message chat gives, on one line, and exits 2', async () => {
    const target = 'https://example.org/no-such-story';
    const chat = chatAnswer(`explain ${target}`);
    expect(chat.message).toBe(`no story in the archive matches '${target}'`);
    const { code, stdout, stderr } = await run('explain', target);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`briefing: ${chat.message}. Use an id or link from \`briefing search\`.\n`);
  });
});

describe('other commands word the same mistakes the same way', () => {
  it('poll --source with an unknown id: the wording search uses, with a suggestion', async () => {
    const chat = chatAnswer('search carter source:hjs');
    const { code, stdout, stderr } = await run('poll', '--source', 'hjs');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`briefing: ${chat.message}\n`);
  });

  it.each(['2020-13-01', '2020-02-30', 'yesterday'])(
    'retag --since %s is refused as search refuses since:',
    async (value) => {
      const chat = chatAnswer(`search carter since:${value}`);
      const { code, stdout, stderr } = await run('retag', '--since', value);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toBe(`briefing: --${chat.message}\n`);
    },
  );
});
