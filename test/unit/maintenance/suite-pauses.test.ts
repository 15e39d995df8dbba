import { describe, expect, it } from 'vitest';
import {
  parsePauseRecord,
  pauseOwner,
  type PauseRecord,
} from '../../../core/maintenance/suite-pauses.js';
import type { MonitorSnapshot } from '../../../core/notify/betterstack.js';

const record: PauseRecord = {
  tool: 'apprunner-ops',
  environment: 'production',
  action: 'deploy',
  pauseId: 'p-1',
  runUrl: 'https://github.com/example/drop/actions/runs/1',
  at: '2026-11-22T09:00:00.000Z',
  until: '2026-11-22T09:30:00.000Z',
  pausedAt: '2026-11-22T09:00:01.000Z',
};
const monitor = (paused: boolean, pausedAt: string | null): MonitorSnapshot => ({
  id: '1',
  name: 'api',
  paused,
  pausedAt,
  status: paused ? 'paused' : 'up',
});
const at = (iso: string): number => Date.parse(iso);

describe('whose pause a monitor is in', () => {
  it('is the suite’s only while paused with the paused_at the suite recorded', () => {
    expect(pauseOwner(monitor(true, record.pausedAt), record, at('2026-11-22T09:10:00Z'))).toEqual({
      kind: 'suite',
      record,
      expired: false,
    });
    expect(
      pauseOwner(monitor(true, record.pausedAt), record, at('2026-11-22T09:30:00Z')),
    ).toMatchObject({ kind: 'suite', expired: true });
  });

  it('is a person’s when paused again later, or paused with no record', () => {
    expect(
      pauseOwner(monitor(true, '2026-11-22T09:05:00.000Z'), record, at('2026-11-22T10:00:00Z')),
    ).toMatchObject({ kind: 'person', unfinishedRecord: undefined });
    expect(pauseOwner(monitor(true, '2026-01-01T00:00:00Z'), undefined, 0)).toMatchObject({
      kind: 'person',
    });
  });

  it('never takes a pause the suite did not finish recording for its own', () => {
    const unfinished = { ...record, pausedAt: null };
    expect(
      pauseOwner(monitor(true, '2026-11-22T09:00:01.000Z'), unfinished, at('2026-11-22T11:00:00Z')),
    ).toMatchObject({ kind: 'person', unfinishedRecord: unfinished });
  });

  it('reads only its own records', () => {
    expect(parsePauseRecord(JSON.stringify(record))).toEqual(record);
    expect(parsePauseRecord('paused for the migration, ask Ops')).toBeUndefined();
    expect(parsePauseRecord(JSON.stringify({ ...record, until: 'soon' }))).toBeUndefined();
    expect(parsePauseRecord(undefined)).toBeUndefined();
  });
});
