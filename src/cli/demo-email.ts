// The demo's email step (issue 16): delivers the demo digest by email, through the registry's
// email plug-in (nodemailer) and the real outbox, to an SMTP server the demo runs on 127.0.0.1,
// which saves each message it accepts as an .eml file an email client can open. The server is
// the `smtp-server` package, a development dependency: where it is not installed (a production
// install) this step says so and is skipped.
import { randomBytes } from 'node:crypto';
import type { SMTPServer as SmtpServerClass } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnv } from '../config/env.js';
import type { DeliveryAdapter } from '../delivery/adapter.js';
import { enqueueDigest } from '../delivery/enqueue-digest.js';
import { processOutbox } from '../delivery/process-outbox.js';
import type { ChannelPlatform, Digest } from '../domain.js';
import type { Logger } from '../logging.js';
import { findPlatform } from '../platforms/index.js';
import type { Db } from '../store/database.js';
import { upsertSubscription } from '../store/subscriptions.js';

export const DEMO_ADDRESS = 'policy-team@demo.example';

export type DemoEmailResult =
  { status: 'sent'; files: string[] } | { status: 'skipped'; reason: string };

interface MailSink {
  port: number;
  files: string[];
  close(): Promise<void>;
}

async function startMailSink(mailDir: string): Promise<MailSink | null> {
  let SMTPServer: typeof SmtpServerClass;
  try {
    ({ SMTPServer } = await import('smtp-server'));
  } catch {
    return null;
  }
  mkdirSync(mailDir, { recursive: true });
  const files: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const file = join(mailDir, `message-${files.length + 1}.eml`);
        writeFileSync(file, Buffer.concat(chunks));
        files.push(file);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { port, files, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function runDemoEmail(input: {
  db: Db;
  digest: Digest;
  now: Date;
  mailDir: string;
  logger: Logger;
}): Promise<DemoEmailResult> {
  const sink = await startMailSink(input.mailDir);
  if (!sink)
    return { status: 'skipped', reason: 'smtp-server (a dev dependency) is not installed' };
  try {
    const env = loadEnv({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      EMAIL_FROM: 'NHS briefing demo <briefing@demo.example>',
      EMAIL_UNSUBSCRIBE_SECRET: randomBytes(32).toString('hex'),
    });
    const plugin = findPlatform('email');
    if (!env.ok || !plugin) throw new Error('demo: the email platform is not available');
    const adapter = (await plugin.load()).createDeliveryAdapter(env.env, input.logger);
    // The demo address counts as confirmed: the opt-in mail is shown by `subscribe --platform email`.
    const { subscription } = upsertSubscription(
      input.db,
      {
        platform: 'email',
        workspaceId: 'email',
        channelId: DEMO_ADDRESS,
        themes: 'all',
        organisations: [],
        schedule: null,
        createdBy: 'demo',
      },
      input.now,
    );
    enqueueDigest(input.db, { digest: input.digest, subscription, adapter, now: input.now });
    const adapters = new Map<ChannelPlatform, DeliveryAdapter>([['email', adapter]]);
    await processOutbox(input.db, adapters, input.now, { logger: input.logger });
    return { status: 'sent', files: [...sink.files] };
  } finally {
    await sink.close();
  }
}
