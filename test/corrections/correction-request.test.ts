// The `correct` request: Slack's text and Discord's typed options give the same request or the
// same error; hostile and malformed input gets a helpful error, never a throw.
import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/commands/parse-command-text.js';
import { requestFromOptions } from '../../src/commands/request-from-options.js';
import { runCommandText } from '../../src/commands/run-command.js';
import { createAppFixture, FIXTURE_STORIES } from '../helpers/app-fixture.js';
import { HOSTILE_STRINGS } from '../commands/hostile-strings.js';

const app = createAppFixture();

describe('correct: one request from text and from options', () => {
  it.each([
    ['g_3fa9c1d2 -carter +procurement', 'g_3fa9c1d2', '-carter +procurement', null],
    [
      'g_3fa9c1d2 +Procurement, −carter note: "a contract story"',
      'g_3fa9c1d2',
      '+Procurement −carter',
      'a contract story',
    ],
    ['<https://example.org/a?x=1|story> +stp', 'https://example.org/a?x=1', '+stp', null],
  ])('%s', (text, story, themes, note) => {
    const fromText = parseCommandText(`correct ${text}`, app.deps);
    const fromOptions = requestFromOptions(
      'correct',
      { story: story.startsWith('https') ? `<${story}|story>` : story, themes, note },
      app.deps,
    );
    expect(fromText.ok).toBe(true);
    expect(fromOptions).toEqual(fromText);
  });

  it.each([
    ['correct', /needs a story/],
    ['correct g_3fa9c1d2', /say which themes/],
    ['correct g_3fa9c1d2 procurement', /say '\+procurement' to add/],
    ['correct g_3fa9c1d2 +cartr', /did you mean 'carter'/],
    ['correct g_3fa9c1d2 +carter -carter', /both added and removed/],
    ['correct a b +carter', /not one story reference/],
    [`correct g_3fa9c1d2 +carter note:${'n'.repeat(201)}`, /limit is 200/],
    [`correct g_3fa9c1d2 +carter ${'x'.repeat(1200)}`, /limit is 1000/],
  ])('%s is refused with what would work', (text, message) => {
    const parsed = parseCommandText(text, app.deps);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.message).toMatch(message);
  });

  it('resolves a story by its link, as explain does', () => {
    const story = FIXTURE_STORIES.find((s) => s.id === 'fx-covid-cip')!;
    const result = runCommandText(
      `correct <${story.url!}> +procurement`,
      app.invocation(),
      app.deps,
    );
    expect(result).toMatchObject({ kind: 'corrected', story: { id: 'fx-covid-cip' } });
  });

  it('an unknown story is an error, and hostile text never throws or stores anything', () => {
    expect(runCommandText('correct g_00000000 +carter', app.invocation(), app.deps)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/no story in the archive/),
    });
    const before = app.db.prepare('SELECT count(*) AS n FROM corrections').get();
    for (const hostile of HOSTILE_STRINGS) {
      for (const text of [`correct ${hostile} +carter`, `correct fx-covid-cip +${hostile}`]) {
        expect(runCommandText(text, app.invocation(), app.deps).kind).toBe('error');
      }
    }
    expect(app.db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual(before);
  });
});
