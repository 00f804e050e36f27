// What Slack sends to an app: slash-command and block_actions payloads, and the signed HTTP
// request that carries them (https://api.slack.com/authentication/verifying-requests-from-slack:
// `x-slack-signature = 'v0=' + hex(HMAC-SHA256(secret, 'v0:' + timestamp + ':' + rawBody))`).
import { createHmac } from 'node:crypto';

export interface SlashCommandInit {
  text: string;
  command?: string;
  teamId?: string;
  channelId?: string;
  channelName?: string;
  userId?: string;
  responseUrl: string;
}

export function slashCommandPayload(init: SlashCommandInit): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: init.teamId ?? 'T0FAKE123',
    team_domain: 'fake-nhs',
    channel_id: init.channelId ?? 'C0POLICY1',
    channel_name: init.channelName ?? 'policy',
    user_id: init.userId ?? 'U0MEMBER1',
    user_name: 'member',
    command: init.command ?? '/briefing',
    text: init.text,
    api_app_id: 'AFAKE1',
    is_enterprise_install: 'false',
    response_url: init.responseUrl,
    trigger_id: '123.456.abc',
  };
}

export interface BlockActionInit {
  actionId: string;
  value: string;
  teamId?: string;
  channelId?: string;
  userId?: string;
  responseUrl: string;
}

export function blockActionPayload(init: BlockActionInit): Record<string, unknown> {
  const teamId = init.teamId ?? 'T0FAKE123';
  const channelId = init.channelId ?? 'C0POLICY1';
  return {
    type: 'block_actions',
    user: { id: init.userId ?? 'U0MEMBER1', username: 'member', team_id: teamId },
    api_app_id: 'AFAKE1',
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000001',
      channel_id: channelId,
      is_ephemeral: true,
    },
    trigger_id: '123.456.abc',
    team: { id: teamId, domain: 'fake-nhs' },
    channel: { id: channelId, name: 'policy' },
    response_url: init.responseUrl,
    actions: [
      {
        action_id: init.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'More results' },
        value: init.value,
        type: 'button',
        action_ts: '1700000001.000001',
      },
    ],
  };
}

/** The same block_actions payload for a static_select choice (selected_option carries the value). */
export function staticSelectPayload(init: BlockActionInit): Record<string, unknown> {
  const payload = blockActionPayload(init);
  payload.actions = [
    {
      action_id: init.actionId,
      block_id: 'b1',
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'choice' }, value: init.value },
      placeholder: { type: 'plain_text', text: 'Correct themes' },
      action_ts: '1700000001.000001',
    },
  ];
  return payload;
}

export function signSlackBody(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string | null;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
}

/** POSTs a form body to Bolt's HTTP receiver the way Slack does; returns status and body text. */
export async function postSignedForm(
  url: string,
  form: Record<string, string>,
  options: SignedPostOptions,
): Promise<{ status: number; body: string }> {
  const body = new URLSearchParams(form).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.secret !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signSlackBody(options.secret, timestamp, body);
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

let eventCount = 0;

/** An Events API callback (https://api.slack.com/apis/events-api#callback-field), e.g. app_uninstalled. */
export function eventCallback(
  teamId: string,
  event: Record<string, unknown>,
): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: teamId,
    api_app_id: 'AFAKE1',
    event,
    type: 'event_callback',
    event_id: `Ev${String(++eventCount).padStart(8, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
  };
}

/** POSTs a JSON body (Events API) to Bolt's HTTP receiver, signed like Slack; status and body. */
export async function postSignedJson(
  url: string,
  body: Record<string, unknown>,
  options: SignedPostOptions,
): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.secret !== null) {
    headers['x-slack-request-timestamp'] = String(timestamp);
    headers['x-slack-signature'] = signSlackBody(options.secret, timestamp, raw);
  }
  const response = await fetch(url, { method: 'POST', headers, body: raw });
  return { status: response.status, body: await response.text() };
}
