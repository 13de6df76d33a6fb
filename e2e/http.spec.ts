import { expect, test as base } from '@playwright/test';
import { demo, nextClientAddress, nextClientNetwork } from './fixtures.ts';
import { origins } from './origins.ts';

/** HTTP-level checks against the two server processes (no browser page needed). */
const test = base;
const [first, second] = origins;

function form(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}

/** Signs in as a client at `address`, sent in X-Forwarded-For (the servers trust the proxy header). */
async function signInCookie(
  origin: string,
  address: string,
  email: string,
  password: string,
): Promise<Response> {
  return fetch(`${origin}/sign-in?_action=auth.signIn`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'x-forwarded-for': address },
    body: form({ email, password, next: '/profile' }),
  });
}

function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.includes('rtw_session='));
  if (!cookie) throw new Error(`no session cookie (status ${response.status})`);
  return cookie.split(';')[0]!;
}

test('two server processes on one database serve the same signed-in user', async () => {
  const response = await signInCookie(first, nextClientAddress(), demo.learner.email, demo.password);
  expect(response.status).toBe(303);
  const cookie = sessionCookie(response);
  for (const origin of [first, second]) {
    const page = await fetch(`${origin}/profile`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(demo.learner.name);
  }
});

test('a tampered or unknown session cookie signs nobody in', async () => {
  const response = await signInCookie(first, nextClientAddress(), demo.learner.email, demo.password);
  const cookie = sessionCookie(response);
  const [name, value] = cookie.split('=') as [string, string];
  const tampered = `${name}=${value.slice(0, -1)}${value.endsWith('a') ? 'b' : 'a'}`;
  for (const bad of [tampered, `${name}=garbage`, `${name}=${'a'.repeat(49)}`, `${name}=${value}.extra`]) {
    const page = await fetch(`${first}/profile`, { headers: { cookie: bad }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toContain('/sign-in');
  }
});

test('a cross-origin form POST is refused with 403', async () => {
  const response = await fetch(`${first}/sign-in?_action=auth.signIn`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
    body: form({ email: demo.learner.email, password: demo.password }),
  });
  expect(response.status).toBe(403);
  expect(response.headers.getSetCookie().some((c) => c.includes('rtw_session='))).toBe(false);
});

test('repeated wrong passwords are throttled with 429 and Retry-After', async () => {
  const address = nextClientAddress();
  // An address of its own and an account nobody else uses: the block must not leak into other tests.
  const lockedEmail = `throttled.${Date.now()}@example.my`;
  const statuses: number[] = [];
  let last: Response | undefined;
  for (let i = 0; i < 6; i++) {
    last = await signInCookie(first, address, lockedEmail, `wrong-${i}`);
    statuses.push(last.status);
  }
  expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(statuses[5]).toBe(429);
  expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await last!.text()).toContain('Too many attempts');
  // The block is shared through the database: the other process refuses too.
  const other = await signInCookie(second, address, lockedEmail, demo.password);
  expect(other.status).toBe(429);
});

test('an IPv6 client is counted by its /64: new addresses in the same network stay throttled', async () => {
  const network = nextClientNetwork();
  const stamp = Date.now();
  // Wrong passwords for 20 different accounts, each from another address of one /64.
  for (let i = 1; i <= 20; i++) {
    const response = await signInCookie(
      first,
      `${network}::${i.toString(16)}`,
      `net.${stamp}.${i}@example.my`,
      'wrong',
    );
    expect(response.status).toBe(401);
  }
  const fromSameNetwork = await signInCookie(first, `${network}::ffff`, demo.learner.email, demo.password);
  expect(fromSameNetwork.status).toBe(429);
  // Another network is another client.
  const elsewhere = await signInCookie(first, nextClientAddress(), demo.learner.email, demo.password);
  expect(elsewhere.status).toBe(303);
});

test('hostile input in every registration field never causes a 500', async () => {
  const hostile = [
    'x'.repeat(20_000),
    '<script>alert(1)</script>',
    "'; DROP TABLE user; --",
    '🙂🙃'.repeat(40),
    '陈美玲 கவிதா Zoë',
    '\u0000\u202e',
    '{{7*7}} ${7*7}',
  ];
  for (const value of hostile) {
    const response = await fetch(`${first}/register?_action=auth.register`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: first,
        'x-forwarded-for': nextClientAddress(),
      },
      body: form({
        fullName: value,
        email: `${value}@x`,
        password: value,
        joinCode: value,
      }),
    });
    expect(response.status, `input ${JSON.stringify(value.slice(0, 20))}`).toBeLessThan(500);
    const html = await response.text();
    // Inside a quoted attribute value the text is inert; anywhere else it would run.
    expect(html.replaceAll(/value="[^"]*"/g, '')).not.toContain('<script>alert(1)</script>');
  }
});

test('an oversized body is refused without a 500', async () => {
  const response = await fetch(`${first}/register?_action=auth.register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: first },
    body: form({ fullName: 'x'.repeat(2_000_000) }),
  });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
});

test('security headers are sent', async () => {
  const response = await fetch(`${first}/sign-in`);
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('strict-transport-security')).toContain('max-age=');
});

test('unknown pages get the custom 404 page', async () => {
  const response = await fetch(`${first}/no/such/page`);
  expect(response.status).toBe(404);
  expect(await response.text()).toContain('Page not found');
});

test('an action called with a body that is not JSON gets 400, not 500', async () => {
  for (const action of ['learning.complete', 'quiz.save', 'auth.signIn']) {
    const response = await fetch(`${first}/_actions/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: first, 'x-forwarded-for': nextClientAddress() },
      body: '{"answers": [unterminated',
    });
    expect(response.status, action).toBe(400);
  }
});

test('a form action posted with a JSON content type and a broken body gets 400, not 500', async () => {
  const response = await fetch(`${first}/dashboard?_action=learning.complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: first, 'x-forwarded-for': nextClientAddress() },
    body: '\u009d{',
  });
  expect(response.status).toBe(400);
});
