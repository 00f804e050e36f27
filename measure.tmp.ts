// Scratch: time each suspicious regex path on crafted inputs of growing size (not a test).
import { parseFeed } from './src/ingest/parse-feed.ts';
import { decodeFeedBytes } from './src/ingest/decode.ts';
import { splitSentences } from './src/text/sentences.ts';
import { truncateAtWord } from './src/text/truncate.ts';
import { distinctiveNumbers, normaliseUrl } from './src/digest/story-features.ts';
import { parseSearchText } from './src/commands/parse-search-query.ts';

function time(label: string, f: () => unknown) {
  const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6;
}
async function atime(f: () => Promise<unknown>) {
  const t = process.hrtime.bigint(); await f(); return Number(process.hrtime.bigint() - t) / 1e6;
}
const which = process.argv[2] ?? 'all';
const row = (name: string, sizes: number[], ms: number[]) =>
  console.log(name.padEnd(34), sizes.map((s, i) => `${s}:${ms[i]!.toFixed(1)}ms`).join('  '));

if (which === 'doctype' || which === 'all') {
  const sizes = [16, 18, 20, 22, 24];
  const ms: number[] = [];
  for (const k of sizes) {
    const doc = `<?xml version="1.0"?><!DOCTYPE rss ${'[]'.repeat(k)}[<rss version="2.0"><channel><title>x</title></channel></rss>`;
    ms.push(await atime(() => parseFeed(doc, null)));
  }
  row('parseFeed DOCTYPE [] reps', sizes, ms);
}
if (which === 'comments' || which === 'all') {
  const sizes = [16, 18, 20, 22, 24];
  const ms = sizes.map((k) => time('', () => decodeFeedBytes(Buffer.from(`${'<!---->'.repeat(k)}<rss/>`), null)));
  row('decodeFeedBytes <!----> reps', sizes, ms);
}
const N = [10_000, 20_000, 40_000];
if (which === 'linear' || which === 'all') {
  row('splitSentences "."*n+"x"', N, N.map((n) => time('', () => splitSentences('.'.repeat(n) + 'x'))));
  row('truncateAtWord " ,"*n+"x"', N, N.map((n) => time('', () => truncateAtWord(', '.repeat(n / 2) + 'x' + 'y'.repeat(n), 2 * n))));
  row('distinctiveNumbers "1"*n+"x"', N, N.map((n) => time('', () => distinctiveNumbers('1'.repeat(n) + 'x'))));
  row('normaliseUrl "/"*n+"x"', N, N.map((n) => time('', () => normaliseUrl('http://a/' + '/'.repeat(n) + 'x'))));
  row('normaliseUrl "?"*n+"\\n"', N, N.map((n) => time('', () => normaliseUrl('http://a/' + '?'.repeat(n) + '\n'))));
  row('parseSearchText "-"*n+"a"', N, N.map((n) => time('', () => parseSearchText('a' + '-'.repeat(n) + 'a'))));
}
