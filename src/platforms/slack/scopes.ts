// The bot scopes the app asks for, the same list as config/slack-manifest.yaml's
// oauth_config.scopes.bot (a test keeps them equal): "Add to Slack" requests exactly these.
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:join',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'users:read',
] as const;
