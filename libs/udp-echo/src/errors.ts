// The UDP echo error catalogue: every failure the server, the client or their flag parsing can
// report has one stable code here, so callers branch on `code`, never on message text.

export type UdpEchoErrorCode =
  /** A flag or positional argument is out of range or malformed (CLIs exit 2). */
  | 'UDP_ECHO_BAD_ARGUMENT'
  /** The port is already bound by another socket (EADDRINUSE). */
  | 'UDP_ECHO_ADDR_IN_USE'
  /** Any other bind failure: address not local, permission denied, ... */
  | 'UDP_ECHO_BIND_FAILED'
  /** The host name did not resolve to an address. */
  | 'UDP_ECHO_HOST_UNRESOLVED'
  /** A payload does not fit into one UDP datagram (65507 bytes over IPv4). */
  | 'UDP_ECHO_PAYLOAD_TOO_LARGE';

export class UdpEchoError extends Error {
  override readonly name = 'UdpEchoError';
  constructor(
    readonly code: UdpEchoErrorCode,
    message: string,
    /** The underlying system error code when there is one (EADDRINUSE, ENOTFOUND, ...). */
    readonly causeCode?: string,
  ) {
    super(message);
  }
}

/** Narrowing helper for catch blocks. */
export function isUdpEchoError(error: unknown, code?: UdpEchoErrorCode): error is UdpEchoError {
  return error instanceof UdpEchoError && (code === undefined || error.code === code);
}
