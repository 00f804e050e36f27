// decodeFeedBytes: BOM, XML prolog, HTTP charset, HTML meta, UTF-8, and the fallbacks.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/ingest/decode.js';

describe('decodeFeedBytes', () => {
  const cp1252 = (text: string): Buffer => iconv.encode(text, 'windows-1252');
  it.each([
    [
      'BOM wins',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>£</rss>')]),
      'text/xml; charset=windows-1252',
      '<rss>£</rss>',
      'utf-8',
      'bom',
    ],
    [
      'prolog before HTTP',
      cp1252('<?xml version="1.0" encoding="windows-1252"?><t>“£”</t>'),
      'text/xml; charset=utf-8',
      '<?xml version="1.0" encoding="windows-1252"?><t>“£”</t>',
      'windows-1252',
      'xml-prolog',
    ],
    [
      'ISO-8859-1 label read as windows-1252',
      cp1252("<?xml version='1.0' encoding='ISO-8859-1'?><t>’</t>"),
      null,
      "<?xml version='1.0' encoding='ISO-8859-1'?><t>’</t>",
      'windows-1252',
      'xml-prolog',
    ],
    [
      'HTTP charset',
      cp1252('<t>é</t>'),
      'application/rss+xml; charset="iso-8859-1"',
      '<t>é</t>',
      'windows-1252',
      'http',
    ],
    [
      'HTML meta',
      cp1252('<!DOCTYPE html><meta charset="windows-1252"><p>–</p>'),
      'text/html',
      '<!DOCTYPE html><meta charset="windows-1252"><p>–</p>',
      'windows-1252',
      'html-meta',
    ],
    ['default UTF-8', Buffer.from('<t>NHS £</t>'), null, '<t>NHS £</t>', 'utf-8', 'default'],
    [
      'invalid UTF-8 falls back',
      cp1252('<t>“quoted”</t>'),
      'text/xml; charset=utf-8',
      '<t>“quoted”</t>',
      'windows-1252',
      'fallback',
    ],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<t>£</t>', 'utf16le')]),
      null,
      '<t>£</t>',
      'utf-16le',
      'bom',
    ],
    [
      'NUL and controls stripped',
      Buffer.from('<t>a\u0000b\u0001c\u000bd</t>'),
      null,
      '<t>abcd</t>',
      'utf-8',
      'default',
    ],
    [
      'unknown label ignored',
      Buffer.from('<?xml version="1.0" encoding="x-made-up"?><t/>'),
      null,
      '<?xml version="1.0" encoding="x-made-up"?><t/>',
      'utf-8',
      'default',
    ],
  ])('%s', (_name, bytes, contentType, text, encoding, source) => {
    expect(decodeFeedBytes(new Uint8Array(bytes), contentType)).toEqual({ text, encoding, source });
  });
});
