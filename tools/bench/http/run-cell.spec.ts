import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { runAutocannon } from './autocannon';
import { bundleBaseline, bundleFloor } from './baseline-bundle';
import { createWorkspace, removeWorkspace, type BenchWorkspace } from './bench-workspace';
import { which } from './machine';
import { preflight } from './preflight';
import { readRssBytes } from './rss';
import { runCell, type CellContext } from './run-cell';
import { startServer, type LaunchContext } from './servers';
import { findFreePort } from './wait-for';
import { FIXTURES, workloadById } from './workloads';
import { runWrk } from './wrk';

// Real processes on 127.0.0.1, unpinned (other suites share the CPUs), one-second loads.
describe('bench cells against real servers', () => {
  let workspace: BenchWorkspace;
  let launch: LaunchContext;
  let ctx: CellContext;

  beforeAll(() => {
    workspace = createWorkspace();
    launch = {
      // A repo root without dist/: our apps count as not built, so only the baseline and nginx run.
      repoRoot: workspace.scratch,
      nodeBin: process.execPath,
      workspace,
      baselineScript: bundleBaseline(workspace.scratch),
      floorScript: bundleFloor(workspace.scratch),
      nginxBin: which('nginx'),
      serverCpu: undefined,
    };
    ctx = {
      launch,
      load: { loadCpu: undefined, scratch: workspace.scratch, nodeBin: process.execPath, repoRoot: process.cwd() },
      runLoad: which('wrk') === undefined ? runAutocannon : runWrk,
      workspace,
      durationS: 1,
      warmUpS: 1,
    };
  });

  afterAll(() => removeWorkspace(workspace));

  it('measures GETs on the node:http baseline with no bad responses', async () => {
    const cell = await runCell(workloadById('small'), 'node-http', ctx);
    expect(cell).toMatchObject({ status: 'ok', badResponses: 0, socketErrors: 0 });
    expect(cell.value).toBeGreaterThan(0);
    expect(cell.p99Ms).toBeGreaterThan(0);
    expect(cell.peakRssBytes).toBeGreaterThan(1024 * 1024);
    // The server's own CPU over the window: some µs per request, and a share of one or two cores.
    expect(cell.cpuUsPerUnit).toBeGreaterThan(0);
    expect(cell.cpuUtilisation).toBeGreaterThan(0);
    expect(cell.cpuUtilisation).toBeLessThan(2.5);
  }, 20_000);

  it('measures GETs on the node:net floor, which answers without parsing', async () => {
    const cell = await runCell(workloadById('small'), 'node-net-raw', ctx);
    expect(cell).toMatchObject({ status: 'ok', badResponses: 0, socketErrors: 0 });
    expect(cell.value).toBeGreaterThan(0);
    expect(cell.cpuUsPerUnit).toBeGreaterThan(0);
  }, 20_000);

  it('measures uploads (201) and leaves the uploads folder empty', async () => {
    const cell = await runCell(workloadById('upload'), 'node-http', ctx);
    expect(cell).toMatchObject({ status: 'ok', badResponses: 0 });
    expect(readdirSync(workspace.uploads)).toEqual([]);
  }, 20_000);

  it('does not start what cannot run: nginx uploads are n/a, unbuilt apps are unavailable', async () => {
    expect(await runCell(workloadById('upload'), 'nginx', ctx)).toMatchObject({ status: 'n/a' });
    expect(await runCell(workloadById('small'), 'http-server', ctx)).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('not built') });
  });

  it('reports a server that cannot listen as a failed start with its reason', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startServer('node-http', launch, { port, idle: false, workload: 'small' })).rejects.toMatchObject({
        code: 'BENCH_SERVER_EXITED',
        message: expect.stringContaining('EADDRINUSE'),
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  // nginx is optional (apt-get install nginx-light): without it the bench must say so, not fail.
  it('runs nginx from a temp prefix on the same root and stops it, or reports it unavailable', async () => {
    if (which('nginx') === undefined) {
      expect(await runCell(workloadById('small'), 'nginx', ctx)).toMatchObject({ status: 'unavailable' });
      return;
    }
    const server = await startServer('nginx', launch, { port: await findFreePort(), idle: false, workload: 'large' });
    try {
      expect(readRssBytes(server.pid)).toBeGreaterThan(0);
      await preflight({ port: server.port, method: 'GET', path: `/${FIXTURES.large.name}`, headers: {} }, 200, FIXTURES.large.size);
    } finally {
      await server.stop();
    }
    expect(readRssBytes(server.pid)).toBeUndefined();
  }, 20_000);
});
