// Text that tries to escape into Slack markup: broadcast and user mentions, channel links,
// user-group pings, disguised links, script tags, bidi overrides, control characters.
// Shared by the renderer and app tests, and the scanner that proves none of it came out live.
export const HOSTILE_TEXTS: readonly string[] = [
  '<!channel> urgent: trust board resigns',
  '<!here|here> read this now',
  '<!everyone> NHS England update',
  '<@U123> and <@W999|boss> please review',
  'see <#C0123ABC|general> for details',
  'ping <!subteam^S0123|@policy-team>',
  '<https://evil.example/phish|NHS England> publishes new guidance',
  '<javascript:alert(1)|Click here>',
  '@channel @here @everyone plain-text broadcast words',
  '<script>alert("x")</script> & <b>bold</b>',
  '\u202Eevil.exe\u202C reversed text and \u2067isolate\u2069',
  'عنوان عربي عن الخدمات الصحية Hebrew שלום',
  'NUL\u0000 and BEL\u0007 and ESC\u001b[31m control characters',
  '*bold* _italic_ ~strike~ `code` ```block```',
  '&lt;!channel&gt; already-escaped entity',
  'zero\u200Bwidth\u200Djoiner\uFEFFbom',
];

/**
 * Every `<…>` token in a piece of mrkdwn. A safe rendering contains only `<http(s)://…|…>` links
 * to allowed URLs and `<#C…>` channel links we generated ourselves.
 */
export function findMarkupTokens(mrkdwn: string): string[] {
  return mrkdwn.match(/<[^<>]*>/g) ?? [];
}

/** Problems in one mrkdwn string: live mentions, broadcasts, links outside `allowedUrls`. */
export function findUnsafeMarkup(mrkdwn: string, allowedUrls: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const token of findMarkupTokens(mrkdwn)) {
    if (/^<[!@]/.test(token)) problems.push(`mention ${token}`);
    else if (/^<#/.test(token)) {
      if (!/^<#[CGD][A-Z0-9]+>$/.test(token)) problems.push(`channel token ${token}`);
    } else {
      const m =
        /^<(https?:\/\/[^|<>\s]+)\|[^<>]*>$/.exec(token) ??
        /^<(https?:\/\/[^|<>\s]+)>$/.exec(token);
      if (!m) problems.push(`markup ${token}`);
      else if (!allowedUrls.has(m[1]!.replace(/&amp;/g, '&'))) problems.push(`link to ${m[1]}`);
    }
  }
  if (/@(channel|here|everyone)\b/i.test(mrkdwn)) problems.push('bare broadcast word');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(mrkdwn)) problems.push('bidi override');
  // eslint-disable-next-line no-control-regex -- looking for control characters on purpose
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(mrkdwn)) problems.push('control character');
  return problems;
}

/** All mrkdwn and plain text in a Slack message body, for scanning. */
export function collectTexts(message: { text?: unknown; blocks?: unknown }): string[] {
  const texts: string[] = [];
  if (typeof message.text === 'string') texts.push(message.text);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if ((obj.type === 'mrkdwn' || obj.type === 'plain_text') && typeof obj.text === 'string') {
        texts.push(obj.text);
      }
      Object.values(obj).forEach(visit);
    }
  };
  visit(message.blocks);
  return texts;
}
