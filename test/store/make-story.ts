// Builds Story values for store tests: invented NHS-policy items written for this project.
import type { Entities, Story, Tag } from '../../src/domain.js';

export function makeStory(overrides: Partial<Story> = {}): Story {
  return {
    id: 'g_model-hospital',
    sourceId: 'nhse',
    guid: 'https://example.nhs.uk/news/model-hospital',
    url: 'https://example.nhs.uk/news/model-hospital',
    title: 'Model Hospital gains new theatre productivity benchmarks',
    summary:
      'Trusts can now compare theatre utilisation with their peers, a tool that grew out of the Carter review.',
    content:
      'The national benchmarking tool now covers theatre sessions, outpatient clinics and pathology turnaround times.',
    author: null,
    categories: ['Productivity'],
    publishedAt: '2017-02-14T09:30:00.000Z',
    publishedEstimated: false,
    paywalled: false,
    ...overrides,
  };
}

export function makeTag(theme: string, score = 2): Tag {
  return {
    theme,
    score,
    evidence: [
      {
        rule: `phrase:${theme}`,
        kind: 'phrase',
        field: 'title',
        match: theme,
        context: `... ${theme} ...`,
        weight: score,
      },
    ],
  };
}

export const NO_ENTITIES: Entities = { organisations: [], money: [] };
