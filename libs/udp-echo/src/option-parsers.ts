// Parsing of command-line values shared by both apps. Each parser returns a checked value or
// throws UDP_ECHO_BAD_ARGUMENT with a one-line reason; the CLIs turn that into exit code 2.

import { UdpEchoError } from './errors';
import { UDP_ECHO_DEFAULTS } from './defaults';

function bad(message: string): UdpEchoError {
  return new UdpEchoError('UDP_ECHO_BAD_ARGUMENT', message);
}

/** Plain decimal digits only: rejects '', '1e3', '0x10', ' 5' that Number() would accept. */
function isDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A non-negative decimal like '20' or '0.25' (no sign, exponent or spaces). */
function isDecimal(text: string): boolean {
  const dot = text.indexOf('.');
  if (dot === -1) return isDigits(text);
  return isDigits(text.slice(0, dot)) && isDigits(text.slice(dot + 1));
}

export function parseInteger(text: string, what: string, min: number, max: number): number {
  const value = isDigits(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw bad(`${what} must be an integer from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

export function parseDecimal(text: string, what: string, min: number, max: number): number {
  const value = isDecimal(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw bad(`${what} must be a number from ${min} to ${max}, got '${text}'`);
  }
  return value;
}

export function parsePort(text: string): number {
  return parseInteger(text, 'port', 0, 65535);
}

/** A drop probability from 0 (lose nothing) to 1 (lose everything). */
export function parseRate(text: string): number {
  return parseDecimal(text, 'drop rate', 0, 1);
}

export function parseSeed(text: string): number {
  return parseInteger(text, 'seed', 0, 0xffff_ffff);
}

export interface DelaySpec {
  /** Mean extra delay before an echo, in milliseconds. */
  readonly delayMs: number;
  /** Each echo is delayed by delayMs plus a uniform offset in [-jitterMs, +jitterMs]. */
  readonly jitterMs: number;
}

const MAX_DELAY_MS = 60_000;

/** '20', '20±5' or '20+-5' (the ASCII spelling for shells and keyboards without ±). */
export function parseDelay(text: string): DelaySpec {
  const trimmed = text.trim();
  let split = trimmed.indexOf('±');
  let sepLength = 1;
  if (split === -1) {
    split = trimmed.indexOf('+-');
    sepLength = 2;
  }
  const meanText = split === -1 ? trimmed : trimmed.slice(0, split);
  const jitterText = split === -1 ? '0' : trimmed.slice(split + sepLength);
  try {
    const delayMs = parseDecimal(meanText, 'delay', 0, MAX_DELAY_MS);
    const jitterMs = parseDecimal(jitterText, 'jitter', 0, MAX_DELAY_MS);
    return Object.freeze({ delayMs, jitterMs });
  } catch {
    throw bad(`delay must look like MS, MS±JITTER or MS+-JITTER (milliseconds up to ${MAX_DELAY_MS}), got '${text}'`);
  }
}

/** Bytes of payload per datagram, from `min` to the largest UDP payload. */
export function parseDatagramSize(text: string, min: number): number {
  return parseInteger(text, 'size', min, UDP_ECHO_DEFAULTS.maxDatagramBytes);
}
