// The agent and connection against real sockets on 127.0.0.1: keep-alive reuse, reconnect-once,
// every body framing the parser knows, and each way a response can fail.
import { waitFor } from '@mths/test-kit';
import type { Socket } from 'node:net';
import { Agent } from './agent';
import { ClientError } from './errors';
import { findFlatHeader } from './header-line';
import { prepareRequest } from './prepare-request';
import type { RequestSpec } from './request-spec';
import {
  closedPort,
  PNG,
  startFixtureServer,
  startRawServer,
  startTlsFixtureServer,
  TEXT,
  TLS_CERT,
  type FixtureServer,
} from './testing/test-servers';

const OPTIONS = { timeoutMs: 2000, insecure: false, ca: undefined };

async function send(agent: Agent, spec: RequestSpec, base?: URL) {
  return agent.send(await prepareRequest(spec, base));
}

function get(url: string): RequestSpec {
  return { method: 'GET', url, headers: [] };
}

async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClientError) return error;
    throw error;
  }
  throw new Error('expected a ClientError');
}

describe('agent over node:http', () => {
  let server: FixtureServer;
  let agent: Agent;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    agent = new Agent(OPTIONS);
  });
  afterEach(() => agent.close());

  it('reuses one connection per origin across requests', async () => {
    const before = server.connections();
    const first = await send(agent, get(`${server.url}/hello.txt`));
    const second = await send(agent, get(`${server.url}/index.html`));
    const third = await send(agent, { method: 'POST', url: `${server.url}/upload`, headers: [], body: { kind: 'json', text: '{"a":1}' } });
    expect(first.body.toString()).toBe(TEXT);
    expect(first.connection).toMatchObject({ reused: false, reconnected: null, keptAlive: true });
    expect(second.connection).toMatchObject({ id: first.connection.id, reused: true, reconnected: null });
    expect(third.head.statusCode).toBe(201);
    expect(third.connection.reused).toBe(true);
    expect(server.connections() - before).toBe(1);
    expect(second.timing.connectMs).toBeNull();
    expect(first.timing.connectMs).not.toBeNull();
  });

  it('reconnects once, and says so, when the server closed the idle connection', async () => {
    const first = await send(agent, get(`${server.url}/hello.txt`));
    expect(agent.isKept(server.url)).toBe(true);
    server.closeIdle();
    // Wait (bounded) until the client has seen the FIN, as it would while a user types.
    await waitFor(() => !agent.isKept(server.url), 1_000, 'the client to see the FIN');
    expect(agent.isKept(server.url)).toBe(false);
    const second = await send(agent, get(`${server.url}/hello.txt`));
    expect(second.body.toString()).toBe(TEXT);
    expect(second.connection.reused).toBe(false);
    expect(second.connection.id).not.toBe(first.connection.id);
    expect(second.connection.reconnected).toMatch(/closed the idle connection/);
    const third = await send(agent, get(`${server.url}/hello.txt`));
    expect(third.connection).toMatchObject({ reused: true, reconnected: null, id: second.connection.id });
  });

  it('keeps binary bodies byte for byte', async () => {
    const response = await send(agent, get(`${server.url}/logo.png`));
    expect(response.body.equals(PNG)).toBe(true);
    expect(findFlatHeader(response.head.headers, 'content-type')).toBe('image/png');
  });

  it('decodes chunked bodies', async () => {
    const response = await send(agent, get(`${server.url}/chunked`));
    expect(response.head.chunked).toBe(true);
    expect(response.body.toString()).toBe('first,second,third');
  });

  it('skips 1xx interim responses and reports the final one', async () => {
    const response = await send(agent, get(`${server.url}/hints`));
    expect(response.informational.map((h) => h.statusCode)).toEqual([103]);
    expect(response.head.statusCode).toBe(200);
    expect(response.body.toString()).toBe('after hints\n');
  });

  it('reads no body after HEAD, and the connection stays usable', async () => {
    const head = await send(agent, { method: 'HEAD', url: `${server.url}/logo.png`, headers: [] });
    expect(head.head.contentLength).toBe(PNG.length);
    expect(head.body.length).toBe(0);
    const next = await send(agent, get(`${server.url}/hello.txt`));
    expect(next.connection.reused).toBe(true);
    expect(next.body.toString()).toBe(TEXT);
  });

  it('fails clearly when the server closes mid-body', async () => {
    const error = await failure(send(agent, get(`${server.url}/cut`)));
    expect(error.code).toBe('CLIENT_CONNECTION_CLOSED');
    expect(error.message).toMatch(/mid-body after 100 of 1000 bytes/);
    expect(error.exitStatus).toBe(1);
  });

  it('times out a response that never comes', async () => {
    const quick = new Agent({ ...OPTIONS, timeoutMs: 150 });
    const error = await failure(send(quick, get(`${server.url}/stall`)));
    quick.close();
    expect(error.code).toBe('CLIENT_RESPONSE_TIMEOUT');
    expect(error.message).toMatch(/no response from 127\.0\.0\.1:\d+ within 0\.15 s/);
  });
});

describe('agent over raw sockets', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function raw(onRequest: (socket: Socket, head: string, index: number) => void) {
    const server = await startRawServer(onRequest);
    closers.push(() => server.close());
    return server;
  }

  it('reads a close-delimited body to the end of the stream', async () => {
    const server = await raw((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end'));
    const agent = new Agent(OPTIONS);
    const response = await send(agent, get(`${server.url}/`));
    expect(response.body.toString()).toBe('until the end');
    expect(response.connection.keptAlive).toBe(false);
    agent.close();
  });

  it('sends an idempotent request again when the kept connection dies as it goes out', async () => {
    // The first request is answered; the second on that socket is met with a close, as when a
    // keep-alive timeout fires just as the request arrives.
    const server = await raw((socket, _head, index) => {
      if (index === 0) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      else socket.destroy();
    });
    const agent = new Agent(OPTIONS);
    await send(agent, get(`${server.url}/`));
    const again = await send(agent, get(`${server.url}/`));
    expect(again.body.toString()).toBe('ok');
    expect(again.connection.reused).toBe(false);
    expect(again.connection.reconnected).toMatch(/closed the connection before sending a response; sent again/);
    expect(server.connections()).toBe(2);
    agent.close();
  });

  it('does not send a POST twice when the kept connection dies under it', async () => {
    const server = await raw((socket, _head, index) => {
      if (index === 0) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
      else socket.destroy();
    });
    const agent = new Agent(OPTIONS);
    await send(agent, get(`${server.url}/`));
    const error = await failure(send(agent, { method: 'POST', url: `${server.url}/`, headers: [], body: { kind: 'json', text: '{}' } }));
    expect(error.code).toBe('CLIENT_CONNECTION_CLOSED');
    expect(server.connections()).toBe(1);
    agent.close();
  });

  it('reports a malformed response as a bad response', async () => {
    const server = await raw((socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n'));
    const agent = new Agent(OPTIONS);
    const error = await failure(send(agent, get(`${server.url}/`)));
    expect(error.code).toBe('CLIENT_BAD_RESPONSE');
    expect(error.message).toMatch(/HPE_INVALID_CONTENT_LENGTH/);
    agent.close();
  });

  it('closes after a response that says Connection: close', async () => {
    const server = await raw((socket) => socket.write('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n'));
    const agent = new Agent(OPTIONS);
    const first = await send(agent, get(`${server.url}/`));
    expect(first.connection.keptAlive).toBe(false);
    const second = await send(agent, get(`${server.url}/`));
    expect(second.connection).toMatchObject({ reused: false, reconnected: null });
    expect(server.connections()).toBe(2);
    agent.close();
  });
});

describe('connecting', () => {
  it('reports a refused connection as a network error', async () => {
    const port = await closedPort();
    const agent = new Agent(OPTIONS);
    const error = await failure(send(agent, get(`http://127.0.0.1:${port}/`)));
    expect(error.code).toBe('CLIENT_CONNECT_FAILED');
    expect(error.message).toBe(`connection refused by 127.0.0.1:${port} (is the server running?)`);
    expect(error.exitStatus).toBe(1);
  });

  it('speaks TLS, timing the handshake, and refuses an untrusted certificate', async () => {
    const server = await startTlsFixtureServer();
    try {
      const trusting = new Agent({ ...OPTIONS, ca: TLS_CERT });
      const first = await send(trusting, get(`${server.url}/hello.txt`));
      const second = await send(trusting, get(`${server.url}/hello.txt`));
      trusting.close();
      expect(first.body.toString()).toBe(TEXT);
      expect(first.timing.tlsMs).toBeGreaterThan(0);
      expect(second.connection.reused).toBe(true);
      expect(second.timing.tlsMs).toBeNull();

      const strict = new Agent(OPTIONS);
      const error = await failure(send(strict, get(`${server.url}/`)));
      strict.close();
      expect(error.code).toBe('CLIENT_TLS_FAILED');
      expect(error.message).toMatch(/--insecure/);

      const insecure = new Agent({ ...OPTIONS, insecure: true });
      expect((await send(insecure, get(`${server.url}/hello.txt`))).head.statusCode).toBe(200);
      insecure.close();
    } finally {
      await server.close();
    }
  });

  it('resolves paths against a base URL', async () => {
    const server = await startFixtureServer();
    const agent = new Agent(OPTIONS);
    const response = await send(agent, get('hello.txt'), new URL(`${server.url}/`));
    expect(response.url).toBe(`${server.url}/hello.txt`);
    agent.close();
    await server.close();
  });
});
