// The one browser launcher of the browser suites (tests/e2e, tests/xss): headless Chromium from /usr/bin through
// playwright-core, which www/node_modules holds (no browser is downloaded).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(REPO, 'www');
export const DIST = join(WWW, 'dist');
// playwright-core and axe-core live in www/node_modules, which ESM resolution from tests/ would not find.
export const wwwRequire = createRequire(join(WWW, 'package.json'));

export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches the shared headless Chromium; close it with `browser.close()`. */
export async function launchBrowser() {
  const { chromium } = wwwRequire('playwright-core');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
