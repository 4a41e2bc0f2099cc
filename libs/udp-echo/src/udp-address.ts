// How hosts turn into socket types and how endpoints are printed (IPv6 in brackets, as in URLs).

import { isIPv6 } from 'node:net';

export type UdpSocketType = 'udp4' | 'udp6';

/** udp6 for IPv6 literals (`::1`, `::`), udp4 for everything else (names resolve over IPv4). */
export function socketTypeFor(host: string): UdpSocketType {
  return isIPv6(host) ? 'udp6' : 'udp4';
}

/** `127.0.0.1:9000` or `[::1]:9000`. */
export function formatEndpoint(address: string, port: number): string {
  return isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

export function formatUdpUrl(address: string, port: number): string {
  return `udp://${formatEndpoint(address, port)}`;
}

/** Same as formatEndpoint, but trusts the family the socket reported instead of parsing again. */
export function formatPeer(address: string, port: number, family: string): string {
  return family === 'IPv6' ? `[${address}]:${port}` : `${address}:${port}`;
}
