// Where the headless Chromium for the page tests is (test/web/browser/). Debian's
// chromium-headless-shell (or full chromium) installs its real binary under /usr/lib/chromium/;
// the /usr/bin wrapper script is not launched (STACK.md, "A real browser for page tests").
// CHROMIUM_PATH overrides. Missing browser: under CI=true the test file fails at once (.ci/run
// installs the package, so a miss there is a broken machine); elsewhere the browser tests are
// skipped with a warning naming what is missing, never silently.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/lib/chromium/chromium',
] as const;

export type ChromiumLookup = { found: true; path: string } | { found: false; missing: string };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser binary to launch, or what is missing in words a developer can act on. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const override = env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') {
    return isExecutable(override)
      ? { found: true, path: override }
      : { found: false, missing: `CHROMIUM_PATH=${override} (not an executable file)` };
  }
  const path = CHROMIUM_CANDIDATES.find(isExecutable);
  if (path !== undefined) return { found: true, path };
  return {
    found: false,
    missing:
      `a headless Chromium (none of ${CHROMIUM_CANDIDATES.join(', ')}); install it with ` +
      '`apt-get install chromium-headless-shell fonts-liberation` (as root, or run .ci/run), ' +
      'or set CHROMIUM_PATH',
  };
}

/**
 * For `describe.skipIf(...)`: the binary's path, or null after a loud warning. Under CI=true a
 * missing browser throws instead, so CI can never pass by skipping the page tests.
 */
export function chromiumForTests(
  file: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const lookup = findChromium(env);
  if (lookup.found) return lookup.path;
  const message = `browser tests: ${file} SKIPPED: missing ${lookup.missing}`;
  if (env.CI === 'true') throw new Error(`${message} (CI=true: the browser must be installed)`);
  console.warn(`\n*** ${message} ***\n`);
  return null;
}
