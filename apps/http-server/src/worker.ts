// One worker thread: an HTTP service on the shared port until the pool asks it to drain.
import { AccessLog, startHttpService } from '@mths/http-service';
import { workerContext } from '@mths/thread-pool';
import { tcpListenerFactory } from '@mths/transport';
import { TEST_CRASH, TEST_HANG, type HttpWorkerData } from './worker-data';

export function runWorker(): void {
  const ctx = workerContext<HttpWorkerData>();
  const { config, colour } = ctx.data;
  const log = new AccessLog(process.stdout, process.stderr, { quiet: config.quiet, colour, worker: ctx.index });

  startHttpService({
    config,
    listenerFactory: tcpListenerFactory,
    reusePort: true,
    counters: ctx.counters,
    slot: ctx.index,
    log,
  }).then(
    (service) => {
      ctx.onDrain(() => service.drain());
      ctx.onMessage((message) => {
        const type = (message as { type?: string }).type;
        if (type === TEST_CRASH) throw new Error('crash requested by the test hook');
        if (type === TEST_HANG) for (;;); // a stuck event loop, for the watchdog to find
      });
      ctx.ready({ port: service.address.port });
    },
    (error: Error & { code?: string }) => ctx.fail(error),
  );
}
