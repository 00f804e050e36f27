// Real discord.js bot against the loopback fakes: starts the fake REST and gateway, creates the
// bot with the given deps, and turns "a user runs /briefing …" into the request bodies the bot
// sent back (the interaction callback, and for deferred work the edit of @original and any
// follow-ups). Each interaction is awaited by its token, never by sleeping. The deps are the real
// CommandDeps over a seeded database (test/helpers/app-fixture.ts).
import type { CommandDeps } from '../../../src/commands/types.js';
import { silentLogger, type Logger } from '../../../src/logging.js';
import { createDiscordBot, type DiscordBot } from '../../../src/platforms/discord/client.js';
import { MANAGE_CHANNELS } from '../../../src/platforms/discord/discord-deps.js';
import { startFakeDiscordGateway, type FakeDiscordGateway } from '../../fakes/discord-gateway.js';
import {
  autocomplete,
  buttonPress,
  selectChoice,
  chatInput,
  type BuiltInteraction,
  type InteractionWhere,
  type OptionValue,
} from '../../fakes/discord-interactions.js';
import {
  startFakeDiscordRest,
  type FakeDiscordRest,
  type RecordedRequest,
} from '../../fakes/discord-rest.js';

export const APP_ID = '800000000000000001';
export const GUILD_ID = '111111111111111111';
export const CHANNEL_ID = '222222222222222222';
export const OTHER_CHANNEL_ID = '333333333333333333';

export interface Answer {
  /** The POST …/callback body: { type, data }. */
  callback: { type: number; data?: unknown };
  /** For deferred replies: the PATCH of @original, then follow-ups. */
  edits: unknown[];
  requests: RecordedRequest[];
}

export interface BotHarness {
  rest: FakeDiscordRest;
  gateway: FakeDiscordGateway;
  bot: DiscordBot;
  where(overrides?: Partial<InteractionWhere>): InteractionWhere;
  run(
    subcommand: string,
    options?: Record<string, OptionValue>,
    where?: Partial<InteractionWhere>,
  ): Promise<Answer>;
  complete(
    subcommand: string,
    options: Record<string, OptionValue>,
    focused: string,
  ): Promise<Answer>;
  press(customId: string, where?: Partial<InteractionWhere>): Promise<Answer>;
  choose(customId: string, values: string[], where?: Partial<InteractionWhere>): Promise<Answer>;
  close(): Promise<void>;
}

export async function startBotHarness(
  deps: CommandDeps,
  init: { now?: () => Date; heartbeatIntervalMs?: number; logger?: Logger } = {},
): Promise<BotHarness> {
  const rest = await startFakeDiscordRest();
  const gateway = await startFakeDiscordGateway({
    applicationId: APP_ID,
    guilds: [
      {
        id: GUILD_ID,
        name: 'Policy Team',
        channels: [
          { id: CHANNEL_ID, name: 'policy-news' },
          { id: OTHER_CHANNEL_ID, name: 'board-papers' },
        ],
      },
    ],
    ...(init.heartbeatIntervalMs ? { heartbeatIntervalMs: init.heartbeatIntervalMs } : {}),
  });
  rest.setGatewayUrl(gateway.url);
  const bot = createDiscordBot({
    token: 'fake-bot-token',
    apiUrl: rest.apiUrl,
    deps: {
      commands: deps,
      subscribePermission: MANAGE_CHANNELS,
      timeZone: 'Europe/London',
      ...(init.now ? { now: init.now } : {}),
    },
    logger: init.logger ?? silentLogger,
    readyTimeoutMs: 10_000,
  });
  await bot.start();

  const where = (overrides: Partial<InteractionWhere> = {}): InteractionWhere => ({
    applicationId: APP_ID,
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    ...overrides,
  });

  async function deliver(built: BuiltInteraction): Promise<Answer> {
    const forToken = (r: RecordedRequest) => r.path.includes(`/${built.token}`);
    gateway.dispatch('INTERACTION_CREATE', built.payload);
    const callbackRequest = await rest.waitFor(
      (r) => r.method === 'POST' && r.path.endsWith(`/${built.token}/callback`),
    );
    const callback = callbackRequest.body as Answer['callback'];
    const edits: unknown[] = [];
    if (callback.type === 5) {
      const edit = await rest.waitFor((r) => forToken(r) && r.method === 'PATCH');
      edits.push(edit.body);
    }
    // Follow-ups (a long digest preview) come after; tests that expect them wait with rest.waitFor.
    return { callback, edits, requests: rest.requests.filter(forToken) };
  }

  return {
    rest,
    gateway,
    bot,
    where,
    run: (sub, options = {}, w = {}) => deliver(chatInput(where(w), sub, options)),
    complete: (sub, options, focused) => deliver(autocomplete(where(), sub, options, focused)),
    press: (customId, w = {}) => deliver(buttonPress(where(w), customId)),
    choose: (customId, values, w = {}) => deliver(selectChoice(where(w), customId, values)),
    async close() {
      await bot.stop();
      await gateway.close();
      await rest.close();
    },
  };
}
