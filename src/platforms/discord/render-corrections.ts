// Corrections in Discord: the confirmation of `correct`, the `corrections` list, and the two
// string selects (https://discord.com/developers/docs/components/reference#string-select) that
// lead to the same `correct` command from a search page or a digest: first "Correct a story's
// themes" (one option per story, value = story id), then, for the chosen story, its changes
// ("Not Carter review", "Add Procurement"; values `-carter`, `+procurement`; several allowed).
// custom_ids carry only a fixed prefix and a story id (<= 100 characters, validated on return).
import {
  ComponentType,
  type APIActionRowComponent,
  type APIStringSelectComponent,
} from 'discord.js';
import { describeChanges, describeCorrected } from '../../commands/describe-corrections.js';
import type { CommandResult } from '../../commands/types.js';
import { formatDay } from '../../text/format-dates.js';
import { storyRef } from '../../text/story-ref.js';
import { fitMarkdown, fitPlain, formatLink } from './discord-markdown.js';
import { DISCORD_LIMITS } from './discord-message.js';
import { createReply, packLines, renderCommandText, type DiscordReply } from './reply-text.js';

export const PICK_STORY_ID = 'briefing:correct-pick';
const CHANGES_PREFIX = 'briefing:correct:';
/** Story ids are "[gut]_" + hex (ingest/story-id.ts); any id of safe characters fits. */
const STORY_ID = /^[\w.:-]{1,80}$/;

type Row = APIActionRowComponent<APIStringSelectComponent>;

/** "Correct a story's themes": one option per story (at most 25), or null when there are none. */
export function pickStoryRow(stories: readonly { id: string; title: string }[]): Row | null {
  const options = stories
    .filter((s) => STORY_ID.test(s.id))
    .slice(0, DISCORD_LIMITS.choices)
    .map((s) => ({
      label: fitPlain(`${storyRef(s.id)} ${s.title || 'Untitled'}`, DISCORD_LIMITS.choiceName),
      value: s.id,
    }));
  if (options.length === 0) return null;
  return selectRow(PICK_STORY_ID, "Correct a story's themes…", options, 1);
}

/** The second select: the changes a reader can make to this story, from its themes here. */
export function changesRow(
  storyId: string,
  themes: readonly string[],
  allThemes: readonly { id: string; label: string }[],
): Row | null {
  const customId = `${CHANGES_PREFIX}${storyId}`;
  if (!STORY_ID.test(storyId) || customId.length > DISCORD_LIMITS.customId) return null;
  const options = [
    ...allThemes.filter((t) => themes.includes(t.id)).map((t) => change(t, '-')),
    ...allThemes.filter((t) => !themes.includes(t.id)).map((t) => change(t, '+')),
  ].slice(0, DISCORD_LIMITS.choices);
  return selectRow(customId, 'Choose the changes', options, options.length);
}

function change(theme: { id: string; label: string }, sign: '+' | '-') {
  const words = sign === '-' ? `Not ${theme.label}` : `Add ${theme.label}`;
  return { label: fitPlain(words, DISCORD_LIMITS.choiceName), value: `${sign}${theme.id}` };
}

function selectRow(
  customId: string,
  placeholder: string,
  options: { label: string; value: string }[],
  maxValues: number,
): Row {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId,
        placeholder,
        min_values: 1,
        max_values: Math.max(1, maxValues),
        options,
      },
    ],
  };
}

/** The story id of a changes select's custom_id, or null when it is not one of ours. */
export function decodeChangesId(customId: string): string | null {
  if (!customId.startsWith(CHANGES_PREFIX)) return null;
  const id = customId.slice(CHANGES_PREFIX.length);
  return STORY_ID.test(id) ? id : null;
}

export function isStoryId(value: string): boolean {
  return STORY_ID.test(value);
}

export function isCorrectSelect(customId: string): boolean {
  return customId === PICK_STORY_ID || customId.startsWith(CHANGES_PREFIX);
}

type Corrected = Extract<CommandResult, { kind: 'corrected' }>;
type Corrections = Extract<CommandResult, { kind: 'corrections' }>;

export function renderCorrected(result: Corrected): DiscordReply {
  const [first, ...rest] = describeCorrected(result);
  const lines = [
    `✅ ${renderCommandText(first ?? '', 300)}`,
    `**${formatLink(result.story.url, result.story.title || 'Untitled', 200)}**`,
    ...rest.map((line) => renderCommandText(line, 400)),
  ];
  return createReply({ ephemeral: true, content: packLines(lines, DISCORD_LIMITS.content - 50) });
}

export function renderCorrectionList(result: Corrections, timeZone: string): DiscordReply {
  const lines = result.corrections.map((c) => {
    const change =
      c.action === 'add' ? describeChanges([c.theme], []) : describeChanges([], [c.theme]);
    const title = c.title === null ? '' : ` ${formatLink(c.url, c.title, 150)}`;
    const note = c.note === null ? '' : ` (“${fitMarkdown(c.note, 200)}”)`;
    return `\`${storyRef(c.storyId)}\`${title}: **${fitMarkdown(change, 80)}** by ${fitMarkdown(c.userId, 40)} on ${formatDay(c.createdAt, timeZone, true)}${note}`;
  });
  return createReply({
    ephemeral: true,
    embeds: [
      {
        title: 'Recent corrections in this server',
        description:
          lines.length === 0
            ? 'No corrections here yet. Use `/briefing correct` with a story reference.'
            : packLines(lines),
        color: 0x005eb8,
      },
    ],
  });
}
