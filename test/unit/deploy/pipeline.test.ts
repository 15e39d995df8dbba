import { describe, expect, it } from 'vitest';
import {
  planOf,
  runPipeline,
  type Pipeline,
  type PipelineRun,
} from '../../../core/deploy/pipeline.js';
import { StepLog } from '../../../core/deploy/steps.js';
import { renderOutcome } from '../../../core/deploy/summary.js';
import type { OpsOutcome } from '../../../core/deploy/outcome.js';
import { after, startedOf } from '../../../core/deploy/stages/stage.js';
import { systemClock } from '../../../core/util/clock.js';

const quiet = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {} };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Run extends PipelineRun {
  events: string[];
  migrate: boolean;
}

function newRun(migrate: boolean): Run {
  const run: Run = {
    steps: new StepLog(systemClock, quiet as never),
    events: [],
    migrate,
    stopped: (why) => run.events.push(`stopped: ${why}`),
  };
  return run;
}

const shape = (switchNeeds: Pipeline<Run>[number]['needs']): Pipeline<Run> => [
  {
    name: 'Snapshot',
    needs: [],
    plan: () => ['snapshot'],
    run: async (run, started) => {
      run.events.push('snapshot create');
      started('creating');
      await sleep(60);
      run.events.push('snapshot available');
    },
  },
  {
    name: 'Window',
    needs: [startedOf('Snapshot')],
    plan: () => ['window'],
    run: async (run) => void run.events.push('window'),
    undo: { name: 'Close window', run: async (run) => (run.events.push('close'), 'closed') },
  },
  {
    name: 'Migration',
    needs: after('Window', 'Snapshot'),
    applies: (run) => (run.migrate ? true : { skip: 'none' }),
    plan: () => ['migrate'],
    run: async (run) => void run.events.push('migrate'),
  },
  {
    name: 'Switch',
    needs: switchNeeds,
    plan: () => ['switch'],
    run: async (run) => void run.events.push('switch'),
  },
  {
    name: 'Record',
    needs: after('Switch', 'Snapshot'),
    always: true,
    run: async (run) => void run.events.push('record'),
  },
];

describe('pipeline runner', () => {
  it('prints a heading only for stages that act: a quiet one (no rollback needed) shows none', async () => {
    const lines: string[] = [];
    const run = newRun(false);
    run.steps = new StepLog(systemClock, { ...quiet, info: (m: string) => lines.push(m) } as never);
    const needed = { value: false };
    await runPipeline(
      [
        { name: 'Verify', needs: [], run: async () => 'ok' },
        {
          name: 'Roll back',
          needs: after('Verify'),
          quiet: () => !needed.value,
          run: async () => (needed.value ? 'put back' : { silent: true }),
        },
      ],
      run,
    );
    expect(lines.filter((l) => l.startsWith('▶'))).toEqual(['▶ Verify']);
  });

  it('starts a stage that needs another only started while that one still runs', async () => {
    const run = newRun(false);
    await runPipeline(shape([...after('Window'), startedOf('Snapshot')]), run);
    expect(run.events.indexOf('switch')).toBeLessThan(run.events.indexOf('snapshot available'));
    expect(run.events.at(-1)).toBe('record');
  });

  it('a stage that does not apply passes its needs on to the stages that need it', async () => {
    const run = newRun(false);
    // Switch needs the migration, which does not apply: it waits for what the migration needs.
    await runPipeline(shape(after('Migration')), run);
    expect(run.events.indexOf('switch')).toBeGreaterThan(run.events.indexOf('snapshot available'));
    expect(run.steps.steps.find((s) => s.name === 'Migration')).toMatchObject({
      status: 'skipped',
      detail: 'none',
    });
  });

  it('closes what a stage opened once everything after it settled, also after a stop', async () => {
    const run = newRun(true);
    const failing = shape(after('Migration')).map((s) =>
      s.name === 'Migration'
        ? { ...s, run: async () => Promise.reject(new Error('migration broke')) }
        : s,
    );
    await runPipeline(failing, run);
    expect(run.events).toContain('stopped: migration broke');
    expect(run.events).not.toContain('switch');
    expect(run.events).toContain('close');
    // The records still run after a stop, once everything running has settled.
    expect(run.events.at(-1)).toBe('record');
    expect(run.steps.steps.map((s) => `${s.name}:${s.status}`)).toContain('Migration:failed');
  });

  it('a change to one stage’s needs changes the dry-run plan and the timeline', async () => {
    const alongside = shape([...after('Window'), startedOf('Snapshot')]);
    const afterwards = shape(after('Window', 'Snapshot'));
    const planA = planOf(alongside, newRun(false));
    const planB = planOf(afterwards, newRun(false));
    expect(planA).toContain('switch (after Window, once Snapshot has started)');
    expect(planB).toContain('switch (after Window, after Snapshot)');

    const timeline = async (
      pipeline: Pipeline<Run>,
    ): Promise<{ switchAt: number; snapshotEnd: number; mermaid: string }> => {
      const run = newRun(false);
      await runPipeline(pipeline, run);
      const rows = run.steps.steps;
      const outcome = {
        kind: 'rollback',
        environment: 'production',
        result: 'rolled-back',
        headline: 'test',
        ok: true,
        reports: [],
        plan: [],
        steps: rows,
        startedAt: rows[0]!.startMs,
        finishedAt: rows.at(-1)!.endMs,
      } as unknown as OpsOutcome;
      const mermaid = renderOutcome(outcome).toMarkdown();
      const row = (name: string) => rows.find((r) => r.name === name)!;
      return { switchAt: row('Switch').startMs, snapshotEnd: row('Snapshot').endMs, mermaid };
    };
    const a = await timeline(alongside);
    const b = await timeline(afterwards);
    expect(a.switchAt).toBeLessThan(a.snapshotEnd);
    expect(b.switchAt).toBeGreaterThanOrEqual(b.snapshotEnd);
    // The summary's Gantt chart shows the switch inside the snapshot in one, after it in the other.
    const bar = (m: string, name: string): [number, number] => {
      const match = new RegExp(`  ${name} :\\S*s\\d+, (\\d+), (\\d+)`).exec(m)!;
      return [Number(match[1]), Number(match[2])];
    };
    expect(bar(a.mermaid, 'Switch')[0]).toBeLessThan(bar(a.mermaid, 'Snapshot')[1]);
    expect(bar(b.mermaid, 'Switch')[0]).toBeGreaterThanOrEqual(bar(b.mermaid, 'Snapshot')[1]);
  });
});
