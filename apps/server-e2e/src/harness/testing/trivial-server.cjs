// A stand-in server for the harness's self-check only (not the product): node:http serving
// --root with the CLI shape of the real ones (listening line, stats line, SIGTERM exit 0).
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const root = args[args.indexOf('--root') + 1];
let requests = 0;
const server = http.createServer((req, res) => {
  requests++;
  const name = (req.url || '/').split('?')[0] === '/' ? 'index.html' : req.url.split('?')[0].slice(1);
  let body;
  try {
    body = fs.readFileSync(path.join(root, name));
  } catch {
    body = Buffer.from('<html><body>404</body></html>');
    res.statusCode = 404;
  }
  res.setHeader('Server', 'trivial');
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
});
const stats = () => `stats ${JSON.stringify({ workers: [{ worker: 0, connections: 0, requests, bytesIn: 0, bytesOut: 0 }], total: { connections: 0, requests, bytesIn: 0, bytesOut: 0 } })}`;
process.on('SIGUSR1', () => console.log(stats()));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    console.log(stats());
    process.exit(0);
  });
});
server.listen(Number(args[0]), args[1], () => console.log(`listening on http://${args[1]}:${server.address().port} (1 event loop)`));
