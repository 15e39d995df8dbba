/**
 * What the private-database bundle tests share: the sim's instance in the VPC that runs the
 * SSM agent, and the check that every port-forwarding session a run opened (one per database
 * host) was ended and its process is gone.
 */
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { SimHandle } from '../../sim/index.js';

export const BASTION = 'i-0a1b2c3d4e5f60718';

/** Whether a process still runs (and is not a zombie). */
export async function running(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

/** One session per database host, every one terminated and its process gone. */
export async function expectTunnelsClosed(w: { sim: SimHandle }, hosts: number): Promise<void> {
  const sessions = w.sim.ssmSessions();
  const keys = sessions.map((s) => `${s.host}:${s.port}`);
  expect(new Set(keys).size).toBe(hosts);
  expect(keys).toHaveLength(hosts);
  for (const s of sessions) {
    expect(s.target).toBe(BASTION);
    expect(s.document).toBe('AWS-StartPortForwardingSessionToRemoteHost');
    expect(s.host).toMatch(/\.rds\.sim\.invalid$/);
    expect(s.terminatedAt, `session ${s.sessionId} terminated`).toBeDefined();
    expect(s.pid).toBeGreaterThan(0);
    expect(await running(s.pid!)).toBe(false);
  }
}
