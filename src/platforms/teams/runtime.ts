// The Teams side of the plug-in contract (platforms/plugin.ts): a posting-only adapter for
// one-shot commands, the Adaptive Cards preview for `digest --format teams`, and the live bot
// for `briefing run`; plus the digest-only Workflows webhook runtime (`teams-webhook`).
import type { PlatformRuntime } from '../plugin.js';
import { checkTeamsAccess } from './check-access.js';
import { renderTeamsDigest } from './render-digest.js';
import { startTeams } from './start.js';
import { createTeamsAdapterFromEnv, TEAMS_COMMAND_PREFIX } from './teams-env.js';
import { createWebhookDeliveryAdapter } from './webhook-adapter.js';

export const teamsRuntime: PlatformRuntime = {
  createDeliveryAdapter: createTeamsAdapterFromEnv,
  checkAccess: (env, conversationIds) => checkTeamsAccess(env, conversationIds),
  renderPreview(digest) {
    const cards = renderTeamsDigest(digest, { commandPrefix: TEAMS_COMMAND_PREFIX });
    return `${JSON.stringify(cards, null, 2)}\n`;
  },
  async start(init) {
    const teams = await startTeams({
      env: init.env,
      commands: init.commands,
      timeZone: init.timeZone,
      logger: init.logger,
    });
    return {
      adapter: teams.adapter,
      connected: `listening on ${init.env.TEAMS_HOST}:${teams.port}/api/messages`,
      stop: () => teams.stop(),
    };
  },
};

export const teamsWebhookRuntime: PlatformRuntime = {
  createDeliveryAdapter: () => createWebhookDeliveryAdapter(),
  renderPreview(digest) {
    return `${JSON.stringify(renderTeamsDigest(digest, { commandPrefix: null }), null, 2)}\n`;
  },
};
