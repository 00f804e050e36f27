// The real-browser side of the page tests: one headless Chromium per test file (puppeteer-core
// drives Debian's binary; find-chromium.ts says where it is), and what the tests measure in a page:
// axe-core's serious and critical violations, horizontal overflow, whether text has width, and
// Content-Security-Policy violations reported by the page itself.
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type { Browser, Page } from 'puppeteer-core';

/**
 * For the beforeAll that starts the bot and the browser: a poll, two digest runs and a Chromium
 * launch take a few seconds alone, and CI shares two cores with everything else.
 */
export const START_TIMEOUT_MS = 60_000;

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844, isMobile: true, hasTouch: true } as const;

/** Launches the binary; --no-sandbox because tests run as root (Chromium refuses otherwise). */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
  });
}

/**
 * The few browser globals the page functions below use. The project type-checks without the DOM
 * library (nothing in src/ runs in a browser), so page code names what it touches here.
 */
interface PageGlobals {
  document: {
    scrollingElement: { scrollWidth: number } | null;
    documentElement: { scrollWidth: number };
    styleSheets: Iterable<{ cssRules: { length: number } }>;
    createRange(): {
      selectNodeContents(node: unknown): void;
      getBoundingClientRect(): { width: number };
    };
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string; blockedURI: string }) => void,
    ): void;
  };
  innerWidth: number;
  __cspViolations?: string[];
}

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes. */
  targets: string[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. axe goes in with
 * addScriptTag, an inline script: open pages checked this way with `page.setBypassCSP(true)`
 * (before navigating), since the site's CSP rightly blocks inline scripts.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    // `axe` is the global axe.min.js defines; typed loosely here so the page code stays small.
    const axe = (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    }
    const results = await axe.run();
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** How far the page is wider than the viewport, in CSS pixels (0: no horizontal scroll). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    const root = document.scrollingElement ?? document.documentElement;
    return Math.max(0, root.scrollWidth - innerWidth);
  });
}

/**
 * The rendered width of the text inside the first element matching `selector` (a Range's box,
 * so a block's own width does not count). Zero when no font could render it.
 */
export function renderedTextWidth(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (element) => {
    const range = (globalThis as unknown as PageGlobals).document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect().width;
  });
}

/** CSS rules the page's stylesheets brought (0: the stylesheet was blocked or never loaded). */
export function styleRuleCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return [...document.styleSheets].reduce((n, sheet) => n + sheet.cssRules.length, 0);
  });
}

/**
 * Records every `securitypolicyviolation` event the page fires, from the first script on: the
 * listener is installed by the browser before the page's own code, so it is not itself subject
 * to the page's CSP. Read them with `cspViolations(page)`.
 */
export async function watchCspViolations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const page = globalThis as unknown as PageGlobals;
    const seen: string[] = [];
    page.__cspViolations = seen;
    page.document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__cspViolations ?? []);
}
