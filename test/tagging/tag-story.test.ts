// tagStory behaviours, one row each, against the small theme set in tag-story-themes.ts (so the
// rows pin the engine, not the tuning of config/themes.yaml; default-themes.test.ts covers that).
import { describe, expect, it } from 'vitest';
import { tagStory } from '../../src/tagging/tag-story.js';
import { compiled, story, type Row } from './tag-story-themes.js';

const rows: Row[] = [
  {
    name: 'phrase in title counts with the title weight',
    story: story('New sustainability and transformation plan published'),
    tags: ['stp'],
    score: { theme: 'stp', value: 3 },
  },
  {
    name: 'same phrase in the summary counts less (field weight)',
    story: story('Plans published', 'The sustainability and transformation plan is out.'),
    tags: ['stp'],
    score: { theme: 'stp', value: 2 },
  },
  {
    name: 'phrase in title and summary counts once per field',
    story: story(
      'Sustainability and transformation plan out',
      'The sustainability and transformation plan, and another sustainability and transformation plan.',
    ),
    tags: ['stp'],
    score: { theme: 'stp', value: 5 },
  },
  {
    name: 'content is weighted least: below threshold alone',
    story: story('Plans published', '', {
      content: 'Later, the sustainability and transformation plan.',
    }),
    tags: [],
    nearMisses: { stp: 'below threshold 1' },
  },
  {
    name: 'acronym with NHS context counts',
    story: story('STP leaders meet', 'The NHS body met in London.'),
    tags: ['stp'],
    evidence: {
      theme: 'stp',
      rule: 'acronym:STP',
      kind: 'acronym',
      field: 'title',
      match: 'STP',
      weight: 2.25,
    },
  },
  {
    name: 'acronym without context is a near miss, not a tag',
    story: story('STP explained', 'A primer for chemistry students.'),
    tags: [],
    nearMisses: { stp: 'acronym:STP without context' },
  },
  {
    name: 'acronym is case-sensitive',
    story: story('stp leaders meet', 'The NHS body met.'),
    tags: [],
  },
  {
    name: 'acronym matches on word boundaries only',
    story: story('STPX and ASTP leaders', 'The NHS body met.'),
    tags: [],
  },
  {
    name: 'acronym plural counts',
    story: story('STPs told to cut beds', 'Hospital managers object.'),
    tags: ['stp'],
    evidence: { theme: 'stp', rule: 'acronym:STP', kind: 'acronym', field: 'title', match: 'STPs' },
  },
  {
    name: 'the expansion elsewhere in the story is context for the acronym',
    story: story('STP chiefs named', 'Each sustainability and transformation plan gets a leader.'),
    tags: ['stp'],
    evidence: {
      theme: 'stp',
      rule: 'acronym:STP',
      kind: 'acronym',
      field: 'title',
      match: 'STP',
      weight: 2.25,
    },
  },
  {
    name: 'context in long content counts only when near',
    story: story('Briefing', '', {
      content: `STP plans were discussed. ${'Filler words go here. '.repeat(10)}The trust agreed.`,
    }),
    tags: [],
    nearMisses: { stp: 'without context' },
  },
  {
    name: 'withoutContext lets an acronym count partly',
    story: story('XYZ news', 'Nothing else.'),
    tags: [],
    nearMisses: { stp: 'score 0.75 below threshold 1' },
  },
  {
    name: 'negative veto rejects the theme and says why',
    story: story(
      'STP failures on the NHS network',
      'Spanning tree settings were wrong at the trust.',
    ),
    tags: [],
    nearMisses: { stp: 'vetoed by negative:spanning tree' },
  },
  {
    name: 'negative weight lowers the score',
    story: story('Sustainability and transformation plan', 'Carbon targets too.'),
    tags: ['stp'],
    score: { theme: 'stp', value: 2.5 },
  },
  {
    name: 'alias fires with kind alias',
    story: story('Integrated care system launched'),
    tags: ['stp'],
    evidence: {
      theme: 'stp',
      rule: 'alias:integrated care system',
      kind: 'alias',
      field: 'title',
      match: 'Integrated care system',
      weight: 1.5,
    },
  },
  {
    name: 'possessive is ignored and evidence keeps the text as written',
    story: story("Lord Carter's review", ''),
    tags: ['carter'],
    evidence: {
      theme: 'carter',
      rule: 'phrase:Lord Carter',
      kind: 'phrase',
      field: 'title',
      match: 'Lord Carter',
    },
  },
  {
    name: 'a match inside a longer match adds nothing',
    story: story('Lord Carter speaks', 'The NHS listens.'),
    tags: ['carter'],
    score: { theme: 'carter', value: 3 },
  },
  {
    name: 'regex rule fires when its pre-check word is present',
    story: story('Report', 'Unwarranted variations in cost.'),
    tags: ['carter'],
    evidence: {
      theme: 'carter',
      rule: 'regex:unwarranted variations?',
      kind: 'regex',
      field: 'summary',
      match: 'Unwarranted variations',
    },
  },
  {
    name: 'inside the date window: tagged',
    story: story('Cost improvement plan paused', '', { publishedAt: '2020-04-01T09:00:00Z' }),
    tags: ['cip'],
  },
  {
    name: 'before the date window: near miss',
    story: story('Cost improvement plan paused', '', { publishedAt: '2017-04-01T09:00:00Z' }),
    tags: [],
    nearMisses: { cip: 'outside the date window 2020-03-01 to 2022-12-31' },
  },
  {
    name: 'after the date window: near miss',
    story: story('Cost improvement plan paused', '', { publishedAt: '2023-01-01T00:00:00Z' }),
    tags: [],
    nearMisses: { cip: 'published 2023-01-01' },
  },
  {
    name: 'undated story: the window does not apply',
    story: story('Cost improvement plan paused', '', { publishedAt: null }),
    tags: ['cip'],
  },
  {
    name: 'theme threshold: one weak signal is not enough',
    story: story('Alpha'),
    tags: [],
    nearMisses: { weak: 'score 1.5 below threshold 2' },
  },
  {
    name: 'theme threshold: two weak signals are',
    story: story('Alpha and beta'),
    tags: ['weak'],
  },
  {
    name: 'several themes at once, highest score first',
    story: story(
      'Lord Carter reviews the sustainability and transformation plan',
      'Integrated care systems too.',
    ),
    tags: ['stp', 'carter'],
  },
  {
    name: 'equal scores are ordered by theme id',
    story: story('Lord Carter reviews the sustainability and transformation plan', 'NHS reaction.'),
    tags: ['carter', 'stp'],
  },
];

describe('tagStory', () => {
  it.each(rows)('$name', (row) => {
    const result = tagStory(row.story, compiled);
    expect(result.tags.map((t) => t.theme)).toEqual(row.tags);
    for (const [theme, reason] of Object.entries(row.nearMisses ?? {})) {
      const miss = result.nearMisses.find((m) => m.theme === theme);
      expect(miss?.reason).toContain(reason);
    }
    if (row.evidence) {
      const { theme, ...expected } = row.evidence;
      const tag = result.tags.find((t) => t.theme === theme)!;
      expect(tag.evidence).toContainEqual(expect.objectContaining(expected));
    }
    if (row.score) {
      expect(result.tags.find((t) => t.theme === row.score!.theme)?.score).toBe(row.score.value);
    }
  });

  it('gives the matched text with surrounding words as context', () => {
    const summary =
      'After many months of difficult talks between hospitals, councils and GPs across the whole region, the final sustainability and transformation plan was signed off by every partner, including the two councils that had objected loudly.';
    const tag = tagStory(story('News', summary), compiled).tags[0]!;
    const evidence = tag.evidence[0]!;
    expect(evidence.match).toBe('sustainability and transformation plan');
    expect(evidence.context.startsWith('…')).toBe(true);
    expect(evidence.context.endsWith('…')).toBe(true);
    expect(evidence.context).toContain(
      'the final sustainability and transformation plan was signed off',
    );
    expect(evidence.context.length).toBeLessThan(summary.length);
  });

  it('is deterministic and does not mutate its input', () => {
    const input = story('STP and Lord Carter', 'The NHS trust and the integrated care system.');
    const copy = structuredClone(input);
    const first = tagStory(input, compiled);
    expect(tagStory(input, compiled)).toEqual(first);
    expect(input).toEqual(copy);
  });

  it('returns nothing for an empty story', () => {
    expect(tagStory(story('', ''), compiled)).toEqual({ tags: [], nearMisses: [] });
  });
});
