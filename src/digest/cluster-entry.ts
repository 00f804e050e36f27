// One digest entry from a cluster of stories (the same item from several outlets): the lead
// story's headline and link, one link per source, a summary in the publisher's words, and the
// organisations and sums the stories mention. Pure.
// Rules: a source's name comes from the configuration; a story whose source is no longer
// configured shows its link's host ("www.hsj.co.uk"), never an internal id. A lead's longer
// summary (two or three sentences) is kept only when it says more than the entry's summary.
import type { DigestEntry, DigestLink, DigestSum, StoredStory } from '../domain.js';
import { summarise, summariseLead } from './summarise.js';

const MAX_ORGANISATIONS = 5;
const MAX_SUMS = 4;
const LEAD_TEXT_CHARS = 2000;

/** A cluster's stories, lead story first. */
export function toEntry(
  stories: readonly StoredStory[],
  score: number,
  nameOf: ReadonlyMap<string, string>,
): DigestEntry {
  const lead = stories[0]!;
  const links: DigestLink[] = [];
  const seenSources = new Set<string>();
  const seenUrls = new Set<string>();
  for (const story of stories) {
    if (seenSources.has(story.sourceId) || (story.url !== null && seenUrls.has(story.url)))
      continue;
    seenSources.add(story.sourceId);
    if (story.url !== null) seenUrls.add(story.url);
    links.push({
      sourceId: story.sourceId,
      sourceName: sourceNameOf(story, nameOf),
      url: story.url,
      title: story.title,
      publishedAt: story.publishedAt,
      paywalled: story.paywalled,
    });
  }
  const text =
    stories.map((s) => s.summary.trim()).find((t) => t !== '') ??
    stories.find((s) => !s.paywalled && s.content.trim() !== '')?.content ??
    '';
  const summary = summarise(text);
  const longSummary = leadText(stories, text);
  const organisations = collectOrganisations(stories);
  const sums = collectSums(stories);
  return {
    storyIds: stories.map((s) => s.id),
    title: lead.title,
    url: lead.url,
    links,
    publishedAt: lead.publishedAt,
    summary,
    organisations: organisations.map((o) => o.name),
    organisationIds: organisations.map((o) => o.id),
    money: sums.map((s) => s.text),
    score,
    ...(sums.length > 0 ? { sums } : {}),
    ...(longSummary.length > summary.length ? { longSummary } : {}),
  };
}

/** The configured name, else the link's host, else the id (a story with neither). */
export function sourceNameOf(
  story: Pick<StoredStory, 'sourceId' | 'url'>,
  nameOf: ReadonlyMap<string, string>,
): string {
  const configured = nameOf.get(story.sourceId);
  if (configured !== undefined) return configured;
  try {
    return story.url !== null ? new URL(story.url).host : story.sourceId;
  } catch {
    return story.sourceId;
  }
}

/** Two or three sentences: the open article text when it says more than the feed summary. */
function leadText(stories: readonly StoredStory[], summaryText: string): string {
  const fromSummary = summariseLead(summaryText);
  const open = stories.find((s) => !s.paywalled && s.content.trim() !== '');
  // Three sentences are near the start: never split a whole long article for them.
  const fromContent = open ? summariseLead(open.content.slice(0, LEAD_TEXT_CHARS)) : '';
  return fromContent.length > fromSummary.length ? fromContent : fromSummary;
}

/** Organisations by how many of the cluster's stories mention them, then by name. */
function collectOrganisations(stories: readonly StoredStory[]): { id: string; name: string }[] {
  const counts = new Map<string, { id: string; name: string; count: number }>();
  for (const story of stories) {
    const seen = new Set<string>();
    for (const org of story.entities.organisations) {
      if (seen.has(org.id)) continue;
      seen.add(org.id);
      const entry = counts.get(org.id) ?? { id: org.id, name: org.name, count: 0 };
      entry.count++;
      counts.set(org.id, entry);
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_ORGANISATIONS)
    .map(({ id, name }) => ({ id, name }));
}

/** Sums as written, largest first, one per value (the first with a context wins). */
function collectSums(stories: readonly StoredStory[]): DigestSum[] {
  const byValue = new Map<number, DigestSum>();
  for (const story of stories) {
    for (const sum of story.entities.money) {
      const known = byValue.get(sum.pounds);
      if (known?.context !== undefined) continue;
      const context = sum.context?.trim();
      if (known && !context) continue;
      byValue.set(sum.pounds, {
        text: known?.text ?? sum.text,
        pounds: sum.pounds,
        ...(context ? { context } : {}),
      });
    }
  }
  return [...byValue.values()].sort((a, b) => b.pounds - a.pounds).slice(0, MAX_SUMS);
}
