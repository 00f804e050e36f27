// The answer to `subscribe` (and to the catch-up button) as Slack replies, posted in the channel:
// what it follows, when the first catch-up arrives, and either what happened to last week's
// catch-up (asked for with `now`) or a button that sends it now (handle-catch-up.ts).
import {
  describeCatchUp,
  describeCatchUpOffer,
  describeFirstDigest,
} from '../../commands/describe-cadence.js';
import type { CatchUpOutcome, CommandResult } from '../../commands/types.js';
import type { SlackBlock, SlackResponse } from './block-kit.js';
import { escapeMrkdwn, fitPlain } from './mrkdwn.js';
import { renderSubscribedText } from './render-subscriptions.js';

export const CATCH_UP_ACTION_ID = 'briefing_catch_up_now';

export function renderSubscribed(
  result: Extract<CommandResult, { kind: 'subscribed' }>,
  options: { commandName: string; timeZone: string },
): SlackResponse {
  const head = renderSubscribedText(result.subscription, result.created, result, options.timeZone);
  const lines = [head];
  if (result.firstDigest) {
    lines.push(
      escapeMrkdwn(describeFirstDigest(result.firstDigest, result.created, options.timeZone)),
    );
  }
  if (result.catchUp) lines.push(escapeMrkdwn(describeCatchUp(result.catchUp)));
  else {
    lines.push(
      escapeMrkdwn(
        describeCatchUpOffer(
          `Press the button, or add \`now\` to ${options.commandName} subscribe.`,
        ),
      ),
    );
  }
  const text = lines.join('\n');
  const blocks: SlackBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (!result.catchUp) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: fitPlain('Send last week’s catch-up now', 75) },
          action_id: CATCH_UP_ACTION_ID,
          value: 'last-week',
        },
      ],
    });
  }
  return {
    response_type: 'in_channel',
    text,
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}

/** The button's answer, in the channel (everyone sees that a catch-up is on its way). */
export function renderCatchUp(catchUp: CatchUpOutcome): SlackResponse {
  const text = escapeMrkdwn(describeCatchUp(catchUp));
  return {
    response_type: catchUp.status === 'unavailable' ? 'ephemeral' : 'in_channel',
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    unfurl_links: false,
    unfurl_media: false,
  };
}
