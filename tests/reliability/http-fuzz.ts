/**
 * HTTP fuzzing with fast-check: every action (form and JSON, through `/_actions/<name>` and
 * through a page's `?_action=`), the quiz submit endpoints, the session cookie and the routes
 * that take ids from the URL get hostile values: odd Unicode, lone surrogates, NUL, huge and
 * empty strings, repeated and unknown fields, broken encodings, wrong content types, forged and
 * mangled cookies. The property is that the server never answers 5xx (and always answers).
 * Used bounded by the browser suite (e2e/fuzz.spec.ts) and larger by `npm run bench`.
 */
import fc from 'fast-check';
import type { ActionInfo } from './action-catalogue.ts';
import { sendHttp, type HttpResponse } from './http-client.ts';

export interface FuzzIdentity {
  role: string;
  /** `rtw_session=<token>` */
  cookie: string;
}

export interface FuzzContext {
  /** One origin per server process, e.g. `http://127.0.0.1:4601`. */
  origins: string[];
  /** Loopback source addresses to spread requests over (127.0.3.x), so throttles do not pile up. */
  sourceAddresses: string[];
  /** Session cookie names to forge (`rtw_session`, `__Host-rtw_session`). */
  cookieNames: string[];
  identities: FuzzIdentity[];
  actions: ActionInfo[];
  /** Real values to mix in, so inputs reach past "not found" into the validation and the writes. */
  known: {
    ids: string[];
    emails: string[];
    courseIds: string[];
    moduleIds: string[];
    lessonPaths: string[];
    quizRefs: string[];
    questionIds: string[];
    attemptIds: string[];
    pages: string[];
  };
}

type Body =
  | { kind: 'form'; fields: [string, string][] }
  | { kind: 'multipart'; fields: [string, string][]; file: boolean }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; bytes: number[] }
  | { kind: 'none' };

export interface FuzzRequest {
  server: number;
  address: number;
  method: string;
  path: string;
  /** Index into identities, or a forged cookie header, or none. */
  cookie: { kind: 'identity'; index: number } | { kind: 'forged'; header: string } | { kind: 'none' };
  origin: 'same' | 'none' | 'other';
  /** An X-Forwarded-For header (the app reads it only behind a trusted proxy). */
  forwardedFor: string | null;
  body: Body;
}

const hostileConstants = [
  '',
  ' ',
  '\u0000',
  '\u0000admin',
  '\uD800',
  '\uDFFF\uD800',
  '\uFEFF',
  '\u202Eevil',
  'A\u0301\u0302\u0303',
  '👩🏽‍⚕️',
  '陈伟明',
  'கவிதா',
  "' OR 1=1 --",
  '"; DROP TABLE user; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00',
  '%',
  '%zz',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'null',
  'undefined',
  'true',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '[]',
  '{}',
  '{"__proto__":{"x":1}}',
  'javascript:alert(1)',
  '//evil.example/path',
  '/\\evil.example',
  'http://evil.example',
  'a@b',
  'x'.repeat(129),
  'y'.repeat(2001),
  '\r\nSet-Cookie: x=y',
];

/** Hostile text: random strings of every kind, known ids and the classic troublemakers. */
function hostileText(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 2 },
    { arbitrary: fc.constantFrom(...hostileConstants), weight: 4 },
    { arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant(''), weight: 4 },
    { arbitrary: fc.string({ minLength: 1000, maxLength: 30_000, unit: 'binary-ascii' }), weight: 1 },
  );
}

function fieldsFor(names: string[], text: fc.Arbitrary<string>): fc.Arbitrary<[string, string][]> {
  const name = fc.oneof(
    { arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('x'), weight: 6 },
    { arbitrary: text, weight: 1 },
  );
  return fc.array(fc.tuple(name, text), { maxLength: 12 });
}

function bodyFor(fields: fc.Arbitrary<[string, string][]>, json: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  return fc.oneof(
    { arbitrary: fields.map((list): Body => ({ kind: 'form', fields: list })), weight: 8 },
    {
      arbitrary: fc
        .tuple(fields, fc.boolean())
        .map(([list, file]): Body => ({ kind: 'multipart', fields: list, file })),
      weight: 2,
    },
    { arbitrary: json.map((value): Body => ({ kind: 'json', value })), weight: 2 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'application/json',
            'text/plain',
            'application/octet-stream',
            '',
          ),
          fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 300 }),
        )
        .map(([contentType, bytes]): Body => ({ kind: 'raw', contentType, bytes })),
      weight: 2,
    },
    { arbitrary: fc.constant<Body>({ kind: 'none' }), weight: 1 },
  );
}

/** A cookie header that is not a session the server issued, or mangles one it did. */
function forgedCookie(context: FuzzContext, text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const real = context.identities.map((identity) => /=([^;]*)/.exec(identity.cookie)?.[1] ?? '');
  const tokenPart = fc.stringMatching(/^[a-km-z2-9]{24}$/);
  return fc.constantFrom(...context.cookieNames).chain((name) => forgedWithName(name, real, tokenPart, text));
}

function forgedWithName(
  name: string,
  real: string[],
  tokenPart: fc.Arbitrary<string>,
  text: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return fc.oneof(
    text.map((value) => `${name}=${value}`),
    fc.tuple(tokenPart, tokenPart).map(([id, secret]) => `${name}=${id}.${secret}`),
    fc
      .tuple(fc.constantFrom(...(real.length > 0 ? real : ['x'])), tokenPart)
      .map(([token, secret]) => `${name}=${token.split('.')[0] ?? ''}.${secret}`),
    fc
      .tuple(fc.constantFrom(...(real.length > 0 ? real : ['x'])), fc.nat(60), fc.string({ maxLength: 3 }))
      .map(([token, at, insert]) => `${name}=${token.slice(0, at)}${insert}${token.slice(at + 1)}`),
    fc.constantFrom(
      `${name}=`,
      `${name}`,
      `=${name}`,
      `${name}=a; ${name}=b`,
      `${name}="quoted.value"`,
      `${name}=%E0%A4%A`,
      `${name}=${'a'.repeat(4000)}`,
      ';;;',
      `rtw_lang=xx; ${name}=..`,
      `__Host-${name}=abc`,
    ),
    text,
  );
}

/** What a request does, apart from where it comes from. */
type Target = Pick<FuzzRequest, 'method' | 'path' | 'body'>;

/** One request of any kind the fuzzer sends. */
export function fuzzRequestArbitrary(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const { known } = context;
  const text = hostileText([
    ...known.ids,
    ...known.emails,
    ...known.courseIds,
    ...known.moduleIds,
    ...known.quizRefs,
    ...known.attemptIds,
  ]);
  const json = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record({
      quiz: fc.oneof(fc.constantFrom(...(known.quizRefs.length > 0 ? known.quizRefs : ['module:x'])), text),
      attemptId: fc.oneof(fc.constantFrom(...(known.attemptIds.length > 0 ? known.attemptIds : ['x'])), text),
      answers: fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(
          fc.oneof(fc.constantFrom(...(known.questionIds.length > 0 ? known.questionIds : ['q'])), text),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 12 },
        ),
      ),
    }),
  );
  const quizFieldNames = [
    'quiz',
    'attemptId',
    'page',
    'go',
    'scope',
    ...known.questionIds.flatMap((id) => [`q:${id}`, `q:${id}:pos:a`, `q:${id}:match:p1`]),
  ];
  const cookie = fc.oneof(
    {
      arbitrary: fc
        .nat(Math.max(0, context.identities.length - 1))
        .map((index) => ({ kind: 'identity' as const, index })),
      weight: context.identities.length > 0 ? 6 : 0,
    },
    {
      arbitrary: forgedCookie(context, text).map((header) => ({ kind: 'forged' as const, header })),
      weight: 2,
    },
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 },
  );
  const origin = fc.constantFrom<FuzzRequest['origin']>(
    'same',
    'same',
    'same',
    'same',
    'same',
    'none',
    'other',
  );
  const forwardedFor = fc.option(
    fc.oneof(
      text,
      fc.constantFrom(
        '127.0.3.99',
        '10.0.0.1, 127.0.3.98',
        '::1',
        '[::1]:443',
        'unknown',
        ' , ,',
        '999.1.1.1',
        'a'.repeat(3000),
      ),
    ),
    { freq: 3 },
  );
  const where = fc.record({
    server: fc.nat(context.origins.length - 1),
    address: fc.nat(context.sourceAddresses.length - 1),
    cookie,
    origin,
    forwardedFor,
  });

  const action = fc
    .tuple(fc.constantFrom(...context.actions), fc.boolean(), fc.constantFrom(...known.pages))
    .chain(([info, rpc, page]) => {
      const names = info.name.startsWith('quiz.') ? [...info.fields, ...quizFieldNames] : info.fields;
      const fields = fieldsFor(names, text);
      const body =
        info.accept === 'json'
          ? bodyFor(fields, json).map((b): Body =>
              b.kind === 'form' ? { kind: 'json', value: Object.fromEntries(b.fields) } : b,
            )
          : bodyFor(fields, json);
      return body.map((value): Target => ({
        method: 'POST',
        path: rpc ? `/_actions/${info.name}` : `${page}?_action=${encodeURIComponent(info.name)}`,
        body: value,
      }));
    });
  const submit = fc
    .tuple(
      fc.constantFrom(...known.lessonPaths.map((path) => path.split('/').slice(0, 4).join('/'))),
      fc.boolean(),
      fieldsFor([...quizFieldNames, 'attemptId', 'scope'], text),
    )
    .map(([modulePath, final, fields]): Target => ({
      method: 'POST',
      path: final
        ? `${modulePath.split('/').slice(0, 3).join('/')}/assessment/submit`
        : `${modulePath}/quiz/submit`,
      body: { kind: 'form', fields },
    }));
  // Lone surrogates cannot be percent-encoded as text; broken UTF-8 comes as raw escapes instead.
  const segment = fc.oneof(
    { arbitrary: text.map((value) => encodeURIComponent(value.toWellFormed()).slice(0, 3000)), weight: 5 },
    {
      arbitrary: fc.constantFrom('%ED%A0%80', '%C0%AF', '%FF%FE', '%2e%2e%2f', '%00', '..%2F..%2F'),
      weight: 1,
    },
  );
  const lookup = fc
    .tuple(
      fc.constantFrom(
        '/verify/',
        '/certificates/',
        '/admin/users/',
        '/admin/employers/',
        '/admin/certificates/',
        '/staff/quizzes/',
        '/reset-password/',
        '/courses/',
        ...known.courseIds.map((id) => `/courses/${id}/`),
      ),
      segment,
      fc.constantFrom('', '.pdf', '.csv', '/merge', '/role', '/status', '/quiz', '/quiz/take', '/assessment'),
      fc.array(fc.tuple(text, text), { maxLength: 4 }),
    )
    .map(([prefix, value, suffix, query]): Target => ({
      method: 'GET',
      path: `${prefix}${value}${suffix}${query.length > 0 ? `?${new URLSearchParams(query).toString()}` : ''}`,
      body: { kind: 'none' },
    }));
  const pageQuery = fc
    .tuple(
      fc.constantFrom(
        ...known.pages,
        '/admin/reports/progress',
        '/admin/reports/completions',
        '/admin/users',
        '/admin/audit',
        '/admin/reports/progress.csv',
      ),
      fc.array(
        fc.tuple(
          fc.constantFrom(
            'page',
            'course',
            'employer',
            'from',
            'to',
            'q',
            'sort',
            'next',
            'done',
            'step',
            'lang',
            'inactive',
          ),
          text,
        ),
        { maxLength: 5 },
      ),
    )
    .map(([page, query]): Target => ({
      method: 'GET',
      path: `${page}?${new URLSearchParams(query).toString()}`,
      body: { kind: 'none' },
    }));

  const request = fc.oneof(
    { arbitrary: action, weight: 10 },
    { arbitrary: submit, weight: 2 },
    { arbitrary: lookup, weight: 2 },
    { arbitrary: pageQuery, weight: 2 },
  );
  return fc.tuple(where, request).map(([place, what]) => ({ ...place, ...what }));
}

function multipart(fields: [string, string][], file: boolean): { contentType: string; body: Buffer } {
  const boundary = `----rtwfuzz${Math.floor(Math.random() * 1e9)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    const safeName = name.replace(/["\r\n]/g, '_');
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${safeName}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fields[0]?.[0].replace(/["\r\n]/g, '_') ?? 'file'}"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n`,
      ),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** A header value as it goes on the wire: no control characters, other text as UTF-8 bytes. */
function headerSafe(value: string): string {
  return Buffer.from(value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, ''), 'utf8').toString('latin1');
}

/** Sends a fuzz request as described. */
export function sendFuzzRequest(context: FuzzContext, input: FuzzRequest): Promise<HttpResponse> {
  const origin = context.origins[input.server] ?? context.origins[0] ?? '';
  const headers: Record<string, string> = {};
  if (input.cookie.kind === 'identity') headers.cookie = context.identities[input.cookie.index]?.cookie ?? '';
  if (input.cookie.kind === 'forged') headers.cookie = headerSafe(input.cookie.header);
  if (input.forwardedFor !== null) headers['x-forwarded-for'] = headerSafe(input.forwardedFor);
  if (input.method === 'POST') {
    if (input.origin === 'same') headers.origin = origin;
    if (input.origin === 'other') headers.origin = 'https://evil.example';
  }
  let body: string | Buffer | undefined;
  const { body: spec } = input;
  if (spec.kind === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(spec.fields).toString();
  } else if (spec.kind === 'multipart') {
    const encoded = multipart(spec.fields, spec.file);
    headers['content-type'] = encoded.contentType;
    body = encoded.body;
  } else if (spec.kind === 'json') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(spec.value) ?? 'null';
  } else if (spec.kind === 'raw') {
    if (spec.contentType) headers['content-type'] = spec.contentType;
    body = Buffer.from(spec.bytes);
  }
  return sendHttp({
    origin,
    method: input.method,
    path: input.path,
    headers,
    body,
    localAddress: context.sourceAddresses[input.address],
    timeoutMs: 30_000,
  });
}

/** A short description of a request, for a failure message. */
export function describeFuzzRequest(input: FuzzRequest): string {
  const body = JSON.stringify(input.body);
  const forwarded =
    input.forwardedFor === null ? '' : ` x-forwarded-for=${JSON.stringify(input.forwardedFor).slice(0, 100)}`;
  return `${input.method} ${input.path.slice(0, 300)} cookie=${JSON.stringify(input.cookie).slice(0, 200)} origin=${input.origin}${forwarded} body=${body.slice(0, 600)}`;
}

export interface FuzzReport {
  requests: number;
  statuses: Record<string, number>;
  /**
   * Requests answered 5xx or not at all, grouped by what they did (method, route, body kind),
   * with the shortest example of each group.
   */
  failures: { kind: string; count: number; example: string }[];
  seed: number;
  seconds: number;
}

/** What a failing request did, without its values or which action: one group per bug, more or less. */
function failureKind(input: FuzzRequest, status: string): string {
  const path = input.path.split('?')[0] ?? '';
  const route = path.startsWith('/_actions/')
    ? '/_actions/<action>'
    : /[?&]_action=/.test(input.path)
      ? '<page>?_action=<action>'
      : path.split('/').slice(0, 3).join('/');
  const body = input.body.kind === 'raw' ? `raw ${input.body.contentType || 'no type'}` : input.body.kind;
  return `${status}: ${input.method} ${route} (${body})`;
}

/**
 * Sends `runs` random requests (fewer when `timeLimitMs` runs out) and reports the statuses seen
 * and every request answered 5xx or not at all. Failures are collected rather than shrunk, so one
 * run shows every kind of failure at once.
 */
export async function runHttpFuzz(
  context: FuzzContext,
  options: { runs: number; seed?: number; timeLimitMs: number },
): Promise<FuzzReport> {
  const started = performance.now();
  const statuses: Record<string, number> = {};
  const failures = new Map<string, { count: number; example: string }>();
  let requests = 0;
  const property = fc.asyncProperty(fuzzRequestArbitrary(context), async (input) => {
    requests += 1;
    let status: string;
    try {
      status = String((await sendFuzzRequest(context, input)).status);
    } catch (error) {
      status = `no answer (${error instanceof Error ? error.message : String(error)})`.slice(0, 120);
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (/^\d+$/.test(status) && Number(status) < 500) return;
    const kind = failureKind(input, status);
    const example = describeFuzzRequest(input);
    const seen = failures.get(kind);
    if (!seen) failures.set(kind, { count: 1, example });
    else {
      seen.count += 1;
      if (example.length < seen.example.length) seen.example = example;
    }
  });
  const seed = options.seed ?? Date.now() % 2 ** 31;
  await fc.check(property, {
    numRuns: options.runs,
    seed,
    interruptAfterTimeLimit: options.timeLimitMs,
    markInterruptAsFailure: false,
  });
  return {
    requests,
    statuses,
    failures: [...failures].map(([kind, found]) => ({ kind, ...found })),
    seed,
    seconds: (performance.now() - started) / 1000,
  };
}
