// `briefing corrections [list|export|report]`: readers' corrections for operators.
// - list: a workspace's recent corrections, as `/briefing corrections` shows them;
// - export: JSON lines in the tagging evaluation format (test/fixtures/tagging/*.jsonl: id,
//   title, summary, publishedAt, labels) with labels = the rules' themes after the workspace's
//   corrections, plus url, workspace, corrections, correctedBy and notes, one line per corrected
//   story per workspace, so readers' corrections become test data;
// - report: which rules the corrections implicate (corrections-report.ts).
// --platform/--workspace narrow export and report to one workspace (list needs them).
import { describeCorrection } from '../commands/describe-corrections.js';
import type { ChannelPlatform } from '../domain.js';
import { buildCommandDeps } from '../pipeline/command-deps.js';
import { listAllCorrections, type StoredCorrection } from '../store/corrections.js';
import { getStory } from '../store/stories.js';
import type { Db } from '../store/database.js';
import { correctThemeIds } from '../tagging/apply-corrections.js';
import { UsageError, type CliCommand } from './command.js';
import { reportCorrections } from './corrections-report.js';
import { CHANNEL_PLATFORMS as PLATFORMS } from './delivery-adapters.js';

const ACTIONS = ['list', 'export', 'report'] as const;

export const command: CliCommand = {
  name: 'corrections',
  summary: "Readers' theme corrections: list, export as test data, report the rules implicated",
  help: `Usage: briefing corrections [list|export|report] [--platform P --workspace W] [--json]

  list     a workspace's recent corrections (needs --platform and --workspace)
  export   JSON lines in the tagging evaluation format (id, title, summary, publishedAt,
           labels = themes after corrections, url, workspace, corrections, correctedBy, notes)
  report   the rules each correction implicates: for a removed theme the rules that fired,
           for an added one the near misses (--json for JSON)

Options:
  --platform P     slack, discord (or memory)
  --workspace W    Slack team id or Discord guild id
  --json           report as JSON
`,
  options: {
    platform: { type: 'string' },
    workspace: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx, args) {
    const [action = 'list', ...rest] = args.positionals;
    if (!ACTIONS.includes(action as never) || rest.length > 0) {
      throw new UsageError(`corrections takes one of ${ACTIONS.join(', ')}`);
    }
    const workspace = readWorkspace(args.values.platform, args.values.workspace);
    const db = ctx.db();
    const config = ctx.config();
    if (action === 'list') {
      if (workspace === null) throw new UsageError('list needs --platform and --workspace');
      const deps = buildCommandDeps({ db, config, logger: ctx.logger });
      const recent = deps.corrections.recent(workspace, 50);
      if (recent.length === 0) ctx.stdout.write('No corrections in that workspace.\n');
      for (const c of recent) {
        const line = describeCorrection(c, config.settings.timeZone);
        ctx.stdout.write(`${c.storyId}  ${c.title ?? '(no longer archived)'}\n  ${line}\n`);
      }
      return 0;
    }
    const corrections = listAllCorrections(db, workspace);
    if (action === 'export') {
      for (const line of exportLines(db, corrections))
        ctx.stdout.write(`${JSON.stringify(line)}\n`);
      return 0;
    }
    const report = reportCorrections(db, config, corrections);
    ctx.stdout.write(args.values.json ? `${JSON.stringify(report, null, 2)}\n` : report.text);
    return 0;
  },
};

function readWorkspace(
  platform: unknown,
  workspaceId: unknown,
): { platform: ChannelPlatform; workspaceId: string } | null {
  if (platform === undefined && workspaceId === undefined) return null;
  const known = PLATFORMS.find((p) => p === platform);
  if (!known) throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}`);
  if (typeof workspaceId !== 'string')
    throw new UsageError('--workspace is required with --platform');
  return { platform: known, workspaceId };
}

/** One evaluation line per (workspace, story), corrections in the order they were made. */
export function exportLines(db: Db, corrections: readonly StoredCorrection[]) {
  const groups = new Map<string, StoredCorrection[]>();
  for (const c of corrections) {
    const key = `${c.platform}:${c.workspaceId} ${c.storyId}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const lines = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const story = getStory(db, first.storyId);
    if (story === null) continue;
    const latest = new Map(group.map((c) => [c.theme, c.action]));
    const override = {
      added: [...latest].filter(([, a]) => a === 'add').map(([t]) => t),
      removed: [...latest].filter(([, a]) => a === 'remove').map(([t]) => t),
    };
    lines.push({
      id: story.id,
      title: story.title,
      summary: story.summary,
      publishedAt: story.publishedAt.slice(0, 10),
      labels: correctThemeIds(
        story.tags.map((t) => t.theme),
        override,
      ).sort(),
      url: story.url,
      workspace: `${first.platform}:${first.workspaceId}`,
      corrections: group.map((c) => `${c.action === 'add' ? '+' : '-'}${c.theme}`),
      correctedBy: [...new Set(group.map((c) => c.userId))],
      correctedAt: group.at(-1)!.createdAt,
      notes: group.flatMap((c) => (c.note === null ? [] : [c.note])),
    });
  }
  return lines;
}
