// One recipient's message, built from a stored EmailPayload at send time: the full HTML
// document, the text body, the footer with the recipient's own unsubscribe link, and headers.
// - Message-ID `<week.key@domain>`: the outbox key already hashes (week, channel, part), so the
//   id is stable per recipient and week; a resend carries the same id (receivers that
//   de-duplicate by Message-ID, as many do, drop it) and it is what the outbox records as sent.
// - List-Unsubscribe (RFC 2369): a mailto: to EMAIL_FROM with the token in the subject, and the
//   web route when EMAIL_PUBLIC_URL is set; List-Unsubscribe-Post: List-Unsubscribe=One-Click
//   (RFC 8058 section 3.1) only then, since one-click needs an HTTP(S) URI to POST to.
import type { EmailPayload } from './email-payload.js';
import type { EmailSettings } from './email-settings.js';
import { signToken } from './email-tokens.js';
import { escapeHtml } from '../../text/escape-html.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

export function messageIdFor(week: string, key: string, domain: string): string {
  const safeWeek = week.replace(/[^0-9A-Za-z-]/g, '');
  return `<${safeWeek}.${key.replace(/[^0-9A-Za-z]/g, '')}@${domain}>`;
}

/** The unsubscribe targets of one address: mailto always, the web route when configured. */
export function unsubscribeTargets(
  address: string,
  settings: EmailSettings,
): { token: string; mailto: string; url: string | null } {
  const token = signToken('unsubscribe', address, settings.secret);
  return {
    token,
    mailto: `mailto:${settings.fromAddress}?subject=${encodeURIComponent(`unsubscribe ${token}`)}`,
    url: settings.publicUrl ? `${settings.publicUrl}/email/unsubscribe/${token}` : null,
  };
}

export function wrapHtml(title: string, inner: string, footer: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:16px;background:#ffffff;color:#212b32;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;">
<div style="max-width:640px;margin:0 auto;">
${inner}
<hr style="border:none;border-top:1px solid #d8dde0;margin:24px 0 12px 0;">
<p style="color:#4c6272;font-size:14px;">${footer}</p>
</div>
</body>
</html>
`;
}

export function buildDigestEmail(
  to: string,
  payload: EmailPayload,
  key: string,
  settings: EmailSettings,
): OutgoingEmail {
  const targets = unsubscribeTargets(to, settings);
  const visible = targets.url ?? targets.mailto;
  const htmlFooter = `You get this weekly NHS policy catch-up because ${escapeHtml(to)} subscribed. Unsubscribe: <a href="${escapeHtml(visible)}" style="color:#005eb8;">${escapeHtml(visible)}</a>`;
  const textFooter = `You get this weekly NHS policy catch-up because ${to} subscribed.\nUnsubscribe: ${visible}\n`;
  const headers: Record<string, string> = {
    'List-Unsubscribe': [targets.mailto, targets.url]
      .filter((u): u is string => u !== null)
      .map((u) => `<${u}>`)
      .join(', '),
  };
  if (targets.url) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return {
    to,
    subject: payload.subject,
    html: wrapHtml(payload.subject, payload.html, htmlFooter),
    text: `${payload.text}\n${textFooter}`,
    messageId: messageIdFor(payload.week, key, settings.domain),
    headers,
  };
}
