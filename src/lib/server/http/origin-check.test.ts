import { describe, expect, it } from 'vitest';
import { isForbiddenCrossOrigin } from './origin-check.ts';

const site = 'https://academy.example.my';

function facts(
  method: string,
  headers: Record<string, string>,
  routePattern = '/profile',
  path = '/profile',
): Parameters<typeof isForbiddenCrossOrigin>[0] {
  const url = new URL(path, site);
  return {
    request: new Request(url, { method, headers }),
    url,
    isPrerendered: false,
    routePattern,
    callsAction: url.searchParams.has('_action'),
  };
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('isForbiddenCrossOrigin', () => {
  it('lets same-origin form posts and every safe method through', () => {
    expect(isForbiddenCrossOrigin(facts('POST', { ...form, origin: site }))).toBe(false);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(isForbiddenCrossOrigin(facts(method, { origin: 'https://evil.example' }))).toBe(false);
    }
  });

  it('refuses cross-site and origin-less form posts, and bodies without a content type', () => {
    expect(isForbiddenCrossOrigin(facts('POST', { ...form, origin: 'https://evil.example' }))).toBe(true);
    expect(isForbiddenCrossOrigin(facts('POST', form))).toBe(true);
    expect(isForbiddenCrossOrigin(facts('POST', { 'content-type': 'multipart/form-data; boundary=x' }))).toBe(
      true,
    );
    expect(isForbiddenCrossOrigin(facts('POST', { 'content-type': 'Text/Plain' }))).toBe(true);
    expect(isForbiddenCrossOrigin(facts('DELETE', {}))).toBe(true);
  });

  it('lets a one-click unsubscribe POST through without an Origin, on that route only', () => {
    const route = '/unsubscribe/[token]';
    expect(isForbiddenCrossOrigin(facts('POST', form, route, '/unsubscribe/abc.reminders.sig'))).toBe(false);
    expect(
      isForbiddenCrossOrigin(
        facts('POST', { ...form, origin: 'https://mail.example' }, route, '/unsubscribe/x'),
      ),
    ).toBe(false);
    // Another method on the same route, and the same path text under another route, stay refused.
    expect(isForbiddenCrossOrigin(facts('PUT', form, route, '/unsubscribe/x'))).toBe(true);
    expect(isForbiddenCrossOrigin(facts('POST', form, '/[...rest]', '/unsubscribe/x'))).toBe(true);
    // An action called through that URL is held to the rule like any other.
    expect(isForbiddenCrossOrigin(facts('POST', form, route, '/unsubscribe/x?_action=auth.signOut'))).toBe(
      true,
    );
  });

  it('leaves prerendered pages alone, as Astro does (they take no POST)', () => {
    expect(isForbiddenCrossOrigin({ ...facts('POST', form), isPrerendered: true })).toBe(false);
  });
});
