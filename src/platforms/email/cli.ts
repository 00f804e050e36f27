// `briefing email confirm <token>` and `briefing email unsubscribe <token>`: what the operator runs
// when a confirmation or unsubscribe request reaches the EMAIL_FROM mailbox (the mailto: in
// List-Unsubscribe, a reply to the confirmation mail). The token is checked (apply-token.ts)
// before anything changes; a forged or mistyped one changes nothing and exits 2.
import { ConfigError } from '../../config/config-error.js';
import { PlatformUsageError, type PlatformCliCommand } from '../plugin.js';
import { applyEmailToken } from './apply-token.js';
import type { TokenAction } from './email-tokens.js';

const ACTIONS: readonly TokenAction[] = ['confirm', 'unsubscribe'];

export const emailCli: PlatformCliCommand = {
  help: `Usage: briefing email confirm <token>
       briefing email unsubscribe <token>

confirm      an address's double opt-in (the token from the confirmation mail): its catch-ups start
unsubscribe  an address (the token from a digest's unsubscribe link or mailto subject)

Environment: EMAIL_UNSUBSCRIBE_SECRET (required, the key the tokens were signed with).
`,
  options: {},
  async run(ctx, args) {
    const [verb, token, ...rest] = args.positionals;
    const action = ACTIONS.find((a) => a === verb);
    if (!action || !token || rest.length > 0) {
      throw new PlatformUsageError('usage: briefing email confirm|unsubscribe <token>');
    }
    const secret = ctx.env.EMAIL_UNSUBSCRIBE_SECRET;
    if (!secret) {
      throw new ConfigError([
        'EMAIL_UNSUBSCRIBE_SECRET is not set (the key the tokens were signed with)',
      ]);
    }
    const commands = ctx.commands();
    const result = applyEmailToken(token.replace(/^(confirm|unsubscribe)\s+/i, ''), action, {
      secret,
      get: (c) => commands.subscriptions.get(c.platform, c.workspaceId, c.channelId),
      remove: (c) => commands.subscriptions.remove(c.platform, c.workspaceId, c.channelId),
      resume: (c) => ctx.resumeChannel(c),
    });
    if (!result.ok) throw new PlatformUsageError(`email: ${result.message}`);
    ctx.stdout.write(`${result.message}\n`);
    return 0;
  },
};
