// Corrections in Slack: the confirmation of `correct`, the `corrections` list, and the "Correct
// themes" menu placed beside search hits and digest entries. The menu is a static_select
// (https://api.slack.com/reference/block-kit/block-elements#static_select): one option per
// change ("Not Carter review", "Add Procurement"); choosing one sends block_actions with the
// option's value `<story id> <+|-><theme id>`, which handle-correct-menu.ts validates like typed
// input and runs through the same `correct` command. Everything shown is escaped plain text.
import { describeChanges, describeCorrected } from '../../commands/describe-corrections.js';
import type { CommandResult } from '../../commands/types.js';
import type { StaticSelectElement } from './block-kit.js';
import { storyRef } from '../../text/story-ref.js';
import { formatDay } from '../../text/format-dates.js';
import { fitMrkdwn, fitPlain, formatLink } from './mrkdwn.js';

export const CORRECT_MENU_ACTION_ID = 'briefing_correct_theme';

/** Slack limits for a static_select: 100 options, option text 75, value 150 characters. */
const MAX_OPTIONS = 100;
const MAX_VALUE = 150;

export interface MenuTheme {
  id: string;
  label: string;
}

/** The static_select accessory for one story, or null when its value would not fit. */
export function correctMenu(
  storyId: string,
  themes: readonly string[],
  allThemes: readonly MenuTheme[],
): StaticSelectElement | null {
  const options = [
    ...allThemes.filter((t) => themes.includes(t.id)).map((t) => option(storyId, t, '-')),
    ...allThemes.filter((t) => !themes.includes(t.id)).map((t) => option(storyId, t, '+')),
  ].slice(0, MAX_OPTIONS);
  if (options.some((o) => o.value.length > MAX_VALUE) || options.length === 0) return null;
  return {
    type: 'static_select' as const,
    action_id: CORRECT_MENU_ACTION_ID,
    placeholder: { type: 'plain_text', text: 'Correct themes' },
    options,
  };
}

function option(storyId: string, theme: MenuTheme, sign: '+' | '-') {
  const words = sign === '-' ? `Not ${theme.label}` : `Add ${theme.label}`;
  return {
    text: { type: 'plain_text' as const, text: fitPlain(words, 75) },
    value: `${storyId} ${sign}${theme.id}`,
  };
}

/** `<story id> <+|-><theme>` from a menu value, or null when it is not one of ours. */
export function decodeCorrectMenuValue(value: unknown): { storyId: string; change: string } | null {
  if (typeof value !== 'string' || value.length > MAX_VALUE) return null;
  // Story ids are "[gut]_" + hex (ingest/story-id.ts); any id of safe characters is accepted.
  const match = /^([\w.:-]{1,100}) ([+-][a-z0-9_-]{1,40})$/.exec(value);
  return match ? { storyId: match[1]!, change: match[2]! } : null;
}

type Corrected = Extract<CommandResult, { kind: 'corrected' }>;
type Corrections = Extract<CommandResult, { kind: 'corrections' }>;

export function renderCorrectedLines(result: Corrected): string[] {
  const [first, ...rest] = describeCorrected(result);
  return [
    `:white_check_mark: ${fitMrkdwn(first ?? '', 300)}`,
    `*${formatLink(result.story.url, result.story.title, 300)}*`,
    ...rest.map((line) => fitMrkdwn(line, 500)),
  ];
}

export function renderCorrectionLines(result: Corrections, timeZone: string): string[] {
  if (result.corrections.length === 0) {
    return ['No corrections in this workspace yet. Use `correct REF -theme +theme` on a story.'];
  }
  const lines = [`*Recent corrections in this workspace* (${result.corrections.length})`];
  for (const c of result.corrections) {
    const change =
      c.action === 'add' ? describeChanges([c.theme], []) : describeChanges([], [c.theme]);
    const when = formatDay(c.createdAt, timeZone, true);
    const title =
      c.title === null ? fitMrkdwn(storyRef(c.storyId), 40) : formatLink(c.url, c.title, 200);
    const note = c.note === null ? '' : ` (“${fitMrkdwn(c.note, 200)}”)`;
    lines.push(
      `• \`${fitMrkdwn(storyRef(c.storyId), 20)}\` ${title}: *${fitMrkdwn(change, 80)}* by ${fitMrkdwn(c.userId, 40)} on ${fitMrkdwn(when, 40)}${note}`,
    );
  }
  return lines;
}
