import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewrites, shareAccessors } from './shared-accessors.ts';

const fetchDir = join(
  dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'dist/core/fetch',
);
const written: string[] = [];

type Bag = Record<string | symbol, unknown>;

interface Helpers {
  FetchState: unknown;
  withLocals: (options: object, state: unknown) => Bag;
  ResponseInit: new (status: number, statusText: string, headers: Headers) => Bag;
  PagePartial: new (state: unknown, held: unknown) => Bag;
  Context: new (state: unknown) => Bag;
  astroGlobal: (partial: object, props: unknown) => Bag;
  providerAccessor: (key: string) => PropertyDescriptor;
  slotValuesSymbol: symbol;
}

let helpers: Helpers;

beforeAll(async () => {
  // The transformed module, beside the original so that its relative imports resolve, with its
  // private helpers exported for the test.
  const code = `${shareAccessors(readFileSync(join(fetchDir, 'fetch-state.js'), 'utf8'))}
export const __test = {
  FetchState,
  withLocals: rtwWithLocals,
  ResponseInit: RtwResponseInit,
  PagePartial: RtwPagePartial,
  Context: RtwContext,
  astroGlobal: rtwAstroGlobal,
  providerAccessor: rtwProviderAccessor,
  slotValuesSymbol
};`;
  const file = join(fetchDir, `.fetch-state-shared-test-${process.pid}.js`);
  writeFileSync(file, code);
  written.push(file);
  helpers = ((await import(pathToFileURL(file).href)) as { __test: Helpers }).__test;
});

afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

/** A page partial as createAstroPagePartial now makes it: the class, then its plain properties. */
function pagePartial(state: unknown, held: unknown, values: Record<string, unknown>): Bag {
  return Object.assign(new helpers.PagePartial(state, held), values);
}

describe('shared-accessors', () => {
  it("rewrites every per-request object of the installed Astro's fetch-state.js", () => {
    const source = readFileSync(join(fetchDir, 'fetch-state.js'), 'utf8');
    for (const rewrite of rewrites) expect(source.split(rewrite.from), rewrite.what).toHaveLength(2);
    const out = shareAccessors(source);
    // No getter written inside a method is left, except the class's own accessors.
    expect(out).not.toMatch(/\n {6,}get (locals|headers|slots|cookies|csp|logger)\(\)/);
    expect(out).not.toContain('Object.create(astroPagePartial)');
    expect(typeof helpers.FetchState).toBe('function');
  });

  it('the render options read the state’s locals as it is now, and spreading copies the value, never the state', () => {
    const state: { locals: Record<string, unknown> } = { locals: { a: 1 } };
    const options = helpers.withLocals({ addCookieHeader: true, locals: undefined }, state);
    expect(options.locals).toEqual({ a: 1 });
    state.locals = { b: 2 };
    expect(options.locals).toEqual({ b: 2 });
    expect(Object.keys(options)).toEqual(['addCookieHeader', 'locals']);
    expect({ ...options }).toEqual({ addCookieHeader: true, locals: { b: 2 } });
    expect(Object.getOwnPropertySymbols({ ...options })).toEqual([]);
  });

  it('Astro.response keeps its headers and refuses new ones, as before', () => {
    const headers = new Headers({ 'Content-Type': 'text/html' });
    const response = new helpers.ResponseInit(200, 'OK', headers);
    expect(response.headers).toBe(headers);
    response.status = 404;
    expect(response.status).toBe(404);
    // Spreading it (as renderPage does for the Response) copies the status, not the headers' holder.
    expect(Object.keys({ ...response })).toEqual(['status', 'statusText']);
    expect(() => {
      response.headers = new Headers();
    }).toThrow(/headers/i);
  });

  it('the middleware context reads cookies, locals and the rest from the state, and refuses new locals', () => {
    const state = {
      cookies: { name: 'cookies' },
      locals: { user: 'u1' },
      request: new Request('http://localhost/a?b=1'),
      getClientAddress: () => '203.0.113.9',
      computeCurrentLocale: () => 'ms',
      computePreferredLocale: () => 'en',
      computePreferredLocaleList: () => ['en', 'ms'],
      getCsp: () => ({ csp: true }),
      resolve: (key: string) => `resolved ${key}`,
      logger: { info() {}, warn() {}, error() {} },
    };
    const ctx = new helpers.Context(state);
    ctx.routePattern = '/a';
    Object.defineProperty(ctx, 'session', helpers.providerAccessor('session'));
    expect(ctx.cookies).toBe(state.cookies);
    expect(ctx.locals).toBe(state.locals);
    expect(ctx.clientAddress).toBe('203.0.113.9');
    expect(ctx.currentLocale).toBe('ms');
    expect(ctx.preferredLocaleList).toEqual(['en', 'ms']);
    expect(ctx.csp).toEqual({ csp: true });
    expect(ctx.session).toBe('resolved session');
    expect(() => {
      ctx.locals = {};
    }).toThrow(/locals/i);
    // Astro's actions call the handler on a copy made from the context's own string-keyed
    // descriptors (astro/dist/actions/runtime/server.js): the copy still reads the state.
    const copy = Object.create(
      Object.getPrototypeOf(ctx) as object,
      Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(ctx))),
    ) as Bag;
    expect(copy.locals).toBe(state.locals);
    expect(copy.clientAddress).toBe('203.0.113.9');
    expect(copy.session).toBe('resolved session');
    // The state's key is hidden from spreading and listing.
    expect(Object.keys(ctx)).toEqual(['routePattern', 'session']);
    // Two contexts share one getter, so neither keeps the other's state.
    const other = new helpers.Context({ ...state, locals: { user: 'u2' } });
    expect(other.locals).toEqual({ user: 'u2' });
    expect(ctx.locals).toEqual({ user: 'u1' });
  });

  it('the Astro global inherits the page partial as Object.create did: values, getters on the global, own props', () => {
    const slotValues = { default: () => 'slot' };
    const state = { getClientAddress: () => '198.51.100.1', request: new Request('http://localhost/x') };
    const partial = pagePartial(
      state,
      { result: { _metadata: {} }, callAction: 'call', logger: { info() {}, warn() {}, error() {} } },
      { locals: { t: 'translator' }, url: new URL('http://localhost/x'), redirect: () => 'redirected' },
    );
    const first = helpers.astroGlobal(partial, { title: 'One' });
    Object.defineProperty(first, helpers.slotValuesSymbol, {
      value: slotValues,
      writable: true,
      configurable: true,
    });
    const second = helpers.astroGlobal(partial, { title: 'Two' });

    expect(first.props).toEqual({ title: 'One' });
    expect(second.props).toEqual({ title: 'Two' });
    expect(first.self).toBeNull();
    expect(first.locals).toBe(partial.locals);
    expect(first.clientAddress).toBe('198.51.100.1');
    expect(first.callAction).toBe('call');
    expect((first.redirect as () => string)()).toBe('redirected');
    // `Astro.slots` is built for the global it is read on, with that global's slots.
    const slots = first.slots as { has: (name: string) => boolean };
    expect(slots.has('default')).toBe(true);
    expect(first.slots).toBe(slots);
    expect((second.slots as { has: (name: string) => boolean }).has('default')).toBe(false);
    // Own properties are the props and self only; the rest is inherited, enumerable as before.
    expect(Object.keys(first)).toEqual(['props', 'self']);
    const inherited: string[] = [];
    for (const key in first) inherited.push(key);
    expect(inherited).toEqual(expect.arrayContaining(['locals', 'url', 'slots', 'clientAddress']));
    // Writing a property shadows it on this global only.
    first.url = 'mine';
    expect(first.url).toBe('mine');
    expect(second.url).toBe(partial.url);
    // A later request's partial with the same keys shares the prototype, and reads its own values.
    const partial2 = pagePartial(
      state,
      { result: { _metadata: {} }, callAction: 'call2', logger: {} },
      { locals: { t: 'other' }, url: new URL('http://localhost/y'), redirect: () => 'again' },
    );
    const third = helpers.astroGlobal(partial2, {});
    expect(Object.getPrototypeOf(third)).toBe(Object.getPrototypeOf(first));
    expect(third.locals).toEqual({ t: 'other' });
    expect(third.callAction).toBe('call2');
  });

  it('refuses a module that has changed, naming the file to update', () => {
    expect(() => shareAccessors('export class FetchState {}')).toThrow(
      /scripts\/build\/shared-accessors\.ts/,
    );
  });
});
