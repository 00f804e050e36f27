-- Slack workspaces that installed the app through "Add to Slack" (OAuth mode, issue 16), written
-- by src/store/slack-installations.ts. One row per workspace (team id). `details` is Slack's
-- installation record without its tokens, as JSON; `sealed_secrets` holds the tokens (bot, and
-- user if any) as AES-256-GCM ciphertext under SLACK_INSTALL_KEY, bound to the team id, so the
-- tokens never sit in the file in clear. Uninstalling deletes the row.

CREATE TABLE slack_installations (
  team_id        TEXT PRIMARY KEY,
  enterprise_id  TEXT,
  team_name      TEXT,
  details        TEXT NOT NULL,
  sealed_secrets TEXT NOT NULL,
  installed_at   TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
