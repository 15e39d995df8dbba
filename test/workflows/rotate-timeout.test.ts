import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rotationWorstCaseMs } from '../../core/rotation/deadlines.js';
import { rotateTimeoutMinutes } from '../../workflows-src/rotate.js';

const ROOT = path.join(import.meta.dirname, '../..');

describe('rotate.yml timeout-minutes', () => {
  it('outlasts one master-password rotation whose every wait runs to its deadline, undo included', () => {
    const defaults = (
      parse(readFileSync(path.join(ROOT, 'actions/rotate-secret/action.yml'), 'utf8')) as {
        inputs: Record<string, { default?: string }>;
      }
    ).inputs;
    expect(defaults['timeout']?.default).toBe('30m');
    expect(defaults['password-timeout']?.default).toBe('15m');
    // 30m operations, 5m verify, 15m password, 2m login: resume 49 + apply 17 + redeploy 65 +
    // restore 32 + redeploy 65 = 228 minutes.
    const worst = rotationWorstCaseMs({
      operationTimeoutMs: 30 * 60_000,
      verifyTimeoutMs: 5 * 60_000,
      passwordTimeoutMs: 15 * 60_000,
      loginTimeoutMs: 2 * 60_000,
    });
    expect(worst / 60_000).toBe(228);
    const workflow = parse(
      readFileSync(path.join(ROOT, '.github/workflows/rotate.yml'), 'utf8'),
    ) as { jobs: { rotate: { 'timeout-minutes': number } } };
    expect(workflow.jobs.rotate['timeout-minutes']).toBe(rotateTimeoutMinutes());
    expect(rotateTimeoutMinutes()).toBeGreaterThan(228);
    // GitHub-hosted runners stop any job at 6 hours.
    expect(rotateTimeoutMinutes()).toBeLessThanOrEqual(360);
  });

  it('outlasts a two-phase JWT rotation (three redeploys) where redeploys outweigh password waits', () => {
    // 30m operations, 5m verify: three redeploys of 65 = 195 minutes, more than a master
    // password rotation with 1m password and login deadlines (5 + 2 + 65 + 3 + 65 = 140).
    const worst = rotationWorstCaseMs({
      operationTimeoutMs: 30 * 60_000,
      verifyTimeoutMs: 5 * 60_000,
      passwordTimeoutMs: 60_000,
      loginTimeoutMs: 60_000,
    });
    expect(worst / 60_000).toBe(195);
  });
});
