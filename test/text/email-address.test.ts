// The chat address check (text/email-address.ts): one plain mailbox in, canonical lower case out;
// everything nodemailer's parser would read as more than one bare address is refused with why.
import { describe, expect, it } from 'vitest';
import { checkEmailAddress } from '../../src/text/email-address.js';

describe('checkEmailAddress', () => {
  it.each([
    ['team@nhs.net', 'team@nhs.net'],
    ['  Pat.Policy+digest@Example.NHS.uk ', 'pat.policy+digest@example.nhs.uk'],
    ["o'brien@trust.nhs.uk", "o'brien@trust.nhs.uk"],
    [`${'a'.repeat(64)}@nhs.net`, `${'a'.repeat(64)}@nhs.net`],
  ])('accepts %s', (input, address) => {
    expect(checkEmailAddress(input)).toEqual({ ok: true, address });
  });

  it.each([
    ['', 'no address was given'],
    ['Pat <pat@nhs.net>', 'without a name or angle brackets'],
    ['<pat@nhs.net>', 'without a name or angle brackets'],
    ['pat@nhs.net (Pat)', 'without a name or angle brackets'],
    ['a@nhs.net, b@nhs.net', 'exactly one address'],
    ['a@nhs.net;b@nhs.net', 'exactly one address'],
    ['team: a@nhs.net, b@nhs.net;', 'group'],
    ['a@nhs.net\r\nBcc: b@nhs.net', 'line break'],
    ['a@nhs.net\nb', 'line break'],
    ['<@U0123ABC>', 'mention'],
    ['<!channel>', 'mention'],
    ['@everyone', 'mention'],
    ['pät@nhs.net', 'plain ASCII'],
    [`${'a'.repeat(65)}@nhs.net`, 'at most 64'],
    [`${'a'.repeat(60)}@${'b'.repeat(200)}.net`, 'at most 254'],
    ['a..b@nhs.net', 'characters an address cannot have'],
    ['.a@nhs.net', 'characters an address cannot have'],
    ['"a b"@nhs.net', 'characters an address cannot have'],
    ['a@b@nhs.net', 'one @'],
    ['root@localhost', 'not a mail domain'],
    ['root@[127.0.0.1]', 'not a mail domain'],
    ['a@-nhs.net', 'not a mail domain'],
    ['a@nhs.123', 'not a mail domain'],
    ['nhs.net', 'one @'],
  ])('refuses %j', (input, reason) => {
    const checked = checkEmailAddress(input);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toContain(reason);
  });
});
