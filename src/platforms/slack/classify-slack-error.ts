// Maps what the Slack Web API client threw to a delivery outcome. Permanent errors pause the
// channel's subscription, so only errors that no retry can fix are permanent, each with a reason
// an admin can act on. Error names: https://api.slack.com/methods/chat.postMessage#errors.
// The client is built with rejectRateLimitedCalls, so a 429 arrives here (with Retry-After in
// seconds) instead of the SDK sleeping on it for minutes inside a delivery.
import type { SendOutcome } from '../../delivery/adapter.js';

type Failure = Exclude<SendOutcome, { status: 'sent' }>;

const PERMANENT: Record<string, string> = {
  channel_not_found: 'the channel no longer exists or the bot cannot see it',
  not_in_channel: 'the bot is not in the channel; invite it with /invite and resubscribe',
  is_archived: 'the channel is archived',
  account_inactive: 'the bot was deactivated or the app uninstalled',
  invalid_auth: 'the bot token is not valid (SLACK_BOT_TOKEN)',
  not_authed: 'no bot token was sent (SLACK_BOT_TOKEN)',
  token_revoked: 'the bot token was revoked (the app was removed from the workspace)',
  token_expired: 'the bot token expired',
  missing_scope: 'the app lacks a required scope; reinstall it from config/slack-manifest.yaml',
  no_permission: 'the bot has no permission to post here',
  restricted_action: 'a workspace setting stops the bot posting here',
  restricted_action_read_only_channel: 'the channel is read-only',
  restricted_action_thread_only_channel: 'the channel only allows posts in threads',
  restricted_action_non_threadable_channel: 'the channel does not allow threads',
  team_access_not_granted: 'the app is not allowed in this workspace',
  ekm_access_denied: 'administrators have suspended posting to the channel',
  channel_is_archived: 'the channel is archived',
  team_not_found: 'the workspace no longer exists',
  // Our own bugs: retrying the same payload cannot succeed; pausing makes them visible in status.
  invalid_blocks: 'Slack rejected the message layout (invalid_blocks)',
  invalid_blocks_format: 'Slack rejected the message layout (invalid_blocks_format)',
  msg_too_long: 'the message was too long for Slack',
  no_text: 'the message had no text',
  invalid_metadata_format: 'Slack rejected the message metadata',
};

interface SlackErrorLike {
  code?: unknown;
  data?: { error?: unknown; needed?: unknown };
  retryAfter?: unknown;
  statusCode?: unknown;
  headers?: Record<string, string>;
  original?: { message?: unknown };
  message?: unknown;
}

/** Returns null for errors that did not come from the Slack client (the caller rethrows those). */
export function classifySlackError(error: unknown): Failure | null {
  const e = (error ?? {}) as SlackErrorLike;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : null;
      return {
        status: 'retry',
        reason: `Slack rate limit${seconds === null ? '' : ` (retry after ${seconds}s)`}`,
        retryAfterMs: seconds === null ? null : seconds * 1000,
        rateLimited: true,
      };
    }
    case 'slack_webapi_platform_error': {
      const name = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      if (name === 'ratelimited')
        return {
          status: 'retry',
          reason: 'Slack rate limit',
          retryAfterMs: null,
          rateLimited: true,
        };
      const explanation = PERMANENT[name];
      if (explanation !== undefined) {
        const needed = typeof e.data?.needed === 'string' ? ` (needs ${e.data.needed})` : '';
        return { status: 'permanent', reason: `Slack: ${explanation}${needed} [${name}]` };
      }
      return { status: 'retry', reason: `Slack error ${name}`, retryAfterMs: null };
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      const header = e.headers?.['retry-after'];
      const seconds = header !== undefined ? Number.parseInt(header, 10) : Number.NaN;
      return {
        status: 'retry',
        reason: `Slack HTTP ${status}`,
        retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : null,
        ...(status === 429 ? { rateLimited: true } : {}),
      };
    }
    case 'slack_webapi_request_error': {
      const detail = typeof e.original?.message === 'string' ? `: ${e.original.message}` : '';
      return { status: 'retry', reason: `Slack unreachable${detail}`, retryAfterMs: null };
    }
    default:
      return null;
  }
}

/** The Slack error name (`channel_not_found`, ...) of a platform error, or null. */
export function slackErrorName(error: unknown): string | null {
  const e = (error ?? {}) as SlackErrorLike;
  return e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string'
    ? e.data.error
    : null;
}
