// Bundles the node:http baseline to one CommonJS file with esbuild, so it runs on plain node
// exactly as our apps do (their builds are esbuild bundles too), with no loader in between.

import { buildSync } from 'esbuild';
import * as path from 'node:path';

export function bundleBaseline(scratch: string): string {
  const outfile = path.join(scratch, 'node-http-baseline.js');
  buildSync({
    entryPoints: [path.join(__dirname, '..', 'baseline', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'error',
  });
  return outfile;
}
