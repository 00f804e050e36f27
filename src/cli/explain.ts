// `briefing explain <story id or url>`: every theme's decision for one stored story, with the
// rule, field and matched text behind each tag, and the near misses (e.g. an acronym without
// NHS context) so a person can see why a story did or did not land under a theme. Scores read as
// words (commands/plain-words.ts, as in chat); `--scores` adds the numbers, and `--json` keeps
// every numeric field and adds the words beside them.
import { buildCommandDeps } from '../pipeline/command-deps.js';
import {
  describeEvidence,
  describeMention,
  describeNearMissReason,
  describePublished,
  describeSum,
  describeThemeScore,
} from '../commands/plain-words.js';
import { describeCorrection } from '../commands/describe-corrections.js';
import { storyNotFound } from '../commands/explain.js';
import type { Evidence, NearMiss, StoredStory, Tag } from '../domain.js';
import { UsageError, type CliCommand } from './command.js';
import { CHANNEL_PLATFORMS } from './delivery-adapters.js';
import { errorLine } from './error-line.js';

function formatEvidence(e: Evidence, scores: boolean): string {
  return `      ${describeEvidence(e, scores)}: ${e.rule} "${e.context}"`;
}

export const command: CliCommand = {
  name: 'explain',
  summary: "Show every theme's decision for a story, with evidence",
  help: `Usage: briefing explain <story id or URL> [--scores] [--json]

Re-runs the current themes over a stored story and shows, for every theme, whether it was tagged,
how strong the match is, and the evidence: which rule fired, in which part of the story (headline,
summary, article text), with the matched text in context. Near misses (too little evidence, vetoed
by a negative rule, outside the theme's date window, acronym without context) are listed too.

Options:
  --scores   show the score behind each word ("strong match in the headline (+1.5)")
  --json     the whole decision as JSON: scores as numbers, with the words beside them
  --platform P --workspace W
             also show that workspace's corrections of the story (see "briefing correct")
`,
  options: {
    json: { type: 'boolean' },
    scores: { type: 'boolean' },
    platform: { type: 'string' },
    workspace: { type: 'string' },
  },
  async run(ctx, args) {
    const target = args.positionals.join(' ').trim();
    if (!target) throw new UsageError('explain needs a story id or URL (see "briefing search")');
    const config = ctx.config();
    const timeZone = config.settings.timeZone;
    const deps = buildCommandDeps({ db: ctx.db(), config, logger: ctx.logger });
    const { platform, workspace: workspaceId } = args.values;
    const platformId = CHANNEL_PLATFORMS.find((p) => p === platform);
    if (platform !== undefined && platformId === undefined) {
      throw new UsageError(`--platform must be one of ${CHANNEL_PLATFORMS.join(', ')}`);
    }
    const workspace =
      platformId && typeof workspaceId === 'string'
        ? { platform: platformId, workspaceId }
        : undefined;
    const result = deps.explain(target, workspace);
    if (!result) {
      // Chat's answer, with this command's hint.
      const hint = 'Use an id or link from `briefing search`.';
      throw new UsageError(errorLine({ ...storyNotFound(target), hint }));
    }
    if (args.values.json) {
      const words = { ...result, ...describeInWords(result, timeZone) };
      ctx.stdout.write(`${JSON.stringify(words, null, 2)}\n`);
      return 0;
    }
    const scores = args.values.scores === true;
    const { story, tags, nearMisses, entities } = result;
    const published = describePublished(story.publishedAt, timeZone, story.publishedEstimated);
    const out: string[] = [
      story.title,
      `  id ${story.id} · ${story.sourceIds.join(', ')} · published ${published}`,
      story.url ? `  ${story.url}` : '  (no link)',
      '',
    ];
    const tagged = new Map(tags.map((t) => [t.theme, t]));
    const missed = new Map(nearMisses.map((m) => [m.theme, m]));
    for (const theme of config.themes.themes) {
      const tag = tagged.get(theme.id);
      const miss = missed.get(theme.id);
      const name = `${theme.id} (${theme.label})`;
      if (tag) {
        out.push(`  TAGGED   ${name}: ${describeThemeScore(tag.score, scores)}`);
        out.push(...tag.evidence.map((e) => formatEvidence(e, scores)));
      } else if (miss) {
        const reason = describeNearMissReason(miss.reason, scores);
        out.push(`  near     ${name}: ${describeThemeScore(miss.score, scores)}, ${reason}`);
        out.push(...miss.evidence.map((e) => formatEvidence(e, scores)));
      } else {
        out.push(`  no       ${name}: no rule matched`);
      }
    }
    out.push('');
    out.push(
      `  Organisations: ${entities.organisations.map(describeMention).join('; ') || 'none'}`,
    );
    out.push(
      `  Money: ${entities.money.map((m) => `${describeSum(m)} (£${m.pounds.toLocaleString('en-GB')})`).join('; ') || 'none'}`,
    );
    for (const c of result.corrections ?? []) out.push(`  ${describeCorrection(c, timeZone)}`);
    if (!scores) out.push('', '  (--scores shows the score behind each word)');
    ctx.stdout.write(`${out.join('\n')}\n`);
    return 0;
  },
};

/** The JSON's words: added beside the numbers (`strength`, `reasonInWords`), never instead. */
function describeInWords(
  result: { story: StoredStory; tags: Tag[]; nearMisses: NearMiss[] },
  timeZone: string,
) {
  const evidence = (list: Evidence[]) =>
    list.map((e) => ({ ...e, strength: describeEvidence(e, false) }));
  const { story } = result;
  return {
    story: {
      ...story,
      publishedInWords: describePublished(story.publishedAt, timeZone, story.publishedEstimated),
    },
    tags: result.tags.map((t) => ({
      ...t,
      strength: describeThemeScore(t.score, false),
      evidence: evidence(t.evidence),
    })),
    nearMisses: result.nearMisses.map((n) => ({
      ...n,
      strength: describeThemeScore(n.score, false),
      reasonInWords: describeNearMissReason(n.reason, false),
      evidence: evidence(n.evidence),
    })),
  };
}
