// `briefing sources [--json]`: each configured source with its health, from config/sources.yaml
// and the poll state in the archive (store/source-state.ts).
import type { Source, SourceHealth } from '../domain.js';
import { effectivePollUrl, getSourceState, listSourceHealth } from '../store/source-state.js';
import { formatIsoMinute } from '../text/format-dates.js';
import { UsageError, type CliCommand } from './command.js';
import { describeProxy } from './proxy-note.js';

function localTime(iso: string | null, timeZone: string): string {
  return iso === null ? '-' : formatIsoMinute(iso, timeZone) || '-';
}

function status(health: SourceHealth, gone: boolean): string {
  if (!health.enabled) return 'disabled';
  if (gone) return 'gone';
  if (health.lastSuccessAt === null && health.lastErrorAt === null) return 'not polled';
  if (health.consecutiveFailures > 0) return `failing x${health.consecutiveFailures}`;
  return 'ok';
}

export const command: CliCommand = {
  name: 'sources',
  summary: 'Show each source and its health',
  help: `Usage: briefing sources [--json]
       briefing sources import FILE.opml [--dry-run]
       briefing sources export [--output FILE]

Lists every source in config/sources.yaml with its health: status, last success, last error and
its reason, consecutive failures, next poll and stories stored, and "N items dropped" when the
last document held more items than poll.maxItemsPerDocument. Times are in the configured time
zone. "?" after an id marks an unverified source (selectors or URL nobody has checked yet).
When HTTPS_PROXY or HTTP_PROXY is set, a closing line names the proxy and says who decides which
addresses sources may reach through it.

\`import\` adds the feeds of an OPML reading list (Feedly, Inoreader, Miniflux, NetNewsWire,
Thunderbird, ...) to config/sources.yaml, keeping its comments; feeds already configured are
skipped, new ones are marked verified: false. \`export\` writes the feed sources as OPML 2.0.

Options:
  --json         print an array of objects (SourceHealth with itemsDropped, plus kind, verified,
                 url, gone)
  --dry-run      import: say what would be added without writing the file
  --output FILE  export: write to FILE instead of standard output
`,
  options: {
    json: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
  },
  async run(ctx, args) {
    const action = args.positionals[0];
    // OPML (yaml, htmlparser2) is loaded only for import and export: the list stays quick.
    if (action === 'import') return (await import('./sources-opml.js')).importOpml(ctx, args);
    if (action === 'export') return (await import('./sources-opml.js')).exportOpml(ctx, args);
    if (action !== undefined) {
      throw new UsageError(
        `unknown sources action ${JSON.stringify(action.slice(0, 40))}; use import or export`,
      );
    }
    const config = ctx.config();
    const db = ctx.db();
    const timeZone = config.settings.timeZone;
    const byId = new Map<string, Source>(config.sources.map((s) => [s.id, s]));
    const rows = listSourceHealth(db, config.sources).map((health) => {
      const source = byId.get(health.sourceId)!;
      const state = getSourceState(db, source.id);
      return {
        ...health,
        kind: source.kind,
        verified: source.verified,
        url: effectivePollUrl(source, state),
        gone: state?.gone ?? false,
      };
    });
    if (args.values.json === true) {
      ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    const header = [
      'source',
      'kind',
      'status',
      'last success',
      'last error',
      'next poll',
      'stories',
    ];
    const table = rows.map((r) => [
      `${r.sourceId}${r.verified ? '' : ' ?'}`,
      r.kind,
      status(r, r.gone),
      localTime(r.lastSuccessAt, timeZone),
      localTime(r.lastErrorAt, timeZone),
      r.enabled && !r.gone ? localTime(r.nextPollAt, timeZone) : '-',
      String(r.storyCount),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === cells.length - 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    const out: string[] = [line(header)];
    rows.forEach((r, i) => {
      out.push(line(table[i]!));
      if (r.lastError !== null && r.consecutiveFailures > 0)
        out.push(`    last error: ${r.lastError}`);
      if (r.itemsDropped)
        out.push(
          `    ${r.itemsDropped} items dropped: the last document held more than poll.maxItemsPerDocument (newest kept)`,
        );
    });
    const failing = rows.filter((r) => r.enabled && r.consecutiveFailures > 0).length;
    const stories = rows.reduce((n, r) => n + r.storyCount, 0);
    out.push(
      '',
      `${rows.length} sources (${rows.filter((r) => r.enabled).length} enabled, ${failing} failing); ${stories} story links stored. Times in ${timeZone}.`,
    );
    out.push(...describeProxy(ctx.env, config.settings.poll.allowPrivateAddresses));
    ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
