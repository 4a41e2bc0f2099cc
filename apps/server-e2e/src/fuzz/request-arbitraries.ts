// fast-check generators of fuzz cases: well-formed requests over the fixture site (GET, HEAD,
// POST, PUT; every Host variant; Content-Length and chunked bodies; Connection values), then
// byte mutations, as one request in one write or a pipeline of 1-4 split into several writes.
import fc from 'fast-check';
import { mutationArb, type Mutation } from './byte-mutations';
import type { FuzzCase, Framing, HostVariant, RequestSpec } from './request-model';
import { FUZZ_LIMITS } from './fuzz-limits';

/** GET/HEAD targets: fixture files, folders, misses, refused types, escapes and odd forms. */
const FILE_TARGETS = [
  '/', '/index.html', '/about.html', '/hello.txt', '/logo.png', '/docs/', '/docs', '/docs/index.html', '/docs/guide.txt',
  '/empty-folder/', '/empty-folder/readme.txt', '/notes.md', '/script.js', '/missing.html', '/nope/', '/link-inside.txt',
  '/hello%2etxt', '/h%65llo.txt', '/%68ello.txt?x=1', '/index.html?q=a%20b&r', '/docs/./guide.txt', '/docs//guide.txt',
  '/caf%C3%A9.txt', '/%', '/%zz', '/docs%2fguide.txt',
  // Each of these must be 403 (SPEC §3 path checks) and never show the secret.
  '/link-outside.txt', '/escape-dir/secret.txt', '/escape-dir/secret.html', '/../outside/secret.txt',
  '/docs/../../outside/secret.txt', '/%2e%2e/outside/secret.txt', '/.%2e/outside/secret.html', '/docs/..%2f..%2foutside%2fsecret.txt',
  '/%252e%252e/outside/secret.txt', '/..%5c..%5coutside%5csecret.txt', '/docs\\..\\hello.txt', '/hello.txt%00.html',
  '/%c0%ae%c0%ae/outside/secret.txt', '//etc/passwd', '/%2fetc%2fpasswd', '/docs/..',
  // Absolute, asterisk and authority forms (RFC 9112 §3.2).
  'http://127.0.0.1:{port}/hello.txt', 'http://localhost:{port}/', 'http://evil.example/hello.txt', '*', '127.0.0.1:{port}', 'hello.txt',
];

const UPLOAD_TARGETS = ['/upload', '/upload', '/upload', '/uplo%61d', '/upload?x=1', '/uploads', '/upload/', '/index.html'];

/** Just past or just under the request-line limit (414). */
const longTarget = fc
  .integer({ min: FUZZ_LIMITS.maxStartLineBytes - 40, max: FUZZ_LIMITS.maxStartLineBytes + 40 })
  .map((length) => `/${'a'.repeat(length)}.html`);

const fileTarget = fc.oneof({ arbitrary: fc.constantFrom(...FILE_TARGETS), weight: 40 }, { arbitrary: longTarget, weight: 1 });

const version = fc.oneof(
  { arbitrary: fc.constant('HTTP/1.1'), weight: 24 },
  { arbitrary: fc.constant('HTTP/1.0'), weight: 6 },
  { arbitrary: fc.constantFrom('HTTP/2.0', 'HTTP/1.2', 'HTTP/0.9', 'HTTP/3.0'), weight: 1 },
);

const host = fc.oneof(
  { arbitrary: fc.constantFrom<HostVariant>('ip', 'localhost', 'LocalHost'), weight: 12 },
  {
    arbitrary: fc.constantFrom<HostVariant>('ip-no-port', 'evil', 'evil-with-port', 'wrong-port', 'empty', 'missing', 'twice', 'ipv6'),
    weight: 3,
  },
);

const token = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/);
const fieldValue = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);

const connection = fc.constantFrom('keep-alive', 'close', 'Close', 'keep-alive, close', 'Upgrade', 'TE, close', 'nonsense');

type Field = readonly [string, string];

const commonField: fc.Arbitrary<Field> = fc.oneof(
  fc.constantFrom<Field>(
    ['Accept', '*/*'],
    ['User-Agent', 'fuzz/1.0'],
    ['Accept-Encoding', 'gzip, deflate'],
    ['Cache-Control', 'no-cache'],
    ['If-None-Match', '"abc"'],
    ['Range', 'bytes=0-3'],
    ['Cookie', 'a=b; c=d'],
    ['Accept-Language', '  en-GB ,en;q=0.8  '],
  ),
  connection.map((value): Field => ['Connection', value]),
  fc.tuple(token, fieldValue).map(([name, value]): Field => [`X-${name}`, value]),
);

/** Enough fields to pass the field-count limit (431), or one value big enough to pass the header-bytes limit. */
const oversizeFields: fc.Arbitrary<Field[]> = fc.oneof(
  fc.integer({ min: FUZZ_LIMITS.maxHeaderCount - 4, max: FUZZ_LIMITS.maxHeaderCount + 2 }).map((count) => Array.from({ length: count }, (_, i): Field => [`X-F${i}`, 'v'])),
  fc.integer({ min: FUZZ_LIMITS.maxHeaderBytes - 80, max: FUZZ_LIMITS.maxHeaderBytes + 40 }).map((size): Field[] => [['X-Big', 'b'.repeat(size)]]),
);

const fields: fc.Arbitrary<Field[]> = fc.oneof(
  { arbitrary: fc.array(commonField, { maxLength: 5 }), weight: 40 },
  { arbitrary: oversizeFields, weight: 1 },
);

const contentType = fc.constantFrom<Field[]>(
  [['Content-Type', 'application/json']],
  [['Content-Type', 'application/json']],
  [['Content-Type', 'application/json; charset=utf-8']],
  [['Content-Type', 'Application/JSON']],
  [['Content-Type', 'text/plain']],
  [['Content-Type', 'application/jsonx']],
  [],
  [['Content-Type', 'application/json'], ['Content-Type', 'application/json']],
);

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** JSON documents (valid and not), near the --max-body limit (413) now and then. */
const uploadBody: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: fc.json({ maxDepth: 2 }).map(utf8), weight: 8 },
  { arbitrary: fc.constantFrom('{"a":', '', 'null', '[1,2', '{"caf\u00e9":"\u2713"}', '\uFEFF{}', 'nul').map(utf8), weight: 3 },
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
  {
    arbitrary: fc
      .integer({ min: FUZZ_LIMITS.maxBodyBytes - 100, max: FUZZ_LIMITS.maxBodyBytes + 100 })
      .map((size) => utf8(`{"pad":"${'p'.repeat(Math.max(0, size - 10))}"}`)),
    weight: 1,
  },
);

const otherBody: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: fc.constant(Buffer.alloc(0)), weight: 6 },
  { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes)), weight: 2 },
);

const chunkedFraming: fc.Arbitrary<Framing> = fc.record({
  kind: fc.constant('chunked' as const),
  cuts: fc.array(fc.nat({ max: FUZZ_LIMITS.maxBodyBytes }), { maxLength: 3 }),
  extension: fc.boolean(),
  trailer: fc.boolean(),
});

/** Mostly valid framing; now and then one that SPEC §3 refuses as a smuggling shape. */
function framingFor(body: Buffer): fc.Arbitrary<Framing> {
  const valid = body.length === 0
    ? fc.oneof({ arbitrary: fc.constant<Framing>({ kind: 'none' }), weight: 6 }, { arbitrary: fc.constant<Framing>({ kind: 'length' }), weight: 1 }, { arbitrary: chunkedFraming, weight: 1 })
    : fc.oneof({ arbitrary: fc.constant<Framing>({ kind: 'length' }), weight: 3 }, { arbitrary: chunkedFraming, weight: 2 });
  const refused = fc.oneof(
    fc.integer({ min: -3, max: 3 }).filter((delta) => delta !== 0).map((delta): Framing => ({ kind: 'wrong-length', delta })),
    fc.constant<Framing>({ kind: 'two-lengths' }),
    fc.constant<Framing>({ kind: 'length-and-chunked' }),
    fc.constantFrom('gzip', 'chunked, gzip', 'chunked, chunked', 'identity', 'chunked;q=1').map((coding): Framing => ({ kind: 'other-coding', coding })),
  );
  return fc.oneof({ arbitrary: valid, weight: 20 }, { arbitrary: refused, weight: 1 });
}

const method = fc.oneof(
  { arbitrary: fc.constant('GET'), weight: 8 },
  { arbitrary: fc.constant('HEAD'), weight: 3 },
  { arbitrary: fc.constant('POST'), weight: 5 },
  { arbitrary: fc.constant('PUT'), weight: 1 },
);

export const requestArb: fc.Arbitrary<RequestSpec> = method.chain((name) => {
  const isPost = name === 'POST';
  return fc
    .record({
      target: isPost ? fc.constantFrom(...UPLOAD_TARGETS) : fileTarget,
      version,
      host,
      hostName: fc.constantFrom('Host' as const, 'Host' as const, 'host' as const, 'HOST' as const),
      hostIndex: fc.nat({ max: 6 }),
      headers: isPost ? fc.tuple(fields, contentType).map(([a, b]) => [...a, ...b]) : fields,
      body: isPost ? uploadBody : otherBody,
    })
    .chain((parts) =>
      framingFor(parts.body).map((framing): RequestSpec => {
        // HTTP/1.0 has no chunked coding (RFC 9112 §6.1): keep that 400 to the refused shapes.
        const fitting: Framing = framing.kind === 'chunked' && parts.version === 'HTTP/1.0' ? { kind: 'length' } : framing;
        return { method: name, ...parts, framing: fitting };
      }),
    );
});

const position = fc.nat({ max: 1 << 16 });

/** Up to `max` mutations, none in one case out of `cleanOneIn`: undamaged requests keep the 2xx paths busy. */
function mutations(max: number, cleanOneIn: number): fc.Arbitrary<Mutation[]> {
  return fc.oneof(
    { arbitrary: fc.constant<Mutation[]>([]), weight: 1 },
    { arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: max }), weight: cleanOneIn - 1 },
  );
}

/** (a) One request in one write, usually damaged. */
export const singleCaseArb: fc.Arbitrary<FuzzCase> = fc.record({
  kind: fc.constant('single' as const),
  requests: requestArb.map((spec) => [spec]),
  mutations: mutations(4, 4),
  splits: fc.constant([]),
});

/** (b) 1-4 requests back to back, sometimes damaged, split at random points into several writes. */
export const pipelineCaseArb: fc.Arbitrary<FuzzCase> = fc.record({
  kind: fc.constant('pipeline' as const),
  requests: fc.array(requestArb, { minLength: 1, maxLength: 4 }),
  mutations: mutations(2, 2),
  splits: fc.array(position, { minLength: 1, maxLength: 4 }),
});

export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc.oneof(singleCaseArb, pipelineCaseArb);
