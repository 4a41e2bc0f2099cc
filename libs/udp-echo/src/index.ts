// Public face of the UDP echo lib: the echo server, its counters and loss simulation, the probe
// format of the ping-style client, and the flag parsers both apps share.

export { UDP_ECHO_DEFAULTS } from './defaults';
export { UdpEchoError, isUdpEchoError, type UdpEchoErrorCode } from './errors';
export { Prng } from './prng';
export { DROP, Impairment, type ImpairmentOptions } from './impairment';
export {
  EchoStats,
  OTHER_PEERS,
  formatCounters,
  type EchoStatsSnapshot,
  type PeerCounters,
  type TrafficCounters,
} from './echo-stats';
export { startEchoServer, type BoundAddress, type EchoServer, type EchoServerOptions } from './echo-server';
export {
  PROBE_HEADER_BYTES,
  PROBE_MAGIC,
  decodeProbe,
  encodePaddedProbe,
  encodeProbe,
  type DecodedProbe,
  type Probe,
  type ProbeDefect,
  type ProbeFields,
} from './probe-codec';
export { formatEndpoint, formatPeer, formatUdpUrl, socketTypeFor, type UdpSocketType } from './udp-address';
export {
  parseDatagramSize,
  parseDecimal,
  parseDelay,
  parseInteger,
  parsePort,
  parseRate,
  parseSeed,
  type DelaySpec,
} from './option-parsers';
export { paletteFor, type MaybeTty, type Palette } from './palette';
export { cliFlag } from './cli-flag';
