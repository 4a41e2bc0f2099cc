// Latin1 bytes for buffers kept for the life of a process (cached heads and header lines).

/**
 * Buffer.from takes small buffers from a shared 8 KiB pool, so one long-lived cached slice
 * would pin a whole slab; allocUnsafeSlow gives the cached bytes memory of their own.
 */
export function ownedLatin1(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(text.length);
  bytes.write(text, 0, 'latin1');
  return bytes;
}
