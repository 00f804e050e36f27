// A failed SMTP send as a SendOutcome. SMTP reply codes (RFC 5321 section 4.2.1): 4xx is a
// transient negative reply (try again later), 5xx a permanent one. Who is at fault matters:
// - 5xx to RCPT TO or to the message (DATA / end of data): this address or this message is
//   refused (no such mailbox, policy): `permanent`, which pauses the address with the reason;
// - authentication failures (EAUTH, 535) and 5xx to MAIL FROM are the operator's set-up, not
//   the recipient's: `retry` after a long wait, so a wrong password does not pause every address;
// - 4xx, timeouts, refused or dropped connections, TLS errors: `retry` through the outbox.
// nodemailer sets `responseCode` and `command` on errors from the server, `code` (EAUTH,
// EENVELOPE, ECONNECTION, ETIMEDOUT, ESOCKET...) on all of them.
import type { SendOutcome } from '../../delivery/adapter.js';

interface SmtpErrorShape {
  message?: string;
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
}

const AUTH_RETRY_MS = 15 * 60_000;

function describe(error: SmtpErrorShape): string {
  const text = (error.response ?? error.message ?? 'unknown error').replace(/\s+/g, ' ');
  return text.slice(0, 200);
}

export function classifySmtpError(error: unknown): Exclude<SendOutcome, { status: 'sent' }> {
  const e: SmtpErrorShape =
    typeof error === 'object' && error !== null
      ? (error as SmtpErrorShape)
      : { message: String(error) };
  const code = e.responseCode;
  const command = (e.command ?? '').toUpperCase();
  if (e.code === 'EAUTH' || code === 535 || code === 530) {
    return {
      status: 'retry',
      reason: `the SMTP server refused our login: check SMTP_URL (${describe(e)})`,
      retryAfterMs: AUTH_RETRY_MS,
    };
  }
  if (code !== undefined && code >= 500 && code < 600) {
    if (command.startsWith('MAIL FROM')) {
      return {
        status: 'retry',
        reason: `the SMTP server refused the sender: check EMAIL_FROM (${describe(e)})`,
        retryAfterMs: AUTH_RETRY_MS,
      };
    }
    return { status: 'permanent', reason: `the mail server refused this address (${describe(e)})` };
  }
  if (code !== undefined && code >= 400 && code < 500) {
    return {
      status: 'retry',
      reason: `the mail server deferred it (${describe(e)})`,
      retryAfterMs: null,
    };
  }
  return {
    status: 'retry',
    reason: `could not reach the SMTP server: ${describe(e)}`,
    retryAfterMs: null,
  };
}
