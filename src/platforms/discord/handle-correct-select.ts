// The two "correct" selects (render-corrections.ts). Picking a story answers, ephemerally, with
// the changes that story can take here; picking changes runs them as the same `correct` command
// a reader could type (same validation, same permission rule). Values come back from Discord as
// user input: they are validated again, never trusted.
import { MessageFlags, type StringSelectMenuInteraction } from 'discord.js';
import { buildCorrect } from '../../commands/correction-request.js';
import { runCommand } from '../../commands/run-command.js';
import type { Invocation } from '../../commands/types.js';
import { storyRef } from '../../text/story-ref.js';
import type { Logger } from '../../logging.js';
import type { DiscordDeps } from './discord-deps.js';
import type { SearchQueryCache } from './search-paging.js';
import { changesRow, decodeChangesId, isStoryId, PICK_STORY_ID } from './render-corrections.js';
import { renderError, renderResult } from './render-result.js';
import type { DiscordReply } from './reply-text.js';

/** What the handler needs (handle-interaction.ts InteractionContext satisfies it). */
export interface SelectContext {
  deps: DiscordDeps;
  cache: SearchQueryCache;
  logger: Logger;
}

export async function handleCorrectSelect(
  interaction: StringSelectMenuInteraction,
  ctx: SelectContext,
  invocation: Invocation,
): Promise<void> {
  const commands = ctx.deps.commands;
  if (interaction.customId === PICK_STORY_ID) {
    const storyId = String(interaction.values[0] ?? '');
    const workspace = { platform: invocation.platform, workspaceId: invocation.workspaceId };
    const found = isStoryId(storyId) ? commands.corrections.find(storyId, workspace) : null;
    const row = found ? changesRow(found.story.id, found.themes, commands.themes()) : null;
    if (found === null || row === null) {
      await reply(interaction, renderError('that story is no longer in the archive', null));
      return;
    }
    await interaction.reply({
      content: `Themes here for ${storyRef(found.story.id)}: ${found.themes.join(', ') || 'none'}. Choose the changes:`,
      components: [row],
      allowedMentions: { parse: [] },
      flags: MessageFlags.Ephemeral,
    });
    return;
  }
  const storyId = decodeChangesId(interaction.customId);
  const changes = interaction.values.filter((v) => /^[+-][a-z0-9_-]{1,64}$/.test(v)).join(' ');
  const parsed = storyId ? buildCorrect({ target: storyId, changes, note: null }, commands) : null;
  if (parsed === null) {
    await reply(interaction, renderError('that menu is out of date', 'Use `/briefing correct`.'));
    return;
  }
  const result = parsed.ok ? runCommand(parsed.request, invocation, commands) : parsed.error;
  ctx.logger.info(
    {
      platform: 'discord',
      workspace: invocation.workspaceId,
      command: 'correct',
      result: result.kind,
    },
    'discord correct menu',
  );
  const [first] = renderResult(result, { cache: ctx.cache, timeZone: ctx.deps.timeZone });
  await reply(interaction, first ?? renderError('that could not be saved', null));
}

async function reply(interaction: StringSelectMenuInteraction, answer: DiscordReply) {
  await interaction.reply({
    ...(answer.content !== undefined ? { content: answer.content } : {}),
    embeds: answer.embeds,
    components: answer.components,
    allowedMentions: { parse: [] },
    flags: MessageFlags.Ephemeral,
  });
}
