// Reads a response body with a cap on the DECOMPRESSED size. We ask for gzip/deflate/br and
// decompress ourselves, streaming, so a gzip bomb (50 MB of zeros in 50 KB) stops at the cap
// after inflating at most the cap plus one zlib chunk: it is never buffered whole. Expected
// outcome (too large) is a value; stream and zlib errors throw and are classified by the caller.
import { Readable, pipeline, type Transform } from 'node:stream';
import zlib from 'node:zlib';

export type BodyResult = { status: 'ok'; bytes: Uint8Array } | { status: 'too-large' };

/** Thrown for a Content-Encoding we cannot undo. */
export class UnsupportedEncodingError extends Error {
  override name = 'UnsupportedEncodingError';
}

/** zlib-wrapped deflate starts with a CMF/FLG pair whose 16-bit value is a multiple of 31. */
function isZlibHeader(first: Buffer): boolean {
  if (first.length < 2) return true;
  return (first[0]! & 0x0f) === 8 && ((first[0]! << 8) | first[1]!) % 31 === 0;
}

function makeDecoder(coding: string, first: Buffer): Transform {
  // Be lenient with truncated streams the way browsers are: flush what we have.
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(flush);
    case 'deflate':
      // RFC 9110 says zlib format; some servers send raw deflate. Decide from the first bytes.
      return isZlibHeader(first) ? zlib.createInflate(flush) : zlib.createInflateRaw(flush);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new UnsupportedEncodingError(`unsupported content-encoding "${coding}"`);
  }
}

async function* decodeStage(source: AsyncIterable<Buffer>, coding: string): AsyncIterable<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const decoder = makeDecoder(coding, first.value);
  const input = Readable.from(
    (async function* () {
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield next.value;
      }
    })(),
  );
  // Errors of either side surface through iteration of `decoder`.
  pipeline(input, decoder, () => undefined);
  try {
    for await (const chunk of decoder) yield chunk as Buffer;
  } finally {
    decoder.destroy();
    input.destroy();
  }
}

/** Content-Encoding header to the list of codings to undo, outermost first. */
export function parseContentEncoding(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
}

/**
 * Reads `body` to the end, undoing `codings`, and stops as soon as more than `maxBytes`
 * decompressed bytes have arrived.
 */
export async function readBodyCapped(
  body: AsyncIterable<Buffer | Uint8Array>,
  codings: readonly string[],
  maxBytes: number,
): Promise<BodyResult> {
  for (const coding of codings) makeDecoder(coding, Buffer.alloc(2)).destroy(); // fail fast
  let stream: AsyncIterable<Buffer> = body as AsyncIterable<Buffer>;
  for (const coding of codings) stream = decodeStage(stream, coding);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) return { status: 'too-large' };
    chunks.push(chunk);
  }
  return { status: 'ok', bytes: new Uint8Array(Buffer.concat(chunks, total)) };
}
