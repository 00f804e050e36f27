// Builds StoredStory values for digest tests: only what a test cares about needs saying.
import type { MoneyMention, OrganisationMention, StoredStory } from '../../src/domain.js';

export interface StoryShape {
  id: string;
  sourceId?: string;
  sourceIds?: string[];
  title?: string;
  summary?: string;
  url?: string | null;
  publishedAt?: string;
  paywalled?: boolean;
  tags?: Record<string, number>;
  organisations?: [id: string, name: string][];
  money?: [text: string, pounds: number][];
}

export function makeStory(shape: StoryShape): StoredStory {
  const sourceId = shape.sourceId ?? 'nhse';
  const organisations: OrganisationMention[] = (shape.organisations ?? []).map(([id, name]) => ({
    id,
    name,
    kind: 'other',
    matched: name,
  }));
  const money: MoneyMention[] = (shape.money ?? []).map(([text, pounds]) => ({ text, pounds }));
  return {
    id: shape.id,
    sourceId,
    sourceIds: shape.sourceIds ?? [sourceId],
    guid: null,
    url: shape.url === undefined ? `https://example.org/${sourceId}/${shape.id}` : shape.url,
    title: shape.title ?? `Story ${shape.id}`,
    summary: shape.summary ?? '',
    content: '',
    author: null,
    categories: [],
    publishedAt: shape.publishedAt ?? '2017-02-14T10:00:00.000Z',
    publishedEstimated: false,
    paywalled: shape.paywalled ?? false,
    firstSeenAt: shape.publishedAt ?? '2017-02-14T10:00:00.000Z',
    tags: Object.entries(shape.tags ?? {}).map(([theme, score]) => ({
      theme,
      score,
      evidence: [],
    })),
    entities: { organisations, money },
  };
}

export const THEMES = [
  { id: 'carter', label: 'Carter reviews' },
  { id: 'stp', label: 'STPs' },
  { id: 'mcp', label: 'MCPs and new care models' },
  { id: 'procurement', label: 'Procurement' },
  { id: 'covid_cip', label: 'Covid and CIPs' },
  { id: 'workforce', label: 'Workforce and leadership' },
];

export const SOURCES = [
  { id: 'nhse', name: 'NHS England news', authority: 0.9 },
  { id: 'nhse-all', name: 'NHS England (all content)', authority: 0.8 },
  { id: 'dhsc', name: 'DHSC on GOV.UK', authority: 0.9 },
  { id: 'cqc', name: 'CQC on GOV.UK', authority: 0.85 },
  { id: 'hsj', name: 'HSJ', authority: 0.8 },
  { id: 'kingsfund', name: "The King's Fund", authority: 0.7 },
  { id: 'thinktank', name: 'Nuffield Trust', authority: 0.7 },
  { id: 'nhsproviders', name: 'NHS Providers', authority: 0.6 },
  { id: 'nursingtimes', name: 'Nursing Times', authority: 0.6 },
  { id: 'guardian', name: 'Guardian NHS', authority: 0.5 },
  { id: 'pulse', name: 'Pulse', authority: 0.6 },
];
