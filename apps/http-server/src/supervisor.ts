// The main thread: parses the CLI, reserves the port, starts and supervises the workers,
// prints `listening on`, and drains everything on SIGINT/SIGTERM.
import {
  COUNTER_NAMES,
  GAUGE_NAMES,
  configFromArgvOrExit,
  failAndExit,
  onShutdownSignal,
  clearUploadsOfDeadThread,
  clearUploadsOfGoneProcesses,
  statsLine,
} from '@mths/http-service';
import { WorkerPool, type WorkerExit } from '@mths/thread-pool';
import { claimSharedPort, formatHostPort } from '@mths/transport';
import { TEST_CRASH, TEST_HANG, type HttpWorkerData } from './worker-data';

const NAME = 'http-server';

export async function runSupervisor(argv: readonly string[], script: string): Promise<void> {
  const requested = configFromArgvOrExit(
    { name: NAME, description: 'Multi-threaded HTTP/1.1 static file and upload server', withThreads: true },
    argv,
  );

  // Hold the port (SO_REUSEPORT) while the workers bind it: a busy port fails here with one
  // clear line, even one held by another http-server, and port 0 becomes one concrete port that
  // every worker shares.
  const reservation = await claimSharedPort(
    {
      host: requested.host,
      port: requested.port,
      onAcceptError: (error) => process.stderr.write(`${NAME}: accept failed while starting: ${error.message}\n`),
    },
    (socket) => socket.destroy(),
  ).catch((error: unknown) => failAndExit(NAME, error));
  const config = { ...requested, port: reservation.address.port };

  const pool = new WorkerPool<HttpWorkerData>({
    size: config.threads,
    script,
    workerData: { config, colour: process.stdout.isTTY === true && !process.env['NO_COLOR'] },
    counterNames: COUNTER_NAMES,
    gaugeNames: GAUGE_NAMES,
    // Workers started under tsx need its loader too.
    execArgv: process.execArgv,
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
    heartbeat:
      config.watchdogMs > 0
        ? { intervalMs: Math.min(1_000, Math.max(10, Math.floor(config.watchdogMs / 4))), timeoutMs: config.watchdogMs }
        : undefined,
  });
  pool.on('worker-exit', (exit: WorkerExit) => {
    const why = exit.error ? exit.error.message : `exit code ${exit.exitCode}`;
    process.stderr.write(`${NAME}: worker ${exit.index} crashed (${why}); restarting in ${exit.restartInMs} ms\n`);
    void clearUploadsOfDeadThread(NAME, config.uploadsDir, exit.threadId);
  });
  pool.on('worker-hung', (index: number, silentMs: number) => {
    process.stderr.write(`${NAME}: worker ${index} is unresponsive (no heartbeat for ${(silentMs / 1000).toFixed(1)} s); terminating it\n`);
  });
  pool.on('worker-restart', (index: number) => process.stderr.write(`${NAME}: worker ${index} restarted\n`));

  await pool.start().catch((error: unknown) => failAndExit(NAME, error));
  await reservation.close();

  process.on('SIGUSR1', () => process.stdout.write(statsLine(pool.counters)));
  // Test-only fault injection, never on unless the environment asks: SIGUSR2 crashes worker 0
  // (MTHS_TEST_HOOKS=1) or blocks its event loop (MTHS_TEST_HOOKS=hang).
  const hook = process.env['MTHS_TEST_HOOKS'];
  if (hook === '1' || hook === 'hang') {
    process.on('SIGUSR2', () => pool.send(0, { type: hook === 'hang' ? TEST_HANG : TEST_CRASH }));
  }

  onShutdownSignal(NAME, async () => {
    const { forced } = await pool.stop(config.drainTimeoutMs);
    if (forced > 0) process.stderr.write(`${NAME}: ${forced} worker(s) did not drain within ${config.drainTimeoutMs / 1000} s and were stopped\n`);
    process.stdout.write(statsLine(pool.counters));
  });

  // Signal handlers are in place before anyone can learn the port and signal us.
  process.stdout.write(`listening on http://${formatHostPort(config.host, config.port)} (${config.threads} threads)\n`);
  void clearUploadsOfGoneProcesses(NAME, config.uploadsDir);
}
