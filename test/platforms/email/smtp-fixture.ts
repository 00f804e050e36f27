// A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps every message it
// accepted, parsed with a real MIME parser (`mailparser`). `refuse` lets a test answer RCPT TO
// with a 4xx or 5xx for an address, as a real relay would.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { loadEnv, type Env } from '../../../src/config/env.js';

export interface Received {
  envelopeTo: string[];
  raw: string;
  mail: ParsedMail;
}

export interface SmtpFixture {
  url: string;
  received: Received[];
  /** address -> [code, text] to answer its RCPT TO with (deleted to accept again). */
  refuse: Map<string, [number, string]>;
  /** Raw header line (unfolded, without the name) of a received message. */
  header(mail: ParsedMail, name: string): string | undefined;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpFixture> {
  const received: Received[] = [];
  const refuse = new Map<string, [number, string]>();
  const pending: Promise<void>[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse.get(address.address.toLowerCase());
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal[1]), { responseCode: refusal[0] });
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = simpleParser(raw).then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, mail });
        });
        pending.push(parsed);
        // Accept only once the message is parsed and kept, like a server that commits first.
        parsed.then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('smtp fixture: no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    refuse,
    header(mail, name) {
      const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
      return line
        ?.slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim();
    },
    async close() {
      await Promise.allSettled(pending);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const SECRET = 'test-secret-test-secret-test-secret-0123';

/** A validated env pointing email at the fixture. */
export function emailEnv(smtpUrl: string, extra: Record<string, string> = {}): Env {
  const loaded = loadEnv({
    SMTP_URL: smtpUrl,
    EMAIL_FROM: 'NHS briefing <briefing@example.org>',
    EMAIL_UNSUBSCRIBE_SECRET: SECRET,
    EMAIL_PUBLIC_URL: 'https://briefing.example.org',
    LOG_LEVEL: 'silent',
    ...extra,
  });
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.env;
}
