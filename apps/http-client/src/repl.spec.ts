// The REPL driven through scripted prompts against a real server: commands, the guided form,
// JSON validation, keep-alive and reconnect notes, history and save.
import { waitFor } from '@mths/test-kit';
import { Chalk } from 'chalk';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from './agent';
import { History } from './history';
import { parseReplLine } from './repl-commands';
import { ReplSession } from './repl';
import { ScriptedPrompts, type Step } from './testing/scripted-prompts';
import { closedPort, PNG_SHA256, startFixtureServer, TEXT, type FixtureServer } from './testing/test-servers';

describe('parseReplLine', () => {
  it.each([
    ['', { kind: 'form' }],
    ['GET /a', { kind: 'quick', method: 'GET', url: '/a', json: undefined }],
    ['post /upload {"a": 1}', { kind: 'quick', method: 'POST', url: '/upload', json: '{"a": 1}' }],
    ['/about.html', { kind: 'quick', method: 'GET', url: '/about.html', json: undefined }],
    ['http://h/x', { kind: 'quick', method: 'GET', url: 'http://h/x', json: undefined }],
    ['delete', { kind: 'quick', method: 'DELETE', url: '/', json: undefined }],
    ['.history', { kind: 'history' }],
    ['!3', { kind: 'repeat', number: 3 }],
    ['!!', { kind: 'repeat', number: -1 }],
    ['save out.png', { kind: 'save', file: 'out.png' }],
    ['.base http://h:1', { kind: 'base', url: 'http://h:1' }],
    ['.exit', { kind: 'quit' }],
    ['.help', { kind: 'help' }],
  ])('%j', (line, command) => {
    expect(parseReplLine(line)).toEqual(command);
  });

  it.each(['save', '!x', 'FETCH /'])('rejects %j with a reason', (line) => {
    expect(parseReplLine(line).kind).toBe('unknown');
  });
});

describe('ReplSession', () => {
  let server: FixtureServer;
  let dir: string;
  let historyFile: string;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'http-client-repl-'));
    historyFile = join(dir, 'history.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function session(steps: Step[], history = History.load(historyFile)) {
    const prompts = new ScriptedPrompts(steps);
    let output = '';
    const repl = new ReplSession({
      prompts,
      out: { write: (text: string) => (output += text) },
      colours: new Chalk({ level: 0 }),
      screen: () => ({ rows: 30, columns: 80 }),
      agent: new Agent({ timeoutMs: 2000, insecure: false, ca: undefined }),
      history,
      base: new URL(`${server.url}/`),
    });
    await repl.run();
    return { output, prompts, repl, history };
  }

  it('sends quick requests on one kept connection and shows status, body and timing', async () => {
    const before = server.connections();
    const { output } = await session([{ input: 'GET /hello.txt' }, { input: '/hello.txt' }, { input: '.exit' }]);
    expect(output).toContain(`→ GET ${server.url}/hello.txt\nHTTP/1.1 200 OK\n`);
    expect(output).toContain(`\n\n${TEXT}\n`);
    expect(output).toMatch(/connect [\d.]+ ms · ttfb [\d.]+ ms · download [\d.]+ ms · total [\d.]+ ms/);
    expect(output).toContain('new connection #1');
    expect(output).toContain('reused connection #1');
    expect(server.connections() - before).toBe(1);
  });

  it('walks the guided form, refusing broken JSON with its position', async () => {
    const { output, prompts } = await session([
      { input: '' },
      { select: 'POST', message: /Method/ },
      { input: '/upload', message: /Path or URL/ },
      { input: 'X-Trace: 42', message: /Header/ },
      { input: 'not a header', message: /Header/ },
      { input: '', message: /Header/ },
      { select: 'json', message: /Body/ },
      { input: '{"name": "a",}', message: /JSON/ },
      { input: '{"name": "a"}' },
    ]);
    expect(prompts.rejections).toEqual([
      '"not a header" is not "Name: value"',
      "invalid JSON at line 1, column 14: trailing comma before '}'\n{\"name\": \"a\",}\n             ^",
    ]);
    expect(output).toContain('HTTP/1.1 201 Created');
    expect(output).toContain('"status": "success"');
    expect(prompts.remaining).toBe(0);
  });

  it('refuses broken inline JSON on a quick line without sending it', async () => {
    const before = server.requests.length;
    const { output } = await session([{ input: 'POST /upload {"a" 1}' }]);
    expect(output).toContain("invalid JSON at line 1, column 6: unexpected '1'; expected ':' after the property name\n{\"a\" 1}\n     ^");
    expect(server.requests.length).toBe(before);
  });

  it('says when it had to reconnect', async () => {
    const agent = new Agent({ timeoutMs: 2000, insecure: false, ca: undefined });
    const prompts = new ScriptedPrompts([{ input: '/hello.txt' }]);
    let output = '';
    const repl = new ReplSession({
      prompts,
      out: { write: (text: string) => (output += text) },
      colours: new Chalk({ level: 0 }),
      screen: () => ({ rows: 30, columns: 80 }),
      agent,
      history: History.load(historyFile),
      base: new URL(`${server.url}/`),
    });
    await repl.handle('/hello.txt');
    server.closeIdle();
    await waitFor(() => !agent.isKept(server.url), 1_000, 'the client to see the FIN');
    await repl.handle('/hello.txt');
    agent.close();
    expect(output).toContain('reconnected: the server had closed the idle connection · new connection #2');
  });

  it('lists the history and sends a picked entry again, also by !N', async () => {
    const { output, prompts, history } = await session([
      { input: '/hello.txt' },
      { input: '/index.html' },
      { input: '.history' },
      { select: 1, message: /Send one again/ },
      { input: '!2' },
    ]);
    expect(output).toMatch(/ {3}1 {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}GET http:\/\/127\.0\.0\.1:\d+\/hello\.txt\n/);
    expect(output).toMatch(/ {3}2 {2}.* {2}GET http:\/\/127\.0\.0\.1:\d+\/index\.html\n/);
    expect(prompts.lastChoices.map((c) => c.value)).toEqual([0, 2, 1]);
    expect(output.match(/→ GET .*\/hello\.txt/g)).toHaveLength(2);
    expect(output.match(/→ GET .*\/index\.html/g)).toHaveLength(2);
    expect(history.list().map((e) => new URL(e.url).pathname)).toEqual(['/hello.txt', '/index.html', '/hello.txt', '/index.html']);
  });

  it('asks again for a secret the history file did not keep', async () => {
    const first = History.load(historyFile);
    first.add({ method: 'GET', url: `${server.url}/echo-headers`, headers: [['Authorization', 'Bearer top-secret']] });
    expect(readFileSync(historyFile, 'utf8')).not.toContain('top-secret');
    const { output, prompts } = await session([{ input: '!1' }, { password: 'Bearer typed-again', message: /Authorization \(was Bearer <redacted>\)/ }]);
    expect(prompts.remaining).toBe(0);
    expect(output).toContain('"authorization": "Bearer typed-again"');
  });

  it('summarises a binary body and saves it with save <file>', async () => {
    const file = join(dir, 'saved.png');
    const { output } = await session([{ input: '/logo.png' }, { input: `save ${file}` }]);
    expect(output).toContain(`binary body: 4.0 KiB (4104 bytes), image/png, sha256 ${PNG_SHA256}\n(save <file> to keep it)`);
    expect(output).toContain(`saved 4.0 KiB (4104 bytes), image/png, sha256 ${PNG_SHA256} to ${file}`);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(PNG_SHA256);
  });

  it('reports network errors and carries on', async () => {
    const port = await closedPort();
    const { output } = await session([{ input: `http://127.0.0.1:${port}/` }, { input: '/hello.txt' }]);
    expect(output).toContain(`✖ connection refused by 127.0.0.1:${port} (is the server running?)`);
    expect(output).toContain('HTTP/1.1 200 OK');
  });

  it('answers help, unknown commands, base changes and save before any response', async () => {
    const { output } = await session([{ input: '.help' }, { input: 'FETCH /' }, { input: 'save x' }, { input: '.base http://example.com:81' }, { input: '.base' }]);
    expect(output).toContain('.history');
    expect(output).toContain('unknown command "FETCH"');
    expect(output).toContain('nothing to save yet');
    expect(output).toContain('base http://example.com:81/\nbase http://example.com:81/');
  });

  it('survives a history file it cannot write, warning once', async () => {
    writeFileSync(join(dir, 'file'), '');
    const { output } = await session([{ input: '/hello.txt' }, { input: '/hello.txt' }], History.load(join(dir, 'file', 'h.json')));
    expect(output.match(/warning: cannot write history/g)).toHaveLength(1);
    expect(output.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
  });
});
