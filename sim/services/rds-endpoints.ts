/**
 * Endpoints that follow an instance's name, as RDS's DNS names do: `<name>.c….rds.amazonaws.com`
 * resolves to whichever instance has the name now. For instances backed by a real PostgreSQL
 * the sim gives each name a loopback port (DescribeDBInstances' Endpoint.Port) that forwards a
 * new connection to the instance holding the name at that moment, so after a rename swap
 * (ModifyDBInstance NewDBInstanceIdentifier, rds-rename.ts) an application's unchanged
 * connection string reaches the instance now under the original name. A name no instance has
 * refuses connections, like a name that no longer resolves.
 */
import net from 'node:net';

interface Target {
  host: string;
  port: number;
}

export class NameEndpoints {
  private readonly servers = new Map<string, { port: number; close: () => Promise<void> }>();
  private readonly starting = new Map<string, Promise<void>>();

  /** `target` answers who has `name` now (undefined: nobody, or not backed). */
  constructor(private readonly target: (name: string) => Target | undefined) {}

  /** The loopback port of `name`'s endpoint, once started. */
  port(name: string): number | undefined {
    return this.servers.get(name)?.port;
  }

  /** Starts `name`'s endpoint unless it runs already. */
  ensure(name: string): Promise<void> {
    if (this.servers.has(name)) return Promise.resolve();
    const running = this.starting.get(name);
    if (running) return running;
    const start = this.listen(name).finally(() => this.starting.delete(name));
    this.starting.set(name, start);
    return start;
  }

  private async listen(name: string): Promise<void> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => client.destroy());
      const to = this.target(name);
      if (!to) {
        client.destroy();
        return;
      }
      client.pause();
      const upstream = net.connect(to.port, to.host, () => {
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
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const port = (server.address() as net.AddressInfo).port;
    this.servers.set(name, {
      port,
      close: () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          server.close(() => resolve());
        }),
    });
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.starting.values()]);
    await Promise.allSettled([...this.servers.values()].map((s) => s.close()));
    this.servers.clear();
  }
}
