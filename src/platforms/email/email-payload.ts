// What the email renderer stores in the outbox for one recipient's digest (OutboundPart.payload):
// the subject and the two bodies, without the per-recipient footer (unsubscribe link), which the
// adapter adds at send time because render() is per digest view, not per address.
export interface EmailPayload {
  /** ISO week of the digest, for the Message-ID (`<week.key@domain>`). */
  week: string;
  /** One line, no CR/LF: feed text never reaches a header unescaped (see render-email.ts). */
  subject: string;
  /** The HTML body's inner content (no <html>/<body>, no footer). */
  html: string;
  /** The plain-text body (no footer). */
  text: string;
}

/** The payload read back from the outbox (JSON), or null when it is not an email payload. */
export function readEmailPayload(value: unknown): EmailPayload | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    typeof v.week !== 'string' ||
    typeof v.subject !== 'string' ||
    typeof v.html !== 'string' ||
    typeof v.text !== 'string'
  )
    return null;
  return { week: v.week, subject: v.subject, html: v.html, text: v.text };
}
