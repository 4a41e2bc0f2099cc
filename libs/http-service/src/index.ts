// Public face of @mths/http-service: the HTTP/1.1 connection loop and everything a server app
// needs around it (config, CLI, access log, process chores).
export { DEFAULT_SERVER_CONFIG, serverConfig, defaultRoot, type ServerConfig } from './config';
export { parseServerArgs, type CliSpec, type CliOutcome } from './cli';
export { CliUsageError, parseSize, parseSeconds, parseCount, parsePort, parseExtensions } from './cli-values';
export { AccessLog, type AccessEntry, type LogSink } from './access-log';
export { COUNTER_NAMES, GAUGE_NAMES, ServiceStats } from './service-stats';
export { startHttpService, type HttpService, type HttpServiceOptions } from './service';
export {
  configFromArgvOrExit,
  failAndExit,
  onShutdownSignal,
  clearUploadsOfDeadThread,
  clearUploadsOfGoneProcesses,
  statsLine,
  EXIT_FAILURE,
  EXIT_USAGE,
} from './process-shell';
