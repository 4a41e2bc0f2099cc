// Turns what the user typed (a full URL, `host:port/path`, or a path relative to the base URL)
// into the origin to connect to and the request target to send.
import { isIP } from 'node:net';
import { ClientError } from './errors';

export interface Target {
  /** The resolved URL, without fragment and without credentials. */
  readonly url: URL;
  /** `http://host:port`: the key of the keep-alive pool. */
  readonly originKey: string;
  readonly secure: boolean;
  /** Host to connect to (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
  /** Value of the Host header (port omitted when it is the scheme's default). */
  readonly hostHeader: string;
  /** Origin-form request target: path and query. */
  readonly path: string;
  /** SNI name for TLS, undefined for IP literals (RFC 6066 section 3 forbids them). */
  readonly servername: string | undefined;
  /** `user:password` from the URL, if any, for Basic authentication. */
  readonly credentials: string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Resolves `input` against `base`; throws CLIENT_BAD_URL with a reason when it cannot. */
export function resolveTarget(input: string, base?: URL): Target {
  const text = input.trim();
  if (text === '') throw new ClientError('CLIENT_BAD_URL', 'empty URL');
  let url: URL;
  try {
    if (SCHEME.test(text)) url = new URL(text);
    else if (base) url = new URL(text, base);
    else if (!text.startsWith('/')) url = new URL(`http://${text}`);
    else throw new ClientError('CLIENT_BAD_URL', `relative URL "${text}" needs a base URL`);
  } catch (error) {
    if (error instanceof ClientError) throw error;
    throw new ClientError('CLIENT_BAD_URL', `not a valid URL: "${text}"`, { cause: error });
  }
  return targetOf(url);
}

/** Parses a base URL given on the command line or with `.base`. */
export function parseBaseUrl(input: string): URL {
  const target = resolveTarget(input);
  return new URL(target.url.href);
}

function targetOf(url: URL): Target {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClientError('CLIENT_BAD_URL', `unsupported scheme "${url.protocol}" (use http:// or https://)`);
  }
  if (url.hostname === '') throw new ClientError('CLIENT_BAD_URL', `no host in "${url.href}"`);
  const secure = url.protocol === 'https:';
  const port = url.port === '' ? (secure ? 443 : 80) : Number(url.port);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const credentials =
    url.username === '' && url.password === ''
      ? undefined
      : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  const clean = new URL(url.href);
  clean.hash = '';
  clean.username = '';
  clean.password = '';
  return {
    url: clean,
    originKey: `${clean.protocol}//${clean.host}`,
    secure,
    host,
    port,
    hostHeader: clean.host,
    path: `${clean.pathname}${clean.search}`,
    servername: isIP(host) === 0 ? host : undefined,
    credentials,
  };
}
