/** What tests see of the sim's Fly.io apps (`sim.fly`). */
import type { MachineState } from './services/fly.js';
import type { World } from './world.js';

export interface SimFlyMachineView {
  id: string;
  region: string;
  processGroup: string;
  state: MachineState;
  instanceId: string;
  /** `config.image` as last sent. */
  image: string;
  /** `config.env` as last sent. */
  env: Record<string, string>;
  /** What the current instance runs. */
  running: { digest: string; version: string };
  checks: { name: string; status: string }[];
  lease: { owner: string; description: string; expiresAt: number } | undefined;
  /** Every image the machine was configured with, oldest first. */
  history: string[];
  /** No traffic from the app's proxy (cordoned, or created with skip_service_registration). */
  cordoned: boolean;
  /** The secrets its current instance read when it started (values: this is the sim's side). */
  secretsSeen: Record<string, string>;
}

export interface SimFlyHandle {
  /** `<sim>/fly`: the Machines API base URL (what https://api.machines.dev is in production). */
  apiUrl: string;
  /** The first token of the fixture (its owner is the lease holder named in 409s). */
  token: string;
  machines(app: string): SimFlyMachineView[];
  /** `http://127.0.0.1:<port>`: the app's public URL (its proxy). */
  url(app: string): string;
  /** Someone else (e.g. a person running flyctl) holds the machine's lease for `ttlMs` modelled ms. */
  holdLease(app: string, machineId: string, owner: string, ttlMs: number): void;
  /** A fault: `version`'s health checks fail on this machine only (the others serve it). */
  failChecks(app: string, machineId: string, version: string): void;
  /** A fault: `version`'s health checks fail on every machine in `region`, new ones included. */
  failChecksInRegion(app: string, region: string, version: string): void;
  /** The app's secrets, by name (values: this is the sim's side). */
  secrets(app: string): Record<string, string>;
}

export function flyView(world: World): SimFlyHandle {
  const app = (name: string) => {
    world.clock.runDue();
    const found = world.fly.app(name);
    if (!found) throw new Error(`sim: no Fly app ${name}`);
    return found;
  };
  return {
    get apiUrl() {
      return `${world.url}/fly`;
    },
    token: world.fixture.fly.tokens[0]?.token ?? '',
    machines(name) {
      const a = app(name);
      return [...a.machines.values()].map((m) => {
        const lease = world.fly.lease(m);
        return structuredClone({
          id: m.id,
          region: m.region,
          processGroup: String(
            (m.config['metadata'] as Record<string, unknown> | undefined)?.['fly_process_group'] ??
              '',
          ),
          state: m.state,
          instanceId: m.instanceId,
          image: String(m.config['image']),
          env: { ...((m.config['env'] as Record<string, string> | undefined) ?? {}) },
          running: { digest: m.image.digest, version: m.image.version },
          checks: world.fly.checks(m).map((c) => ({ name: c.name, status: c.status })),
          lease: lease
            ? { owner: lease.owner, description: lease.description, expiresAt: lease.expiresAt }
            : undefined,
          history: m.history.map((h) => h.image),
          cordoned: m.cordoned,
          secretsSeen: { ...m.secretsSeen },
        });
      });
    },
    url: (name) => world.fly.url(app(name)),
    holdLease(name, machineId, owner, ttlMs) {
      const machine = app(name).machines.get(machineId);
      if (!machine) throw new Error(`sim: Fly app ${name} has no machine ${machineId}`);
      machine.lease = {
        nonce: 'held-by-someone-else',
        owner,
        description: 'flyctl deploy',
        expiresAt: world.clock.now() + world.clock.scaled(ttlMs),
        version: 'other',
      };
    },
    failChecks(name, machineId, version) {
      const machine = app(name).machines.get(machineId);
      if (!machine) throw new Error(`sim: Fly app ${name} has no machine ${machineId}`);
      machine.failingVersions.add(version);
    },
    failChecksInRegion(name, region, version) {
      app(name).failingInRegion.add(`${region} ${version}`);
    },
    secrets: (name) => ({ ...app(name).secrets }),
  };
}
