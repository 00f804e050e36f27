// The answer to `subscribe` (and to the catch-up button) as interaction replies, public in the
// channel: what it follows, when the first catch-up arrives, and either what happened to last
// week's catch-up (asked for with `now`) or a button that sends it now (handle-interaction.ts).
import { ButtonStyle, ComponentType } from 'discord.js';
import {
  describeCatchUp,
  describeCatchUpOffer,
  describeFirstDigest,
} from '../../commands/describe-cadence.js';
import type { CatchUpOutcome, CommandResult } from '../../commands/types.js';
import { DISCORD_LIMITS } from './discord-message.js';
import { createReply, renderCommandText, type DiscordReply } from './reply-text.js';

export const CATCH_UP_CUSTOM_ID = 'briefing:catch-up-now';

export function renderSubscribed(
  result: Extract<CommandResult, { kind: 'subscribed' }>,
  head: string,
  ctx: { timeZone: string; command: string },
): DiscordReply {
  const lines = [head];
  if (result.firstDigest) {
    lines.push(describeFirstDigest(result.firstDigest, result.created, ctx.timeZone));
  }
  lines.push(
    result.catchUp
      ? describeCatchUp(result.catchUp)
      : describeCatchUpOffer(
          `Press the button, or add \`now:True\` to \`${ctx.command} subscribe\`.`,
        ),
  );
  const reply = createReply({
    ephemeral: false,
    content: lines
      .map((l) => renderCommandText(l, 900))
      .join('\n')
      .slice(0, DISCORD_LIMITS.content),
  });
  if (!result.catchUp) {
    reply.components = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: 'Send last week’s catch-up now',
            custom_id: CATCH_UP_CUSTOM_ID,
          },
        ],
      },
    ];
  }
  return reply;
}

/** The button's answer: public when a catch-up is on its way, else to the presser alone. */
export function renderCatchUp(catchUp: CatchUpOutcome): DiscordReply {
  return createReply({
    ephemeral: catchUp.status === 'unavailable',
    content: renderCommandText(describeCatchUp(catchUp), DISCORD_LIMITS.content),
  });
}
