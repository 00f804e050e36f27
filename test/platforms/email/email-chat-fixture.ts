// The command deps of an app fixture with the chat `email` command wired to a loopback SMTP
// server, as main.ts wires it: the one set-up the Slack, Discord, Teams and command tests share.
import type { CommandDeps } from '../../../src/commands/types.js';
import { silentLogger } from '../../../src/logging.js';
import { buildEmailChatDeps } from '../../../src/pipeline/email-chat-deps.js';
import type { AppFixture } from '../../helpers/app-fixture.js';
import { emailEnv, type SmtpFixture } from './smtp-fixture.js';

export async function withEmailChat(
  fx: AppFixture,
  smtp: SmtpFixture,
  options: { dailyLimit?: number } = {},
): Promise<CommandDeps> {
  const email = await buildEmailChatDeps({
    db: fx.db,
    env: emailEnv(smtp.url),
    logger: silentLogger,
    ...options,
  });
  if (!email) throw new Error('email-chat-fixture: email is not configured by emailEnv');
  return { ...fx.deps, email };
}
