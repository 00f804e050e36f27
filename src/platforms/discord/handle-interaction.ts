// Every interaction the bot receives: chat input (/briefing <subcommand>), autocomplete (theme,
// source and command names), buttons (search paging, last week's catch-up now) and the "correct"
// selects. Rules: nothing throws out of a handler
// (an unexpected error is logged and answered with a safe message); every reply carries
// allowed_mentions { parse: [] }; slow work (digest, search) is deferred first, because Discord
// drops an interaction not answered within 3 seconds.
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
} from 'discord.js';
import { COMMAND_NAMES } from '../../commands/command-specs.js';
import { requestFromOptions, type OptionValue } from '../../commands/request-from-options.js';
import { runCatchUp } from '../../commands/catch-up.js';
import { runCommand, runCommandAsync } from '../../commands/run-command.js';
import type { CommandResult, Invocation } from '../../commands/types.js';
import type { Logger } from '../../logging.js';
import { COMMAND_NAME } from './commands.js';
import { handleCorrectSelect } from './handle-correct-select.js';
import { isCorrectSelect } from './render-corrections.js';
import type { DiscordDeps } from './discord-deps.js';
import { cleanText } from '../../text/clean-text.js';
import { DISCORD_LIMITS } from './discord-message.js';
import { renderError, renderResult } from './render-result.js';
import type { DiscordReply } from './reply-text.js';
import { decodePageButton, isPageButton, type SearchQueryCache } from './search-paging.js';
import { CATCH_UP_CUSTOM_ID } from './render-subscribed.js';

// `email` may wait on the SMTP server for the confirmation mail.
const DEFERRED = new Set(['digest', 'search', 'email']);

export interface InteractionContext {
  deps: DiscordDeps;
  cache: SearchQueryCache;
  logger: Logger;
}

export async function handleInteraction(
  interaction: Interaction,
  ctx: InteractionContext,
): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await handleCommand(interaction, ctx);
    else if (interaction.isAutocomplete()) await handleAutocomplete(interaction, ctx);
    else if (interaction.isButton()) await handleButton(interaction, ctx);
    else if (interaction.isStringSelectMenu() && isCorrectSelect(interaction.customId)) {
      await handleCorrectSelect(interaction, ctx, toInvocation(interaction, ctx));
    }
  } catch (error) {
    ctx.logger.error(
      { err: error, platform: 'discord', interaction_type: interaction.type },
      'discord: interaction handler failed',
    );
    await answerWithFailure(interaction, ctx);
  }
}

function toInvocation(interaction: Interaction, ctx: InteractionContext): Invocation {
  const required = ctx.deps.subscribePermission;
  const perms = interaction.memberPermissions;
  return {
    platform: 'discord',
    workspaceId: interaction.guildId ?? `dm:${interaction.user.id}`,
    channelId: interaction.channelId ?? '',
    userId: interaction.user.id,
    isAdmin: perms !== null && perms.has(required, true),
    now: ctx.deps.now?.() ?? new Date(),
  };
}

/** The typed options of the subcommand, by name (values as Discord sent them). */
function collectOptions(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const o of options) {
    if (o.value !== undefined) out[o.name] = o.value as OptionValue;
  }
  return out;
}

async function handleCommand(
  interaction: ChatInputCommandInteraction,
  ctx: InteractionContext,
): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME) {
    await send(interaction, [renderError('this bot only answers /briefing', null)]);
    return;
  }
  const sub = interaction.options.data[0];
  const name = sub?.name ?? 'help';
  if (!interaction.guildId) {
    await send(interaction, [
      renderError('use /briefing in a server channel', 'Subscriptions belong to channels.'),
    ]);
    return;
  }
  if (DEFERRED.has(name)) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const parsed = requestFromOptions(name, collectOptions(sub?.options ?? []), ctx.deps.commands);
  const result: CommandResult = parsed.ok
    ? await runCommandAsync(parsed.request, toInvocation(interaction, ctx), ctx.deps.commands)
    : parsed.error;
  ctx.logger.info(
    {
      platform: 'discord',
      workspace: interaction.guildId,
      channel: interaction.channelId,
      command: name,
      result: result.kind,
    },
    'discord command',
  );
  await send(interaction, renderResult(result, { cache: ctx.cache, timeZone: ctx.deps.timeZone }));
}

async function handleButton(
  interaction: ButtonInteraction,
  ctx: InteractionContext,
): Promise<void> {
  if (interaction.customId === CATCH_UP_CUSTOM_ID) {
    const result = runCatchUp(toInvocation(interaction, ctx), ctx.deps.commands);
    const [reply] = renderResult(result, { cache: ctx.cache, timeZone: ctx.deps.timeZone });
    await interaction.reply(toOptions(reply!));
    return;
  }
  if (!isPageButton(interaction.customId)) return;
  const decoded = decodePageButton(interaction.customId);
  const query = decoded ? ctx.cache.recall(decoded.key) : null;
  if (!decoded || !query) {
    await interaction.reply(
      toOptions(
        renderError('this search has expired', 'Run `/briefing search` again to page through it.'),
      ),
    );
    return;
  }
  const result = runCommand(
    { command: 'search', query: { ...query, offset: decoded.offset } },
    toInvocation(interaction, ctx),
    ctx.deps.commands,
  );
  const [reply] = renderResult(result, { cache: ctx.cache, timeZone: ctx.deps.timeZone });
  if (result.kind !== 'search' || !reply) {
    await interaction.reply(toOptions(reply ?? renderError('that page could not be shown', null)));
    return;
  }
  await interaction.update({
    content: reply.content ?? null,
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] },
  });
}

async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  ctx: InteractionContext,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = cleanText(String(focused.value ?? '')).slice(0, 200);
  // `label` only helps matching: Discord shows a choice's name in the field once picked, so the
  // name is always exactly the value it inserts (a later keystroke edits what the user sees).
  let candidates: { label: string; value: string }[] = [];
  let prefix = '';
  let word = typed.toLowerCase();
  if (focused.name === 'themes' || focused.name === 'theme') {
    if (focused.name === 'themes') {
      // Several themes in one field: complete the last word, keep what was typed before it as is.
      const last = typed.slice(lastSeparatorEnd(typed));
      word = last.toLowerCase();
      prefix = typed.slice(0, typed.length - last.length);
      candidates.push({ label: 'every theme', value: 'all' });
    }
    candidates.push(...ctx.deps.commands.themes().map((t) => ({ label: t.label, value: t.id })));
  } else if (focused.name === 'source') {
    candidates = ctx.deps.commands.sourceIds().map((id) => ({ label: id, value: id }));
  } else if (focused.name === 'command') {
    candidates = COMMAND_NAMES.map((n) => ({ label: n, value: n }));
  }
  // Prefix matches first (ids, then labels), then anything containing the typed word.
  const rank = (c: { label: string; value: string }): number => {
    if (word === '') return 0;
    if (c.value.toLowerCase().startsWith(word)) return 0;
    if (c.label.toLowerCase().startsWith(word)) return 1;
    if (c.value.toLowerCase().includes(word) || c.label.toLowerCase().includes(word)) return 2;
    return 3;
  };
  const matches = candidates
    .map((c, i) => ({ c, i, r: rank(c) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.c)
    .map((c) => prefix + c.value)
    // A choice longer than Discord allows would be cut: offer only what fits whole.
    .filter(
      (value) => value.length <= Math.min(DISCORD_LIMITS.choiceValue, DISCORD_LIMITS.choiceName),
    )
    .slice(0, DISCORD_LIMITS.choices)
    .map((value) => ({ name: value, value }));
  await interaction.respond(matches);
}

/** Index just past the last space or comma (0 when there is none). */
function lastSeparatorEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (/[\s,]/.test(text[i]!)) return i + 1;
  return 0;
}

function toOptions(reply: DiscordReply) {
  return {
    ...(reply.content !== undefined ? { content: reply.content } : {}),
    embeds: reply.embeds,
    components: reply.components,
    allowedMentions: { parse: [] as [] },
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** First reply answers (or edits the deferred answer); the rest are follow-ups. */
async function send(
  interaction: ChatInputCommandInteraction,
  replies: DiscordReply[],
): Promise<void> {
  const [first, ...rest] = replies;
  if (!first) return;
  if (interaction.deferred) {
    const { flags: _flags, ...edit } = toOptions(first);
    await interaction.editReply(edit);
  } else await interaction.reply(toOptions(first));
  for (const reply of rest) await interaction.followUp(toOptions(reply));
}

async function answerWithFailure(interaction: Interaction, ctx: InteractionContext): Promise<void> {
  if (!interaction.isRepliable() && !interaction.isAutocomplete()) return;
  const failure = toOptions(
    renderError(
      'something went wrong on our side',
      'Try again in a minute; if it keeps happening, tell whoever runs the bot.',
    ),
  );
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
    } else if (interaction.deferred || interaction.replied) {
      const { flags: _flags, ...edit } = failure;
      await interaction.editReply(edit);
    } else await interaction.reply(failure);
  } catch (error) {
    ctx.logger.warn(
      { err: error, platform: 'discord' },
      'discord: could not send the failure reply',
    );
  }
}
