// The web archive's Content-Security-Policy and sign-in, seen from a real Chromium: every page
// loads with no CSP violation (its stylesheet is allowed, nothing else is needed), a script
// injected inline is blocked by the policy, and with WEB_USERS set the browser gets a 401 until
// it signs in with basic auth (page.authenticate answers the challenge as a person would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cspViolations,
  launchBrowser,
  START_TIMEOUT_MS,
  renderedTextWidth,
  styleRuleCount,
  watchCspViolations,
  type Browser,
  type Page,
} from '../../helpers/browser-page.js';
import { hashPassword } from '../../../src/web/password-hash.js';
import { chromiumForTests } from '../../helpers/find-chromium.js';
import { startWebArchiveBot, type WebArchiveBot } from '../../helpers/web-archive-bot.js';

const chromium = chromiumForTests('test/web/browser/security.test.ts');

let browser: Browser;

describe.skipIf(chromium === null)('the web archive in a browser: CSP and sign-in', () => {
  beforeAll(async () => {
    browser = await launchBrowser(chromium!);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
  });

  describe('Content-Security-Policy', () => {
    let bot: WebArchiveBot;
    let page: Page;
    beforeAll(async () => {
      bot = await startWebArchiveBot();
      page = await browser.newPage();
      page.setDefaultTimeout(5_000);
      await watchCspViolations(page);
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await page?.close();
      await bot?.stop();
    });

    it.each(['/', '/weeks/2017-W07', '/search?q=carter', '/sources'])(
      '%s loads its stylesheet with no CSP violation',
      async (path) => {
        const response = await page.goto(new URL(path, bot.url).href, { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toMatch(/default-src 'none'/);
        expect(await cspViolations(page)).toEqual([]);
        expect(await styleRuleCount(page), 'rules from /assets/site.css').toBeGreaterThan(0);
        expect(await renderedTextWidth(page, 'h1')).toBeGreaterThan(50);
      },
    );

    it('blocks a script injected inline, and reports it', async () => {
      await page.goto(new URL('/weeks/2017-W07', bot.url).href, { waitUntil: 'load' });
      // What an HTML-injection bug would smuggle in: an inline <script> the page did not ship.
      const ran = await page.evaluate(() => {
        const g = globalThis as unknown as {
          document: {
            createElement(tag: 'script'): { textContent: string };
            body: { appendChild(node: unknown): void };
          };
          injectedRan?: boolean;
        };
        const script = g.document.createElement('script');
        script.textContent = 'globalThis.injectedRan = true;';
        g.document.body.appendChild(script);
        return g.injectedRan === true;
      });
      expect(ran).toBe(false);
      await page.waitForFunction(
        () =>
          ((globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).length >
          0,
      );
      expect(await cspViolations(page)).toEqual([expect.stringMatching(/^script-src/)]);
    });
  });

  describe('basic-auth sign-in (WEB_USERS)', () => {
    let bot: WebArchiveBot;
    let page: Page;
    beforeAll(async () => {
      const hash = await hashPassword('correct horse battery staple');
      bot = await startWebArchiveBot({ WEB_USERS: `alice:${hash}` });
      page = await browser.newPage();
      page.setDefaultTimeout(5_000);
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await page?.close();
      await bot?.stop();
    });

    const status = async (path: string) =>
      (await page.goto(new URL(path, bot.url).href, { waitUntil: 'load' }))?.status();

    it('answers 401 to a browser that has not signed in', async () => {
      expect(await status('/')).toBe(401);
      expect(await status('/weeks/2017-W07')).toBe(401);
      expect(await status('/healthz')).toBe(200);
    });

    it('still answers 401 to a wrong password', async () => {
      await page.authenticate({ username: 'alice', password: 'wrong' });
      expect(await status('/')).toBe(401);
    });

    it('opens the pages once the browser answers the challenge, stylesheet included', async () => {
      await page.authenticate({ username: 'alice', password: 'correct horse battery staple' });
      expect(await status('/')).toBe(200);
      expect(await renderedTextWidth(page, 'h1')).toBeGreaterThan(50);
      expect(await styleRuleCount(page), 'the stylesheet loads signed in too').toBeGreaterThan(0);
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.click('a[href="/weeks/2017-W07"]'),
      ]);
      expect(response?.status()).toBe(200);
    });
  });
});
