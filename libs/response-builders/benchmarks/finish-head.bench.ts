// Micro-benchmark of the per-request head work: finishHead on a cached fixed head versus
// building the whole head as a string each time. Run: npx tsx libs/response-builders/benchmarks/finish-head.bench.ts
import { HttpResponseBuilder, finishHead, httpDate, keepAliveHeaders } from '../src/index';

const ROUNDS = 300_000;
const body = Buffer.from('Hello, world! 12345\n');
const fixed = HttpResponseBuilder.fixedHead(200, [
  ['Content-Type', 'text/plain; charset=utf-8'],
  ['Content-Length', body.length],
  ['Content-Disposition', 'attachment; filename="hello.txt"'],
]);
const connection = keepAliveHeaders(5, 100);

function bench(name: string, run: () => Buffer): void {
  let bytes = 0;
  for (let i = 0; i < ROUNDS / 10; i++) bytes += run().length; // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) bytes += run().length;
  const ns = Number(process.hrtime.bigint() - start) / ROUNDS;
  console.log(`${name.padEnd(34)} ${ns.toFixed(1).padStart(7)} ns/op  (${bytes} bytes)`);
}

bench('finishHead (head only)', () => finishHead(fixed, connection));
bench('finishHead (head + 20 B body)', () => finishHead(fixed, connection, body));
bench('string concat + Buffer.from', () =>
  Buffer.from(
    'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ' +
      body.length +
      '\r\nContent-Disposition: attachment; filename="hello.txt"\r\nServer: mths\r\nDate: ' +
      httpDate() +
      '\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5, max=100\r\n\r\n',
    'latin1',
  ),
);
bench('fluent builder toBuffer', () =>
  new HttpResponseBuilder(200)
    .contentType('text/plain; charset=utf-8')
    .contentLength(body.length)
    .contentDisposition('attachment', 'hello.txt')
    .keepAlive({ timeoutSeconds: 5, maxRequests: 100 })
    .toBuffer(),
);
