// Splits cleaned command text into words and `key:value` options. Double quotes group words:
// `"league table"` is one word and `org:"Dudley Group"` one option. An unterminated quote runs to
// the end of the text rather than failing: chat users rarely close what they open.

export interface Token {
  /** Lower-cased option name for `key:value`, null for a plain word or quoted phrase. */
  key: string | null;
  value: string;
  quoted: boolean;
}

const KEY = /^([A-Za-z][A-Za-z_-]{0,31}):/;

export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    let key: string | null = null;
    const keyMatch = KEY.exec(text.slice(i, i + 40));
    if (keyMatch) {
      key = keyMatch[1]!.toLowerCase();
      i += keyMatch[0].length;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close === -1 ? text.length : close;
      tokens.push({ key, value: text.slice(i + 1, end).trim(), quoted: true });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    tokens.push({ key, value: text.slice(i, end), quoted: false });
    i = end;
  }
  return tokens;
}

/** Splits on the first space: `search foo bar` -> ['search', 'foo bar']. */
export function splitFirstWord(text: string): [string, string] {
  const space = text.indexOf(' ');
  return space === -1 ? [text, ''] : [text.slice(0, space), text.slice(space + 1).trim()];
}
