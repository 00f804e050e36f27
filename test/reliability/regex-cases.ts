// Adversarial inputs for every regular expression that reads untrusted text (issue 12): feed
// bytes and text, HTML, story text in tagging and the digest, search queries and chat commands,
// rendered text. Each case builds an input aimed at its pattern's own shape (a long run that a
// quantifier can take in many ways, then a character that makes the match fail) and returns the
// call to time. `prepare` imports and builds untimed; regex-adversarial.test.ts runs the calls in
// a child process with a hard budget, so a catastrophic pattern fails the test instead of
// hanging it. Modules are imported per case, so one missing export fails one case only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface RegexCase {
  name: string;
  /** Builds the input and returns the call to time. */
  prepare(): Promise<() => unknown>;
}

const N = 50_000;
const rss = (item: string, tail = '</item></channel></rss>') =>
  `<rss version="2.0"><channel><title>t</title><item><title>x</title>${item}${tail}`;

const ingest: RegexCase[] = [
  {
    name: 'parse-feed preamble: doctype subset "[]" x40 then "[" (was exponential)',
    async prepare() {
      const { parseFeed } = await import('../../src/ingest/parse-feed.js');
      const doc = `<?xml version="1.0"?><!DOCTYPE rss ${'[]'.repeat(40)}[${rss('')}`;
      return () => parseFeed(doc, null);
    },
  },
  {
    name: 'parse-feed preamble: 50k of unterminated <? <!-- and doctype subsets',
    async prepare() {
      const { rootElementName } = await import('../../src/ingest/parse-feed.js');
      const docs = [
        '<?'.repeat(N / 2),
        '<!-- '.repeat(N / 5),
        `<!DOCTYPE x ${'[]'.repeat(N / 2)}[`,
      ];
      return () => docs.map((d) => rootElementName(d));
    },
  },
  {
    name: 'parse-feed root xml:base: 50k of " xml:base=" in the root tag',
    async prepare() {
      const { parseFeed } = await import('../../src/ingest/parse-feed.js');
      const doc = `<rss${' xml:base="'.repeat(N / 11)}><channel></channel></rss>`;
      return () => parseFeed(doc, null);
    },
  },
  {
    name: 'decode looksLikeHtml: "<!---->" x290 then "x" (was exponential)',
    async prepare() {
      const { decodeFeedBytes } = await import('../../src/ingest/decode.js');
      const bytes = Buffer.from(`${'<!---->'.repeat(290)}x${'y'.repeat(N)}`);
      return () => decodeFeedBytes(bytes, null);
    },
  },
  {
    name: 'decode charset sniffing: "<meta " runs, "encoding " runs, a long charset value',
    async prepare() {
      const decode = await import('../../src/ingest/decode.js');
      const meta = '<meta '.repeat(N / 6);
      const prolog = `<?xml ${'encoding '.repeat(N / 9)}`;
      const header = `text/xml;${' '.repeat(N)}charset="${'a'.repeat(N)}`;
      return () => [
        decode.sniffHtmlMetaCharset(meta),
        decode.sniffXmlPrologEncoding(prolog),
        decode.charsetFromContentType(header),
      ];
    },
  },
  {
    name: 'rss-parser reader author "email (Name)": "@" x1500 "(" x1500 (was cubic)',
    async prepare() {
      const { parseFeed } = await import('../../src/ingest/parse-feed.js');
      const doc = rss(`<author>a${'@'.repeat(1500)}${'('.repeat(1500)}</author>`);
      return () => parseFeed(doc, null);
    },
  },
  {
    name: 'tolerant reader author "email (Name)": "@" x1500 "(" x1500 (was cubic)',
    async prepare() {
      const { parseFeed } = await import('../../src/ingest/parse-feed.js');
      // The stray </p> makes the strict parser give up, so the tolerant reader runs.
      const doc = rss(`<author>a${'@'.repeat(1500)}${'('.repeat(1500)}</author></p>`);
      return () => parseFeed(doc, null);
    },
  },
  {
    name: 'repair-xml references, CDATA and comments: 50k of "&#1", "<![CDATA[", "<!--"',
    async prepare() {
      const { repairXmlText } = await import('../../src/ingest/repair-xml.js');
      const texts = [
        `<a>${'&#1'.repeat(N / 3)}`,
        `<a>&x${'<![CDATA['.repeat(N / 9)}`,
        `<a>&x${'<!--'.repeat(N / 4)}`,
        `<a>${'&a'.repeat(N / 2)}`,
      ];
      return () => texts.map((t) => repairXmlText(t));
    },
  },
  {
    name: 'plain-text markup hint and summary: digit runs, "&#x" runs, dot runs',
    async prepare() {
      const { htmlToPlainText, summariseText } = await import('../../src/ingest/plain-text.js');
      const texts = [`&#${'1'.repeat(N)}`, `&#x${'f'.repeat(N)}`, `${'.'.repeat(N)}x`];
      return () => texts.map((t) => summariseText(htmlToPlainText(t)));
    },
  },
  {
    name: 'simple-HTML scan: attribute, space, comment and distinct-reference runs',
    async prepare() {
      const { htmlToPlainText } = await import('../../src/ingest/plain-text.js');
      const references = Array.from({ length: N / 8 }, (_, i) => `&#${i + 32};`).join('');
      const texts = [
        `<a${' b'.repeat(N / 2)}"`,
        `<a${' x=y'.repeat(N / 4)}"`,
        `<a${' '.repeat(N)}"`,
        `<p>${'<!-- '.repeat(N / 5)}`,
        `</a${' '.repeat(N)}`,
        `<p>${references}`,
      ];
      return () => texts.map((t) => htmlToPlainText(t));
    },
  },
  {
    name: 'simple-XML reader: attribute, space, name, reference, comment and CDATA runs',
    async prepare() {
      const { readSimpleXml } = await import('../../src/ingest/scan-simple-xml.js');
      const runs = [' b="1"', ' b = ', ' ', '&#1', '&amp;', '<!-- ', '<![CDATA[', '<?x ', '<a>'];
      const texts = runs.map((run) => `<rss><a${run.repeat(N / run.length)}`);
      texts.push(`<rss><${'a'.repeat(N)} `, `<rss></a${' '.repeat(N)}`, '<?x '.repeat(N / 4));
      texts.push(`<rss>${'<a>'.repeat(N / 3)}`);
      return () => texts.map((t) => readSimpleXml(t));
    },
  },
  {
    name: 'parse-date and story ids: 50k of spaces, digits and letters',
    async prepare() {
      const { parseFeedDate } = await import('../../src/ingest/parse-date.js');
      const { isGloballyUniqueGuid } = await import('../../src/ingest/story-id.js');
      const dates = [`Mon,${' '.repeat(N)}x`, `${'1'.repeat(N)}:00`, `${'A'.repeat(N)}1`];
      const guid = `a${'a'.repeat(N)}`;
      return () => [...dates.map((d) => parseFeedDate(d)), isGloballyUniqueGuid(guid)];
    },
  },
];

const text: RegexCase[] = [
  {
    name: 'sentences boundary: "." x50k then "x", and ")" runs (was quadratic)',
    async prepare() {
      const { splitSentences } = await import('../../src/text/sentences.js');
      const texts = [`${'.'.repeat(N)}x`, `a.${')'.repeat(N)}x`, `${'e.g. '.repeat(N / 5)}x`];
      return () => texts.map((t) => splitSentences(t));
    },
  },
  {
    name: 'truncate dangling punctuation: "," x50k then a word (was quadratic)',
    async prepare() {
      const { truncateAtWord } = await import('../../src/text/truncate.js');
      const input = `${','.repeat(N)}x${'y'.repeat(N)}`;
      return () => truncateAtWord(input, 2 * N);
    },
  },
  {
    name: 'clean-text whitespace: 50k of mixed spaces and newlines',
    async prepare() {
      const { cleanText } = await import('../../src/text/clean-text.js');
      const input = `${' \n\t'.repeat(N / 3)}x`;
      return () => [cleanText(input), cleanText(input, true)];
    },
  },
];

const digest: RegexCase[] = [
  {
    name: 'story-features numbers: "1" x50k then "x", "1,000" runs (was quadratic)',
    async prepare() {
      const { distinctiveNumbers } = await import('../../src/digest/story-features.js');
      const texts = [`${'1'.repeat(N)}x`, `1${',000'.repeat(N / 4)}x`, `£${'1.'.repeat(N / 2)}x`];
      return () => texts.map((t) => distinctiveNumbers(t));
    },
  },
  {
    name: 'story-features normaliseUrl: "/" x50k then "x"; "?" x50k then newline (was quadratic)',
    async prepare() {
      const { normaliseUrl } = await import('../../src/digest/story-features.js');
      const urls = [`https://a.test/${'/'.repeat(N)}x`, `https://a.test/${'?'.repeat(N)}\n`];
      return () => urls.map((u) => normaliseUrl(u));
    },
  },
  {
    name: 'digest Markdown escaping: "&" then 50k word characters',
    async prepare() {
      const { escapeMarkdown } = await import('../../src/digest/render-markdown.js');
      const input = `&${'a'.repeat(N)}&#${'1'.repeat(N)}`;
      return () => escapeMarkdown(input);
    },
  },
];

const THEMES_FILE = fileURLToPath(new URL('../../config/themes.yaml', import.meta.url));

const tagging: RegexCase[] = [
  {
    name: 'money: "£1" digit runs, decimals and ranges then a letter',
    async prepare() {
      const { findMoney } = await import('../../src/tagging/money.js');
      const texts = [`£1${'1'.repeat(N)}x`, `£1.${'1'.repeat(N)}x`, `£1-${'1'.repeat(N)}x`];
      return () => texts.map((t) => findMoney(t));
    },
  },
  {
    name: 'tagStory with the shipped themes on 50k adversarial content',
    async prepare() {
      const { parseThemes } = await import('../../src/config/themes.js');
      const { compileThemes } = await import('../../src/tagging/compile-themes.js');
      const { tagStory } = await import('../../src/tagging/tag-story.js');
      const parsed = parseThemes('themes.yaml', parse(readFileSync(THEMES_FILE, 'utf8')));
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const compiled = compileThemes(parsed.value);
      const contents = [
        `£1${'1'.repeat(N)}x`,
        `£1${',1'.repeat(N / 2)}x`,
        'awarded contract '.repeat(N / 17),
        `Dr. ${'Carter '.repeat(N / 7)}`,
      ];
      return () =>
        contents.map((content) => tagStory({ title: 't', summary: '', content }, compiled));
    },
  },
];

const commands: RegexCase[] = [
  {
    name: 'search query edge punctuation: "-" x50k between letters',
    async prepare() {
      const { parseSearchText } = await import('../../src/commands/parse-search-query.js');
      const texts = [`a${'-'.repeat(N)}a`, `"a${'-'.repeat(N)}a"`, `theme:${':'.repeat(N)}`];
      return () => texts.map((t) => parseSearchText(t));
    },
  },
  {
    name: 'chat command text: spaces, quotes, entities and Slack links x50k',
    async prepare() {
      const { parseCommandText } = await import('../../src/commands/parse-command-text.js');
      const { unwrapSlackLink } = await import('../../src/commands/build-request.js');
      const { vocabulary } = await import('../commands/sample-vocabulary.js');
      const texts = [`search ${' '.repeat(N)}x`, `search ${'&amp'.repeat(N / 4)}`, '“'.repeat(N)];
      const link = `<https://a.test/${'a'.repeat(N)}|${'|'.repeat(N)}`;
      return () => [...texts.map((t) => parseCommandText(t, vocabulary)), unwrapSlackLink(link)];
    },
  },
  {
    name: 'one-line CLI error messages: 50k spaces without a newline (was quadratic)',
    async prepare() {
      const { joinLines } = await import('../../src/text/clean-text.js');
      const input = `a${' '.repeat(N)}x`;
      return () => joinLines(input);
    },
  },
];

const platforms: RegexCase[] = [
  {
    name: 'Slack mrkdwn and Discord Markdown escaping: 50k of marks, "@" and backticks',
    async prepare() {
      const slack = await import('../../src/platforms/slack/mrkdwn.js');
      const discord = await import('../../src/platforms/discord/discord-markdown.js');
      const { renderCommandText } = await import('../../src/platforms/discord/reply-text.js');
      const input = `${'@her'.repeat(N / 4)}${'*_~`'.repeat(N / 4)}`;
      const ticks = `\`${'a'.repeat(299)}`.repeat(N / 300);
      return () => [
        slack.escapeMrkdwn(input),
        slack.fitMrkdwn(input, 3000),
        discord.escapeMarkdown(input),
        discord.neutraliseMentions(input),
        renderCommandText(ticks, 2000),
      ];
    },
  },
];

export const REGEX_CASES: readonly RegexCase[] = [
  ...ingest,
  ...text,
  ...digest,
  ...tagging,
  ...commands,
  ...platforms,
];
