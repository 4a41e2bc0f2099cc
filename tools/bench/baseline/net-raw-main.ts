// Command line of the node:net floor, as the bench starts it:
//   node net-raw.js --port N (--file PATH | --upload) [--close]
// Prints `listening on http://127.0.0.1:PORT (node:net floor)`; SIGTERM exits 0.

import { parseArgs } from 'node:util';
import { createRawServer, rawFileResponse, rawUploadResponse } from './net-raw';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    file: { type: 'string' },
    upload: { type: 'boolean', default: false },
    close: { type: 'boolean', default: false },
  },
});

if (values.file === undefined && !values.upload) {
  process.stderr.write('node:net floor: give --file PATH or --upload\n');
  process.exit(2);
}
const response = values.file === undefined ? rawUploadResponse(values.close) : rawFileResponse(values.file, values.close);
const server = createRawServer({ response, close: values.close });

server.on('error', (error) => {
  process.stderr.write(`node:net floor: ${error.message}\n`);
  process.exit(1);
});

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : values.port;
  process.stdout.write(`listening on http://${values.host}:${port} (node:net floor)\n`);
});

// Nothing to drain: every answer is one write already handed to the kernel.
process.once('SIGTERM', () => process.exit(0));
process.once('SIGINT', () => process.exit(0));
