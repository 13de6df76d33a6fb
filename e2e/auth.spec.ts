import { demo, expect, expectAccessible, register, signIn, signOut, test, uniqueEmail } from './fixtures.ts';

test('register, sign out, sign in and see your own name', async ({ page }) => {
  const email = uniqueEmail();
  const name = 'Kavitha a/p Ramasamy';
  await register(page, { fullName: name, email });
  await expect(page.getByRole('link', { name })).toBeVisible();
  await signOut(page);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await signIn(page, email, 'kopi-o-kosong-panas');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue(name);
});

test('a wrong password gets a helpful error and keeps the email', async ({ page }) => {
  await signIn(page, demo.learner.email, 'not-the-password');
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('alert')).toContainText('The email address or password is not right');
  await expect(page.getByLabel('Email address')).toHaveValue(demo.learner.email);
  await expect(page.getByRole('link', { name: demo.learner.name })).toHaveCount(0);
});

test('registration errors name each field and keep what was typed', async ({ page }) => {
  await page.goto('/register');
  await page.getByLabel('Full name').fill('<script>alert(1)</script> 陈美玲');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Password', { exact: true }).fill('password');
  await page.getByRole('button', { name: 'Create account' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter an email address in the right format');
  await expect(summary).toContainText('This password is too common');
  await expect(page.getByLabel('Full name')).toHaveValue('<script>alert(1)</script> 陈美玲');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  await summary.getByRole('link', { name: /email address in the right format/ }).click();
  await expect(page.getByLabel('Email address')).toBeFocused();
  await expectAccessible(page);
});

test('the language switch changes every string and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Help injured and ill workers');
  await page.getByRole('button', { name: 'Tukar ke Bahasa Malaysia' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ms');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bantu pekerja');
  await page.getByRole('link', { name: 'Log masuk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log masuk' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('profile: change name and language, then sign out everywhere else', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail();
  await register(page, { fullName: 'Tan Wei Ming', email });
  const other = await browser.newContext({ baseURL });
  const otherPage = await other.newPage();
  await signIn(otherPage, email, 'kopi-o-kosong-panas');
  await expect(otherPage.getByRole('link', { name: 'Tan Wei Ming' })).toBeVisible();

  await page.goto('/profile');
  await expectAccessible(page);
  await page.getByLabel('Full name').fill('Tan Wei Ming 陈伟明');
  await page.getByLabel('Preferred language').selectOption('ms');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText('Butiran anda telah disimpan');
  await expect(page.getByRole('link', { name: 'Tan Wei Ming 陈伟明' })).toBeVisible();

  expect((await page.goto('/profile'))?.headers()['cache-control']).toBe('no-store');
  const sessions = page.getByRole('table');
  await expect(sessions.getByRole('row')).toHaveCount(3);
  await expect(sessions).toContainText('Peranti ini');
  await page.getByRole('button', { name: 'Log keluar di semua tempat lain' }).click();
  await expect(page.getByRole('status')).toContainText('Anda telah dilog keluar pada semua peranti lain');
  await expect(page.getByRole('link', { name: 'Tan Wei Ming 陈伟明' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await otherPage.goto('/profile');
  await expect(otherPage.getByRole('heading', { level: 1 })).toHaveText(/Sign in|Log masuk/);
  await expect(otherPage.getByText(/session expired|Sesi anda telah tamat/)).toBeVisible();
  await other.close();
});

test('home, sign-in and register pages have no serious accessibility problems', async ({ page }) => {
  for (const path of ['/', '/sign-in', '/register']) {
    await page.goto(path);
    await expectAccessible(page);
  }
});

test('keyboard only: skip link, then sign in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email address')).toBeFocused();
  await page.keyboard.type(demo.learner.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(demo.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: demo.learner.name })).toBeVisible();
});

test('unusual requests get a clear 4xx answer, never a 500', async ({ page, baseURL }) => {
  const badNext = await page.goto('/sign-in?next=/%E3%80%80');
  expect(badNext?.status()).toBe(400);
  await expect(page.getByRole('status')).toContainText('was not a page of this site');
  await expect(page.getByLabel('Email address')).toBeVisible();

  const headers = { origin: baseURL ?? '' };
  const language = await page.request.post('/language?_action=profile.setLanguage', {
    form: { locale: 'ms', returnTo: '/\u0101' },
    headers,
    maxRedirects: 0,
  });
  expect(language.status()).toBe(400);
  expect(await language.text()).toContain('was not a page of this site');
  const back = await page.request.post('/language?_action=profile.setLanguage', {
    form: { locale: 'en', returnTo: '/courses' },
    headers,
    maxRedirects: 0,
  });
  expect(back.status()).toBe(303);
  expect(back.headers()['location']).toBe('/courses');
  const get = await page.request.get('/language', { maxRedirects: 0 });
  expect(get.status()).toBe(303);

  const large = await page.request.post('/sign-in?_action=auth.signIn', {
    form: { email: 'x@example.my', password: 'x', next: 'a'.repeat(300 * 1024) },
    headers,
  });
  expect(large.status()).toBe(413);
  expect(await large.text()).toContain('too large');
});
