// The manifest users paste must match what the code does: the command name, the scopes each Web
// API method needs, Socket Mode and interactivity.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.js';
import { SLACK_BOT_SCOPES } from '../../../src/platforms/slack/scopes.js';

interface Manifest {
  features: {
    slash_commands: { command: string; should_escape: boolean }[];
    bot_user: { display_name: string };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
}

const manifest = parse(
  readFileSync(new URL('../../../config/slack-manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('config/slack-manifest.yaml', () => {
  it('declares the default slash command, unescaped', () => {
    const env = loadEnv({});
    expect(env.ok && env.env.SLACK_COMMAND).toBe('/briefing');
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/briefing', should_escape: false }),
    ]);
  });

  it.each([
    ['commands', 'the slash command'],
    ['chat:write', 'chat.postMessage'],
    ['channels:join', 'conversations.join'],
    ['channels:read', 'conversations.info (public)'],
    ['groups:read', 'conversations.info (private)'],
    ['channels:history', 'conversations.history / replies (findSent)'],
    ['groups:history', 'conversations.history / replies in private channels'],
    ['users:read', 'users.info (admin check)'],
  ])('grants %s for %s', (scope) => {
    expect(manifest.oauth_config.scopes.bot).toContain(scope);
  });

  it('asks for nothing more than it uses', () => {
    expect(manifest.oauth_config.scopes.bot).toHaveLength(8);
  });

  it('"Add to Slack" (OAuth mode) requests the same scopes', () => {
    expect([...SLACK_BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('enables Socket Mode and interactivity (More results button)', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});
