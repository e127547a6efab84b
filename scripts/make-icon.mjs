// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with Playwright and the system
// Chromium. Run after editing the SVG: node scripts/make-icon.mjs; commit both files.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const svgPath = `${root}build/icon.svg`;
const pngPath = `${root}build/icon.png`;
const SIZE = 512;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(
    `make-icon: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  process.exit(1);
}

const svg = readFileSync(svgPath, 'utf8');
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const html = `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}svg{display:block;width:${SIZE}px;height:${SIZE}px}</style></head><body>${svg}</body></html>`;
  await page.setContent(html);
  const png = await page.locator('svg').screenshot({ omitBackground: true, type: 'png' });
  writeFileSync(pngPath, png);
  console.log(`make-icon: wrote ${pngPath} (${png.length} bytes)`);
} finally {
  await browser.close();
}
