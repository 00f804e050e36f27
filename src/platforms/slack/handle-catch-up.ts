// The "Send last week's catch-up now" button under a subscribe answer (render-subscribed.ts).
// Rules: acknowledge first; the same permission as subscribe (a workspace admin where the deployment
// asks for one, checked with users.info); the answer goes to the channel through respond(), or
// to the presser alone when it failed. Nothing throws out of the handler.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { runCatchUp } from '../../commands/catch-up.js';
import type { Invocation } from '../../commands/types.js';
import { checkWorkspaceAdmin } from './check-slack-access.js';
import type { SlackHandlerContext } from './handle-command.js';
import { renderError, renderSlackResult } from './render-result.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export async function handleCatchUpButton(
  ctx: SlackHandlerContext,
  args: ActionArgs,
): Promise<void> {
  const { ack, body, respond, client } = args;
  const log = ctx.logger.child({
    platform: 'slack',
    team: body.team?.id,
    channel: body.channel?.id,
  });
  try {
    await ack();
    const commands = ctx.deps.commands;
    const isAdmin = commands.subscribeNeedsAdmin('slack')
      ? await checkWorkspaceAdmin(client, body.user.id, log)
      : false;
    const invocation: Invocation = {
      platform: 'slack',
      workspaceId: body.team?.id ?? body.user.team_id ?? '',
      channelId: body.channel?.id ?? body.container?.channel_id ?? '',
      userId: body.user.id,
      isAdmin,
      now: (ctx.deps.now ?? (() => new Date()))(),
    };
    log.info({ user: body.user.id }, 'slack: catch-up button');
    const result = runCatchUp(invocation, commands);
    const [reply] = renderSlackResult(result, {
      commandName: ctx.commandName,
      timeZone: ctx.deps.timeZone,
    });
    await respond({ ...(reply as unknown as RespondArguments), replace_original: false });
  } catch (error) {
    log.error({ err: error }, 'slack: catch-up button failed unexpectedly');
    try {
      const apology = renderError('something went wrong on our side while sending that', null);
      await respond(apology as unknown as RespondArguments);
    } catch {
      // Already logged.
    }
  }
}
