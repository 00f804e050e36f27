// The Teams bot on loopback for tests: the loopback fake of Entra and the Bot Connector
// (fakes/teams-entra.ts), the real bot (startTeams: Agents SDK CloudAdapter, its JWT validation,
// MSAL for outbound tokens) over the real application fixture (database, config, CommandDeps),
// and helpers to post activities with a token signed by the fake. The pacer runs on a virtual
// clock (no sleeping).
import type { CommandDeps } from '../../../src/commands/types.js';
import { createPacer, type PaceClock, type Pacer } from '../../../src/delivery/pace.js';
import { silentLogger } from '../../../src/logging.js';
import { startTeams, type RunningTeams } from '../../../src/platforms/teams/start.js';
import { TEAMS_PACE } from '../../../src/platforms/teams/teams-limits.js';
import {
  APP_ID,
  APP_PASSWORD,
  ENTRA_HOST,
  TENANT_ID,
  startFakeTeams,
  type FakeTeams,
} from '../../fakes/teams-entra.js';

export const CHANNEL_CONVERSATION = '19:briefing-test@thread.tacv2';

export interface TeamsHarness {
  fake: FakeTeams;
  bot: RunningTeams;
  /** Virtual time the pacer waited, in ms. */
  waited(): number;
  /** POSTs an activity to the bot; token: a signed JWT, null for none. */
  post(activity: Record<string, unknown>, token?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export function virtualPacer(): { pacer: Pacer; waited: () => number } {
  let now = 1_000_000;
  let waited = 0;
  const clock: PaceClock = {
    now: () => now,
    sleep: (ms) => {
      now += ms;
      waited += ms;
      return Promise.resolve();
    },
  };
  return { pacer: createPacer(TEAMS_PACE, clock), waited: () => waited };
}

export async function startTeamsHarness(
  commands: CommandDeps,
  now: () => Date,
): Promise<TeamsHarness> {
  const fake = await startFakeTeams();
  const paced = virtualPacer();
  const bot = await startTeams({
    env: {
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: APP_PASSWORD,
      TEAMS_CERT_FILE: undefined,
      TEAMS_CERT_KEY_FILE: undefined,
      TEAMS_TENANT_ID: TENANT_ID,
      TEAMS_SERVICE_URL: fake.origin,
      TEAMS_PORT: 0,
      TEAMS_HOST: '127.0.0.1',
    },
    commands,
    timeZone: 'Europe/London',
    logger: silentLogger,
    authority: fake.origin,
    msal: { authorityHost: ENTRA_HOST, networkClient: fake.networkClient },
    pacer: paced.pacer,
    now,
  });
  return {
    fake,
    bot,
    waited: paced.waited,
    post: (activity, token = fake.signToken({})) =>
      fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(activity),
      }),
    close: async () => {
      await bot.stop();
      await fake.close();
    },
  };
}

let activityCount = 0;

/** A message to the bot in a channel thread, as Teams sends it (mention entity and all). */
export function channelMessage(
  fake: FakeTeams,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'message',
    id: `act-${++activityCount}`,
    channelId: 'msteams',
    serviceUrl: fake.origin,
    from: { id: '29:user-1', name: 'Pat Policy', aadObjectId: 'aad-user-1' },
    recipient: { id: `28:${APP_ID}`, name: 'Briefing' },
    conversation: {
      id: `${CHANNEL_CONVERSATION};messageid=1700000000000`,
      tenantId: TENANT_ID,
      conversationType: 'channel',
      isGroup: true,
    },
    channelData: { tenant: { id: TENANT_ID }, channel: { id: CHANNEL_CONVERSATION } },
    text: `<at>Briefing</at> ${text}`,
    entities: [
      {
        type: 'mention',
        mentioned: { id: `28:${APP_ID}`, name: 'Briefing' },
        text: '<at>Briefing</at>',
      },
    ],
    ...extra,
  };
}

/** Every TextBlock text in a posted activity's cards. */
export function cardTexts(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if (obj.type === 'TextBlock' && typeof obj.text === 'string') out.push(obj.text);
      Object.values(obj).forEach(visit);
    }
  };
  visit(body.attachments);
  return out;
}
