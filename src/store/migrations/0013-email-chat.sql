-- Email addresses added from chat (`email add`, issue 16). Owned by src/store/email-chat.ts.
-- email_chat_owners: the chat channel (and user) that added an address's email subscription; the
-- row goes with the subscription (ON DELETE CASCADE), whoever removes it (chat, CLI, the
-- recipient's unsubscribe link). Addresses subscribed from the CLI have no row.
-- email_chat_requests: every confirmation mail a chat channel asked for, kept two days, for the
-- per-channel daily limit (so removing and adding again still counts).

CREATE TABLE email_chat_owners (
  subscription_id  INTEGER PRIMARY KEY REFERENCES subscriptions (id) ON DELETE CASCADE,
  platform         TEXT NOT NULL,
  workspace_id     TEXT NOT NULL,
  channel_id       TEXT NOT NULL,
  user_id          TEXT NOT NULL,
  added_at         TEXT NOT NULL
) STRICT;

CREATE INDEX email_chat_owners_channel ON email_chat_owners (platform, workspace_id, channel_id);

CREATE TABLE email_chat_requests (
  id            INTEGER PRIMARY KEY,
  platform      TEXT NOT NULL,
  workspace_id  TEXT NOT NULL,
  channel_id    TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  address       TEXT NOT NULL,
  requested_at  TEXT NOT NULL
) STRICT;

CREATE INDEX email_chat_requests_channel
  ON email_chat_requests (platform, workspace_id, channel_id, requested_at);
