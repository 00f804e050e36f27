// "Did you mean" for organisation names nothing matched, against the real gazetteer
// (config/organisations.yaml), and the one message search and subscribe give on every surface.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisationSuggester } from '../../src/commands/suggest-organisations.js';
import { runCommandText } from '../../src/commands/run-command.js';
import { createAppFixture, loadFixtureConfig, type AppFixture } from '../helpers/app-fixture.js';

let suggest: (text: string) => string[];
let app: AppFixture;
beforeAll(() => {
  suggest = createOrganisationSuggester(loadFixtureConfig().organisations);
  app = createAppFixture();
});
afterAll(() => app?.close());

describe('organisation suggestions', () => {
  it.each([
    ['Dudly Group', 'RNA'],
    ['dudley grop', 'RNA'],
    ['Hilingdon', 'RAS'],
    ['Care Quality Comission', 'cqc'],
    ['NHS Englnd', 'nhs-england'],
  ])('%s suggests %s first', (typed, id) => {
    expect(suggest(typed)[0]).toBe(id);
  });

  it.each(['XYZZ', 'Trust of Nowhere', 'nhs', 'NHS Foundation Trust', '', 'x'.repeat(10_000)])(
    '%s suggests nothing',
    (typed) => {
      expect(suggest(typed)).toEqual([]);
    },
  );

  it('offers at most three', () => {
    expect(suggest('Dudly').length).toBeLessThanOrEqual(3);
    expect(suggest('Dudly')).toContain('RNA');
  });
});

describe('the unknown-organisation answer', () => {
  it.each(['search carter org:"Dudly Group"', 'subscribe carter org:"Dudly Group"'])(
    '%s names the closest organisation, with its code',
    (text) => {
      const result = runCommandText(text, app.invocation({ isAdmin: true }), app.deps);
      expect(result).toEqual({
        kind: 'error',
        message:
          "no NHS organisation known as 'Dudly Group' — did you mean 'The Dudley Group NHS Foundation Trust' (RNA)?",
        hint: 'Use its usual name (`org:"Dudley Group"`) or its ODS code (`org:RNA`).',
      });
    },
  );

  it('says only what was typed when nothing is close', () => {
    const result = runCommandText('search carter org:XYZZ', app.invocation(), app.deps);
    expect(result).toMatchObject({ kind: 'error', message: "no NHS organisation known as 'XYZZ'" });
  });
});
