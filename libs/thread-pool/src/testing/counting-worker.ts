// A pool worker for the pool's own tests: counts, echoes, crashes or hangs on request.
import { workerContext } from '../worker-context';

interface Data {
  tsFile: string;
  failToStart?: boolean;
  drainDelayMs?: number;
}

const ctx = workerContext<Data>();
const requests = ctx.counters.cell(ctx.index, 'requests');

if (ctx.data.failToStart) {
  ctx.fail(Object.assign(new Error('port busy'), { code: 'EADDRINUSE' }));
}

// Keeps the worker alive until drained, like a listening socket would.
const keepAlive = setInterval(() => undefined, 60_000);

ctx.onMessage((message) => {
  const m = message as { type: string; n?: number };
  if (m.type === 'count') ctx.counters.add(requests, m.n ?? 1);
  if (m.type === 'echo') ctx.send({ type: 'echo', index: ctx.index });
  if (m.type === 'crash') throw new Error('crash on purpose');
  if (m.type === 'hang') for (;;);
});

ctx.onDrain(
  () =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        clearInterval(keepAlive);
        ctx.send({ type: 'drained', index: ctx.index });
        resolve();
      }, ctx.data.drainDelayMs ?? 0),
    ),
);

ctx.ready({ index: ctx.index });
