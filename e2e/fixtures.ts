import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Cookie, type Page } from '@playwright/test';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { DEMO_TOTP_SECRET } from '../scripts/seed/demo.ts';

export { expect };

/** Demo accounts seeded into the e2e database (db/seed.ts). */
export const demo = {
  password: 'rtw-demo-2026',
  admin: { email: 'admin@demo.rtw-academy.my', name: 'Nurul Huda binti Ismail' },
  trainer: { email: 'trainer@demo.rtw-academy.my', name: 'Rajesh a/l Subramaniam' },
  learner: { email: 'learner@demo.rtw-academy.my', name: 'Siti Nur Aisyah binti Abdullah' },
} as const;

let clientCounter = 0;

/**
 * A documentation-range IPv6 network (a /64, the unit throttles count an IPv6 client by), unique
 * in the run. Playwright replaces a worker process after a failed test and the counter starts
 * again, so the worker's index (new for every process) is part of it: a replacement never reuses
 * a network whose throttles the tests before it used up.
 */
export function nextClientNetwork(): string {
  clientCounter += 1;
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0);
  return `2001:db8:${worker.toString(16)}:${clientCounter.toString(16)}`;
}

/** An address of a network of its own (never contacted: it only travels in a header). */
export function nextClientAddress(): string {
  return `${nextClientNetwork()}::1`;
}

/**
 * The servers run with TRUST_PROXY=true, as behind a reverse proxy, and each test presents its
 * own client address in X-Forwarded-For, so the per-address sign-in and registration throttles
 * of one test never affect another.
 */
export const test = base.extend<{ clientAddress: string }>({
  clientAddress: async ({}, use) => {
    await use(nextClientAddress());
  },
  extraHTTPHeaders: async ({ clientAddress }, use) => {
    await use({ 'X-Forwarded-For': clientAddress });
  },
});

export function uniqueEmail(prefix = 'learner'): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.my`;
}

export async function register(
  page: Page,
  input: { fullName: string; email: string; password?: string; joinCode?: string },
): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Full name').fill(input.fullName);
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel('Password', { exact: true }).fill(input.password ?? 'kopi-o-kosong-panas');
  // Without a join code the account is an independent learner (no employer).
  if (input.joinCode) await page.getByLabel('Join code (optional)').fill(input.joinCode);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Demo accounts seeded with the published demo TOTP key (their role requires two-step verification). */
const demoMfaEmails = new Set<string>([demo.admin.email]);

const lastStepUsed = new Map<string, number>();

/**
 * A TOTP code for `secret` that the server has not accepted yet: the server takes each time step
 * once and allows one step either side of its clock, so a second sign-in within 30 seconds uses
 * the next step; a third waits for the clock to reach a fresh one.
 */
export async function nextTotpCode(page: Page, secret: string = DEMO_TOTP_SECRET): Promise<string> {
  const periodMs = 30_000;
  for (;;) {
    const now = Date.now();
    const current = Math.floor(now / periodMs);
    const last = lastStepUsed.get(secret) ?? -Infinity;
    const step = Math.max(current, last + 1);
    if (step <= current + 1) {
      lastStepUsed.set(secret, step);
      return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), 6);
    }
    // The clock, not the page, is what we wait for here: the next 30-second step.
    await page.waitForTimeout(periodMs - (now % periodMs) + 50);
  }
}

/** Enters a code on the second sign-in step (the page after a right password). */
export async function completeSecondFactor(page: Page, secret: string = DEMO_TOTP_SECRET): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Two-step verification' })).toBeVisible();
  await page.getByLabel('Code from your authenticator app').fill(await nextTotpCode(page, secret));
  await page.getByRole('button', { name: 'Continue' }).click();
}

/**
 * Signs in through the form. Accounts with two-step verification (the demo admin, or any account
 * whose key is given as `totpSecret`) then enter a code from that key.
 */
export async function signIn(
  page: Page,
  email: string,
  password: string = demo.password,
  options: { totpSecret?: string } = {},
): Promise<void> {
  const secret =
    options.totpSecret ?? (demoMfaEmails.has(email) && password === demo.password ? DEMO_TOTP_SECRET : null);
  // A demo account with two-step verification reuses its last session while the server still
  // accepts it: each code is taken once per 30-second step, so a fresh sign-in per test would
  // wait on the clock. A signed-out or revoked session falls through to the form.
  const saved = secret && !options.totpSecret ? savedSessions.get(email) : undefined;
  if (saved && Date.now() - saved.at < SESSION_REUSE_MS) {
    await page.context().addCookies(saved.cookies);
    await page.goto('/sign-in');
    if (!new URL(page.url()).pathname.startsWith('/sign-in')) return;
    await page.context().clearCookies();
  }
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (!secret) return;
  await completeSecondFactor(page, secret);
  if (options.totpSecret) return;
  await expect(page).not.toHaveURL(/\/sign-in/);
  savedSessions.set(email, { at: Date.now(), cookies: await page.context().cookies() });
}

/** Signed-in cookies of the demo accounts with two-step verification, by email. */
const savedSessions = new Map<string, { at: number; cookies: Cookie[] }>();
/** Well inside the server's 10-minute re-authentication window, so saved sessions still count as fresh. */
const SESSION_REUSE_MS = 5 * 60_000;

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Sign out|Log keluar)$/ }).click();
}

/** Runs axe and fails on any serious or critical violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}
