// `briefing doctor` for email: EMAIL_FROM is one plain address (the same check chat uses for
// recipients, text/email-address.ts) and the SMTP server at SMTP_URL accepts a connection and
// our login (nodemailer's transport.verify(): connect, EHLO, STARTTLS when offered, AUTH when
// the URL has credentials; no message is sent). The password is never printed: lines name the
// server by host and port only. Recipients have nothing to check before a send; how many wait
// for confirmation shows in `briefing status`.
import { problemText } from '../../config/config-error.js';
import type { Env } from '../../config/env.js';
import { checkEmailAddress } from '../../text/email-address.js';
import type { AccessCheck } from '../plugin.js';
import { createSmtpTransport } from './delivery-adapter.js';
import { readEmailSettings, type EmailSettings } from './email-settings.js';

interface SmtpErrorShape {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

export async function checkEmailAccess(
  env: Pick<Env, 'SMTP_URL' | 'EMAIL_FROM' | 'EMAIL_UNSUBSCRIBE_SECRET' | 'EMAIL_PUBLIC_URL'>,
  addresses: readonly string[],
): Promise<AccessCheck[]> {
  let settings: EmailSettings;
  try {
    settings = readEmailSettings(env);
  } catch (error) {
    return [
      {
        name: 'email settings',
        status: 'fail',
        detail: problemText(error).replace(/^email: /, ''),
        fix: 'set SMTP_URL, EMAIL_FROM and EMAIL_UNSUBSCRIBE_SECRET (see .env.example)',
      },
    ];
  }
  const from = checkEmailAddress(settings.fromAddress);
  const fromCheck: AccessCheck = from.ok
    ? { name: 'email from', status: 'ok', detail: `EMAIL_FROM sends as ${from.address}` }
    : {
        name: 'email from',
        status: 'fail',
        detail: `EMAIL_FROM is not one plain address (${from.reason})`,
        fix: 'set EMAIL_FROM to an address, e.g. "NHS briefing <briefing@example.org>"',
      };
  const recipients: AccessCheck = {
    name: 'email recipients',
    status: 'ok',
    detail: `${addresses.length} address${addresses.length === 1 ? '' : 'es'} subscribed`,
  };
  return [fromCheck, await verifySmtp(settings), recipients];
}

async function verifySmtp(settings: EmailSettings): Promise<AccessCheck> {
  const server = describeServer(settings.smtpUrl);
  const transport = createSmtpTransport(settings);
  try {
    await transport.verify();
    return { name: 'email smtp', status: 'ok', detail: `${server} accepted the connection` };
  } catch (error) {
    return { name: 'email smtp', status: 'fail', ...explain(error as SmtpErrorShape, server) };
  } finally {
    transport.close();
  }
}

/** What went wrong and the fix, by nodemailer's error code (and the SMTP reply code). */
function explain(e: SmtpErrorShape, server: string): { detail: string; fix: string } {
  const said = (e.response ?? e.message ?? 'no reason given').replace(/\s+/g, ' ').slice(0, 160);
  if (e.code === 'EAUTH' || e.responseCode === 535 || e.responseCode === 530) {
    return {
      detail: `${server} refused our login (${said})`,
      fix: 'check the user name and password in SMTP_URL (percent-encode @ : / in them)',
    };
  }
  if (e.code === 'ETLS' || /certificate|TLS|SSL/i.test(said)) {
    return {
      detail: `TLS with ${server} failed (${said})`,
      fix: 'use smtps:// for port 465 and smtp:// (STARTTLS) for 587; check the server certificate',
    };
  }
  if (
    e.code === 'ETIMEDOUT' ||
    e.code === 'ECONNECTION' ||
    e.code === 'ESOCKET' ||
    e.code === 'EDNS'
  ) {
    return {
      detail: `could not talk to ${server} (${said})`,
      fix: 'check the host and port in SMTP_URL and that this machine may reach it (firewall)',
    };
  }
  return { detail: `${server} answered: ${said}`, fix: 'check SMTP_URL with your mail provider' };
}

/** "smtp.example.org:465" without the user name or password. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
    return `the SMTP server ${parsed.hostname}:${port}`;
  } catch {
    return 'the SMTP server in SMTP_URL';
  }
}
