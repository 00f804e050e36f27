import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveBasePath, archiveDigest } from '../../src/digest/archive-digest.js';
import { buildDigest } from '../../src/digest/build-digest.js';
import { renderDigestMarkdown } from '../../src/digest/render-markdown.js';
import { viewForChannel } from '../../src/digest/view-for-channel.js';
import { makeStory, SOURCES, THEMES } from './make-story.js';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

const digestOf = (title: string) =>
  buildDigest({
    week: { year: 2021, week: 1 },
    timeZone: 'Europe/London',
    stories: [
      makeStory({ id: 'a', title, publishedAt: '2021-01-05T10:00:00.000Z', tags: { stp: 3 } }),
    ],
    themes: THEMES,
    sources: SOURCES,
    failedSources: [],
    perThemeCap: 6,
  });

describe('archiveDigest', () => {
  it('shows a story filed under two themes once in the Markdown, and under both in the JSON', () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-archive-'));
    const digest = buildDigest({
      week: { year: 2021, week: 1 },
      timeZone: 'Europe/London',
      stories: [
        makeStory({
          id: 'a',
          title: 'Carter review names procurement savings',
          publishedAt: '2021-01-05T10:00:00.000Z',
          tags: { carter: 3, procurement: 1 },
        }),
      ],
      themes: THEMES,
      sources: SOURCES,
      failedSources: [],
      perThemeCap: 6,
    });
    const paths = archiveDigest(digest, dir);
    const md = readFileSync(paths.markdownPath, 'utf8');
    expect(md.match(/Carter review names procurement savings/g)).toHaveLength(1);
    // It leads the week, filed under both themes.
    expect(md).toMatch(/Filed under: Carter reviews, Procurement/);
    const json = JSON.parse(readFileSync(paths.jsonPath, 'utf8')) as typeof digest;
    expect(json.sections.map((s) => [s.themeId, s.entries.length])).toEqual(
      digest.sections.map((s) => [s.themeId, s.entries.length]),
    );
    expect(json.sections.filter((s) => s.entries.length > 0)).toHaveLength(2);
  });

  it('writes digests/YYYY/YYYY-Www.md and .json, replacing an earlier copy whole', () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-archive-'));
    const first = archiveDigest(digestOf('ICS boards named'), dir);
    expect(first).toEqual({
      markdownPath: join(dir, '2021', '2021-W01.md'),
      jsonPath: join(dir, '2021', '2021-W01.json'),
    });
    const second = digestOf('ICS boards confirmed');
    archiveDigest(second, dir);
    expect(readFileSync(first.markdownPath, 'utf8')).toBe(
      renderDigestMarkdown(viewForChannel(second, null)),
    );
    expect(JSON.parse(readFileSync(first.jsonPath, 'utf8'))).toEqual(second);
    // no temporary files are left behind
    expect(readdirSync(join(dir, '2021')).sort()).toEqual(['2021-W01.json', '2021-W01.md']);
  });

  it('fails with the module name and leaves no temporary file when it cannot write', () => {
    dir = mkdtempSync(join(tmpdir(), 'briefing-archive-'));
    writeFileSync(join(dir, '2021'), 'a file where the year folder should be');
    expect(() => archiveDigest(digestOf('x'), dir!)).toThrow(/^digest: cannot create/);
  });

  it('names the file by ISO year, which differs from the calendar year at the edges', () => {
    expect(archiveBasePath('digests', '2020-W53')).toBe(join('digests', '2020', '2020-W53'));
    expect(() => archiveBasePath('digests', '../etc/passwd')).toThrow(/^digest:/);
  });
});
