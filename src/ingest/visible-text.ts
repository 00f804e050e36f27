// What a reader sees of an HTML fragment, collected from tag and text events: block boundaries
// become spaces, the content of skipped elements is dropped however deep, and a removed element
// (a script, an image) leaves no space before the punctuation after it. The events come from
// htmlparser2's Parser (plain-text.ts) or from the simple-markup scan that emits the same events
// (scan-simple-html.ts); both drive this one collector, so they cannot disagree on the rules.
import { Parser } from 'htmlparser2';

/** Block-level elements whose boundaries are word boundaries ("<p>a</p><p>b</p>" -> "a b"). */
const BLOCK_TAGS = new Set(
  (
    'p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote section article header footer table tr td ' +
    'th dd dt figcaption pre hr'
  ).split(' '),
);
/** Elements whose content is never text a reader sees. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'svg',
]);

/**
 * Elements that, once removed, leave nothing where they stood: a space before them must not end
 * up before the punctuation after them ("the review <script>...</script>." -> "the review.").
 */
const REMOVED_TAGS = new Set([
  ...SKIPPED_TAGS,
  'img',
  'picture',
  'video',
  'audio',
  'embed',
  'canvas',
]);
/** Punctuation that closes what comes before it, so takes no space before it. */
const CLOSING_PUNCTUATION = /^[.,;:!?)\]}\u2026]/;

/** Receives lower-case tag names and text chunks (entities decoded) in document order. */
export interface VisibleTextCollector {
  open(tag: string): void;
  close(tag: string): void;
  text(chunk: string): void;
  /** The text collected so far, not yet cleaned (runs of spaces, control characters). */
  result(): string;
}

export function createVisibleTextCollector(): VisibleTextCollector {
  const parts: string[] = [];
  let skipDepth = 0;
  let afterRemoved = false;
  return {
    open(tag) {
      if (SKIPPED_TAGS.has(tag)) skipDepth++;
      else if (BLOCK_TAGS.has(tag)) parts.push(' ');
    },
    close(tag) {
      if (SKIPPED_TAGS.has(tag)) skipDepth = Math.max(0, skipDepth - 1);
      else if (BLOCK_TAGS.has(tag)) parts.push(' ');
      if (skipDepth === 0 && REMOVED_TAGS.has(tag)) afterRemoved = true;
    },
    text(chunk) {
      if (skipDepth > 0) return;
      if (afterRemoved && CLOSING_PUNCTUATION.test(chunk)) trimTrailingSpace(parts);
      afterRemoved = false;
      parts.push(chunk);
    },
    result: () => parts.join(''),
  };
}

/** Drops the whitespace at the end of the text collected so far. */
function trimTrailingSpace(parts: string[]): void {
  while (parts.length > 0) {
    const last = parts.pop()!.trimEnd();
    if (last !== '') {
      parts.push(last);
      return;
    }
  }
}

/**
 * Feeds any HTML's events to `out` through htmlparser2's streaming Parser: no DOM is built
 * (building one with cheerio made normalising a feed cost three times the XML parse; see README
 * "Performance"), and nothing recurses, so hostile nesting thousands of levels deep costs nothing
 * extra.
 */
export function collectWithParser(html: string, out: VisibleTextCollector): void {
  const parser = new Parser(
    {
      onopentagname: (name) => out.open(name.toLowerCase()),
      onclosetag: (name) => out.close(name.toLowerCase()),
      ontext: (text) => out.text(text),
    },
    { xmlMode: false, decodeEntities: true },
  );
  parser.end(html);
}
