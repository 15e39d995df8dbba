/**
 * The app's health (a new database connection each time) asked every `everyMs` until stopped,
 * each answer with its wall-clock time: the rotation tests' "the app's database password is
 * never refused", and the bounds of a kind's window when it is.
 */
import type { RotationWorld } from '../../sim/rotation-world.js';

export interface Probe {
  at: number;
  status: number;
}

export function probeHealth(world: RotationWorld, everyMs = 100): { stop: () => Promise<Probe[]> } {
  const probes: Probe[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const res = await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`);
      await res.arrayBuffer();
      probes.push({ at: Date.now(), status: res.status });
      // Pacing between probes, not a wait for a state: the probes run beside the rotation.
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      on = false;
      await loop;
      return probes;
    },
  };
}
