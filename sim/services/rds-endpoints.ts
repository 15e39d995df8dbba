/**
 * Endpoints that follow an instance's name, as RDS's DNS names do: `<name>.c….rds.amazonaws.com`
 * resolves to whichever instance has the name now. For instances backed by a real PostgreSQL
 * the sim gives each name a loopback port (DescribeDBInstances' Endpoint.Port) that forwards a
 * new connection to the instance holding the name at that moment, so after a rename swap
 * (ModifyDBInstance NewDBInstanceIdentifier, rds-rename.ts) an application's unchanged
 * connection string reaches the instance now under the original name. A name no instance has
 * refuses connections, like a name that no longer resolves.
 */
import { startLoopbackProxy } from '../loopback-proxy.js';

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
    const proxy = await startLoopbackProxy((client, forward) => {
      const to = this.target(name);
      if (to) forward(to);
      else client.destroy();
    });
    this.servers.set(name, proxy);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([...this.starting.values()]);
    await Promise.allSettled([...this.servers.values()].map((s) => s.close()));
    this.servers.clear();
  }
}
