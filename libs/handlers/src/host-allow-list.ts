// Which Host values this server answers to (RFC 9112 §3.2, RFC 9110 §7.2): the allow-list
// built once from the bound address, and the per-request check (a string compare when all is well).
import { isIPv4, isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { MessageHead } from '@mths/http-parser';
import type { HandlerErrorCode } from './errors';

/** Bracketed for IPv6 literals, as a Host header writes them (RFC 3986 §3.2.2). */
function hostForm(name: string): string {
  return isIPv6(name) ? `[${name}]` : name;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIPv4(host) && host.startsWith('127.')) || host.startsWith('::ffff:127.');
}

/** An --allowed-host value that already names its port (`example.com:8080`, `[::1]:8080`). */
function hasPort(name: string): boolean {
  if (name.startsWith('[')) return name.includes(']:');
  if (isIPv6(name)) return false;
  const colon = name.indexOf(':');
  return colon > 0 && colon === name.lastIndexOf(':') && /^\d+$/.test(name.slice(colon + 1));
}

function interfaceAddresses(family: 'IPv4' | 'all'): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const info of list ?? []) {
      if (family === 'all' || info.family === 'IPv4') out.push(info.address.toLowerCase());
    }
  }
  return out;
}

/**
 * The lower-case host[:port] forms accepted for a server bound to `bindHost`:`port`.
 * Loopback binds also take localhost and 127.0.0.1 (and [::1] for ::1/localhost); wildcard
 * binds take every local interface address plus localhost; `extraNames` (--allowed-host) get
 * `:port` unless they carry one. A Host without a port means port 80 (RFC 9110 §4.2.1), so
 * bare names are accepted only when `port` is 80.
 */
export function allowedHostsFor(bindHost: string, port: number, extraNames: readonly string[] = []): Set<string> {
  const names = new Set<string>();
  const withPort = new Set<string>();
  let host = bindHost.trim().toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (host === '' || host === '::' || host === '0.0.0.0') {
    // An empty host is what node's listen() treats as `::` (every address, both families).
    for (const address of interfaceAddresses(host === '0.0.0.0' ? 'IPv4' : 'all')) names.add(address);
    names.add('localhost');
    names.add('127.0.0.1');
  } else {
    names.add(host);
  }
  if (isLoopback(host)) {
    names.add('localhost');
    names.add('127.0.0.1');
    if (host === '::1' || host === 'localhost') names.add('::1');
  }
  for (const extra of extraNames) {
    const name = extra.trim().toLowerCase();
    if (name === '') continue;
    if (hasPort(name)) withPort.add(name);
    else names.add(name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name);
  }
  const out = new Set<string>(withPort);
  for (const name of names) {
    const form = hostForm(name);
    out.add(`${form}:${port}`);
    if (port === 80) out.add(form);
  }
  return out;
}

// reg-name and IPv4 characters of RFC 3986 §3.2.2: unreserved, sub-delims and pct-encoded.
const REG_NAME = new Uint8Array(128);
for (const ch of "-._~!$&'()*+,;=%") REG_NAME[ch.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) REG_NAME[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) REG_NAME[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) REG_NAME[c] = 1;

function isPort(value: string, from: number): boolean {
  const length = value.length - from;
  if (length < 1 || length > 5) return false;
  for (let i = from; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** host [ ":" port ] with host a reg-name, IPv4 or bracketed IPv6 literal (RFC 9110 §7.2). */
export function isValidHost(value: string): boolean {
  let end: number;
  let at: number;
  if (value.charCodeAt(0) === 0x5b) {
    end = value.indexOf(']');
    if (end < 2 || !isIPv6(value.slice(1, end))) return false;
    at = end + 1;
  } else {
    const colon = value.indexOf(':');
    end = colon === -1 ? value.length : colon;
    if (end === 0) return false;
    for (let i = 0; i < end; i++) {
      const c = value.charCodeAt(i);
      if (c >= 128 || REG_NAME[c] !== 1) return false;
    }
    at = end;
  }
  if (at === value.length) return true;
  return value.charCodeAt(at) === 0x3a && isPort(value, at + 1);
}

/** What checkHost asks of an allow-list. */
export interface HostNames {
  has(name: string): boolean;
}

/**
 * The allow-list as the router checks it on every request: the Set, with the last name it
 * accepted remembered. Nearly every request to a server carries the same Host, and comparing
 * two short strings is cheaper than hashing a fresh one for the Set.
 */
export class HostAllowList implements HostNames {
  private lastAccepted: string | undefined;
  constructor(private readonly names: ReadonlySet<string>) {}

  has(name: string): boolean {
    if (name === this.lastAccepted) return true;
    if (!this.names.has(name)) return false;
    this.lastAccepted = name;
    return true;
  }
}

function verdict(name: string, allowed: HostNames): HandlerErrorCode | null {
  if (allowed.has(name)) return null;
  if (!isValidHost(name)) return 'HND_INVALID_HOST';
  return allowed.has(name.toLowerCase()) ? null : 'HND_HOST_NOT_ALLOWED';
}

/**
 * null when the request may proceed, else why not. `authority` is the host of an absolute-form
 * target, which takes the place of Host (RFC 9112 §3.2.2); Host must still be present and single
 * on HTTP/1.1 (§3.2: 400 otherwise). HTTP/1.0 may omit it.
 */
export function checkHost(head: MessageHead, authority: string | null, allowed: HostNames): HandlerErrorCode | null {
  const headers = head.headers;
  let host: string | undefined;
  let count = 0;
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i] === 'host') {
      host = headers[i + 1];
      count++;
    }
  }
  if (count > 1) return 'HND_DUPLICATE_HOST';
  if (host === undefined && (head.versionMajor > 1 || head.versionMinor >= 1)) return 'HND_MISSING_HOST';
  if (authority === null) return host === undefined ? null : verdict(host, allowed);
  if (host !== undefined && !allowed.has(host) && !isValidHost(host)) return 'HND_INVALID_HOST';
  return verdict(authority, allowed);
}
