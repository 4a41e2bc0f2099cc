// simple-server: the same HTTP service on one event loop, no pool: the baseline to compare with.
import { assertSupportedNode } from '@mths/runtime';
import {
  AccessLog,
  COUNTER_NAMES,
  configFromArgvOrExit,
  failAndExit,
  onShutdownSignal,
  clearUploadsOfGoneProcesses,
  startHttpService,
  statsLine,
} from '@mths/http-service';
import { SharedCounters } from '@mths/thread-pool';
import { formatHostPort, tcpListenerFactory } from '@mths/transport';

const NAME = 'simple-server';

async function main(): Promise<void> {
  const config = configFromArgvOrExit(
    { name: NAME, description: 'Single-event-loop HTTP/1.1 static file and upload server (the baseline)', withThreads: false },
    process.argv.slice(2),
  );
  const counters = SharedCounters.create(COUNTER_NAMES, 1);
  const colour = process.stdout.isTTY === true && !process.env['NO_COLOR'];
  const log = new AccessLog(process.stdout, process.stderr, { quiet: config.quiet, colour, worker: 0 });
  const service = await startHttpService({ config, listenerFactory: tcpListenerFactory, reusePort: false, counters, slot: 0, log }).catch(
    (error: unknown) => failAndExit(NAME, error),
  );
  process.on('SIGUSR1', () => process.stdout.write(statsLine(counters)));

  onShutdownSignal(NAME, async () => {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        process.stderr.write(`${NAME}: connections still open after ${config.drainTimeoutMs / 1000} s; closing them\n`);
        resolve();
      }, config.drainTimeoutMs);
    });
    await Promise.race([service.drain(), timedOut]);
    clearTimeout(timer);
    process.stdout.write(statsLine(counters));
  });
  // Signal handlers are in place before anyone can learn the port and signal us.
  process.stdout.write(`listening on http://${formatHostPort(config.host, service.address.port)} (1 event loop)\n`);
  void clearUploadsOfGoneProcesses(NAME, config.uploadsDir);
}

assertSupportedNode();
void main();
