// The interactive mode, driven through an injected prompt against the real echo server.

import { startEchoServer, type EchoServer, paletteFor } from '@mths/udp-echo';
import { runClientCli } from './cli';
import { PassThrough } from 'node:stream';
import { linePrompt } from './line-prompt';
import { runRepl } from './repl';
import { captureIo, ctrlC, scriptedPrompt } from './testing/capture-io';

describe('interactive client', () => {
  let server: EchoServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('echoes each typed line with its RTT, shows :stats, and ends on :quit with exit 0', async () => {
    server = await startEchoServer({ port: 0 });
    const io = captureIo({ script: ['hello', 'grüße, 世界', ':stats', ':quit'] });
    const code = await runClientCli(['127.0.0.1', String(server.address.port), '--timeout', '500'], io);
    expect(code).toBe(0);
    const out = io.stdoutText();
    expect(out).toContain(`udp echo to 127.0.0.1:${server.address.port}, timeout 500 ms\n`);
    expect(out).toMatch(/< hello\n {2}reply from 127\.0\.0\.1:\d+: seq=1 time=\d+\.\d{3} ms\n/);
    expect(out).toMatch(/< grüße, 世界\n {2}reply from 127\.0\.0\.1:\d+: seq=2 time=\d+\.\d{3} ms\n/);
    // Once for :stats and once on the way out.
    expect(out.match(/2 sent, 2 received, 0% loss/g)).toHaveLength(2);
    expect(out).toMatch(/rtt min\/avg\/max\/mdev = /);
    expect(io.prompts).toEqual(['udp>', 'udp>', 'udp>', 'udp>']);
    expect(server.stats.totals.datagramsIn).toBe(2);
  });

  it('reports a reply that does not come within the timeout', async () => {
    server = await startEchoServer({ port: 0, dropRate: 1 });
    const lines: string[] = [];
    const counts = await runRepl({
      host: '127.0.0.1',
      port: server.address.port,
      timeoutMs: 40,
      prompt: scriptedPrompt(['anyone there?', ':quit']),
      print: (line) => lines.push(line),
      paint: paletteFor({}),
    });
    expect(lines).toContain('no reply for seq=1 within 40 ms');
    expect(counts).toMatchObject({ sent: 1, received: 0, lost: 1 });
  });

  it('says so when a reply arrives after its timeout, before the next prompt', async () => {
    server = await startEchoServer({ port: 0, delayMs: 80 });
    const lines: string[] = [];
    const counts = await runRepl({
      host: '127.0.0.1',
      port: server.address.port,
      timeoutMs: 50,
      prompt: scriptedPrompt(['first', 'second', ':quit']),
      print: (line) => lines.push(line),
      paint: paletteFor({}),
    });
    const late = lines.findIndex((line) => /^late reply for seq=1 after \d+\.\d{3} ms: first$/.test(line));
    expect(late).toBeGreaterThan(lines.indexOf('no reply for seq=1 within 50 ms'));
    expect(counts).toMatchObject({ sent: 2, received: 0, late: 1 });
  });

  it('ends on Ctrl+C like :quit, and answers :help and unknown commands without sending', async () => {
    server = await startEchoServer({ port: 0 });
    const io = captureIo({ script: [':help', ':bogus', '', ctrlC()] });
    expect(await runClientCli(['127.0.0.1', String(server.address.port)], io)).toBe(0);
    expect(io.stdoutText()).toContain(':stats  running summary');
    expect(io.stdoutText()).toContain('unknown command :bogus (try :help)');
    expect(io.stdoutText()).toContain('0 sent, 0 received, 0% loss');
    expect(server.stats.totals.datagramsIn).toBe(0);
  });

  it('refuses a line too long for one datagram', async () => {
    server = await startEchoServer({ port: 0 });
    const lines: string[] = [];
    await runRepl({
      host: '127.0.0.1',
      port: server.address.port,
      timeoutMs: 100,
      prompt: scriptedPrompt(['x'.repeat(70_000), ':q']),
      print: (line) => lines.push(line),
      paint: paletteFor({}),
    });
    expect(lines).toContain('line of 70000 bytes does not fit in one datagram (max 65483)');
    expect(server.stats.totals.datagramsIn).toBe(0);
  });

  it('reads piped lines until the input ends, then exits 0', async () => {
    server = await startEchoServer({ port: 0 });
    const input = new PassThrough();
    const piped = linePrompt(input);
    input.end('one\ntwo\n');
    const io = { ...captureIo(), prompt: piped.prompt };
    expect(await runClientCli(['127.0.0.1', String(server.address.port)], io)).toBe(0);
    piped.close();
    expect(io.stdoutText()).toMatch(/< one\n.*\n< two\n/);
    expect(io.stdoutText()).toContain('2 sent, 2 received, 0% loss');
  });
});
