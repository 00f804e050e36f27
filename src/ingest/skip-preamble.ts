// Skipping what may come before a document's first element (XML declaration, processing
// instructions, comments, the doctype, whitespace), by a linear scan. These used to be regular
// expressions with a lazy `[\s\S]*?` inside a repeated group, which backtrack exponentially on a
// crafted prolog (`<!DOCTYPE x [][][]...[` or `<!----><!---->...x`): a few hundred bytes kept the
// event loop busy for minutes (issue 12). Each construct here ends at the first terminator
// (XML 1.0 §2.5 comments end at the first `-->`, §2.6 processing instructions at the first `?>`),
// which is also the only end the old patterns could ever succeed with. Pure.

const DOCTYPE = '<!doctype';

function isSpace(code: number): boolean {
  // The characters JavaScript's `\s` matches (ECMA-262 WhiteSpace and LineTerminator).
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** End (exclusive) of the `<!-- ... -->` comment starting at `from`, or -1. */
function commentEnd(text: string, from: number): number {
  if (!text.startsWith('<!--', from)) return -1;
  const close = text.indexOf('-->', from + 4);
  return close < 0 ? -1 : close + 3;
}

/** End of `<!DOCTYPE ...>` at `from` (an internal subset `[...]` may hold `>`), or -1. */
function doctypeEnd(text: string, from: number): number {
  if (text.slice(from, from + DOCTYPE.length).toLowerCase() !== DOCTYPE) return -1;
  let i = from + DOCTYPE.length;
  while (i < text.length) {
    const c = text[i];
    if (c === '>') return i + 1;
    if (c === '[') {
      const close = text.indexOf(']', i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

/** End of one preamble construct (or whitespace run) starting at `from`, or -1. */
function constructEnd(text: string, from: number): number {
  const spaces = skipSpaces(text, from);
  if (spaces > from) return spaces;
  if (text.startsWith('<?', from)) {
    const close = text.indexOf('?>', from + 2);
    return close < 0 ? -1 : close + 2;
  }
  const comment = commentEnd(text, from);
  return comment >= 0 ? comment : doctypeEnd(text, from);
}

/**
 * Index just past the XML declaration, processing instructions, comments, doctype and whitespace
 * at the start of `text` (0 when there are none). An unterminated construct is not skipped.
 */
export function skipXmlPreamble(text: string): number {
  let i = 0;
  for (let end = constructEnd(text, i); end > i; end = constructEnd(text, i)) i = end;
  return i;
}

/** Index just past leading whitespace and `<!-- -->` comments (an HTML page's usual start). */
export function skipCommentsAndSpaces(text: string): number {
  let i = skipSpaces(text, 0);
  for (let end = commentEnd(text, i); end > i; end = commentEnd(text, i)) {
    i = skipSpaces(text, end);
  }
  return i;
}
