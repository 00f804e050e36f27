// Reads an OPML subscription list (OPML 1.0/2.0, as Feedly, Inoreader, Miniflux, NetNewsWire,
// Thunderbird, NewsBlur and FreshRSS export it) into feed entries. Only what a source needs is
// kept: the feed URL (`xmlUrl`), a name (`title`, else `text`), the site (`htmlUrl`) and the
// folder path it sat in. Outlines without `xmlUrl` are folders (OPML 2.0 spec: "subscription
// lists" section, http://opml.org/spec2.opml); `type` is not required because several readers
// omit it or write "atom". htmlparser2 in XML mode never expands external entities or DTDs,
// so a hostile file cannot make us read other files.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export interface OpmlFeed {
  url: string;
  name: string;
  siteUrl: string | null;
  /** Folder names from the outermost in ("Policy / Think tanks"); empty at top level. */
  folders: string[];
  /** False when this project exported it as disabled (category "/briefing/disabled"). */
  enabled: boolean;
}

export type OpmlRead =
  | { ok: true; title: string | null; feeds: OpmlFeed[]; skipped: string[] }
  | { ok: false; error: string };

/** More outlines than any real reading list; a bigger file is refused rather than half-read. */
export const MAX_OPML_OUTLINES = 5000;
const MAX_DEPTH = 20;
/** How opml-write marks a disabled source, so a round trip keeps it disabled. */
export const DISABLED_CATEGORY = '/briefing/disabled';

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

function childElements(node: Element, name: string): Element[] {
  return node.children.filter((c): c is Element => isElement(c) && c.name.toLowerCase() === name);
}

function attribute(element: Element, name: string): string | null {
  // OPML attribute names are case-sensitive in the spec, but exporters vary (xmlURL, XMLUrl).
  for (const [key, value] of Object.entries(element.attribs)) {
    if (key.toLowerCase() === name.toLowerCase()) {
      const trimmed = value.replace(/\s+/g, ' ').trim();
      return trimmed === '' ? null : trimmed;
    }
  }
  return null;
}

function httpUrlOrNull(text: string | null): string | null {
  if (text === null) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface Walk {
  feeds: OpmlFeed[];
  skipped: string[];
  count: number;
}

function walkOutlines(parent: Element, folders: string[], walk: Walk, depth: number): void {
  for (const outline of childElements(parent, 'outline')) {
    walk.count += 1;
    if (walk.count > MAX_OPML_OUTLINES || depth > MAX_DEPTH) return;
    const label =
      (attribute(outline, 'title') ?? attribute(outline, 'text'))?.slice(0, 200) ?? null;
    const rawUrl = attribute(outline, 'xmlUrl');
    if (rawUrl === null) {
      walkOutlines(outline, label === null ? folders : [...folders, label], walk, depth + 1);
      continue;
    }
    const url = httpUrlOrNull(rawUrl);
    if (url === null) {
      walk.skipped.push(`${label ?? rawUrl}: not an http(s) feed address (${rawUrl.slice(0, 80)})`);
      continue;
    }
    const siteUrl = httpUrlOrNull(attribute(outline, 'htmlUrl'));
    const enabled = !(attribute(outline, 'category') ?? '').split(',').includes(DISABLED_CATEGORY);
    walk.feeds.push({ url, name: label ?? new URL(url).hostname, siteUrl, folders, enabled });
  }
}

/** Parses OPML text; a file that is not OPML is an error value, never an exception. */
export function readOpml(text: string): OpmlRead {
  const document = parseDocument(text, { xmlMode: true, decodeEntities: true });
  const root = document.children.find(
    (c): c is Element => isElement(c) && c.name.toLowerCase() === 'opml',
  );
  const body = root === undefined ? undefined : childElements(root, 'body')[0];
  if (root === undefined || body === undefined) {
    return { ok: false, error: 'not an OPML file: no <opml> element with a <body>' };
  }
  const head = childElements(root, 'head')[0];
  const titleElement = head === undefined ? undefined : childElements(head, 'title')[0];
  const title = titleElement === undefined ? null : textOf(titleElement);
  const walk: Walk = { feeds: [], skipped: [], count: 0 };
  walkOutlines(body, [], walk, 0);
  if (walk.count > MAX_OPML_OUTLINES) {
    return {
      ok: false,
      error: `the file has more than ${MAX_OPML_OUTLINES} outlines; split it and import each part`,
    };
  }
  return { ok: true, title, feeds: walk.feeds, skipped: walk.skipped };
}

function textOf(element: Element): string | null {
  const text = element.children
    .map((c) => (c.type === 'text' ? c.data : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text;
}
