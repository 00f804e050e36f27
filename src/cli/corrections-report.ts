// `briefing corrections report`: which rules readers' corrections implicate, so a person tuning
// config/themes.yaml knows where to look. Each effective correction is checked against the
// current rules (the story re-tagged, as `explain` does): a removed theme implicates the rules
// that fired for it (a false positive); an added theme implicates its near misses (a false
// negative: the rule that came close, and why it fell short), or "no rule came near" (a gap).
// Rules are then counted across corrections, most implicated first.
import type { AppConfig } from '../config/load.js';
import type { Db } from '../store/database.js';
import type { StoredCorrection } from '../store/corrections.js';
import { getStory } from '../store/stories.js';
import { compileThemes } from '../tagging/compile-themes.js';
import { tagStory } from '../tagging/tag-story.js';

export interface ImplicatedCorrection {
  storyId: string;
  title: string;
  workspace: string;
  change: string;
  /** removed: rules that fired; added: near-miss rules; none: nothing came near. */
  finding: 'fired' | 'near-miss' | 'no-rule' | 'rules-agree';
  rules: string[];
  reason: string | null;
}

export interface CorrectionsReport {
  corrections: ImplicatedCorrection[];
  rules: { rule: string; count: number }[];
  text: string;
}

export function reportCorrections(
  db: Db,
  config: AppConfig,
  corrections: readonly StoredCorrection[],
): CorrectionsReport {
  const compiled = compileThemes(config.themes);
  const latest = new Map<string, StoredCorrection>();
  for (const c of corrections)
    latest.set(`${c.platform}:${c.workspaceId} ${c.storyId} ${c.theme}`, c);
  const found: ImplicatedCorrection[] = [];
  for (const c of latest.values()) {
    const story = getStory(db, c.storyId);
    if (story === null) continue;
    const { tags, nearMisses } = tagStory(story, compiled);
    const base = {
      storyId: story.id,
      title: story.title,
      workspace: `${c.platform}:${c.workspaceId}`,
      change: `${c.action === 'add' ? '+' : '-'}${c.theme}`,
    };
    const tag = tags.find((t) => t.theme === c.theme);
    const miss = nearMisses.find((m) => m.theme === c.theme);
    if (c.action === 'remove' && tag) {
      const rules = [...new Set(tag.evidence.filter((e) => e.weight > 0).map((e) => e.rule))];
      found.push({ ...base, finding: 'fired', rules, reason: null });
    } else if (c.action === 'add' && !tag && miss) {
      const rules = [...new Set(miss.evidence.map((e) => e.rule))];
      found.push({ ...base, finding: 'near-miss', rules, reason: miss.reason });
    } else if (c.action === 'add' && !tag) {
      found.push({
        ...base,
        finding: 'no-rule',
        rules: [],
        reason: 'no rule of this theme came near',
      });
    } else {
      found.push({
        ...base,
        finding: 'rules-agree',
        rules: [],
        reason: 'the current rules now agree',
      });
    }
  }
  const counts = new Map<string, number>();
  for (const f of found) for (const rule of f.rules) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const rules = [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  return { corrections: found, rules, text: describeReport(found, rules) };
}

function describeReport(
  found: readonly ImplicatedCorrection[],
  rules: readonly { rule: string; count: number }[],
): string {
  if (found.length === 0) return 'No corrections to report.\n';
  const lines = [`${found.length} correction(s):`];
  for (const f of found) {
    const what =
      f.finding === 'fired'
        ? `rules that fired: ${f.rules.join(', ') || '(none recorded)'}`
        : f.finding === 'near-miss'
          ? `near miss (${f.reason ?? ''}): ${f.rules.join(', ') || '(no evidence)'}`
          : (f.reason ?? '');
    lines.push(`  ${f.change} ${f.storyId} [${f.workspace}] ${f.title}`, `      ${what}`);
  }
  if (rules.length > 0) {
    lines.push('', 'Rules implicated, most first:');
    for (const r of rules) lines.push(`  ${r.count}  ${r.rule}`);
  }
  return `${lines.join('\n')}\n`;
}
