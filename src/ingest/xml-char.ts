// The XML 1.0 Char production (https://www.w3.org/TR/xml/#charsets), shared by the fast feed
// reader (scan-simple-xml.ts) and the repair pass (repair-xml.ts) so both refuse the same
// character references as sax does.

/** True when `code` is a character XML 1.0 allows in a document (sax's isXmlChar). */
export function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}
