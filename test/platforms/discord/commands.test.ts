import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../../src/commands/command-specs.js';
import {
  buildCommandDefinition,
  buildInviteUrl,
  deployCommands,
} from '../../../src/platforms/discord/commands.js';
import { startFakeDiscordRest, type FakeDiscordRest } from '../../fakes/discord-rest.js';

interface Option {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  options?: Option[];
}

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

describe('/briefing definition', () => {
  const definition = buildCommandDefinition();
  const subcommands = definition.options as Option[];

  it('has one subcommand per platform-neutral command, with Discord-valid names and texts', () => {
    expect(definition.name).toBe('briefing');
    expect(subcommands.map((s) => s.name)).toEqual(COMMAND_SPECS.map((s) => s.name));
    let chars = definition.name.length + definition.description.length;
    for (const sub of subcommands) {
      expect(sub.type).toBe(1);
      expect(sub.name).toMatch(NAME);
      expect(sub.description.length).toBeGreaterThan(0);
      expect(sub.description.length).toBeLessThanOrEqual(100);
      chars += sub.name.length + sub.description.length;
      const options = sub.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      const firstOptional = options.findIndex((o) => !o.required);
      if (firstOptional >= 0)
        expect(options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const o of options) {
        expect(o.name).toMatch(NAME);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.autocomplete && o.choices).toBeFalsy();
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
        chars += o.name.length + o.description.length;
        for (const c of o.choices ?? []) chars += c.name.length + c.value.length;
      }
    }
    expect(chars).toBeLessThanOrEqual(4000);
  });

  it('autocompletes themes and sources, and leaves permissions to code (whole-command setting)', () => {
    const find = (sub: string, opt: string) =>
      subcommands.find((s) => s.name === sub)!.options!.find((o) => o.name === opt)!;
    expect(find('subscribe', 'themes').autocomplete).toBe(true);
    expect(find('search', 'theme').autocomplete).toBe(true);
    expect(find('search', 'source').autocomplete).toBe(true);
    expect(find('search', 'since').type).toBe(3);
    expect(find('search', 'page').type).toBe(4);
    expect(find('subscribe', 'day').choices!.map((c) => c.value)).toContain('monday');
    expect(find('explain', 'story').required).toBe(true);
    // A boolean (type 5): Discord shows it as `scores:True`.
    expect(find('explain', 'scores')).toMatchObject({ type: 5, required: false });
    expect(definition.default_member_permissions).toBeNull();
    expect(definition.contexts).toEqual([0]);
  });
});

describe('buildInviteUrl', () => {
  it('asks for bot + applications.commands and only the four permissions the bot uses', () => {
    const url = new URL(buildInviteUrl('800000000000000001'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('800000000000000001');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    // View Channel 1024 + Send Messages 2048 + Embed Links 16384 + Read Message History 65536
    expect(url.searchParams.get('permissions')).toBe('84992');
  });
});

describe('deployCommands', () => {
  let fake: FakeDiscordRest;
  beforeAll(async () => {
    fake = await startFakeDiscordRest();
  });
  afterAll(async () => {
    await fake.close();
  });

  it('registers globally with PUT /applications/{app}/commands', async () => {
    const result = await deployCommands({
      token: 'tkn',
      applicationId: '800000000000000001',
      apiUrl: fake.apiUrl,
    });
    expect(result).toEqual({ ok: true, scope: 'global', count: 1 });
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/applications/800000000000000001/commands');
    expect(put.authorization).toBe('Bot tkn');
    expect(put.body).toEqual([buildCommandDefinition()]);
  });

  it('registers for one guild with PUT /applications/{app}/guilds/{guild}/commands', async () => {
    const result = await deployCommands({
      token: 'tkn',
      applicationId: '800000000000000001',
      apiUrl: fake.apiUrl,
      guildId: '111',
    });
    expect(result).toEqual({ ok: true, scope: 'guild', count: 1 });
    expect(fake.commands.get('111')).toHaveLength(1);
  });

  it.each([
    [401, 0, /rejected the token/],
    [404, 10002, /does not know that application or guild/],
    [403, 50001, /refused \(403, code 50001\)/],
  ])('reports HTTP %i as a readable failure, never the token', async (status, code, reason) => {
    fake.script('PUT', /commands$/, { status, code });
    const result = await deployCommands({
      token: 'secret-tkn',
      applicationId: '1',
      apiUrl: fake.apiUrl,
      guildId: '111',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(JSON.stringify(result)).not.toContain('secret-tkn');
  });
});
