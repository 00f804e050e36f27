// Stable story ids. The id must not change when a feed is re-polled, re-ordered or edited, and
// the store additionally deduplicates by canonical URL across sources. Fallback chain:
//
//   1. GUID (RSS <guid>, Atom <id>, RDF rdf:about), trimmed:
//        - a globally unique GUID (an absolute URI such as https://..., tag:..., urn:...) is
//          hashed alone, so two feeds carrying the same entry agree on its id;
//        - any other GUID (e.g. "12345", which many CMSs emit) is only unique within its feed,
//          so it is hashed together with the source id.
//      -> "g_" + hash
//   2. canonical URL (ingest/canonical-url.ts, tracking parameters removed) -> "u_" + hash
//   3. source id + title + published date as given by the feed (or "" when absent)
//                                                                         -> "t_" + hash
//
// hash = first 20 hex digits (80 bits) of SHA-256 over the parts joined by "\n". The prefix says
// which rule produced the id, which helps when debugging duplicates.
import { createHash } from 'node:crypto';

export type StoryIdKind = 'guid' | 'url' | 'title';

export interface StoryIdInput {
  sourceId: string;
  guid: string | null;
  canonicalUrl: string | null;
  title: string;
  /** The date text as the feed gave it, not the normalised one (that may be `now`). */
  rawPublished: string | null;
}

const PREFIX: Record<StoryIdKind, string> = { guid: 'g_', url: 'u_', title: 't_' };

function shortHash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 20);
}

/** True for GUIDs that are URIs with a scheme, and so meant to be unique across feeds. */
export function isGloballyUniqueGuid(guid: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S{4,}/i.test(guid);
}

export function computeStoryId(input: StoryIdInput): { id: string; kind: StoryIdKind } {
  const guid = input.guid?.trim() ?? '';
  if (guid !== '') {
    const parts = isGloballyUniqueGuid(guid) ? [guid] : [input.sourceId, guid];
    return { id: PREFIX.guid + shortHash(parts), kind: 'guid' };
  }
  if (input.canonicalUrl) {
    return { id: PREFIX.url + shortHash([input.canonicalUrl]), kind: 'url' };
  }
  const parts = [input.sourceId, input.title.trim(), input.rawPublished?.trim() ?? ''];
  return { id: PREFIX.title + shortHash(parts), kind: 'title' };
}
