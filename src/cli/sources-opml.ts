// `briefing sources import FILE.opml` and `briefing sources export`: move a reading list in and
// out as OPML. Import appends to config/sources.yaml keeping every comment (config/append-sources),
// writes through a temporary file and a rename so a crash never leaves half a file, and marks the
// new entries `verified: false` until `briefing poll` has read them once.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendSources } from '../config/append-sources.js';
import { readOpml } from '../config/opml-read.js';
import { writeOpml } from '../config/opml-write.js';
import { UsageError, type ParsedArgs } from './command.js';
import type { CliContext } from './context.js';
import { EXIT_FAILED, EXIT_OK } from './exit-codes.js';

/** An OPML list bigger than this is not a reading list; refuse before reading it all. */
const MAX_OPML_BYTES = 5 * 1024 * 1024;

function readInput(ctx: CliContext, file: string): string {
  try {
    const bytes = readFileSync(file);
    if (bytes.length > MAX_OPML_BYTES) {
      throw new UsageError(`${file} is larger than 5 MB; that is not an OPML reading list`);
    }
    return bytes.toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`cannot read ${file} (${code})`, { cause: error });
  }
}

export function importOpml(ctx: CliContext, args: ParsedArgs): number {
  const file = args.positionals[1];
  if (file === undefined || args.positionals.length > 2) {
    throw new UsageError('usage: briefing sources import FILE.opml [--dry-run]');
  }
  const opml = readOpml(readInput(ctx, file));
  if (!opml.ok) {
    ctx.stderr.write(`${file}: ${opml.error}\n`);
    return EXIT_FAILED;
  }
  const path = join(ctx.configDir, 'sources.yaml');
  const outcome = appendSources(readFileSync(path, 'utf8'), opml.feeds);
  if (!outcome.ok) {
    ctx.stderr.write(`${outcome.error}\n`);
    return EXIT_FAILED;
  }
  const { added, skipped, text } = outcome.value;
  const dryRun = args.values['dry-run'] === true;
  if (!dryRun && added.length > 0) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  }
  const lines = [
    ...added.map((a) => `${dryRun ? 'would add' : 'added'} ${a.id}  ${a.name}  ${a.url}`),
    ...[...opml.skipped, ...skipped].map((s) => `skipped ${s}`),
    `${added.length} ${dryRun ? 'would be added' : 'added'}, ${opml.skipped.length + skipped.length} skipped.` +
      (added.length > 0 && !dryRun
        ? ' New entries are marked verified: false; `briefing poll` checks them.'
        : ''),
  ];
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

export function exportOpml(ctx: CliContext, args: ParsedArgs): number {
  if (args.positionals.length > 1)
    throw new UsageError('usage: briefing sources export [--output FILE]');
  const text = writeOpml(ctx.config().sources, {
    title: 'nhs-briefing-bot sources',
    now: new Date(),
  });
  const output = args.values.output;
  if (typeof output === 'string' && output !== '-') {
    writeFileSync(output, text);
    ctx.stderr.write(`wrote ${output}\n`);
  } else ctx.stdout.write(text);
  return EXIT_OK;
}
