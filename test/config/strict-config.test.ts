// Strict configuration (issue 12): a misspelt key at any depth of any config file is an error
// naming its path and the closest valid key, and every problem of every file is reported at once.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { knownKeysAt } from '../../src/config/format-issues.js';
import { loadConfig } from '../../src/config/load.js';
import { settingsSchema } from '../../src/config/settings.js';
import { parseWith } from '../../src/config/yaml-file.js';

const work = mkdtempSync(join(tmpdir(), 'strict-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the repository's config folder with some files replaced. */
function configWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(work, 'config-'));
  cpSync('config', dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SETTINGS = `timezone: Europe/London
poll:
  timeoutMS: 1000
  intervalMinutes: 30
digest:
  dya: 2
`;

const SOURCES = `sources:
  - id: kings
    name: King's Fund
    kind: html
    url: https://example.org/news
    pollIntervalMinute: 60
    selectors:
      item: article
      title: h3
      lnk: a
`;

const THEMES = `contexts:
  nhs:
    phrasse: [trust]
defaults:
  treshold: 2
themes:
  - id: stp
    label: STPs
    description: Plans.
    window: { form: '2016-01-01' }
    rules:
      - acronyms: [STP]
        wieght: 2
`;

const ORGANISATIONS = `organisations:
  - id: nice
    name: National Institute for Health and Care Excellence
    kind: national
    varaints: [NICE guidance]
`;

describe('strict configuration', () => {
  it('reports a misspelt key at every depth of every file, with its path and the closest key', () => {
    const dir = configWith({
      'settings.yaml': SETTINGS,
      'sources.yaml': SOURCES,
      'themes.yaml': THEMES,
      'organisations.yaml': ORGANISATIONS,
    });
    const result = loadConfig(dir);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const at = (file: string) => join(dir, file);
    expect(errors).toEqual(
      expect.arrayContaining([
        `${at('settings.yaml')}: timezone: unknown key (did you mean timeZone?)`,
        `${at('settings.yaml')}: poll.timeoutMS: unknown key (did you mean timeoutMs?)`,
        `${at('settings.yaml')}: digest.dya: unknown key (did you mean day?)`,
        `${at('sources.yaml')}: sources.0.pollIntervalMinute: unknown key (did you mean pollIntervalMinutes?)`,
        `${at('sources.yaml')}: sources.0.selectors.lnk: unknown key (did you mean link?)`,
        `${at('themes.yaml')}: contexts.nhs.phrasse: unknown key (did you mean phrases?)`,
        `${at('themes.yaml')}: defaults.treshold: unknown key (did you mean threshold?)`,
        `${at('themes.yaml')}: themes.0.window.form: unknown key (did you mean from?)`,
        `${at('themes.yaml')}: themes.0.rules.0.wieght: unknown key (did you mean weight?)`,
        `${at('organisations.yaml')}: organisations.0.varaints: unknown key (did you mean variants?)`,
      ]),
    );
  });

  it('lists the valid keys when no key is close', () => {
    const parsed = parseWith('settings.yaml', settingsSchema, { poll: { frobnicate: 1 } });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      expect.stringMatching(
        /^settings\.yaml: poll\.frobnicate: unknown key \(expected one of: intervalMinutes, concurrency, .*allowPrivateAddresses\)$/,
      ),
    ]);
  });

  it('reports each unknown key on its own line, control characters made visible', () => {
    const parsed = parseWith('s.yaml', settingsSchema, { digest: { 'a\u001b[31m': 1, tme: 'x' } });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      expect.stringMatching(/^s\.yaml: digest\.a\?\[31m: unknown key \(expected one of: /),
      's.yaml: digest.tme: unknown key (did you mean time?)',
    ]);
  });

  it('finds the keys of objects behind defaults, arrays, records and unions', () => {
    const schema = z
      .object({
        list: z.array(z.object({ alpha: z.string() }).strict()).default([]),
        map: z.record(z.string(), z.object({ beta: z.number() }).strict()).optional(),
        either: z.union([z.string(), z.object({ gamma: z.boolean() }).strict()]),
      })
      .strict();
    expect(knownKeysAt(schema, [])).toEqual(['list', 'map', 'either']);
    expect(knownKeysAt(schema, ['list', 3])).toEqual(['alpha']);
    expect(knownKeysAt(schema, ['map', 'anything'])).toEqual(['beta']);
    expect(knownKeysAt(schema, ['either'])).toEqual(['gamma']);
    expect(knownKeysAt(schema, ['nowhere', 'deeper'])).toEqual([]);
  });
});
