// The `email` subcommand as data (commands/command-specs.ts lists it): Slack and Teams words
// (`email add ADDRESS [THEMES] [cadence:...]`), Discord's typed options (action, address, themes,
// cadence) and the help text. Its own file so that table stays under the line cap.

export const EMAIL_SPEC = {
  name: 'email' as const,
  description: 'Send the catch-up to an email address too (admins; the address confirms first)',
  usage: [
    {
      usage: 'email add ADDRESS [THEME ...] [cadence:daily]',
      description:
        'e.g. `email add team@nhs.net carter stp`: a confirmation mail goes first; nothing else until it is confirmed',
    },
    { usage: 'email remove ADDRESS', description: 'stop the catch-up to an address added here' },
    {
      usage: 'email list',
      description: 'the addresses added here, who added them and their state',
    },
  ],
  options: [
    {
      name: 'action',
      type: 'string' as const,
      description: 'add, remove or list',
      required: true,
      choices: ['add', 'remove', 'list'],
    },
    {
      name: 'address',
      type: 'string' as const,
      description: 'One email address, e.g. team@nhs.net',
      required: false,
    },
    {
      name: 'themes',
      type: 'string' as const,
      description: 'Theme ids separated by spaces, or "all" (add only; default all)',
      required: false,
    },
    {
      name: 'cadence',
      type: 'string' as const,
      description: 'Weekly catch-up (default) or daily (add only)',
      required: false,
      choices: ['weekly', 'daily'],
    },
  ],
  changesSubscription: true,
};
