// Turns what a user types after `org:` into canonical organisation ids (ODS codes or slugs), using
// the gazetteer in config/organisations.yaml first and the spellings seen in the archive second.
// Order: an id ("RNA"), a full name or listed variant ("Dudley Group"), an acronym ("CQC"), then
// the archive's spellings, then whole words inside a name ("Hillingdon"). Open organisations
// are preferred over closed ones with the same name. Pure: the archive lookup is passed in.
import type { OrganisationEntry } from '../config/organisations.js';

export interface OrganisationResolver {
  /** Canonical ids, best first; empty when nothing matches; several when the text is ambiguous. */
  resolve(text: string): string[];
  /** Canonical display name of an id, or null. */
  nameOf(id: string): string | null;
}

const MAX_MATCHES = 10;
const MIN_PARTIAL_CHARS = 4;

/** Case-folded, "&" as "and", punctuation dropped, single spaces, no leading "the". */
export function organisationKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

export function createOrganisationResolver(
  entries: readonly OrganisationEntry[],
  findInArchive: (text: string) => string[] = () => [],
): OrganisationResolver {
  const byId = new Map<string, OrganisationEntry>();
  const byIdLower = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  const byAcronym = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    if (key === '') return;
    const list = map.get(key);
    if (list === undefined) map.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const entry of entries) {
    byId.set(entry.id, entry);
    byIdLower.set(entry.id.toLowerCase(), entry.id);
    for (const name of [entry.name, ...entry.variants, ...entry.ambiguous]) {
      add(byKey, organisationKey(name), entry.id);
    }
    for (const acronym of entry.acronyms) add(byAcronym, acronym, entry.id);
  }
  const keys = [...byKey.entries()];

  const preferOpen = (ids: readonly string[]): string[] => {
    const open = ids.filter((id) => byId.get(id)?.closed == null);
    return (open.length > 0 ? open : [...ids]).slice(0, MAX_MATCHES);
  };

  return {
    nameOf: (id) => byId.get(id)?.name ?? null,
    resolve(text) {
      const trimmed = text.trim();
      if (trimmed === '') return [];
      const id = byIdLower.get(trimmed.toLowerCase());
      if (id !== undefined) return [id];
      const key = organisationKey(trimmed);
      if (key === '') return [];
      const named = byKey.get(key);
      if (named !== undefined) return preferOpen(named);
      const acronym =
        byAcronym.get(trimmed) ??
        [...byAcronym.entries()].find(([a]) => a.toLowerCase() === trimmed.toLowerCase())?.[1];
      if (acronym !== undefined) return preferOpen(acronym);
      const archived = findInArchive(trimmed);
      if (archived.length > 0) return archived.slice(0, MAX_MATCHES);
      if (key.length < MIN_PARTIAL_CHARS) return [];
      const partial: string[] = [];
      for (const [name, ids] of keys) {
        if (` ${name} `.includes(` ${key} `)) {
          for (const match of ids) if (!partial.includes(match)) partial.push(match);
        }
      }
      return preferOpen(partial);
    },
  };
}
