// Corrections in Teams: the confirmation of `correct` and the `corrections` list, as cards with
// the same words as Slack and Discord (commands/describe-corrections.ts). Corrections are typed
// (`@Briefing correct g_3fa9c1d2 -carter +procurement`); Teams has no select menus here.
import { describeChanges, describeCorrected } from '../../commands/describe-corrections.js';
import type { CommandResult } from '../../commands/types.js';
import { formatDay } from '../../text/format-dates.js';
import { storyRef } from '../../text/story-ref.js';
import { createCard, text, type AdaptiveCard } from './adaptive-card.js';
import { fitCardText, formatCardCode, formatCardLink } from './card-markdown.js';
import { packCards } from './pack-card.js';

type Corrected = Extract<CommandResult, { kind: 'corrected' }>;
type Corrections = Extract<CommandResult, { kind: 'corrections' }>;

export function renderCorrected(result: Corrected): AdaptiveCard {
  const [first, ...rest] = describeCorrected(result);
  return createCard([
    text(`✅ ${fitCardText(first ?? '', 300)}`),
    text(`**${formatCardLink(result.story.url, result.story.title || 'Untitled', 200)}**`),
    ...rest.map((line) => text(fitCardText(line, 400))),
  ]);
}

export function renderCorrectionList(
  result: Corrections,
  timeZone: string,
  prefix: string,
): AdaptiveCard[] {
  if (result.corrections.length === 0) {
    return [
      createCard([
        text(
          `No corrections here yet. Use ${formatCardCode(`${prefix} correct`, 60)} with a story reference.`,
        ),
      ]),
    ];
  }
  return packCards(
    'Recent corrections in this tenant',
    result.corrections.map((c) => {
      const change =
        c.action === 'add' ? describeChanges([c.theme], []) : describeChanges([], [c.theme]);
      const title = c.title === null ? '' : ` ${formatCardLink(c.url, c.title, 150)}`;
      const note = c.note === null ? '' : ` (“${fitCardText(c.note, 200)}”)`;
      return `${formatCardCode(storyRef(c.storyId), 20)}${title}: **${fitCardText(change, 80)}** by ${fitCardText(c.userId, 40)} on ${formatDay(c.createdAt, timeZone, true)}${note}`;
    }),
  );
}
