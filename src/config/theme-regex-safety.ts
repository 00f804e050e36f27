// The themes.yaml check that refuses regular expressions which can backtrack super-linearly
// (regex-safety.ts), reported like every other config problem: file, path, the theme or context
// set by name, and the pattern itself. Runs on the raw parsed YAML, beside the schema.
import { describeBacktrackingRisk } from './regex-safety.js';

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function flagsOf(value: unknown): string {
  return typeof value === 'string' ? value : 'i';
}

function problem(file: string, path: string, owner: string, source: string, flags: string) {
  const risk = describeBacktrackingRisk(source, flags);
  return risk === null
    ? []
    : [`${file}: ${path} (${owner}): regex ${JSON.stringify(source)} ${risk}`];
}

/** One line per theme or context regex that can take super-linear time. */
export function regexSafetyProblems(file: string, raw: unknown): string[] {
  const root = asRecord(raw);
  const problems: string[] = [];
  for (const [name, value] of Object.entries(asRecord(root?.contexts) ?? {})) {
    const set = asRecord(value);
    const regexes = Array.isArray(set?.regexes) ? (set.regexes as unknown[]) : [];
    regexes.forEach((source, i) => {
      if (typeof source !== 'string') return;
      const owner = `context set "${name}"`;
      problems.push(
        ...problem(file, `contexts.${name}.regexes.${i}`, owner, source, flagsOf(set?.flags)),
      );
    });
  }
  const themes = Array.isArray(root?.themes) ? (root.themes as unknown[]) : [];
  themes.forEach((value, t) => {
    const theme = asRecord(value);
    const owner = `theme "${typeof theme?.id === 'string' ? theme.id : t}"`;
    for (const group of ['rules', 'aliases', 'negatives'] as const) {
      const rules = Array.isArray(theme?.[group]) ? (theme[group] as unknown[]) : [];
      rules.forEach((ruleValue, r) => {
        const rule = asRecord(ruleValue);
        if (typeof rule?.regex !== 'string') return;
        const path = `themes.${t}.${group}.${r}.regex`;
        problems.push(...problem(file, path, owner, rule.regex, flagsOf(rule.flags)));
      });
    }
  });
  return problems;
}
