import { defineConfig } from '@playwright/test';
import { mailSinkPorts, origins, ports } from './e2e/origins.ts';

/**
 * Browser journeys against the real built server (`npm run build`), two processes on one
 * database file. Started by `npm run test:e2e` (scripts/e2e.ts), which builds, prepares the
 * database and finds Debian's Chromium.
 */
const databaseUrl = process.env.E2E_DATABASE_URL ?? 'file:test-results/e2e.db';
const serverEnv = {
  DATABASE_URL: databaseUrl,
  TRUST_PROXY: 'true',
  SITE_URL: origins[0],
  HOST: '0.0.0.0',
  // Email goes to a real SMTP server the tests read (e2e/mail.spec.ts).
  SMTP_URL: `smtp://127.0.0.1:${mailSinkPorts.smtp}`,
  MAIL_FROM: 'RTW Academy <no-reply@rtw-academy.test>',
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous bounds, not waits: every step waits on an event, and a busy machine (another build
  // beside the suite) can make a long journey take minutes. A hang still fails, just later.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/playwright',
  use: {
    baseURL: origins[0],
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: `node tests/helpers/mail-sink.ts --smtp ${mailSinkPorts.smtp} --http ${mailSinkPorts.http}`,
      url: `http://127.0.0.1:${mailSinkPorts.http}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
    ...ports.map((port) => ({
      // The production server as `npm run serve` runs it, one process per port.
      command: `node scripts/serve.ts --dist ${process.env.E2E_DIST ?? 'dist'}`,
      url: `http://127.0.0.1:${port}/`,
      env: { ...serverEnv, PORT: String(port), WEB_CONCURRENCY: '1' },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
  ],
});
