// The client's UDP socket: resolves the target once, sends datagrams to it, and hands over only
// datagrams that come back from the target's address and port, stamped with their arrival time.

import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { UdpEchoError, formatEndpoint } from '@mths/udp-echo';

export interface ProbeTarget {
  /** The host as the user typed it. */
  readonly host: string;
  /** The address it resolved to. */
  readonly address: string;
  readonly port: number;
  readonly family: 4 | 6;
}

export interface ProbeSocketHandlers {
  /** A datagram from the target; `arrivedNs` is process.hrtime.bigint() on arrival. */
  readonly onDatagram: (datagram: Buffer, arrivedNs: bigint) => void;
  /** Socket trouble that does not end the run (ICMP errors on some platforms, ...). */
  readonly onError: (error: Error) => void;
}

export async function resolveTarget(host: string, port: number): Promise<ProbeTarget> {
  try {
    // IPv4 first: `localhost` should reach the server's default 127.0.0.1, not ::1.
    const { address, family } = await lookup(host, { order: 'ipv4first' });
    return Object.freeze({ host, address, port, family: family === 6 ? 6 : 4 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UdpEchoError('UDP_ECHO_HOST_UNRESOLVED', `cannot resolve host ${host}`, code);
  }
}

export class ProbeSocket {
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly socket: Socket,
    readonly target: ProbeTarget,
    private readonly handlers: ProbeSocketHandlers,
  ) {
    socket.on('message', this.receive);
    socket.on('error', handlers.onError);
  }

  static async open(target: ProbeTarget, handlers: ProbeSocketHandlers): Promise<ProbeSocket> {
    const socket = createSocket(target.family === 6 ? 'udp6' : 'udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    return new ProbeSocket(socket, target, handlers);
  }

  /** `127.0.0.1:9000` or `[::1]:9000`. */
  get endpoint(): string {
    return formatEndpoint(this.target.address, this.target.port);
  }

  send(datagram: Buffer, done: (error: Error | null) => void): void {
    if (this.closing !== undefined) return;
    try {
      this.socket.send(datagram, this.target.port, this.target.address, done);
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
    }
  }

  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => this.socket.close(() => resolve()));
    return this.closing;
  }

  private readonly receive = (datagram: Buffer, from: RemoteInfo): void => {
    const arrivedNs = process.hrtime.bigint();
    // An unconnected socket hears anyone who learns its port; only the target's echoes count.
    if (from.port !== this.target.port || from.address !== this.target.address) return;
    this.handlers.onDatagram(datagram, arrivedNs);
  };
}
