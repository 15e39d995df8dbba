/**
 * deploy-pipeline: the deploy workflow as a whole, rehearsed (deploy.yml, one environment)
 * with realistic modelled durations: build 4 min, RDS snapshot 6 min, App Runner deployment
 * 3 min (15 s pending + 2 min 45 s). deploy.yml starts the snapshot in a job beside the
 * build, and the deploy job only waits for it, so the wall time is
 * max(build, snapshot) + deployment + verification plus the runner's own costs. Ratio target
 * ≤ 1.05 at ×0.1. The build is modelled: build-push is replaced by a step that takes the
 * build's time and names an image already in the sim's ECR (what is measured is the shape of
 * the pipeline, not buildah). Build, then snapshot, then deploy would give about
 * (4 + 6 + 3) ÷ (6 + 3) ≈ 1.44.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { DEFAULT_FIXTURE, startSim, type FixtureInput } from '../sim/index.js';
import { runActionBundle } from '../sim/run-action.js';
import { rehearseWorkflow } from '../workflows-src/rehearse/engine.js';
import {
  CALLER_WORKFLOW,
  rehearsalFixture,
  simRehearsalOptions,
} from '../workflows-src/rehearse/with-sim.js';
import type { BenchResult } from './stats.js';
import { scratchFolder } from '../sim/scratch-folders.js';

const SCALE = 0.1;
const MINUTE = 60_000;
const BUILD_MS = 4 * MINUTE;

function fixture(): FixtureInput {
  const f = rehearsalFixture() as unknown as { durations: Record<string, string> };
  const defaults = parse(readFileSync(DEFAULT_FIXTURE, 'utf8')) as {
    durations: Record<string, string>;
  };
  f.durations = { ...defaults.durations, snapshot: '6m', deployPending: '15s', deploy: '165s' };
  return f as unknown as FixtureInput;
}

/** `npm run bench -- --quick`: the same pipeline at ×0.01 (targets are not judged then). */
export const quick = true;

export async function run(options = { quick: false }): Promise<BenchResult[]> {
  const scale = options.quick ? 0.01 : SCALE;
  const sim = await startSim({ timeScale: scale, fixture: fixture() });
  try {
    // The documented caller, deploying production only (one environment: one deploy job).
    const dir = await scratchFolder('bench-caller-');
    const caller = path.join(dir, path.basename(CALLER_WORKFLOW));
    await writeFile(
      caller,
      (await readFile(CALLER_WORKFLOW, 'utf8')).replace(
        /with: \{ environments: staging production \}/,
        'with: { environments: production }',
      ),
    );
    const options = await simRehearsalOptions(sim, { callerWorkflow: caller });
    const image = sim.images('drop-web').find((i) => i.tags.includes('v1.5.0'));
    if (!image) throw new Error('deploy-pipeline bench: the sim has no drop-web:v1.5.0');
    const uri = `${sim.fixture.account}.dkr.ecr.${sim.region}.amazonaws.com/drop-web@${image.digest}`;
    const lines: { at: number; text: string }[] = [];
    const started = Date.now();
    const result = await rehearseWorkflow({
      ...options,
      workflow: path.join(
        options.workspace as string,
        '.github',
        'workflows',
        path.basename(caller),
      ),
      event: 'push',
      log: (line) => {
        if (process.env['BENCH_DEBUG']) console.log(line);
      },
      runAction: async (step) => {
        if (step.action === 'build-push') {
          // The modelled build: its time, then the image it would have pushed.
          await new Promise((r) => setTimeout(r, sim.scaled(BUILD_MS)));
          return {
            exitCode: 0,
            stdout: 'modelled build',
            stderr: '',
            annotations: [],
            runnerTemp: '',
            outputs: { image: uri, tag: 'v1.5.0' },
            state: {},
            env: {},
            summary: '',
          } as unknown as Awaited<ReturnType<typeof runActionBundle>>;
        }
        return runActionBundle({
          ...step,
          echo: (text) => lines.push({ at: Date.now(), text }),
        });
      },
    });
    const wall = Date.now() - started;
    if (result.conclusion !== 'success')
      throw new Error(
        `deploy-pipeline bench: the rehearsal failed:\n${Object.values(result.jobs)
          .map((j) => `${j.id}: ${j.result} ${j.message ?? ''}`)
          .join('\n')}`,
      );
    const at = (re: RegExp): number => {
      const line = lines.find((l) => re.test(l.text));
      if (!line) throw new Error(`deploy-pipeline bench: no log line matches ${re}`);
      return line.at;
    };
    const verification = at(/✓ Verify:/) - at(/✓ Update service/);
    const build = sim.scaled(BUILD_MS);
    const snapshot = sim.scaled(sim.fixture.durations.snapshot);
    const deployment = sim.scaled(
      sim.fixture.durations.deployPending + sim.fixture.durations.deploy,
    );
    const ideal = Math.max(build, snapshot) + deployment + verification;
    const ratio = wall / ideal;
    return [
      { name: `modelled build at ×${scale} (4 min)`, value: build, unit: 'ms' },
      { name: `modelled snapshot at ×${scale} (6 min)`, value: snapshot, unit: 'ms' },
      { name: `modelled deployment at ×${scale} (3 min)`, value: deployment, unit: 'ms' },
      { name: 'verification (measured)', value: verification, unit: 'ms' },
      { name: 'deploy.yml wall, first job to last', value: wall, unit: 'ms' },
      {
        name: 'pipeline: wall ÷ (max(build, snapshot) + deployment + verification)',
        value: Number(ratio.toFixed(3)),
        unit: '×',
        target: '≤ 1.05',
        ok: ratio <= 1.05,
      },
      {
        name: 'build, then snapshot, then deploy (the order before): modelled ratio',
        value: Number(((build + snapshot + deployment + verification) / ideal).toFixed(2)),
        unit: '×',
      },
    ];
  } finally {
    await sim.stop();
  }
}
