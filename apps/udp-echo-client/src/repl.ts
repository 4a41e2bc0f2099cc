// The interactive client: each typed line goes out as one probe and comes back with its RTT.
// The prompt is injected, so tests drive the loop with scripted lines instead of a terminal.

import { randomInt } from 'node:crypto';
import {
  decodeProbe,
  encodeProbe,
  isUdpEchoError,
  PROBE_HEADER_BYTES,
  UDP_ECHO_DEFAULTS,
  type Palette,
} from '@mths/udp-echo';
import { formatCounts, formatRtt } from './ping-report';
import { ProbeSocket, resolveTarget } from './probe-socket';
import { ProbeTracker, type ProbeCounts } from './probe-tracker';

/** Asks for one line; rejecting with an inquirer exit/abort error ends the session. */
export type PromptFn = (message: string) => Promise<string>;

export interface ReplOptions {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly prompt: PromptFn;
  readonly print: (line: string) => void;
  readonly paint: Palette;
}

const HELP = [
  'type a line to send it; the echo comes back with its round-trip time',
  ':stats  running summary   :help  this text   :quit  leave (Ctrl+C works too)',
];

const QUIT = new Set([':quit', ':q', ':exit']);

/** Error names that end the session: inquirer's Ctrl+C, aborted and cancelled prompts, and the
 *  end of piped input (line-prompt.ts). */
const PROMPT_ENDED = new Set(['ExitPromptError', 'AbortPromptError', 'CancelPromptError', 'InputEndedError']);

const MAX_LINE_BYTES = UDP_ECHO_DEFAULTS.maxDatagramBytes - PROBE_HEADER_BYTES;

interface Waiter {
  readonly seq: number;
  readonly resolve: (reply: { rttMs: number; text: string } | undefined) => void;
}

export async function runRepl(options: ReplOptions): Promise<ProbeCounts> {
  const target = await resolveTarget(options.host, options.port);
  let session: ReplSession | undefined;
  const socket = await ProbeSocket.open(target, {
    onDatagram: (datagram, arrivedNs) => session?.receive(datagram, arrivedNs),
    onError: (error) => session?.notice(options.paint.red(`socket error: ${error.message}`)),
  });
  session = new ReplSession(options, socket);
  try {
    return await session.loop();
  } finally {
    await socket.close();
  }
}

class ReplSession {
  private readonly tracker = new ProbeTracker();
  private readonly session = randomInt(0, 0xffff_ffff);
  // Replies that arrive while the user is typing are held back, so they do not scribble over the
  // prompt, and printed before the next one.
  private notices: string[] = [];
  private waiter: Waiter | undefined;

  constructor(
    private readonly options: ReplOptions,
    private readonly socket: ProbeSocket,
  ) {}

  async loop(): Promise<ProbeCounts> {
    const { print, prompt } = this.options;
    print(`udp echo to ${this.socket.endpoint}, timeout ${this.options.timeoutMs} ms`);
    for (const line of HELP) print(line);
    for (;;) {
      this.flushNotices();
      let line: string;
      try {
        line = await prompt('udp>');
      } catch (error) {
        if (error instanceof Error && PROMPT_ENDED.has(error.name)) break;
        throw error;
      }
      const command = line.trim();
      if (QUIT.has(command)) break;
      if (command === ':stats') {
        this.printStats();
      } else if (command === ':help') {
        for (const text of HELP) print(text);
      } else if (command.startsWith(':')) {
        print(`unknown command ${command} (try :help)`);
      } else if (line.length > 0) {
        await this.exchange(line);
      }
    }
    this.flushNotices();
    this.printStats();
    return this.tracker.counts();
  }

  notice(line: string): void {
    this.notices.push(line);
  }

  receive(datagram: Buffer, arrivedNs: bigint): void {
    const { paint } = this.options;
    const decoded = decodeProbe(datagram);
    if (!decoded.ok) {
      this.tracker.corrupt();
      this.notice(paint.red(`corrupt reply of ${datagram.length} bytes (${decoded.defect})`));
      return;
    }
    const { seq, session, sentNs, body } = decoded.probe;
    if (session !== this.session) return;
    const rttMs = Number(arrivedNs - sentNs) / 1e6;
    const verdict = this.tracker.reply(seq, rttMs);
    const text = body.toString('utf8');
    if ((verdict === 'ok' || verdict === 'reordered') && this.waiter?.seq === seq) {
      this.waiter.resolve({ rttMs, text });
    } else if (verdict === 'late') {
      this.notice(paint.yellow(`late reply for seq=${seq} after ${rttMs.toFixed(3)} ms: ${text}`));
    } else if (verdict === 'duplicate') {
      this.notice(paint.yellow(`duplicate reply for seq=${seq}: ${text}`));
    }
  }

  private async exchange(line: string): Promise<void> {
    const { print, paint, timeoutMs } = this.options;
    const body = Buffer.from(line, 'utf8');
    if (body.length > MAX_LINE_BYTES) {
      print(paint.red(`line of ${body.length} bytes does not fit in one datagram (max ${MAX_LINE_BYTES})`));
      return;
    }
    const seq = this.tracker.send();
    let datagram: Buffer;
    try {
      datagram = encodeProbe({ session: this.session, seq, sentNs: process.hrtime.bigint() }, body);
    } catch (error) {
      if (!isUdpEchoError(error)) throw error;
      print(paint.red(error.message));
      return;
    }
    const reply = await new Promise<{ rttMs: number; text: string } | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), timeoutMs);
      this.waiter = {
        seq,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      this.socket.send(datagram, (error) => {
        if (error !== null) this.notice(paint.red(`send failed for seq=${seq}: ${error.message}`));
      });
    });
    this.waiter = undefined;
    if (reply === undefined) {
      this.tracker.timeout(seq);
      this.flushNotices();
      print(paint.red(`no reply for seq=${seq} within ${timeoutMs} ms`));
      return;
    }
    this.flushNotices();
    print(`< ${reply.text}`);
    print(paint.dim(`  reply from ${this.socket.endpoint}: seq=${seq} time=${reply.rttMs.toFixed(3)} ms`));
  }

  private printStats(): void {
    this.options.print(formatCounts(this.tracker.counts()));
    this.options.print(formatRtt(this.tracker.rttSummary()));
  }

  private flushNotices(): void {
    for (const line of this.notices) this.options.print(line);
    this.notices = [];
  }
}
