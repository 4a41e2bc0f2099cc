// The RFC 862 echo service over UDP: every datagram goes back to its sender byte for byte,
// optionally dropped or delayed by the loss simulation. Nothing a peer sends can crash it.

import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { UDP_ECHO_DEFAULTS } from './defaults';
import { Counters, EchoStats } from './echo-stats';
import { UdpEchoError } from './errors';
import { DROP, Impairment } from './impairment';
import { formatPeer, formatUdpUrl, socketTypeFor } from './udp-address';

export interface EchoServerOptions {
  /** 0 picks any free port. */
  readonly port?: number;
  /** An IPv6 literal (`::1`, `::`) gets a udp6 socket, anything else udp4. */
  readonly host?: string;
  readonly dropRate?: number;
  readonly delayMs?: number;
  readonly jitterMs?: number;
  readonly seed?: number;
  readonly maxTrackedPeers?: number;
  readonly socketBufferBytes?: number;
  /** Called for every datagram once its fate is known: DROP (-1) or the delay in ms (0 = now). */
  readonly onDatagram?: (peer: string, bytes: number, fate: number) => void;
  /** Trouble that does not stop the server: refused sends, socket errors. */
  readonly onWarning?: (message: string) => void;
}

export interface BoundAddress {
  readonly address: string;
  readonly port: number;
  readonly family: string;
}

export interface EchoServer {
  readonly address: BoundAddress;
  /** `udp://127.0.0.1:9000` or `udp://[::1]:9000`. */
  readonly url: string;
  readonly stats: EchoStats;
  /** Stops receiving; echoes still waiting for their simulated delay are discarded. Idempotent. */
  close(): Promise<void>;
}

export async function startEchoServer(options: EchoServerOptions = {}): Promise<EchoServer> {
  const host = options.host ?? UDP_ECHO_DEFAULTS.host;
  const port = options.port ?? UDP_ECHO_DEFAULTS.port;
  const impairment = new Impairment({
    dropRate: options.dropRate ?? 0,
    delayMs: options.delayMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    seed: options.seed ?? UDP_ECHO_DEFAULTS.seed,
  });
  const socket = createSocket({ type: socketTypeFor(host) });
  await bind(socket, port, host);
  raiseBufferSizes(socket, options.socketBufferBytes ?? UDP_ECHO_DEFAULTS.socketBufferBytes);
  return new UdpEchoServer(socket, impairment, new EchoStats(options.maxTrackedPeers), options);
}

function bind(socket: Socket, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      try {
        socket.close();
      } catch {
        // Already closed by the failed bind: nothing left to release.
      }
      reject(bindError(error, port, host));
    };
    socket.once('error', onError);
    socket.bind(port, host, () => {
      socket.off('error', onError);
      resolve();
    });
  });
}

function bindError(error: NodeJS.ErrnoException, port: number, host: string): UdpEchoError {
  const where = `udp port ${port} on ${host}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new UdpEchoError('UDP_ECHO_ADDR_IN_USE', `${where} is already in use`, error.code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UdpEchoError('UDP_ECHO_HOST_UNRESOLVED', `cannot resolve host ${host}`, error.code);
    default:
      return new UdpEchoError('UDP_ECHO_BIND_FAILED', `cannot bind ${where}: ${error.message}`, error.code);
  }
}

/** A maximum-size datagram must fit, with room for a burst; the kernel may cap it lower (fine). */
function raiseBufferSizes(socket: Socket, bytes: number): void {
  try {
    if (socket.getRecvBufferSize() < bytes) socket.setRecvBufferSize(bytes);
    if (socket.getSendBufferSize() < bytes) socket.setSendBufferSize(bytes);
  } catch {
    // Some platforms refuse large buffers; the defaults still carry one 64 KiB datagram.
  }
}

class UdpEchoServer implements EchoServer {
  readonly address: BoundAddress;
  readonly url: string;
  private closing: Promise<void> | undefined;
  private readonly onDatagram: EchoServerOptions['onDatagram'];
  private readonly onWarning: EchoServerOptions['onWarning'];

  constructor(
    private readonly socket: Socket,
    private readonly impairment: Impairment,
    readonly stats: EchoStats,
    options: EchoServerOptions,
  ) {
    const bound = socket.address();
    this.address = Object.freeze({ address: bound.address, port: bound.port, family: bound.family });
    this.url = formatUdpUrl(bound.address, bound.port);
    this.onDatagram = options.onDatagram;
    this.onWarning = options.onWarning;
    socket.on('message', this.receive);
    socket.on('error', this.socketError);
  }

  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => this.socket.close(() => resolve()));
    return this.closing;
  }

  private readonly receive = (message: Buffer, from: RemoteInfo): void => {
    const peerKey = formatPeer(from.address, from.port, from.family);
    const peer = this.stats.peer(peerKey);
    const totals = this.stats.totals;
    peer.datagramsIn++;
    peer.bytesIn += message.length;
    totals.datagramsIn++;
    totals.bytesIn += message.length;

    const fate = this.impairment.isNone ? 0 : this.impairment.decide();
    this.onDatagram?.(peerKey, message.length, fate);
    if (fate === DROP) {
      peer.dropped++;
      totals.dropped++;
    } else if (fate === 0) {
      this.echo(message, from.port, from.address, peer);
    } else {
      // Extra arguments instead of a closure: nothing is allocated per datagram beyond the timer.
      setTimeout(this.echoLater, fate, message, from.port, from.address, peer).unref();
    }
  };

  private readonly echoLater = (message: Buffer, port: number, address: string, peer: Counters): void => {
    if (this.closing === undefined) this.echo(message, port, address, peer);
  };

  private echo(message: Buffer, port: number, address: string, peer: Counters): void {
    const totals = this.stats.totals;
    peer.datagramsOut++;
    peer.bytesOut += message.length;
    totals.datagramsOut++;
    totals.bytesOut += message.length;
    try {
      this.socket.send(message, port, address, this.sent);
    } catch (error) {
      // Synchronous refusals come from what the peer controls (source port 0, odd address).
      peer.sendErrors++;
      this.sendFailed(error, formatPeer(address, port, this.address.family));
    }
  }

  /** Asynchronous refusals carry no peer, so they only count in the totals. */
  private readonly sent = (error: Error | null): void => {
    if (error) this.sendFailed(error, 'a peer');
  };

  private sendFailed(error: unknown, peer: string): void {
    this.stats.totals.sendErrors++;
    const reason = error instanceof Error ? error.message : String(error);
    this.onWarning?.(`echo to ${peer} failed: ${reason}`);
  }

  private readonly socketError = (error: Error): void => {
    this.onWarning?.(`socket error: ${error.message}`);
  };
}
