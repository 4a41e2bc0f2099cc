// Jest wiring: one server per describe block, started before its tests and stopped (exit 0
// checked) after them.
import type { Implementation } from './implementations';
import { ServerProcess, START_TIMEOUT_MS, STOP_TIMEOUT_MS, type StartOptions } from './server-process';

/** Starts `impl` in beforeAll, stops it in afterAll and expects exit code 0; returns a getter. */
export function useServer(impl: Implementation, options: StartOptions = {}): () => ServerProcess {
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    server = await ServerProcess.start(impl, options);
  }, START_TIMEOUT_MS + 2000);
  afterAll(async () => {
    if (server === undefined) return;
    const exit = await server.stop();
    if (exit.code !== 0) throw new Error(`${impl.name} exited with ${JSON.stringify(exit)} after SIGTERM\n${server.diagnostics()}`);
  }, STOP_TIMEOUT_MS + 2000);
  return () => {
    if (server === undefined) throw new Error(`${impl.name} is not running`);
    return server;
  };
}
