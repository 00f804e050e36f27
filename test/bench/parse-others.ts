// Context for the parse benchmark (issue 18): the fastest other JavaScript feed parsers on the
// same documents, each timed side by side with bare rss-parser (interleaved rounds, so load hits
// both alike) and reported as a ratio to it (below 1 is faster than rss-parser) and in MB/s.
// Dev dependencies used only here: feedsmith, @rowanmanning/feed-parser (lazy getters, so every
// field polling uses is read, or it would be timed doing nothing), and fast-xml-parser alone
// (XML to objects with no feed semantics at all: a floor for any parser built on it).
import { parseFeed as parseRowanmanning } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseFeed as parseFeedsmith } from 'feedsmith';
import type Parser from 'rss-parser';
import { compareSideBySide } from './measure.js';

interface Doc {
  text: string;
}

const OTHERS: { name: string; parse: (text: string) => unknown }[] = [
  { name: 'feedsmith', parse: (text) => parseFeedsmith(text) },
  {
    name: 'rowanmanning',
    parse: (text) =>
      parseRowanmanning(text).items.map((item) => [
        item.id,
        item.title,
        item.url,
        item.description,
        item.content,
        item.published,
        item.categories,
      ]),
  },
  {
    name: 'fast_xml_parser',
    parse: (text) => new XMLParser({ ignoreAttributes: false }).parse(text),
  },
];

export async function measureOtherParsers(
  docs: readonly Doc[],
  megabytes: number,
  bare: Parser,
  options: { rounds: number; warmup: number },
): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const baseline = async () => {
    for (const doc of docs) await bare.parseString(doc.text);
  };
  for (const other of OTHERS) {
    let sink = 0;
    const run = () => {
      for (const doc of docs) sink += other.parse(doc.text) === null ? 0 : 1;
    };
    const timing = await compareSideBySide(run, baseline, options);
    if (sink === 0) throw new Error(`bench: ${other.name} parsed nothing`);
    figures[`parse_${other.name}_vs_bare`] = timing.ratio;
    figures[`parse_${other.name}_mb_per_s`] = megabytes / (timing.aMs / 1000);
  }
  return figures;
}
