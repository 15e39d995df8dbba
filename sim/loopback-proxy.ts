/**
 * The sim's loopback TCP proxies (an RDS name's endpoint, a restored instance's endpoint): a
 * server on 127.0.0.1 whose `accept` decides, for each client, whether and where its bytes go.
 * Closing it ends every connection it holds, clients and upstreams alike.
 */
import net from 'node:net';

export interface LoopbackProxy {
  port: number;
  close: () => Promise<void>;
}

/**
 * Joins the client to `to` both ways; `first` is what the proxy already read of the client
 * (written upstream before the rest). Either side closing closes the other.
 */
export type Forward = (to: { host: string; port: number }, first?: Buffer[]) => void;

export async function startLoopbackProxy(
  accept: (client: net.Socket, forward: Forward) => void,
): Promise<LoopbackProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    accept(client, (to, first = []) => {
      // Nothing the client sends before the upstream answers is lost: it waits in the socket.
      client.pause();
      const upstream = net.connect(to.port, to.host, () => {
        for (const bytes of first) if (bytes.length > 0) upstream.write(bytes);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
