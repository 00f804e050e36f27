// The answer to `subscribe` (and to the catch-up button) as a card: what the conversation follows,
// when its first catch-up arrives, and either what happened to last week's catch-up (asked for
// with `now`) or a button that sends it now (its data comes back to handle-activity.ts). The same
// words as Slack and Discord (commands/describe-cadence.ts).
import {
  describeCatchUp,
  describeCatchUpOffer,
  describeFirstDigest,
} from '../../commands/describe-cadence.js';
import type { CatchUpOutcome, CommandResult } from '../../commands/types.js';
import { createCard, text, type AdaptiveCard } from './adaptive-card.js';
import { fitCardText, formatCardCode } from './card-markdown.js';

/** `data.action` of the "Send last week's catch-up now" button. */
export const CATCH_UP_ACTION = 'briefing-catch-up-now';

export function renderSubscribed(
  result: Extract<CommandResult, { kind: 'subscribed' }>,
  head: string,
  ctx: { timeZone: string; commandPrefix: string },
): AdaptiveCard {
  const blocks = [text(fitCardText(head, 2000))];
  if (result.firstDigest) {
    blocks.push(
      text(fitCardText(describeFirstDigest(result.firstDigest, result.created, ctx.timeZone), 600)),
    );
  }
  blocks.push(
    text(
      result.catchUp
        ? fitCardText(describeCatchUp(result.catchUp), 600)
        : `${fitCardText(describeCatchUpOffer('Press the button, or add "now" to'), 300)} ${formatCardCode(`${ctx.commandPrefix} subscribe`, 60)}.`,
    ),
  );
  const card = createCard(blocks);
  if (!result.catchUp) {
    card.actions = [
      {
        type: 'Action.Submit',
        title: 'Send last week’s catch-up now',
        data: { action: CATCH_UP_ACTION },
      },
    ];
  }
  return card;
}

export function renderCatchUp(catchUp: CatchUpOutcome): AdaptiveCard {
  return createCard([text(fitCardText(describeCatchUp(catchUp), 600))]);
}
