// `themes`: every configured theme with what it covers and how many stories it has this week.
import type { CommandDeps, CommandResult, Invocation } from './types.js';

export function runThemes(invocation: Invocation, deps: CommandDeps): CommandResult {
  const week = deps.currentWeek(invocation.now);
  const counts = deps.countByThemeInWeek(week);
  return {
    kind: 'themes',
    week,
    themes: deps.themes().map((t) => ({
      id: t.id,
      label: t.label,
      description: t.description,
      countThisWeek: counts[t.id] ?? 0,
    })),
  };
}
