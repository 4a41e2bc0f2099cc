// Bundles the node:http baseline and the node:net floor to one CommonJS file each with esbuild,
// so they run on plain node exactly as our apps do (their builds are esbuild bundles too).

import { buildSync } from 'esbuild';
import * as path from 'node:path';

function bundle(entry: string, outName: string, scratch: string): string {
  const outfile = path.join(scratch, outName);
  buildSync({
    entryPoints: [path.join(__dirname, '..', 'baseline', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    logLevel: 'error',
  });
  return outfile;
}

export const bundleBaseline = (scratch: string): string => bundle('main.ts', 'node-http-baseline.js', scratch);

export const bundleFloor = (scratch: string): string => bundle('net-raw-main.ts', 'node-net-raw.js', scratch);
