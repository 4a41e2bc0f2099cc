import { TransportError } from './errors';
import { claimSharedPort } from './shared-port';
import { tcpListenerFactory } from './tcp-listener';

const onAcceptError = (): void => undefined;
const host = '127.0.0.1';

describe('claimSharedPort', () => {
  it('opens a free port that the rest of the group can join', async () => {
    const first = await claimSharedPort({ host, port: 0, onAcceptError }, (s) => s.end());
    expect(first.address.port).toBeGreaterThan(0);
    const worker = await tcpListenerFactory.listen({ host, port: first.address.port, reusePort: true, onAcceptError }, (s) => s.end());
    expect(worker.address.port).toBe(first.address.port);
    await Promise.all([first.close(), worker.close()]);
  });

  it('refuses a port another SO_REUSEPORT group listens on (which a plain reusePort bind would join)', async () => {
    const other = await tcpListenerFactory.listen({ host, port: 0, reusePort: true, onAcceptError }, (s) => s.end());
    const port = other.address.port;
    // What the check is for: joining would have succeeded without a word.
    const joined = await tcpListenerFactory.listen({ host, port, reusePort: true, onAcceptError }, (s) => s.end());
    await joined.close();

    const attempt = claimSharedPort({ host, port, onAcceptError }, () => undefined);
    await expect(attempt).rejects.toBeInstanceOf(TransportError);
    await expect(attempt).rejects.toMatchObject({ code: 'TRANSPORT_ADDRESS_IN_USE' });
    await other.close();
  });
});
