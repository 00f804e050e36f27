// `briefing parse <file|url|-> [--json] [--source ID]`: run one document through the ingest edge
// (fetch -> decode -> parse -> normalise) and print what the bot would store. A contract for
// other tools: --json prints {"feed": {...}, "stories": [...]} and exits 0; a document that is
// not a feed exits 1 with ONE line on stderr (with the advertised feed when it is an HTML page).
// URLs typed here are fetched with private addresses allowed: the operator chose the URL on
// their own machine, so the SSRF guard (which protects the long-running bot) does not apply.
import { readFile } from 'node:fs/promises';
import { BOT_VERSION } from '../pipeline/build-poll-deps.js';
import { settingsSchema } from '../config/settings.js';
import type { Source, Story } from '../domain.js';
import { buildUserAgent, fetchSource, type FetchOptions } from '../ingest/fetch-source.js';
import {
  readDocument,
  type DocumentAbout,
  type ReadDocumentSuccess,
} from '../ingest/read-document.js';
import { UsageError, type CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { joinLines } from '../text/clean-text.js';

/** Expected failure: printed as "briefing: parse: <message>", exit code 1. */
class DocumentError extends Error {}

interface LoadedDocument {
  bytes: Uint8Array;
  contentType: string | null;
  /** Base for relative links: the final URL, or null for files. */
  url: string | null;
}

const CLI_SOURCE: Source = {
  id: 'cli',
  name: 'command line',
  kind: 'feed',
  url: 'https://cli.invalid/',
  pollIntervalMinutes: 0,
  paywalled: false,
  authority: 0.5,
  enabled: true,
  verified: true,
};

async function readStdin(ctx: CliContext): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The argument as echoed in an error: one short line, no terminal control characters. */
function shown(target: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = target.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  return clean.length > 200 ? `${clean.slice(0, 200)}…` : clean;
}

async function loadDocument(
  ctx: CliContext,
  target: string,
  options: FetchOptions,
): Promise<LoadedDocument> {
  if (/^https?:\/\//i.test(target)) {
    const result = await fetchSource({ url: target }, options);
    if (result.status !== 'ok')
      throw new DocumentError(`could not fetch ${shown(target)}: ${result.detail}`);
    return { bytes: result.bytes, contentType: result.contentType, url: result.finalUrl };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    throw new DocumentError(`only http(s) URLs and files can be parsed, not ${shown(target)}`);
  }
  if (target === '-') return { bytes: await readStdin(ctx), contentType: null, url: null };
  try {
    return { bytes: new Uint8Array(await readFile(target)), contentType: null, url: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new DocumentError(`cannot read ${shown(target)} (${code})`);
  }
}

function fetchOptions(ctx: CliContext, settings = settingsSchema.parse({})): FetchOptions {
  const poll = settings.poll;
  return {
    userAgent: buildUserAgent(BOT_VERSION, ctx.env.BRIEFING_CONTACT_URL),
    connectTimeoutMs: poll.connectTimeoutMs,
    timeoutMs: poll.timeoutMs,
    maxBytes: poll.maxBytes,
    maxRedirects: poll.maxRedirects,
    proxy: {
      httpsProxy: ctx.env.HTTPS_PROXY,
      httpProxy: ctx.env.HTTP_PROXY,
      noProxy: ctx.env.NO_PROXY,
    },
    allowPrivateAddresses: true,
  };
}

/** Reads the document as `source` would be read, or throws DocumentError with one line. */
async function readLoaded(doc: LoadedDocument, source: Source): Promise<ReadDocumentSuccess> {
  // A file read for a configured source resolves its relative links against that source's URL.
  const finalUrl = doc.url ?? (source.id === 'cli' ? null : source.url);
  const read = await readDocument(source, doc.bytes, {
    contentType: doc.contentType,
    finalUrl,
    now: new Date(),
  });
  if (read.ok) return read;
  const found = read.feedLinks?.length
    ? `; feed found at ${read.feedLinks.join(', ')}`
    : read.kind === 'html-page'
      ? '; it advertises no feed'
      : '';
  throw new DocumentError(`${read.reason}${found}`);
}

function readableList(feed: DocumentAbout, stories: Story[], encoding: string): string {
  const header = `${feed.title || '(untitled feed)'} — ${feed.format}, ${stories.length} stories (${feed.parser}, ${encoding})`;
  const lines = [header, ...(feed.link ? [feed.link] : []), ''];
  for (const story of stories) {
    const when = `${story.publishedAt.slice(0, 16).replace('T', ' ')}${story.publishedEstimated ? '?' : ' '}`;
    lines.push(`${when} ${story.title}`);
    lines.push(`${' '.repeat(18)}${story.url ?? '(no link)'}`);
    if (story.summary) lines.push(`${' '.repeat(18)}${story.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

export const command: CliCommand = {
  name: 'parse',
  summary: 'Parse a feed file or URL and print its stories',
  help: `Usage: briefing parse <file|url|-> [--json] [--source ID]

Runs one document through the same steps as a poll (fetch, decode, parse, normalise) and
prints the stories the bot would store. Nothing is written to the database.

  <file|url|->   a feed file, an http(s) URL, or - for standard input
  --json         print {"feed": {...}, "stories": [...]} (stable contract for other tools)
  --source ID    treat the document as coming from this configured source (HTML listing
                 selectors, paywall rule); otherwise it is a feed from pseudo-source "cli"

An HTML page is not a feed: the command fails and names the feeds the page advertises.
URLs given here may be on private or loopback addresses (you typed them); the bot's own polls
refuse those unless settings.yaml allows them. HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply.
Exit status: 0 parsed, 1 not a feed or not fetchable, 2 usage error.
`,
  options: {
    json: { type: 'boolean' },
    source: { type: 'string' },
  },
  async run(ctx, args) {
    const target = args.positionals[0];
    if (target === undefined || args.positionals.length > 1) {
      throw new UsageError('parse needs exactly one file, URL or "-"; see "briefing parse --help"');
    }
    const sourceId = args.values.source as string | undefined;
    let source = CLI_SOURCE;
    let options = fetchOptions(ctx);
    if (sourceId !== undefined) {
      const config = ctx.config();
      const found = config.sources.find((s) => s.id === sourceId);
      if (!found) {
        throw new UsageError(
          `unknown source ${JSON.stringify(sourceId.slice(0, 60))}; known: ${config.sources.map((s) => s.id).join(', ')}`,
        );
      }
      source = found;
      options = fetchOptions(ctx, config.settings);
    }
    try {
      const doc = await loadDocument(ctx, target, options);
      const read = await readLoaded(doc, source);
      const { feed, stories, encoding } = read;
      if (args.values.json) {
        const output = { feed: { ...feed, url: doc.url, encoding, items: read.items }, stories };
        ctx.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      } else {
        ctx.stdout.write(readableList(feed, stories, encoding));
      }
      return 0;
    } catch (error) {
      if (!(error instanceof DocumentError)) throw error;
      ctx.stderr.write(`briefing: parse: ${joinLines(error.message)}\n`);
      return 1;
    }
  },
};
