// The Slack side of the plug-in contract (platforms/plugin.ts): a posting-only adapter for
// one-shot commands, the Block Kit preview for `digest --format slack`, and the live app for
// `briefing run` (slash commands, buttons and the same adapter for digests).
import type { PlatformRuntime } from '../plugin.js';
import { checkSlackAccess } from './check-access.js';
import { renderSlackDigest } from './render-digest.js';
import { createSlackAdapterFromEnv, slackCommandName } from './slack-env.js';
import { startSlack } from './start.js';

export const slackRuntime: PlatformRuntime = {
  createDeliveryAdapter: (env, logger, stores) =>
    createSlackAdapterFromEnv(env, logger, stores ? { stores } : {}),
  checkAccess: (env, channelIds, _logger, stores) => checkSlackAccess(env, channelIds, stores),

  renderPreview(digest, env) {
    const messages = renderSlackDigest(digest, { commandName: slackCommandName(env) });
    return `${JSON.stringify(messages, null, 2)}\n`;
  },

  async start(init) {
    const slack = await startSlack({ ...init, ...(init.stores ? { stores: init.stores } : {}) });
    const where =
      slack.mode === 'socket'
        ? 'Socket Mode'
        : slack.workspaces === 'many'
          ? `HTTP on port ${slack.port}, many workspaces: install at /slack/install`
          : `HTTP on port ${slack.port}`;
    return { adapter: slack.adapter, connected: `connected (${where})`, stop: () => slack.stop() };
  },
};
