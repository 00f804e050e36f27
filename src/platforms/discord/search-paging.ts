// Search paging buttons. A button's custom_id is at most 100 characters
// (https://discord.com/developers/docs/components/reference#button), too short for a whole
// SearchQuery, so the query is kept in a small in-memory LRU keyed by a short hash of the query
// and the custom_id carries only `briefing:page:<key>:<offset>`. After a restart the key is
// unknown and the user is asked to search again (an expected failure, not an error).
import { createHash } from 'node:crypto';
import type { SearchQuery } from '../../domain.js';
import { DISCORD_LIMITS } from './discord-message.js';

const PREFIX = 'briefing:page:';

export interface SearchQueryCache {
  remember(query: SearchQuery): string;
  recall(key: string): SearchQuery | null;
  readonly size: number;
}

export function createSearchQueryCache(capacity = 500): SearchQueryCache {
  const entries = new Map<string, SearchQuery>();
  return {
    remember(query) {
      const stored: SearchQuery = { ...query, offset: 0 };
      const key = createHash('sha256')
        .update(JSON.stringify(stored))
        .digest('base64url')
        .slice(0, 16);
      entries.delete(key);
      entries.set(key, stored);
      while (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return key;
    },
    recall(key) {
      const query = entries.get(key);
      if (!query) return null;
      entries.delete(key); // refresh recency
      entries.set(key, query);
      return query;
    },
    get size() {
      return entries.size;
    },
  };
}

export function encodePageButton(key: string, offset: number): string {
  const id = `${PREFIX}${key}:${Math.max(0, Math.trunc(offset))}`;
  if (id.length > DISCORD_LIMITS.customId) throw new Error('discord: page custom_id too long');
  return id;
}

export function isPageButton(customId: string): boolean {
  return customId.startsWith(PREFIX);
}

export function decodePageButton(customId: string): { key: string; offset: number } | null {
  const m = customId.slice(PREFIX.length).match(/^([A-Za-z0-9_-]{1,32}):(\d{1,7})$/);
  if (!customId.startsWith(PREFIX) || !m) return null;
  return { key: m[1]!, offset: Number(m[2]) };
}
