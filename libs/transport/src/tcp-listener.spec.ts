import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { tcpListenerFactory, formatHostPort } from './tcp-listener';
import { TransportError } from './errors';

// No accept can fail on loopback here: if one did, the test should say so loudly.
function onAcceptError(error: Error): never {
  throw error;
}

describe('tcpListenerFactory', () => {
  it('listens on a free port and hands over each connection', async () => {
    const accepted: Socket[] = [];
    const listener = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: false, onAcceptError }, (s) => {
      accepted.push(s);
      s.end('hi');
    });
    expect(listener.address.port).toBeGreaterThan(0);
    const client = connect(listener.address.port, '127.0.0.1');
    const [data] = await once(client, 'data');
    expect(String(data)).toBe('hi');
    expect(accepted).toHaveLength(1);
    client.destroy();
    await listener.close();
  });

  it('lets two listeners share one port with reusePort', async () => {
    const first = await tcpListenerFactory.listen({ host: '127.0.0.1', port: 0, reusePort: true, onAcceptError }, (s) => s.end());
    const second = await tcpListenerFactory.listen(
      { host: '127.0.0.1', port: first.address.port, reusePort: true, onAcceptError },
      (s) => s.end(),
    );
    expect(second.address.port).toBe(first.address.port);
    await Promise.all([first.close(), second.close()]);
  });

  it('reports a busy port as TRANSPORT_ADDRESS_IN_USE', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const attempt = tcpListenerFactory.listen({ host: '127.0.0.1', port, reusePort: true, onAcceptError }, () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(TransportError);
    await expect(attempt).rejects.toMatchObject({ code: 'TRANSPORT_ADDRESS_IN_USE', systemCode: 'EADDRINUSE' });
    blocker.close();
  });

  it('brackets IPv6 hosts', () => {
    expect(formatHostPort('::1', 80)).toBe('[::1]:80');
    expect(formatHostPort('127.0.0.1', 80)).toBe('127.0.0.1:80');
  });
});
