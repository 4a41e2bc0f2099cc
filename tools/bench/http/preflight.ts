// One request before the load starts, so a cell that would measure 404s or 403s fails loudly
// instead of reporting a fast error page.

import { request } from 'node:http';
import { BenchError } from './errors';
import { hostHeader } from './load-run';

export interface OneRequest {
  readonly port: number;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface OneResponse {
  readonly status: number;
  readonly bodyBytes: number;
}

export function requestOnce(req: OneRequest, timeoutMs = 5000): Promise<OneResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: hostHeader(req.port), ...req.headers };
    if (req.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(req.body));
    const outgoing = request({ host: '127.0.0.1', port: req.port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      let bodyBytes = 0;
      res.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, bodyBytes }));
      res.once('error', reject);
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no response within ${timeoutMs} ms`)));
    outgoing.once('error', reject);
    outgoing.end(req.body);
  });
}

/** Throws BENCH_PREFLIGHT_FAILED unless the answer has the expected status (and size, for GETs). */
export async function preflight(req: OneRequest, expectStatus: number, expectBytes: number | undefined): Promise<void> {
  let response: OneResponse;
  try {
    response = await requestOnce(req);
  } catch (error) {
    throw new BenchError('BENCH_PREFLIGHT_FAILED', `${req.method} ${req.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status !== expectStatus || (expectBytes !== undefined && response.bodyBytes !== expectBytes)) {
    throw new BenchError(
      'BENCH_PREFLIGHT_FAILED',
      `${req.method} ${req.path} gave ${response.status} with ${response.bodyBytes} body bytes, expected ${expectStatus}` +
        (expectBytes === undefined ? '' : ` with ${expectBytes}`),
    );
  }
}
