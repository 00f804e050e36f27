// axe-core in a real Chromium on every page of the web archive: no serious or critical
// violations. The check is proved able to fail on a page built to break it (an image without alt
// text, an input without a label), so a passing run means the pages are clean, not that axe
// never ran. axe goes in as an inline script, so these pages are opened with CSP bypassed
// (security.test.ts checks the policy itself).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  START_TIMEOUT_MS,
  seriousAxeViolations,
  type Browser,
  type Page,
} from '../../helpers/browser-page.js';
import { chromiumForTests } from '../../helpers/find-chromium.js';
import { startWebArchiveBot, type WebArchiveBot } from '../../helpers/web-archive-bot.js';

const chromium = chromiumForTests('test/web/browser/accessibility.test.ts');

let bot: WebArchiveBot;
let browser: Browser;
let page: Page;

async function open(path: string): Promise<void> {
  const response = await page.goto(new URL(path, bot.url).href, { waitUntil: 'load' });
  expect(response?.status(), `GET ${path}`).toBe(200);
}

/** The first story page linked from a week's catch-up (refs are not known in advance). */
async function aStoryPath(): Promise<string> {
  await open('/weeks/2017-W07');
  const href = await page.$eval('main a[href^="/stories/"]', (a) => a.getAttribute('href'));
  return href ?? '/stories/missing';
}

const describeAxe = (violations: Awaited<ReturnType<typeof seriousAxeViolations>>) =>
  violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);

describe.skipIf(chromium === null)('accessibility of the web archive (axe-core)', () => {
  beforeAll(async () => {
    [bot, browser] = await Promise.all([startWebArchiveBot(), launchBrowser(chromium!)]);
    page = await browser.newPage();
    page.setDefaultTimeout(5_000);
    await page.setBypassCSP(true);
    await page.setViewport(DESKTOP);
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('finds the violations on a page built to have them (the check can fail)', async () => {
    await page.setContent(
      '<!doctype html><html><head><title>Bad</title></head><body><main>' +
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">' +
        '<input type="text" name="q"></main></body></html>',
    );
    const ids = (await seriousAxeViolations(page)).map((v) => v.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['image-alt', 'label']));
  });

  it.each([
    ['the archive index', '/', 200],
    ["a week's catch-up", '/weeks/2017-W07', 200],
    ['search results', '/search?q=carter', 200],
    ['a search with no results', '/search?q=zzzqqq', 200],
    ['the empty search form', '/search', 200],
    ['source health', '/sources', 200],
    ['a week that is not there', '/weeks/1999-W01', 404],
  ])('%s (%s) has no serious or critical violations', async (_name, path, status) => {
    const response = await page.goto(new URL(path, bot.url).href, { waitUntil: 'load' });
    expect(response?.status()).toBe(status);
    expect(describeAxe(await seriousAxeViolations(page))).toEqual([]);
  });

  it('a story page has no serious or critical violations', async () => {
    await open(await aStoryPath());
    expect(describeAxe(await seriousAxeViolations(page))).toEqual([]);
  });
});
