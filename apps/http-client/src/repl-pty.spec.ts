// The real REPL in a pseudo-terminal (util-linux `script`): inquirer's prompts, colours on a
// TTY, a GET typed by hand and its status line. Every wait is bounded; the child is killed at the end.
import { waitFor } from '@mths/test-kit';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, NODE, REPO_ROOT, type Bundle } from './testing/run-cli';
import { startFixtureServer, type FixtureServer } from './testing/test-servers';

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

// util-linux `script` gives the REPL a real pseudo-terminal (it is on every Debian machine).
describe('REPL in a terminal', () => {
  let server: FixtureServer;
  let bundle: Bundle;
  let dir: string;
  let child: ChildProcessWithoutNullStreams | undefined;
  beforeAll(async () => {
    [server, bundle] = await Promise.all([startFixtureServer(), buildBundle()]);
    dir = mkdtempSync(join(tmpdir(), 'http-client-pty-'));
  });
  afterAll(async () => {
    await server.close();
    bundle.remove();
    rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => {
    // `script` leads its own process group (detached): end it and the REPL under it.
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  });

  it('types a GET, sees the coloured status line, and leaves with .exit', async () => {
    const command = `${quote(NODE)} ${quote(bundle.path)} ${quote(`${server.url}/`)}`;
    const pty = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      detached: true,
      env: { ...process.env, HTTP_CLIENT_HISTORY: join(dir, 'history.json'), NO_COLOR: undefined, TERM: 'xterm-256color', COLUMNS: '100', LINES: '40' },
    });
    child = pty;
    let screen = '';
    pty.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => pty.on('close', resolve));

    const waitForScreen = (pattern: RegExp, from = 0): Promise<boolean> =>
      waitFor(() => pattern.test(screen.slice(from).replace(ANSI, '')), 5_000, () => `${pattern}; screen so far:\n${screen.replace(ANSI, '')}`);

    const prompt = new RegExp(`127\\.0\\.0\\.1:${server.port}>`);
    await waitForScreen(prompt);
    let mark = screen.length;
    pty.stdin.write('GET /hello.txt\r');
    await waitForScreen(/HTTP\/1\.1 200 OK[\s\S]*Hello, world![\s\S]*new connection #1/, mark);
    // A TTY gets colour: the 2xx status line is green (SGR 32).
    expect(screen).toMatch(/\u001b\[32m(\u001b\[1m)?HTTP\/1\.1 200 OK/);

    await waitForScreen(prompt, mark + 1);
    mark = screen.length;
    pty.stdin.write('/hello.txt\r');
    await waitForScreen(/reused connection #1/, mark);

    pty.stdin.write('.exit\r');
    let timer: NodeJS.Timeout | undefined;
    const status = await Promise.race([exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 5000)))]);
    clearTimeout(timer);
    expect(status).toBe(0);
  });
});
