import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { BenchError } from './errors';
import { parseOptions } from './options';
import { SERVER_KINDS, WORKLOAD_IDS } from './types';

const parse = (...argv: string[]) => parseOptions(argv, () => undefined);

describe('parseOptions', () => {
  it('runs every workload on every server for 5 s by default', () => {
    expect(parse()).toEqual({
      kind: 'run',
      options: { durationS: 5, warmUpS: 1, repeat: 1, workloads: [...WORKLOAD_IDS], servers: [...SERVER_KINDS], write: true },
    });
  });

  it('keeps the canonical order of --only and --servers', () => {
    const parsed = parse('--only', 'html,small', '--servers', 'nginx, node-http', '--repeat', '3', '--no-write');
    expect(parsed).toMatchObject({ kind: 'run', options: { workloads: ['small', 'html'], servers: ['node-http', 'nginx'], repeat: 3, write: false } });
  });

  it('prints the flags for --help and asks to exit 0', () => {
    let help = '';
    expect(parseOptions(['--help'], (text) => (help += text))).toEqual({ kind: 'exit', code: 0 });
    expect(help).toContain('Usage: http-bench');
    expect(help).toContain('--repeat <n>');
  });

  it.each([
    [['--repeat', '0'], /--repeat <n>.*a whole number from 1 to 9/],
    [['--duration', 'soon'], /--duration <s>.*whole seconds/],
    [['--only', 'huge'], /--only <workloads>.*choose from small/],
    [['--bogus'], /unknown option '--bogus'/],
    [['extra'], /too many arguments/],
  ])('refuses %j with a one-line BENCH_BAD_OPTION', (argv, reason) => {
    let thrown: unknown;
    try {
      parse(...argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchError);
    expect(thrown).toMatchObject({ code: 'BENCH_BAD_OPTION', message: expect.stringMatching(reason) });
    expect((thrown as Error).message).not.toContain('\n');
    expect((thrown as Error).message).not.toMatch(/^error:/);
  });
});

describe('http-bench command line', () => {
  const bench = path.resolve(__dirname, '..', 'http-bench.ts');
  const tsx = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');
  const run = (...argv: string[]) => spawnSync(tsx, [bench, ...argv], { encoding: 'utf8', timeout: 15_000 });

  it('exits 0 with the usage for --help, starting no server', () => {
    const out = run('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('--servers <servers>');
  }, 20_000);

  it('exits 2 with one line naming the bad flag', () => {
    const out = run('--repeat', '99');
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^http-bench: option '--repeat <n>' argument '99' is invalid/)]);
  }, 20_000);
});
