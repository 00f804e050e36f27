// The `/briefing` slash command as Discord registers it, generated from the platform-neutral
// COMMAND_SPECS table (one subcommand per spec, typed options as the spec lists them), plus
// registration over REST (PUT replaces the whole set: global, or one guild for fast testing).
//
// Permissions: Discord's `default_member_permissions` applies to a whole command, never to one
// subcommand, so /briefing stays usable by everyone (search, digest, themes ...) and subscribe /
// unsubscribe are checked in code against DISCORD_SUBSCRIBE_PERMISSION (default Manage Channels,
// bit 16) using the member permissions Discord puts in each interaction (see handle-command.ts).
// https://discord.com/developers/docs/interactions/application-commands
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  REST,
  Routes,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMAND_SPECS, type OptionSpec } from '../../commands/command-specs.js';
import { DISCORD_LIMITS } from './discord-message.js';

export const COMMAND_NAME = 'briefing';

/** Options whose values come from autocomplete (theme ids, source ids). */
export const AUTOCOMPLETE_OPTIONS: Record<string, readonly string[]> = {
  subscribe: ['themes'],
  search: ['theme', 'source'],
  help: ['command'],
};

/** Discord's limits: names 1-32 lowercase, descriptions 1-100 characters. */
function shorten(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function toOption(subcommand: string, spec: OptionSpec) {
  const autocomplete = AUTOCOMPLETE_OPTIONS[subcommand]?.includes(spec.name) ?? false;
  const common = {
    name: spec.name,
    description: shorten(spec.description),
    required: spec.required,
  };
  if (spec.type === 'boolean') {
    return { ...common, type: ApplicationCommandOptionType.Boolean as const };
  }
  if (spec.type === 'integer') {
    return {
      ...common,
      type: ApplicationCommandOptionType.Integer as const,
      min_value: 1,
      max_value: 1000,
    };
  }
  if (spec.choices && spec.choices.length <= DISCORD_LIMITS.choices) {
    return {
      ...common,
      type: ApplicationCommandOptionType.String as const,
      choices: spec.choices.map((c) => ({ name: c, value: c })),
    };
  }
  return {
    ...common,
    type: ApplicationCommandOptionType.String as const,
    max_length: 1000,
    ...(autocomplete ? { autocomplete: true } : {}),
  };
}

/** The JSON body Discord receives for `/briefing`. */
export function buildCommandDefinition(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name: COMMAND_NAME,
    description: 'NHS policy briefing: subscribe this channel, search the archive, see the digest',
    type: ApplicationCommandType.ChatInput,
    // Everyone may use the command; subscribe/unsubscribe are checked in code (see header).
    default_member_permissions: null,
    contexts: [InteractionContextType.Guild],
    options: COMMAND_SPECS.map((spec) => ({
      type: ApplicationCommandOptionType.Subcommand as const,
      name: spec.name,
      description: shorten(spec.description),
      // Discord requires required options before optional ones.
      options: [...spec.options]
        .sort((a, b) => Number(b.required) - Number(a.required))
        .map((o) => toOption(spec.name, o)),
    })),
  };
}

/**
 * Permissions the bot needs in a channel it posts to: View Channel (1 << 10), Send Messages
 * (1 << 11), Embed Links (1 << 14) and Read Message History (1 << 16, for finding a digest part
 * already posted after a crash). Nothing else: no Administrator, no Mention Everyone.
 */
export const BOT_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n);

/** The OAuth2 URL a server admin opens to add the bot (scopes bot + applications.commands). */
export function buildInviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}

export interface DeployCommandsInput {
  token: string;
  applicationId: string;
  /** REST base, e.g. `http://127.0.0.1:PORT/api` for a fake; default Discord's. */
  apiUrl?: string;
  /** Register for one guild (instant) instead of globally (may take a while to show). */
  guildId?: string;
}

export type DeployCommandsResult =
  { ok: true; scope: 'global' | 'guild'; count: number } | { ok: false; reason: string };

export async function deployCommands(input: DeployCommandsInput): Promise<DeployCommandsResult> {
  const rest = new REST({
    version: '10',
    retries: 1,
    ...(input.apiUrl ? { api: input.apiUrl } : {}),
  });
  rest.setToken(input.token);
  const route = input.guildId
    ? Routes.applicationGuildCommands(input.applicationId, input.guildId)
    : Routes.applicationCommands(input.applicationId);
  try {
    const registered = (await rest.put(route, { body: [buildCommandDefinition()] })) as unknown[];
    return { ok: true, scope: input.guildId ? 'guild' : 'global', count: registered.length };
  } catch (error) {
    return { ok: false, reason: describeRestError(error) };
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** A readable one-line reason for a REST failure; never includes the token. */
export function describeRestError(error: unknown): string {
  const e = error as { status?: number; code?: number | string; message?: string };
  if (e.status === 401) return 'Discord rejected the token (401): check DISCORD_TOKEN';
  if (e.status === 403)
    return `Discord refused (403, code ${String(e.code)}): ${e.message ?? ''}`.trim();
  if (e.status === 404)
    return 'Discord does not know that application or guild (404): check DISCORD_APPLICATION_ID and --guild';
  if (typeof e.status === 'number')
    return `Discord answered ${e.status}: ${e.message ?? 'no message'}`;
  return `could not reach Discord: ${e.message ?? String(error)}`;
}
