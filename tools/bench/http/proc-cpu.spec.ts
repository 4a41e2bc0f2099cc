import { clockTicksPerSecond, parseStatTicks, readCpuTicks, startCpuWindow } from './proc-cpu';

// A real /proc/<pid>/stat line (a node process): utime 1234 and stime 56 are fields 14 and 15.
const STAT = '4242 (node) S 4200 4242 4200 0 -1 4194560 9915 0 0 0 1234 56 0 0 20 0 11 0 337662 1234567168 24000 18446744073709551615 1 1 0 0 0 0 0 4096 134234626 0 0 0 17 0 0 0 0 0 0';

describe('parseStatTicks', () => {
  it('adds utime and stime (fields 14 and 15)', () => {
    expect(parseStatTicks(STAT)).toBe(1290);
  });

  it('finds the fields after a command name holding spaces and parentheses', () => {
    expect(parseStatTicks(STAT.replace('(node)', '(node worker (1) x)'))).toBe(1290);
  });

  it.each([
    ['no command name', STAT.replace('(node)', 'node')],
    ['cut short', STAT.slice(0, STAT.indexOf(' 1234 '))],
    ['not a count', STAT.replace(' 1234 ', ' 12x4 ')],
    ['empty', ''],
  ])('returns undefined for a line with %s', (_, line) => expect(parseStatTicks(line)).toBeUndefined());
});

describe('reading /proc', () => {
  it('reads the CPU ticks of a live process and none of a gone one', () => {
    expect(readCpuTicks(process.pid)).toBeGreaterThanOrEqual(0);
    expect(readCpuTicks(2 ** 30)).toBeUndefined();
  });

  it('knows the clock tick rate', () => {
    expect(clockTicksPerSecond()).toBeGreaterThan(0);
  });

  it('counts the CPU this process burns inside a window', () => {
    const probe = startCpuWindow(process.pid);
    const start = readCpuTicks(process.pid) ?? 0;
    // Spin until the kernel has charged at least two ticks, bounded at 3 s of wall time.
    const deadline = Date.now() + 3000;
    while ((readCpuTicks(process.pid) ?? 0) - start < 2 && Date.now() < deadline) Math.sqrt(Math.random());
    const spent = probe.stop();
    expect(spent?.cpuSeconds).toBeGreaterThanOrEqual(2 / clockTicksPerSecond());
    expect(spent?.wallSeconds).toBeGreaterThan(0);
  });
});
