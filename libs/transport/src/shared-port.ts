// Opening the first listener of a SO_REUSEPORT group that only this process will join. Linux
// lets any listener of the same user with SO_REUSEPORT join a group: a second server started on
// a busy port would bind without an error, and the kernel would quietly spread connections over
// both (an old and a new version answering in turn). So the port is bound alone first, which
// fails on a port anyone listens on, and only then as the group's first member.
import type { ConnectionCallback, Listener, ListenOptions } from './listener';
import { tcpListenerFactory } from './tcp-listener';

/**
 * Listens on options.host:options.port with SO_REUSEPORT after checking that nobody else listens
 * there (port 0: a free port, which the returned listener reports). Rejects with
 * TRANSPORT_ADDRESS_IN_USE on a busy port, whether or not its listener uses SO_REUSEPORT.
 * A server that binds in the instant between the two binds is not detected.
 */
export async function claimSharedPort(options: Omit<ListenOptions, 'reusePort'>, onConnection: ConnectionCallback): Promise<Listener> {
  const alone = await tcpListenerFactory.listen({ ...options, reusePort: false }, onConnection);
  const port = alone.address.port;
  await alone.close();
  return tcpListenerFactory.listen({ ...options, port, reusePort: true }, onConnection);
}
