// `briefing deadlines [--themes a,b] [--json]`: consultations, calls for evidence, tenders and
// other deadlines closing in the next half year, soonest first, with the story reference that
// `briefing explain` takes. The chat command's logic (commands/deadlines.ts) over the same store.
import { kindLabel, describeClosing } from '../digest/closing-soon.js';
import { resolveThemeWords } from '../commands/vocabulary.js';
import { listUpcomingDeadlines, searchLookups } from '../pipeline/lookup-deps.js';
import { UsageError, type CliCommand } from './command.js';

export const command: CliCommand = {
  name: 'deadlines',
  summary: 'List consultations and other deadlines closing next',
  help: `Usage: briefing deadlines [--themes ID,ID] [--json]

Lists the closing dates found in stored stories (consultations, calls for evidence, tenders and
other deadlines) from now to six months ahead, soonest first, each with the story's reference
for "briefing explain". Dates are shown in the configured time zone.

Options:
  --themes   only deadlines of stories in these themes (comma-separated ids or names)
  --json     the list as JSON: title, url, closesAt, kind, closesOn, ref, themes, phrase
`,
  options: { themes: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, args) {
    const config = ctx.config();
    const timeZone = config.settings.timeZone;
    const words = String(args.values.themes ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    // The theme check every command makes (ids or labels; a typo gets "did you mean").
    const resolved = resolveThemeWords(words, searchLookups(ctx.db(), config));
    if (!resolved.ok) throw new UsageError(resolved.message);
    const themes = resolved.ids;
    // The chat command's own list (command deps' upcomingDeadlines), without the rest of the deps.
    const deadlines = listUpcomingDeadlines(ctx.db(), new Date()).filter(
      (d) => themes.length === 0 || d.themes.some((t) => themes.includes(t)),
    );
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify(deadlines, null, 2)}\n`);
      return 0;
    }
    if (deadlines.length === 0) {
      ctx.stdout.write('No known deadlines in the next six months.\n');
      return 0;
    }
    for (const d of deadlines) {
      ctx.stdout.write(
        `${describeClosing(d, timeZone)}  ${kindLabel(d.kind)}  ${d.title}\n  ${d.ref} · ${d.url ?? '(no link)'} · "${d.phrase}"\n`,
      );
    }
    return 0;
  },
};
