// Adds feeds to config/sources.yaml without losing what a person wrote there: the file is
// edited as a YAML document (the `yaml` package's Document API keeps comments, blank lines and
// key order), new entries are appended under `sources:`, and the result is validated with the
// same schema the bot loads before anyone writes it. A feed whose address is already configured
// (compared without scheme case, trailing slash or fragment) is skipped, not duplicated.
import { isMap, isSeq, parseDocument } from 'yaml';
import { sourcesFileSchema } from './sources.js';
import type { OpmlFeed } from './opml-read.js';

export interface AppendResult {
  text: string;
  added: { id: string; name: string; url: string }[];
  skipped: string[];
}

export type AppendOutcome = { ok: true; value: AppendResult } | { ok: false; error: string };

function addressKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href.replace(/\/$/, '').toLowerCase();
}

/** A lower-case id from the feed's name ("The King's Fund" -> "the-kings-fund"), unique. */
export function slugId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/['\u2019]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((word) => word !== '')
      .join('-')
      .slice(0, 40)
      .replace(/-$/, '') || 'feed';
  const id = /^[a-z0-9]/.test(base) ? base : `feed-${base}`;
  if (!taken.has(id)) return id;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
  }
}

function existing(doc: ReturnType<typeof parseDocument>): { ids: Set<string>; urls: Set<string> } {
  const data = sourcesFileSchema.safeParse(doc.toJS());
  const list = data.success ? data.data.sources : [];
  return {
    ids: new Set(list.map((s) => s.id)),
    urls: new Set(list.map((s) => addressKey(s.url))),
  };
}

/** The new file text with `feeds` appended; an error value when the current file is broken. */
export function appendSources(yamlText: string, feeds: readonly OpmlFeed[]): AppendOutcome {
  const doc = parseDocument(yamlText);
  if (doc.errors.length > 0 || !sourcesFileSchema.safeParse(doc.toJS()).success) {
    return { ok: false, error: 'config/sources.yaml does not validate; fix it before importing' };
  }
  const list = isMap(doc.contents) ? doc.contents.get('sources', true) : undefined;
  if (!isSeq(list)) return { ok: false, error: 'config/sources.yaml has no `sources:` list' };
  const { ids, urls } = existing(doc);
  const result: AppendResult = { text: '', added: [], skipped: [] };
  for (const feed of feeds) {
    const key = addressKey(feed.url);
    if (urls.has(key)) {
      result.skipped.push(`${feed.name}: already configured (${feed.url})`);
      continue;
    }
    const id = slugId(feed.name, ids);
    ids.add(id);
    urls.add(key);
    const node = doc.createNode({
      id,
      name: feed.name,
      kind: 'feed',
      url: feed.url,
      ...(feed.enabled ? {} : { enabled: false }),
      verified: false,
    });
    if (feed.folders.length > 0) {
      node.commentBefore = ` Imported from OPML (folder: ${feed.folders.join(' / ').replace(/[\r\n]/g, ' ')})`;
    } else node.commentBefore = ' Imported from OPML';
    list.add(node);
    result.added.push({ id, name: feed.name, url: feed.url });
  }
  result.text = doc.toString({ lineWidth: 0 });
  const check = sourcesFileSchema.safeParse(parseDocument(result.text).toJS());
  if (!check.success) {
    return { ok: false, error: `the imported file would not validate: ${check.error.message}` };
  }
  return { ok: true, value: result };
}
