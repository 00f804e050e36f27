// `briefing doctor` for email through the pipeline's platform loop (doctor-remote.ts
// checkPlatforms -> the email runtime's checkAccess) against real SMTP servers on loopback: one
// that accepts, one that refuses our login (one failing line with the fix, no password printed),
// a closed port, and an EMAIL_FROM that is not an address.
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging.js';
import { checkPlatforms } from '../../../src/pipeline/doctor-remote.js';
import { emailPlugin } from '../../../src/platforms/email/plugin.js';
import { emailEnv, startSmtp, type SmtpFixture } from './smtp-fixture.js';

let open: SmtpFixture;
let strict: SMTPServer;
let strictPort: number;

beforeAll(async () => {
  open = await startSmtp();
  // A server that offers AUTH (over plain TCP, as a test may) and refuses every login.
  strict = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(_auth, _session, callback) {
      callback(
        Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }),
      );
    },
  });
  await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
  strictPort = (strict.server.address() as { port: number }).port;
});
afterAll(async () => {
  await open.close();
  await new Promise<void>((resolve) => strict.close(() => resolve()));
});

const doctor = (env: ReturnType<typeof emailEnv>, addresses: string[] = []) =>
  checkPlatforms(env, new Map([['email', addresses]]), silentLogger, [emailPlugin]);

describe('email doctor', () => {
  it('passes against a server that accepts us', async () => {
    const checks = await doctor(emailEnv(open.url), ['a@nhs.example', 'b@nhs.example']);
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['email from', 'ok'],
      ['email smtp', 'ok'],
      ['email recipients', 'ok'],
    ]);
    expect(checks[1]!.detail).toContain(`127.0.0.1:${new URL(open.url).port} accepted`);
    expect(checks[2]!.detail).toBe('2 addresses subscribed');
  });

  it('gives one failing line with the fix when the server refuses our login', async () => {
    const env = emailEnv(`smtp://briefing:hunter2-secret@127.0.0.1:${strictPort}`);
    const checks = await doctor(env);
    const failing = checks.filter((c) => c.status !== 'ok');
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({
      name: 'email smtp',
      detail: expect.stringContaining('refused our login'),
      fix: expect.stringContaining('user name and password in SMTP_URL'),
    });
    expect(JSON.stringify(checks)).not.toContain('hunter2');
  });

  it('says the server cannot be reached on a closed port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const [, smtp] = await doctor(emailEnv(`smtp://127.0.0.1:${port}`));
    expect(smtp).toMatchObject({ status: 'fail', fix: expect.stringContaining('host and port') });
  });

  it('fails an EMAIL_FROM that is not one plain address', async () => {
    const [from] = await doctor(emailEnv(open.url, { EMAIL_FROM: 'Briefing <a..b@example.org>' }));
    expect(from).toMatchObject({
      name: 'email from',
      status: 'fail',
      fix: expect.stringContaining('EMAIL_FROM'),
    });
  });
});
