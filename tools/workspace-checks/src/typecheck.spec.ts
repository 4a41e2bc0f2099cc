// The bundles (esbuild) and the tests (swc) strip types without checking them: this is where a
// type error, or an unused local (tsconfig noUnusedLocals), fails `npm test` and CI.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const workspace = resolve(__dirname, '../../..');

test('the whole workspace type-checks (tsc --noEmit, strict)', () => {
  const tsc = join(workspace, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(workspace, 'tsconfig.json'), '--noEmit'], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.error).toBeUndefined();
  expect(`${run.stdout}${run.stderr}`).toBe('');
  expect(run.status).toBe(0);
}, 150_000);
