// `briefing explain <story id or url>`: every theme's decision for one stored story, with the
// rule, field and matched text behind each tag, and the near misses (e.g. an acronym without
// NHS context) so a person can see why a story did or did not land under a theme.
import { buildCommandDeps } from '../pipeline/command-deps.js';
import type { Evidence } from '../domain.js';
import { storyNotFound } from '../commands/explain.js';
import { UsageError, type CliCommand } from './command.js';
import { errorLine } from './error-line.js';

function formatEvidence(e: Evidence): string {
  const sign = e.weight >= 0 ? '+' : '';
  return `      ${sign}${e.weight.toFixed(2)}  ${e.rule} in ${e.field}: "${e.context}"`;
}

export const command: CliCommand = {
  name: 'explain',
  summary: "Show every theme's decision for a story, with evidence",
  help: `Usage: briefing explain <story id or URL> [--json]

Re-runs the current themes over a stored story and shows, for every theme, whether it was tagged,
its score against the threshold, and the evidence: which rule fired, in which field, with the
matched text in context. Near misses (below threshold, vetoed by a negative rule, outside the
theme's date window, acronym without context) are listed too.
`,
  options: { json: { type: 'boolean' } },
  async run(ctx, args) {
    const target = args.positionals.join(' ').trim();
    if (!target) throw new UsageError('explain needs a story id or URL (see "briefing search")');
    const config = ctx.config();
    const deps = buildCommandDeps({ db: ctx.db(), config, logger: ctx.logger });
    const result = deps.explain(target);
    if (!result) {
      // Chat's answer, with this command's hint.
      const hint = 'Use an id or link from `briefing search`.';
      throw new UsageError(errorLine({ ...storyNotFound(target), hint }));
    }
    if (args.values.json) {
      ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    const { story, tags, nearMisses, entities } = result;
    const out: string[] = [
      story.title,
      `  id ${story.id} · ${story.sourceIds.join(', ')} · ${story.publishedAt}${story.publishedEstimated ? ' (estimated)' : ''}`,
      story.url ? `  ${story.url}` : '  (no link)',
      '',
    ];
    const tagged = new Map(tags.map((t) => [t.theme, t]));
    const missed = new Map(nearMisses.map((m) => [m.theme, m]));
    for (const theme of config.themes.themes) {
      const tag = tagged.get(theme.id);
      const miss = missed.get(theme.id);
      if (tag) {
        out.push(`  TAGGED   ${theme.id} (${theme.label}) score ${tag.score.toFixed(2)}`);
        out.push(...tag.evidence.map(formatEvidence));
      } else if (miss) {
        out.push(
          `  near     ${theme.id} (${theme.label}) score ${miss.score.toFixed(2)}: ${miss.reason}`,
        );
        out.push(...miss.evidence.map(formatEvidence));
      } else {
        out.push(`  no       ${theme.id} (${theme.label}): no rule matched`);
      }
    }
    out.push('');
    out.push(
      `  Organisations: ${entities.organisations.map((o) => `${o.name} [${o.id}]`).join('; ') || 'none'}`,
    );
    out.push(
      `  Money: ${entities.money.map((m) => `${m.text} (£${m.pounds.toLocaleString('en-GB')})`).join('; ') || 'none'}`,
    );
    ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};
