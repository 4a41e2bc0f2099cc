// The transport's error catalogue: why a listener could not open, with a stable code.

export type TransportErrorCode = 'TRANSPORT_ADDRESS_IN_USE' | 'TRANSPORT_ADDRESS_NOT_AVAILABLE' | 'TRANSPORT_PERMISSION_DENIED' | 'TRANSPORT_LISTEN_FAILED';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    /** The system error code underneath (EADDRINUSE, ...). */
    readonly systemCode: string | undefined,
  ) {
    super(message);
  }
}

const BY_SYSTEM_CODE: Record<string, [TransportErrorCode, string]> = {
  EADDRINUSE: ['TRANSPORT_ADDRESS_IN_USE', 'is already in use'],
  EADDRNOTAVAIL: ['TRANSPORT_ADDRESS_NOT_AVAILABLE', 'is not an address of this machine'],
  EACCES: ['TRANSPORT_PERMISSION_DENIED', 'needs more privileges'],
};

/** Turns a listen() failure into a TransportError naming the address. */
export function listenError(error: NodeJS.ErrnoException, where: string): TransportError {
  const known = error.code ? BY_SYSTEM_CODE[error.code] : undefined;
  if (known) return new TransportError(known[0], `${where} ${known[1]}`, error.code);
  return new TransportError('TRANSPORT_LISTEN_FAILED', `cannot listen on ${where}: ${error.message}`, error.code);
}
