// `deadlines` as Teams cards: one line per closing date, soonest first, with the story's short
// reference so `@Briefing explain REF` opens it. Pure; same content as Slack's and Discord's.
import { describeDeadline } from '../../digest/closing-soon.js';
import type { CommandResult } from '../../commands/types.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { fitCardText, formatCardCode, formatCardLink } from './card-markdown.js';
import { packCards } from './pack-card.js';

export function renderDeadlinesCards(
  result: Extract<CommandResult, { kind: 'deadlines' }>,
  timeZone: string,
  prefix: string,
): AdaptiveCard[] {
  const scope = result.themes === 'all' ? 'every theme' : `themes: ${result.themes.join(', ')}`;
  const lines =
    result.deadlines.length > 0
      ? result.deadlines.map(
          (d) =>
            `${fitCardText(describeDeadline(d, timeZone), 200)}: ${formatCardLink(d.url, d.title, 200)} · ${formatCardCode(d.ref, 20)}`,
        )
      : ['Nothing we know of closes in the weeks ahead.'];
  return packCards(`Deadlines · ${scope}`, [
    ...lines,
    `${formatCardCode(`${prefix} explain REF`, 40)} shows a story; ${formatCardCode(`${prefix} deadlines all`, 40)} lists every theme.`,
  ]);
}
