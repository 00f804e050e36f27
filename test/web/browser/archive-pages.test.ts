// The web archive as a reader uses it, in a real headless Chromium over a running bot (seeded
// through the real pipeline, test/helpers/web-archive-bot.ts): open the index, follow a week,
// follow a story, search by typing into the form, open the source health page. Every page is
// photographed at desktop and phone widths into test/.artifacts/screenshots/ (gitignored), has no
// horizontal scroll on a phone, renders text with real width (fonts installed), and prints
// without its navigation.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  horizontalOverflow,
  launchBrowser,
  START_TIMEOUT_MS,
  renderedTextWidth,
  type Browser,
  type Page,
} from '../../helpers/browser-page.js';
import { chromiumForTests } from '../../helpers/find-chromium.js';
import { startWebArchiveBot, type WebArchiveBot } from '../../helpers/web-archive-bot.js';

const chromium = chromiumForTests('test/web/browser/archive-pages.test.ts');
const SCREENSHOTS = 'test/.artifacts/screenshots';

let bot: WebArchiveBot;
let browser: Browser;
let page: Page;
/** Pages visited by the journey, by name, for the width, overflow and print checks. */
const visited = new Map<string, string>();

async function open(path: string): Promise<void> {
  const response = await page.goto(new URL(path, bot.url).href, { waitUntil: 'load' });
  expect(response?.status(), `GET ${path}`).toBe(200);
}

/** Clicks the first link matching `selector` and waits for the page it leads to. */
async function follow(selector: string): Promise<string> {
  await page.waitForSelector(selector);
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  expect(response?.status(), `following ${selector}`).toBe(200);
  return new URL(page.url()).pathname + new URL(page.url()).search;
}

const text = (selector: string) =>
  page.$eval(selector, (e) => (e as { textContent: string }).textContent);

describe.skipIf(chromium === null)('the web archive in a browser', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    [bot, browser] = await Promise.all([startWebArchiveBot(), launchBrowser(chromium!)]);
    page = await browser.newPage();
    // A missing element fails the test in seconds, not puppeteer's default 30.
    page.setDefaultTimeout(5_000);
    await page.setViewport(DESKTOP);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('opens the archive index, newest week first, with text that has width', async () => {
    await open('/');
    visited.set('index', '/');
    expect(await page.$eval('html', (e) => e.getAttribute('lang'))).toBe('en-GB');
    const weeks = await page.$$eval('a[href^="/weeks/"]', (links) =>
      links.map((a) => a.getAttribute('href')),
    );
    expect(weeks.slice(0, 2)).toEqual(['/weeks/2017-W07', '/weeks/2017-W06']);
    // Without fonts Chromium lays text out with no width and clicks land nowhere.
    expect(await renderedTextWidth(page, 'h1')).toBeGreaterThan(50);
  });

  it("follows a week's link to its catch-up", async () => {
    const path = await follow('a[href="/weeks/2017-W07"]');
    visited.set('week', path);
    expect(path).toBe('/weeks/2017-W07');
    expect(await text('h1')).toMatch(/2017|February/);
    expect(await text('main')).toContain('Carter');
  });

  it("follows a story's link to the story page, with its themes and a link out", async () => {
    const path = await follow('main a[href^="/stories/"]');
    visited.set('story', path);
    expect(path).toMatch(/^\/stories\/[\w-]+$/);
    expect((await text('h1')).trim().length).toBeGreaterThan(10);
    const out = await page.$$eval('main a[href^="http"]', (links) => links.length);
    expect(out).toBeGreaterThan(0);
  });

  it('searches by typing into the form, and highlights the words found', async () => {
    await open('/');
    expect(await follow('nav a[href="/search"]')).toBe('/search');
    const box = 'main form[action="/search"] input[name="q"]';
    await page.waitForSelector(box);
    // The search box has a visible label (WCAG 2.2, 3.3.2) naming it.
    const labelled = await page.$eval(
      box,
      (input) => (input as { labels: unknown[] }).labels.length,
    );
    expect(labelled).toBeGreaterThan(0);
    await page.type(box, 'carter');
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(response?.status()).toBe(200);
    const url = new URL(page.url());
    visited.set('search', url.pathname + url.search);
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.get('q')).toBe('carter');
    const marks = await page.$$eval('main mark', (found) =>
      found.map((m) => (m.textContent ?? '').toLowerCase()),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m.includes('carter'))).toBe(true);
    // A highlight stays a word of its sentence: "Lord Carter published", not "LordCarterpublished".
    const around = await page.$$eval('main mark', (found) =>
      found.map((m) => {
        const parent = (m as unknown as { parentElement: { textContent: string } }).parentElement;
        return parent.textContent.replace(/\s+/g, ' ');
      }),
    );
    for (const sentence of around) expect(sentence).toMatch(/(^|[\s(“"'‘])carter\b/i);
    expect(around.join(' ')).toContain('Lord Carter published');
    expect(await page.$$eval('main a[href^="/stories/"]', (links) => links.length)).toBeGreaterThan(
      1,
    );
  });

  it('shows each source with its last poll, including the one that failed', async () => {
    await open('/sources');
    visited.set('sources', '/sources');
    const body = await text('main');
    expect(body).toContain('Example Policy Institute');
    expect(body).toContain('A feed that moved');
    expect(body).toMatch(/404/);
  });

  it('photographs every page at desktop and phone widths, with no sideways scroll on a phone', async () => {
    expect([...visited.keys()]).toEqual(['index', 'week', 'story', 'search', 'sources']);
    const overflowing: string[] = [];
    for (const [viewport, size] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      await page.setViewport(size);
      for (const [name, path] of visited) {
        await open(path);
        await page.screenshot({ path: `${SCREENSHOTS}/${name}-${viewport}.png`, fullPage: true });
        const overflow = await horizontalOverflow(page);
        if (viewport === 'phone' && overflow > 0) overflowing.push(`${path}: ${overflow}px`);
      }
    }
    await page.setViewport(DESKTOP);
    expect(overflowing).toEqual([]);
  });

  it('sees sideways scroll when a page has it (the phone check can fail)', async () => {
    await page.setViewport(PHONE);
    try {
      await page.setContent('<!doctype html><body><pre>' + 'wide '.repeat(200) + '</pre></body>');
      expect(await horizontalOverflow(page)).toBeGreaterThan(0);
    } finally {
      await page.setViewport(DESKTOP);
    }
  });

  it('prints without the navigation', async () => {
    await page.emulateMediaType('print');
    try {
      for (const path of visited.values()) {
        await open(path);
        expect(await page.$('nav'), `${path} has a nav to hide`).not.toBeNull();
        const shown = await page.$$eval(
          'nav',
          (navs) =>
            navs.filter((n) => (n as { checkVisibility(): boolean }).checkVisibility()).length,
        );
        expect(shown, `${path} prints its nav`).toBe(0);
        expect(await renderedTextWidth(page, 'h1')).toBeGreaterThan(50);
      }
      await open(visited.get('week')!);
      await page.pdf({ path: `${SCREENSHOTS}/week-print.pdf`, format: 'A4' });
    } finally {
      await page.emulateMediaType(undefined);
    }
  });
});
