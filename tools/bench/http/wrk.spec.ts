import { BenchError } from './errors';
import { parseWrkBytes, parseWrkOutput, parseWrkTime, wrkArgs, wrkScript } from './wrk';

// Real wrk 4.1.0 output (a server answering 404), plus the socket-error line wrk prints on trouble.
const REPORT = `Running 1s test @ http://127.0.0.1:18123/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   273.86us    1.15ms  15.53ms   95.53%
    Req/Sec    76.08k    25.07k  105.40k    80.00%
  Latency Distribution
     50%   43.00us
     75%   67.00us
     90%  287.00us
     99%    5.50ms
  76503 requests in 1.01s, 9.56MB read
  Socket errors: connect 0, read 3, write 1, timeout 2
  Non-2xx or 3xx responses: 76503
Requests/sec:  75555.01
Transfer/sec:      9.44MB`;

describe('parseWrkOutput', () => {
  it('reads req/s, transfer, p99, bad responses and socket errors', () => {
    expect(parseWrkOutput(REPORT)).toEqual({
      requests: 76503,
      bytes: 9.56 * 1024 * 1024,
      requestsPerSecond: 75555.01,
      bytesPerSecond: 9.44 * 1024 * 1024,
      p99Ms: 5.5,
      badResponses: 76503,
      socketErrors: 6,
    });
  });

  it('counts no errors when wrk prints no error lines', () => {
    const clean = REPORT.replace(/^ {2}(Socket errors|Non-2xx).*\n/gm, '');
    expect(parseWrkOutput(clean)).toMatchObject({ badResponses: 0, socketErrors: 0 });
  });

  it('refuses a report without the latency distribution (no --latency)', () => {
    const noLatency = REPORT.replace(/^ {5}\d+%.*\n/gm, '');
    expect(() => parseWrkOutput(noLatency)).toThrow(BenchError);
  });
});

describe('wrk units', () => {
  it.each([
    ['950.00us', 0.95],
    ['1.50ms', 1.5],
    ['2.00s', 2000],
    ['1.00m', 60_000],
  ])('time %s is %d ms', (text, ms) => expect(parseWrkTime(text)).toBeCloseTo(ms));

  it.each([
    ['512.00B', 512],
    ['1.00KB', 1024],
    ['2.50MB', 2.5 * 1024 ** 2],
    ['1.25GB', 1.25 * 1024 ** 3],
  ])('size %s is %d bytes', (text, bytes) => expect(parseWrkBytes(text)).toBeCloseTo(bytes));

  it('rejects what it does not know', () => {
    expect(() => parseWrkTime('5 parsecs')).toThrow(BenchError);
    expect(() => parseWrkBytes('3.00XB')).toThrow(BenchError);
  });
});

describe('wrk command line', () => {
  const run = { port: 4321, method: 'POST', path: '/upload', connections: 16, durationS: 5, headers: { 'Content-Type': 'application/json' }, body: '{"a":"]]"}' } as const;

  it('sends Host 127.0.0.1:PORT, the extra headers and the script', () => {
    const args = wrkArgs(run, '/tmp/x.lua');
    expect(args).toEqual(['-t1', '-c16', '-d5s', '--timeout', '5s', '--latency', '-H', 'Host: 127.0.0.1:4321', '-H', 'Content-Type: application/json', '-s', '/tmp/x.lua', 'http://127.0.0.1:4321/upload']);
  });

  it('quotes the body in a long bracket it cannot close early', () => {
    const lua = wrkScript({ ...run, body: 'x]=]y' });
    expect(lua).toContain('wrk.method = "POST"');
    expect(lua).toContain('wrk.body = [==[x]=]y]==]');
  });
});
