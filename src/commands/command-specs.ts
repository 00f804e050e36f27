// Every chat subcommand as data: the words Slack users type, the typed options Discord registers,
// and the help text. Slack, Discord and `help` all read this one table, so they cannot drift.
import { DEADLINES_SPEC } from './deadlines-spec.js';
import { EMAIL_SPEC } from './email-spec.js';
import type { CommandName, HelpLine } from './types.js';

export interface OptionSpec {
  /** The Discord option name, and the `name:` a Slack user may type for the same thing. */
  name: string;
  type: 'string' | 'integer' | 'boolean';
  description: string;
  required: boolean;
  choices?: readonly string[];
}

export interface CommandSpec {
  name: CommandName;
  description: string;
  /** Usage forms with what each does; the first is the short form shown in the overview. */
  usage: readonly HelpLine[];
  /** Typed options (Discord); Slack's text parser accepts the same information as words. */
  options: readonly OptionSpec[];
  /**
   * Changes what the channel or workspace receives (subscriptions, corrections): may need admin
   * rights (see CommandDeps.subscribeNeedsAdmin).
   */
  changesSubscription: boolean;
}

export const DAY_NAMES = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

export const COMMAND_SPECS: readonly CommandSpec[] = [
  {
    name: 'subscribe',
    description: "Choose the themes (and organisations) in this channel's weekly catch-up",
    usage: [
      {
        usage: 'subscribe THEME [THEME ...]',
        description: 'follow these themes, e.g. `subscribe carter stp`',
      },
      { usage: 'subscribe all', description: 'follow every theme' },
      {
        usage: 'subscribe THEME org:"NAME" day:DAY time:HH:MM',
        description: 'also follow an organisation, and get the digest on another day and time',
      },
      {
        usage: 'subscribe THEME cadence:daily alerts:on',
        description: "yesterday's stories every morning, and alerts for big or followed stories",
      },
      { usage: 'subscribe THEME now', description: "also send last week's catch-up now" },
    ],
    options: [
      {
        name: 'themes',
        type: 'string',
        description: 'Theme ids separated by spaces, or "all"',
        required: false,
      },
      {
        name: 'org',
        type: 'string',
        description: 'Organisations to follow, separated by ";"',
        required: false,
      },
      {
        name: 'day',
        type: 'string',
        description: 'Day of the digest',
        required: false,
        choices: DAY_NAMES,
      },
      {
        name: 'time',
        type: 'string',
        description: 'Local time of the digest, HH:MM (24-hour)',
        required: false,
      },
      {
        name: 'cadence',
        type: 'string',
        description: 'Weekly catch-up (default) or daily',
        required: false,
        choices: ['weekly', 'daily'],
      },
      {
        name: 'alerts',
        type: 'boolean',
        description: 'Alerts for followed organisations and widely covered stories',
        required: false,
      },
      {
        name: 'offtopic',
        type: 'boolean',
        description: 'Also show stories the tagger judged off-topic (in Other news)',
        required: false,
      },
      {
        name: 'now',
        type: 'boolean',
        description: "Also send last week's catch-up now",
        required: false,
      },
    ],
    changesSubscription: true,
  },
  {
    name: 'unsubscribe',
    description: 'Stop the weekly catch-up in this channel',
    usage: [{ usage: 'unsubscribe', description: 'stop the weekly catch-up in this channel' }],
    options: [],
    changesSubscription: true,
  },
  {
    name: 'subscriptions',
    description: 'List the subscriptions in this workspace or server',
    usage: [{ usage: 'subscriptions', description: 'what each channel here follows, and when' }],
    options: [],
    changesSubscription: false,
  },
  {
    name: 'search',
    description: 'Search the archive of stories',
    usage: [
      {
        usage: 'search WORDS',
        description: 'stories with all these words, e.g. `search league table`',
      },
      {
        usage: 'search "EXACT PHRASE" -EXCLUDED PREFIX*',
        description: 'phrases, exclusions and prefixes',
      },
      {
        usage: 'search WORDS theme:ID source:ID org:"NAME" since:YYYY-MM-DD until:YYYY-MM-DD',
        description: 'narrow by theme, source, organisation and dates',
      },
    ],
    options: [
      {
        name: 'words',
        type: 'string',
        description: 'Words, "phrases", -excluded, prefix*',
        required: false,
      },
      { name: 'theme', type: 'string', description: 'Theme id', required: false },
      { name: 'source', type: 'string', description: 'Source id', required: false },
      { name: 'org', type: 'string', description: 'Organisation name or code', required: false },
      { name: 'since', type: 'string', description: 'From this date, YYYY-MM-DD', required: false },
      {
        name: 'until',
        type: 'string',
        description: 'Before this date, YYYY-MM-DD',
        required: false,
      },
      {
        name: 'page',
        type: 'integer',
        description: 'Page of results (1 = first)',
        required: false,
      },
    ],
    changesSubscription: false,
  },
  {
    name: 'digest',
    description: "Preview this week's catch-up so far, or show a past week's",
    usage: [
      { usage: 'digest', description: 'this week so far' },
      { usage: 'digest last', description: 'last week' },
      { usage: 'digest YYYY-Www', description: 'a past ISO week, e.g. `digest 2017-W07`' },
    ],
    options: [
      {
        name: 'week',
        type: 'string',
        description: '"this", "last" or an ISO week such as 2017-W07',
        required: false,
      },
    ],
    changesSubscription: false,
  },
  {
    name: 'themes',
    description: 'List the themes with their story counts this week',
    usage: [
      { usage: 'themes', description: 'every theme id, what it covers and its stories this week' },
    ],
    options: [],
    changesSubscription: false,
  },
  {
    name: 'status',
    description: 'Show source health and this channel’s deliveries',
    usage: [
      {
        usage: 'status',
        description: 'which sources fail, and how delivery to this channel is going',
      },
    ],
    options: [],
    changesSubscription: false,
  },
  {
    name: 'explain',
    description: 'Show why a story was filed under its themes',
    usage: [
      {
        usage: 'explain LINK-OR-ID',
        description: 'the rules that fired for a story, and near misses, in words',
      },
      {
        usage: 'explain LINK-OR-ID scores:true',
        description: 'the same with the score behind each word',
      },
    ],
    options: [
      { name: 'story', type: 'string', description: 'Story link or id', required: true },
      {
        name: 'scores',
        type: 'boolean',
        description: 'Show the score behind each word',
        required: false,
      },
    ],
    changesSubscription: false,
  },
  DEADLINES_SPEC,
  {
    name: 'correct',
    description: "Correct a story's themes for this workspace",
    usage: [
      {
        usage: 'correct REF-OR-LINK -THEME +THEME',
        description:
          "e.g. `correct g_3fa9c1d2 -carter +procurement`: this workspace's searches and digests follow it",
      },
      {
        usage: 'correct REF-OR-LINK +THEME note:WHY',
        description: 'the same with a short note saying why (shown by `corrections`)',
      },
    ],
    options: [
      { name: 'story', type: 'string', description: 'Story reference or link', required: true },
      {
        name: 'themes',
        type: 'string',
        description: 'Themes to add and remove, e.g. "-carter +procurement"',
        required: true,
      },
      { name: 'note', type: 'string', description: 'Why (optional, short)', required: false },
    ],
    changesSubscription: true,
  },
  {
    name: 'corrections',
    description: "List this workspace's recent theme corrections",
    usage: [
      {
        usage: 'corrections',
        description: 'the latest corrections here: story, themes, who and when',
      },
    ],
    options: [],
    changesSubscription: false,
  },
  EMAIL_SPEC,
  {
    name: 'help',
    description: 'Show the commands, or the forms of one command',
    usage: [
      { usage: 'help', description: 'every command' },
      { usage: 'help COMMAND', description: 'the forms of one command, e.g. `help search`' },
    ],
    options: [{ name: 'command', type: 'string', description: 'A command name', required: false }],
    changesSubscription: false,
  },
];

export const COMMAND_NAMES: readonly CommandName[] = COMMAND_SPECS.map((s) => s.name);

export function findCommandSpec(name: string): CommandSpec | undefined {
  return COMMAND_SPECS.find((s) => s.name === name);
}

export function isCommandName(name: string): name is CommandName {
  return COMMAND_NAMES.includes(name as CommandName);
}
