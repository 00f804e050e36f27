// Starting Discord for the composition root (`briefing run`, `briefing discord start`): connects
// the gateway bot and returns the delivery adapter the outbox posts through. The deps come in;
// this folder never opens the store.
import type { DeliveryAdapter } from '../../delivery/adapter.js';
import type { Logger } from '../../logging.js';
import { createDiscordBot, type DiscordBot } from './client.js';
import { createDeliveryRest, createDiscordDeliveryAdapter } from './delivery-adapter.js';
import type { DiscordDeps } from './discord-deps.js';

export interface StartDiscordInput {
  token: string;
  apiUrl?: string;
  deps: DiscordDeps;
  logger: Logger;
}

export interface RunningDiscord {
  adapter: DeliveryAdapter;
  bot: DiscordBot;
  stop(): Promise<void>;
}

export async function startDiscord(input: StartDiscordInput): Promise<RunningDiscord> {
  const bot = createDiscordBot(input);
  await bot.start();
  const rest = createDeliveryRest({
    token: input.token,
    ...(input.apiUrl ? { apiUrl: input.apiUrl } : {}),
  });
  // The bot is running, so the digest's "Correct a story's themes" select will be answered.
  const adapter = createDiscordDeliveryAdapter(rest, { correctMenu: true });
  return {
    adapter,
    bot,
    async stop() {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
      await bot.stop();
    },
  };
}
