import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:4680';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base + '/sign-in');
await page.getByLabel('Email address').fill(process.argv[2] ?? 'learner@demo.rtw-academy.my');
await page.getByLabel('Password').fill('rtw-demo-2026');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.waitForLoadState('networkidle');
for (const path of (process.argv[3] ?? '').split(',').filter(Boolean)) {
  const res = await page.goto(base + path);
  await page.waitForTimeout(500);
  console.log(path, res?.status(), page.url());
  await page.screenshot({ path: `/tmp/shots/${path.replace(/[^a-z0-9]+/gi, '_')}.png`, fullPage: process.env.FULL !== '0' });
}
await browser.close();
