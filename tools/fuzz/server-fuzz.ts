// Long fuzz campaigns against the built servers: runs the e2e fuzz spec
// (apps/server-e2e/src/fuzz) through jest with FUZZ_RUNS / FUZZ_SEED / FUZZ_SERVER / FUZZ_PATH set,
// so the generators and invariants live in one place. Exits with jest's code.
// Run: tsx tools/fuzz/server-fuzz.ts [--runs 5000] [--seed N] [--server simple-server|http-server] [--path P]
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';

const REPO_ROOT = resolve(__dirname, '../..');
const SERVERS = ['simple-server', 'http-server'] as const;
const BAD_OPTION_EXIT_CODE = 2;
/** The repo's pinned Node 24 (the system one may be older), else the one running this script. */
const NODE = existsSync(join(REPO_ROOT, 'node_modules/.bin/node')) ? join(REPO_ROOT, 'node_modules/.bin/node') : process.execPath;

interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  readonly server: (typeof SERVERS)[number] | undefined;
  readonly path: string | undefined;
}

function wholeNumber(min: number, max: number): (text: string) => number {
  return (text) => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isSafeInteger(value) || value < min || value > max) throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return value;
  };
}

/** The flags, or the exit code to stop with (after --help or a bad flag). */
function parseOptions(argv: readonly string[]): FuzzOptions | number {
  const program = new Command()
    .name('server-fuzz')
    .description('Fuzz http-server (2 threads) and simple-server with mutated and pipelined requests (SPEC §3 invariants)')
    .option('--runs <n>', 'cases per server', wholeNumber(1, 10_000_000), 5000)
    .option('--seed <n>', 'fast-check seed (default: a random one, printed)', wholeNumber(-(2 ** 31), 2 ** 31 - 1))
    .addOption(new Option('--server <name>', 'only this server (default: both)').choices(SERVERS))
    .option('--path <path>', "replay one case: fast-check's counterexample path (with its --seed)")
    .allowExcessArguments(false)
    .exitOverride();
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : BAD_OPTION_EXIT_CODE;
    throw error;
  }
  const flags = program.opts<{ runs: number; seed?: number; server?: FuzzOptions['server']; path?: string }>();
  return { runs: flags.runs, seed: flags.seed ?? randomInt(2 ** 31 - 1), server: flags.server, path: flags.path };
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (typeof options === 'number') process.exit(options);
  const missing = SERVERS.filter((app) => options.server === undefined || options.server === app).filter((app) => !existsSync(join(REPO_ROOT, 'dist/apps', app, 'main.js')));
  if (missing.length > 0) {
    process.stderr.write(`server-fuzz: ${missing.join(' and ')} not built; run: npx nx run-many -t build -p http-server simple-server\n`);
    process.exit(1);
  }
  process.stdout.write(`server-fuzz: seed ${options.seed}, ${options.runs} runs per server, ${options.server ?? 'both servers'}\n`);
  const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_RUNS: String(options.runs), FUZZ_SEED: String(options.seed), FUZZ_SERVER: options.server ?? '', FUZZ_PATH: options.path ?? '' };
  const jest = join(REPO_ROOT, 'node_modules/jest/bin/jest.js');
  const args = [jest, '-c', 'apps/server-e2e/jest.config.cjs', '--runTestsByPath', 'apps/server-e2e/src/fuzz/request-fuzz.spec.ts'];
  const child = spawn(NODE, args, { cwd: REPO_ROOT, env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.once('exit', (code, signal) => {
    process.stdout.write(`server-fuzz: ${code === 0 ? 'no invariant broke' : `jest ended with ${signal ?? `code ${code}`}`} (seed ${options.seed})\n`);
    process.exit(code ?? 1);
  });
}

main();
