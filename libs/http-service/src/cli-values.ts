// Parsers for CLI values (sizes, seconds, counts, ports): each returns the value or throws a
// CliUsageError whose message is the one line the user sees.

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
  readonly code = 'CLI_USAGE';
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, kib: 1024, m: 1024 ** 2, mb: 1024 ** 2, mib: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, gib: 1024 ** 3 };

/** "10485760", "64k", "10m", "1g" -> bytes. */
export function parseSize(text: string, what: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new CliUsageError(`${what} must be a size like 1048576, 64k or 10m (got "${text}")`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (!Number.isSafeInteger(bytes)) throw new CliUsageError(`${what} is too large (got "${text}")`);
  return bytes;
}

/** Seconds (fractions allowed) -> milliseconds; must be > 0. */
export function parseSeconds(text: string, what: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
    throw new CliUsageError(`${what} must be a number of seconds between 0 and 86400 (got "${text}")`);
  }
  return Math.round(seconds * 1000);
}

/** A whole number within [min, max]. */
export function parseCount(text: string, what: string, min = 1, max = 1_000_000): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) {
    throw new CliUsageError(`${what} must be a whole number from ${min} to ${max} (got "${text}")`);
  }
  return n;
}

export function parsePort(text: string): number {
  return parseCount(text, 'port', 0, 65_535);
}

/** "html, TXT,.png" -> ["html", "txt", "png"]. */
export function parseExtensions(text: string): string[] {
  const list = text
    .split(',')
    .map((ext) => ext.trim().replace(/^\./, '').toLowerCase())
    .filter((ext) => ext.length > 0);
  for (const ext of list) {
    if (!/^[a-z0-9]{1,16}$/.test(ext)) throw new CliUsageError(`--allow-ext: "${ext}" is not a file extension`);
  }
  return list;
}
