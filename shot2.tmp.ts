import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const path of process.argv.slice(2)) {
  await page.goto(`http://127.0.0.1:4391${path}`, { waitUntil: 'networkidle' });
  const name = path.replace(/\W+/g, '_');
  await page.pdf({ path: `/tmp/hb/pr${name}.pdf`, format: 'A4' });
  console.log(path, (await page.evaluate(() => document.body.innerText.length)));
}
await browser.close();
