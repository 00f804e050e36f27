// One recipient address typed in chat (`email add team@nhs.net`), checked before anything is
// stored or mailed. nodemailer's own address parser (the one that builds the RCPT TO list) reads
// the structure, so what it would see as a display name, a group or a second address is refused
// here with the reason; the bare address must then be a plain RFC 5321 mailbox: a dot-atom
// local part (RFC 5322 3.2.3 atext, no quoted strings), a host name of letter-digit-hyphen labels
// with a top-level domain (no IP literals), at most 64 + 254 characters (RFC 5321 4.5.3.1).
// Non-ASCII addresses (SMTPUTF8) are refused: not every relay accepts them.
import addressparser from 'nodemailer/lib/addressparser';

export type EmailAddressCheck = { ok: true; address: string } | { ok: false; reason: string };

/** RFC 5321 4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
export const MAX_ADDRESS_CHARS = 254;
const MAX_LOCAL_CHARS = 64;
const ATEXT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The canonical (lower-case) address, or why the text is not one plain address. */
export function checkEmailAddress(input: string): EmailAddressCheck {
  const text = input.trim();
  if (text === '') return refuse('no address was given');
  if (text.length > MAX_ADDRESS_CHARS)
    return refuse(`an address is at most ${MAX_ADDRESS_CHARS} characters`);
  // Control characters (CR/LF above all: header injection) and non-ASCII before any parsing.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text))
    return refuse('it contains a line break or control character');
  if (/[^\u0020-\u007e]/.test(text)) return refuse('only plain ASCII addresses are accepted');
  if (/^<[@#!]/.test(text) || /^@(here|channel|everyone)\b/i.test(text))
    return refuse('that is a mention, not an address');
  if (!text.includes('@')) return refuse('an address has one @ with a name before it');
  const parsed = addressparser(text);
  if (parsed.length !== 1) return refuse('give exactly one address');
  const [entry] = parsed;
  if (!entry || entry.group !== undefined) return refuse('give one address, not a group');
  if (entry.name !== '' || entry.address !== text)
    return refuse('give the bare address only, without a name or angle brackets');
  return checkMailbox(text);
}

function checkMailbox(address: string): EmailAddressCheck {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at)
    return refuse('an address has one @ with a name before it');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.length > MAX_LOCAL_CHARS)
    return refuse(`the part before @ is at most ${MAX_LOCAL_CHARS} characters`);
  if (!local.split('.').every((atom) => ATEXT.test(atom)))
    return refuse('the part before @ has characters an address cannot have');
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(tld))
    return refuse('the part after @ is not a mail domain such as nhs.net');
  return { ok: true, address: address.toLowerCase() };
}

function refuse(reason: string): EmailAddressCheck {
  return { ok: false, reason };
}
