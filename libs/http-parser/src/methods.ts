// Interned strings for the common request methods, so a GET costs no string allocation.

import { latin1 } from './latin1';

const METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE'];

/** The method token buf[start, end) (already validated as tchar) as a string. */
export function methodName(buf: Buffer, start: number, end: number): string {
  const len = end - start;
  const first = buf[start];
  for (let m = 0; m < METHODS.length; m++) {
    const name = METHODS[m]!;
    if (name.length !== len || name.charCodeAt(0) !== first) continue;
    let k = 1;
    while (k < len && buf[start + k] === name.charCodeAt(k)) k++;
    if (k === len) return name;
  }
  return latin1(buf, start, end);
}
