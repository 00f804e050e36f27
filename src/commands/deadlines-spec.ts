// The `deadlines` subcommand as data (commands/command-specs.ts lists it): Slack words, the
// Discord option and the help text. Its own file so that table stays under the line cap.

export const DEADLINES_SPEC = {
  name: 'deadlines' as const,
  description: 'List consultations and other deadlines closing next',
  usage: [
    {
      usage: 'deadlines',
      description: 'what closes next in the themes this channel follows, soonest first',
    },
    { usage: 'deadlines all', description: 'the same for every theme' },
  ],
  options: [
    {
      name: 'scope',
      type: 'string' as const,
      description: 'This channel’s themes (default) or all themes',
      required: false,
      choices: ['channel', 'all'],
    },
  ],
  changesSubscription: false,
};
