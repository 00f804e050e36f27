// Basic-auth users from WEB_USERS (scrypt hashes, config/web-users.ts and web/password-hash.ts)
// beside the bearer token: the hash format, sign-in over real HTTP on loopback, what stays
// public, the public-bind refusal, and `briefing web hash-password`.
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadEnv } from '../../src/config/env.js';
import { parseScryptHash, parseWebUsers, type WebUser } from '../../src/config/web-users.js';
import { hashPassword, verifyPassword } from '../../src/web/password-hash.js';
import { refuseUnsafeBind, startWebServer } from '../../src/web/server.js';
import type { WebDeps } from '../../src/web/web-deps.js';

// A low cost keeps the tests quick; the format and the code path are the production ones.
const CHEAP = { N: 1024, r: 8, p: 1 };

const deps: WebDeps = {
  readiness: () => [{ name: 'database', ok: true, detail: 'ok' }],
  metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'up 1\n' }),
};

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function users(entries: Record<string, string>): Promise<WebUser[]> {
  const text = (
    await Promise.all(
      Object.entries(entries).map(async ([n, p]) => `${n}:${await hashPassword(p, CHEAP)}`),
    )
  ).join(',');
  const parsed = parseWebUsers(text);
  expect(parsed.problems).toEqual([]);
  return parsed.users;
}

function basic(name: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` };
}

describe('password hashes', () => {
  it('are self-describing scrypt hashes that verify only the right password', async () => {
    const hash = await hashPassword('correct horse', CHEAP);
    expect(hash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    const parsed = parseScryptHash(hash);
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(await verifyPassword('correct horse', parsed)).toBe(true);
    expect(await verifyPassword('correct horsf', parsed)).toBe(false);
    expect(await hashPassword('correct horse', CHEAP)).not.toBe(hash); // a fresh salt each time
  });

  it('refuses malformed entries with the user named, never the hash', () => {
    const { users: none, problems } = parseWebUsers(
      'alice:md5$abc,:scrypt$1$8$1$AA==$AA==,bob:scrypt$1000$8$1$AAAA$AAAA,carol:scrypt$2097152$8$1$AAAA$AAAA',
    );
    expect(none).toEqual([]);
    expect(problems).toEqual([
      expect.stringContaining('user "alice": the hash is not scrypt$N$r$p$salt$hash'),
      expect.stringContaining('user 2 has no name'),
      expect.stringContaining('user "bob": the hash has N=1000; N must be a power of two'),
      expect.stringContaining('user "carol": the hash has N=2097152'),
    ]);
    const env = loadEnv({ WEB_USERS: 'alice:nope' });
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.errors.join('\n')).toMatch(/env WEB_USERS: user "alice"/);
  });
});

describe('sign-in with WEB_USERS', () => {
  async function serve(access: { token: string | null; users: WebUser[] }) {
    const { app, url } = await startWebServer(deps, { host: '127.0.0.1', port: 0, access });
    close = () => app.close();
    return url;
  }

  it('asks for Basic credentials and lets a listed user in', async () => {
    const url = await serve({ token: null, users: await users({ alice: 'wonderland 1865' }) });
    const refused = await fetch(`${url}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Basic realm="briefing", charset="UTF-8"');
    expect(
      (await fetch(`${url}/metrics`, { headers: basic('alice', 'wonderland 1865') })).status,
    ).toBe(200);
    // Again: the verified header is remembered, the answer is the same.
    expect(
      (await fetch(`${url}/metrics`, { headers: basic('alice', 'wonderland 1865') })).status,
    ).toBe(200);
    expect(
      (await fetch(`${url}/metrics`, { headers: basic('alice', 'wonderland 1866') })).status,
    ).toBe(401);
    expect(
      (await fetch(`${url}/metrics`, { headers: basic('mallory', 'wonderland 1865') })).status,
    ).toBe(401);
    expect(
      (await fetch(`${url}/metrics`, { headers: { authorization: 'Basic !!!' } })).status,
    ).toBe(401);
    // A bearer token is not accepted when none is configured.
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer x' } })).status).toBe(
      401,
    );
    // Probes and the stylesheet stay open.
    for (const path of ['/healthz', '/readyz', '/assets/site.css']) {
      expect((await fetch(`${url}${path}`)).status, path).toBe(200);
    }
    // An encoded path is matched as its route, so it cannot pass for a public one.
    expect((await fetch(`${url}/%6detrics`)).status).not.toBe(200);
  });

  it('accepts either the token or a user when both are set, and offers both schemes', async () => {
    const url = await serve({ token: 's3cret-token', users: await users({ bob: 'builder 1999' }) });
    const refused = await fetch(`${url}/metrics`);
    expect(refused.headers.get('www-authenticate')).toBe(
      'Basic realm="briefing", charset="UTF-8", Bearer realm="nhs-briefing-bot"',
    );
    const bearer = { authorization: 'Bearer s3cret-token' };
    expect((await fetch(`${url}/metrics`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${url}/metrics`, { headers: basic('bob', 'builder 1999') })).status).toBe(
      200,
    );
  });

  it('lets WEB_USERS satisfy the public-bind refusal', async () => {
    const listed = await users({ alice: 'wonderland 1865' });
    expect(refuseUnsafeBind({ host: '0.0.0.0', access: { token: null, users: [] } })).toContain(
      'set WEB_TOKEN or WEB_USERS',
    );
    expect(
      refuseUnsafeBind({ host: '0.0.0.0', access: { token: null, users: listed } }),
    ).toBeNull();
  });
});

describe('briefing web hash-password', () => {
  async function run(input: string) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await main(
      ['web', 'hash-password'],
      { stdin: Readable.from([input]), stdout, stderr },
      { LOG_LEVEL: 'silent' },
    );
    return { code, out, err };
  }

  it('prints a hash of the first line on stdin that WEB_USERS accepts', async () => {
    const { code, out } = await run('wonderland 1865\n');
    expect(code).toBe(0);
    const hash = out.trim();
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    const { users: listed } = parseWebUsers(`alice:${hash}`);
    expect(await verifyPassword('wonderland 1865', listed[0]!.password)).toBe(true);
  });

  it('refuses a short password', async () => {
    const { code, err } = await run('short\n');
    expect(code).toBe(2);
    expect(err).toContain('shorter than 8 characters');
  });
});
