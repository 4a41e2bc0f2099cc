// Opens the byte stream to an origin: TCP first, then TLS on top for https, so the two
// handshakes are timed separately. Failures become typed errors with a reason a user can act on.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { ClientError } from './errors';
import type { PhaseClock } from './timing';
import type { Target } from './url-target';

export interface SocketOptions {
  readonly timeoutMs: number;
  /** Skip certificate verification (--insecure). */
  readonly insecure: boolean;
  /** Extra trusted CA certificates (--cacert, tests). */
  readonly ca: Buffer | undefined;
}

/** Resolves with a connected (and, for https, secured) socket, marking the clock's phases. */
export function openSocket(target: Target, options: SocketOptions, clock: PhaseClock): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const raw = netConnect({ host: target.host, port: target.port, noDelay: true });
    let secured: TLSSocket | null = null;
    const timer = setTimeout(() => {
      fail(new ClientError('CLIENT_CONNECT_TIMEOUT', `no connection to ${where(target)} within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);

    function fail(error: ClientError): void {
      clearTimeout(timer);
      secured?.destroy();
      raw.destroy();
      reject(error);
    }
    function onLookup(error: Error | null): void {
      if (error === null) clock.lookedUp = clock.now();
    }
    function onRawError(error: NodeJS.ErrnoException): void {
      fail(connectError(error, target));
    }
    function onTlsError(error: NodeJS.ErrnoException): void {
      fail(tlsError(error, target));
    }
    function done(socket: Socket | TLSSocket): void {
      clearTimeout(timer);
      raw.off('lookup', onLookup);
      raw.off('error', onRawError);
      secured?.off('error', onTlsError);
      resolve(socket);
    }

    raw.once('lookup', onLookup);
    raw.once('error', onRawError);
    raw.once('connect', () => {
      clock.connected = clock.now();
      if (!target.secure) {
        done(raw);
        return;
      }
      // From now on the TLS socket reports the raw socket's errors too.
      raw.off('error', onRawError);
      secured = tlsConnect({
        socket: raw,
        ...(target.servername !== undefined ? { servername: target.servername } : {}),
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: !options.insecure,
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
      });
      secured.once('error', onTlsError);
      secured.once('secureConnect', () => {
        clock.secured = clock.now();
        done(secured as TLSSocket);
      });
    });
  });
}

function where(target: Target): string {
  return target.hostHeader;
}

function connectError(error: NodeJS.ErrnoException, target: Target): ClientError {
  const code = error.code ?? '';
  let reason: string;
  if (code === 'ECONNREFUSED') reason = `connection refused by ${where(target)} (is the server running?)`;
  else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') reason = `cannot resolve host "${target.host}"`;
  else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') reason = `${where(target)} is unreachable`;
  else if (code === 'ECONNRESET') reason = `${where(target)} reset the connection`;
  else reason = `cannot connect to ${where(target)}: ${error.message}`;
  return new ClientError('CLIENT_CONNECT_FAILED', reason, { cause: error });
}

function tlsError(error: NodeJS.ErrnoException, target: Target): ClientError {
  const hint = error.code !== undefined && /CERT|SIGNATURE|ISSUER|SELF_SIGNED/.test(error.code) ? ' (--insecure skips certificate checks)' : '';
  return new ClientError('CLIENT_TLS_FAILED', `TLS handshake with ${where(target)} failed: ${error.message}${hint}`, { cause: error });
}
