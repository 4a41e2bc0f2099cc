// Limits and defaults of the echo server and the probe format, in one frozen place that the
// CLIs, the server and the tests all read.

export const UDP_ECHO_DEFAULTS = Object.freeze({
  port: 9000,
  host: '127.0.0.1',
  /** Largest UDP payload over IPv4: 65535 - 20 (IP header) - 8 (UDP header). */
  maxDatagramBytes: 65507,
  /** Size of the UDP header, added to payload sizes where we report them the way ping(8) does. */
  udpHeaderBytes: 8,
  /** Room for a few maximum-size datagrams queued at once in each direction. */
  socketBufferBytes: 1024 * 1024,
  /** The seed of the loss/delay simulation when none is given, so runs repeat by default. */
  seed: 862,
  /** Peers tracked one by one; traffic from further addresses only counts in the totals. */
  maxTrackedPeers: 1024,
});
