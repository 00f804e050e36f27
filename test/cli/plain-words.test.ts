// `briefing subscribe` and `briefing explain` say what chat says, in the same plain words
// (commands/plain-words.ts): days by name with the time zone, organisations in full, scores as
// words with the numbers on request (--scores), and --json extended, never renamed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runBriefing } from '../helpers/run-cli.js';
import { CONFIG_DIR, createAppFixture, type AppFixture } from '../helpers/app-fixture.js';

let app: AppFixture;
let env: Record<string, string>;

beforeAll(() => {
  app = createAppFixture({ storage: 'file' });
  env = { LOG_LEVEL: 'silent', DATABASE_PATH: app.path, BRIEFING_CONFIG_DIR: CONFIG_DIR };
});
afterAll(() => app.close());

const runCli = (argv: string[]) => runBriefing(argv, env);

const URL = 'https://www.england.nhs.uk/2017/02/model-hospital-variation/';

describe('briefing subscribe', () => {
  it('names the day, the time zone and the organisations in full', async () => {
    const where = ['--platform', 'memory', '--workspace', 'T1', '--channel', 'C-WORDS'];
    const result = await runCli([
      'subscribe',
      ...where,
      '--themes',
      'carter',
      '--orgs',
      'Dudley Group',
      '--day',
      'monday',
      '--time',
      '08:30',
    ]);
    expect(result.code).toBe(0);
    // Then when the first catch-up arrives, and the offer of last week's now (issue 15).
    expect(result.stdout.split('\n')).toEqual([
      'Subscribed memory:T1:C-WORDS: carter; organisations The Dudley Group NHS Foundation Trust (RNA); its own schedule: Mondays at 08:30 (Europe/London)',
      expect.stringMatching(
        /^Your first catch-up arrives on Monday \d{1,2} [A-Z][a-z]+ at 08:30 \(Europe\/London\)\.$/,
      ),
      'Want last week’s catch-up now? Add --now to send it.',
      '',
    ]);
  });
});

describe('briefing explain', () => {
  it('reads scores as words and the date in the configured time zone', async () => {
    const { code, stdout } = await runCli(['explain', URL]);
    expect(code).toBe(0);
    expect(stdout).toContain('published 14 Feb 2017 at 10:00 (Europe/London)');
    expect(stdout).toContain('TAGGED   carter (Carter reviews): strong match\n');
    expect(stdout).toContain('      strong match in the headline: acronym:Model Hospital "');
    expect(stdout).toContain('      weak match in the headline: regex:');
    expect(stdout).not.toMatch(/score \d|[+-]\d\.\d\d/);
    expect(stdout).toContain('--scores shows the score behind each word');
  });

  it('adds the numbers with --scores', async () => {
    const { stdout } = await runCli(['explain', URL, '--scores']);
    expect(stdout).toContain('TAGGED   carter (Carter reviews): strong match, score 9.5\n');
    expect(stdout).toContain('      strong match in the headline (+3): acronym:Model Hospital "');
  });

  it('words a near miss, and gives its threshold with --scores', async () => {
    const words = await runCli(['explain', 'fx-black-country-stp']);
    expect(words.stdout).toContain(
      'near     procurement (Procurement): weak match, not enough evidence to file it here\n',
    );
    expect(words.stdout).not.toContain('below threshold');
    const scores = await runCli(['explain', 'fx-black-country-stp', '--scores']);
    expect(scores.stdout).toContain(
      'near     procurement (Procurement): weak match, score 0.9, below its threshold of 1\n',
    );
    const vetoed = await runCli(['explain', 'fx-prisons-carter']);
    // Since the round-5 rules, "Lord Carter" only counts with NHS context near it (none here):
    // the near miss says so and names both vetoes.
    expect(vetoed.stdout).toContain(
      'near     carter (Carter reviews): no match, vetoed by negative:prison building, negative:prison',
    );
    expect(vetoed.stdout).toContain('uncounted match in the headline: phrase:Lord Carter');
  });

  it('keeps every numeric JSON field and adds the words beside them', async () => {
    const { stdout } = await runCli(['explain', URL, '--json']);
    const json = JSON.parse(stdout) as {
      story: { publishedAt: string; publishedInWords: string };
      tags: { theme: string; score: number; strength: string; evidence: unknown[] }[];
    };
    const expected = app.deps.explain(URL)!;
    expect(json).toMatchObject(JSON.parse(JSON.stringify(expected)) as object);
    expect(json.story.publishedInWords).toBe('14 Feb 2017 at 10:00 (Europe/London)');
    const carter = json.tags.find((t) => t.theme === 'carter')!;
    expect(carter).toMatchObject({ score: 9.5, strength: 'strong match' });
    expect(carter.evidence[0]).toMatchObject({
      weight: 3,
      field: 'title',
      strength: 'strong match in the headline',
    });
  });
});
