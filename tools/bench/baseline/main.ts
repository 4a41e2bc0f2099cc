// Command line of the node:http baseline, as the bench starts it:
//   node baseline.js --port N [--root DIR] [--uploads DIR] [--keep-alive-timeout S]
// Prints `listening on http://127.0.0.1:PORT (node:http baseline)`; SIGTERM closes and exits 0.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createStaticServer } from './node-http-static';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    root: { type: 'string', default: process.cwd() },
    uploads: { type: 'string' },
    'keep-alive-timeout': { type: 'string', default: '5' },
    'max-body': { type: 'string', default: String(10 * 1024 * 1024) },
  },
});

const root = path.resolve(values.root);
const server = createStaticServer({
  root,
  uploads: path.resolve(values.uploads ?? path.join(root, 'uploads')),
  keepAliveTimeoutS: Number(values['keep-alive-timeout']),
  maxBodyBytes: Number(values['max-body']),
});

server.on('error', (error) => {
  process.stderr.write(`node:http baseline: ${error.message}\n`);
  process.exit(1);
});

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : values.port;
  process.stdout.write(`listening on http://${values.host}:${port} (node:http baseline)\n`);
});

function shutdown(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
