// The "Correct themes" menu on search hits and digest entries (render-corrections.ts). Choosing
// an option sends block_actions with the option's value; it is validated like typed input and
// run as the same `correct` command a reader could type, with the same permission check (a
// workspace admin check only when the deployment asks for it). The answer is an ephemeral reply
// through response_url, so the digest or search message itself is left as it was.
import type {
  AllMiddlewareArgs,
  BlockAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { buildCorrect } from '../../commands/correction-request.js';
import { runCommand } from '../../commands/run-command.js';
import type { Invocation } from '../../commands/types.js';
import { checkWorkspaceAdmin } from './check-slack-access.js';
import type { SlackHandlerContext } from './handle-command.js';
import { decodeCorrectMenuValue } from './render-corrections.js';
import { renderError, renderSlackResult } from './render-result.js';

export type CorrectMenuArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> &
  AllMiddlewareArgs;

export async function handleCorrectMenu(
  ctx: SlackHandlerContext,
  args: CorrectMenuArgs,
): Promise<void> {
  const { ack, body, action, respond, client } = args;
  const log = ctx.logger.child({
    platform: 'slack',
    team: body.team?.id,
    channel: body.channel?.id,
  });
  const reply = (response: ReturnType<typeof renderError>) =>
    respond({ ...(response as unknown as RespondArguments), replace_original: false });
  try {
    await ack();
    const chosen = decodeCorrectMenuValue(action.selected_option?.value);
    const parsed = chosen
      ? buildCorrect(
          { target: chosen.storyId, changes: chosen.change, note: null },
          ctx.deps.commands,
        )
      : null;
    if (parsed === null || !parsed.ok) {
      await reply(
        parsed?.ok === false
          ? renderSlackResult(parsed.error, renderOptions(ctx))[0]!
          : renderError(
              'that menu is out of date',
              `Use \`${ctx.commandName} correct REF -theme +theme\`.`,
            ),
      );
      return;
    }
    const userId = body.user.id;
    const isAdmin = ctx.deps.commands.subscribeNeedsAdmin('slack')
      ? await checkWorkspaceAdmin(client, userId, log)
      : false;
    const invocation: Invocation = {
      platform: 'slack',
      workspaceId: body.team?.id ?? body.user.team_id ?? '',
      channelId: body.channel?.id ?? body.container?.channel_id ?? '',
      userId,
      isAdmin,
      now: (ctx.deps.now ?? (() => new Date()))(),
    };
    log.info({ command: 'correct', user: userId }, 'slack: correct menu');
    const result = runCommand(parsed.request, invocation, ctx.deps.commands);
    await reply(renderSlackResult(result, renderOptions(ctx))[0]!);
  } catch (error) {
    log.error({ err: error }, 'slack: "Correct themes" failed unexpectedly');
    try {
      await reply(renderError('something went wrong on our side while saving that', null));
    } catch {
      // Already logged.
    }
  }
}

function renderOptions(ctx: SlackHandlerContext) {
  return { commandName: ctx.commandName, timeZone: ctx.deps.timeZone };
}
