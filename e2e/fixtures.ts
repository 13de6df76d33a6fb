import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/** Demo accounts seeded into the e2e database (db/seed.ts). */
export const demo = {
  password: 'rtw-demo-2026',
  admin: { email: 'admin@demo.rtw-academy.my', name: 'Nurul Huda binti Ismail' },
  trainer: { email: 'trainer@demo.rtw-academy.my', name: 'Rajesh a/l Subramaniam' },
  learner: { email: 'learner@demo.rtw-academy.my', name: 'Siti Nur Aisyah binti Abdullah' },
} as const;

let clientCounter = 0;

/** A documentation-range address (never contacted: it only travels in a header). */
export function nextClientAddress(): string {
  clientCounter += 1;
  const block = ['203.0.113', '198.51.100', '192.0.2'][Math.floor(clientCounter / 250) % 3];
  return `${block}.${(clientCounter % 250) + 1}`;
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
  input: { fullName: string; email: string; password?: string; employer?: string },
): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Full name').fill(input.fullName);
  await page.getByLabel('Email address').fill(input.email);
  await page.getByLabel('Password', { exact: true }).fill(input.password ?? 'kopi-o-kosong-panas');
  await page.getByLabel('Employer name (if not listed)').fill(input.employer ?? 'Syarikat Ujian E2E Sdn Bhd');
  await page.getByRole('button', { name: 'Create account' }).click();
}

export async function signIn(page: Page, email: string, password: string = demo.password): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

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
