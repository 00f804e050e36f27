// Sign-in for the web server: probes never need it, everything else does once WEB_TOKEN is
// set, and the server will not listen beyond loopback without it. Real HTTP on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { refuseUnsafeBind, startWebServer } from '../../src/web/server.js';
import type { WebDeps } from '../../src/web/web-deps.js';

const deps: WebDeps = {
  readiness: () => [{ name: 'database', ok: false, detail: 'disk full' }],
  metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'up 1\n' }),
};

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(token: string | null) {
  const { app, url } = await startWebServer(deps, {
    host: '127.0.0.1',
    port: 0,
    access: { token },
  });
  close = () => app.close();
  return url;
}

describe('web access', () => {
  it('with WEB_TOKEN: probes are open, metrics need the bearer token', async () => {
    const url = await serve('s3cret-token');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({
      status: 'not ready',
      checks: [{ name: 'database', ok: false, detail: 'disk full' }],
    });
    const refused = await fetch(`${url}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    const wrong = await fetch(`${url}/metrics`, {
      headers: { authorization: 'Bearer s3cret-tokem' },
    });
    expect(wrong.status).toBe(401);
    const allowed = await fetch(`${url}/metrics`, {
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect([allowed.status, await allowed.text()]).toEqual([200, 'up 1\n']);
    expect((await fetch(`${url}/metrics?x=1`)).status).toBe(401);
  });

  it('without WEB_TOKEN on loopback: open', async () => {
    const url = await serve(null);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
  });

  it('refuses a public interface without sign-in', async () => {
    expect(refuseUnsafeBind({ host: '0.0.0.0', access: { token: null } })).toContain(
      'set WEB_TOKEN',
    );
    expect(refuseUnsafeBind({ host: '0.0.0.0', access: { token: 't' } })).toBeNull();
    expect(refuseUnsafeBind({ host: '::1', access: { token: null } })).toBeNull();
    await expect(
      startWebServer(deps, { host: '0.0.0.0', port: 0, access: { token: null } }),
    ).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without sign-in/);
  });
});
