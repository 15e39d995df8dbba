/**
 * cold-start: how long the deploy and rollback bundles take from spawn to exit, against a
 * baseline bundle that only builds the same AWS clients through the same createAwsClients
 * (bench/cold-start-baseline.ts, bundled here with ncc into a temporary folder), and
 * `node -e 0`. Every subject runs ROUNDS times, interleaved, and is compared by median.
 *
 * Each bundle is stopped twice, without any network:
 * - loaded: refused at its first input (`environment` empty). Every static import has loaded,
 *   nothing else ran. Target (issue 16): ≤ 1.5 × the baseline.
 * - prepared: refused after preparing (`image` / `to` in another ECR repository): also the
 *   configuration read and validated and the AWS clients built, which every run does before
 *   its first AWS call. No target: yaml and zod on a 250-line configuration are work the
 *   baseline does not do. The runs have no github-token, Slack, BetterStack or audit database,
 *   like most.
 *
 * Figures (2 cores shared with other work, node 20; the load moves a median by 10–40 %, the
 * ratios less). Before: loaded 283–323 ms, 1.57–1.94× a baseline of 159–193 ms. After (one
 * run, the baseline now also making the ECS client of an ECS Express environment): deploy
 * loaded 283 ms, 1.28× a baseline of 221 ms; rollback 293 ms, 1.33×; prepared 1.63× and
 * 1.46×; `node -e 0` 38 ms. What was loaded at start and most runs never use is now imported
 * on first use (chunks of their own): pg (reached through the check registry the
 * configuration schema needs: sql, drill, rotation, audit log), Octokit with its plugins and
 * undici (only with a github-token) and @actions/exec (a down migration). The configuration
 * is also validated jitless (zod's compiled fast path cost ≈ 20 ms for one parse). What
 * remains above the baseline: @actions/core (its OIDC client brings @actions/http-client),
 * zod and yaml. Writing the runner's commands without @actions/core would save about a fifth
 * more; the suite keeps the ecosystem's library.
 *
 * Minifying (`ncc build --minify`; COLD_START_MINIFY=1 measures it again) would make index.js
 * 1.52 MB instead of 3.01 (all chunks 4.97 MB instead of 6.45) and gain 2–6 %: 287 → 282 ms
 * loaded, 360 → 340 ms prepared, in one run where the baseline took 228 ms. Not taken: the
 * bundles are reviewed as diffs and checked against a fresh build, and minified a one-line
 * change is a diff of a multi-megabyte line; a bug's stack trace names `index.js:1:2345678`
 * instead of a function. ncc's `--source-map` (with its source-map-support register) would
 * give the names back, for megabytes more of committed maps and the register at every start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { bundle, ROOT } from '../scripts/build-actions.js';
import { median, runnerEnvironment, timeProcess, type BenchResult } from './stats.js';

const ROUNDS = 21;
const TARGET = 1.5;
/** In another repository than examples/drop's `drop-web`: refused after preparing. */
const FOREIGN_IMAGE = '123456789012.dkr.ecr.eu-north-1.amazonaws.com/not-configured:v1';

interface Subject {
  name: string;
  args: string[];
  env: Record<string, string>;
  /** What a correct early exit prints; checked once before timing. */
  expect?: RegExp;
}

/** The action's inputs as the runner passes them: action.yml's defaults, then `given`. */
async function inputEnv(
  action: string,
  given: Record<string, string>,
): Promise<Record<string, string>> {
  const yml = parse(await readFile(path.join(ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(yml.inputs))
    if (input.default !== undefined) values[name] = input.default;
  Object.assign(values, given);
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]),
  );
}

async function sizeOf(dir: string): Promise<{ main: number; all: number }> {
  let all = 0;
  for (const f of await readdir(dir))
    if (f.endsWith('.js')) all += (await stat(path.join(dir, f))).size;
  return { main: (await stat(path.join(dir, 'index.js'))).size, all };
}

/**
 * Each action twice: refused at its first input (`environment` empty: every static import
 * loaded, nothing else done) and refused after preparing (`image` / `to` in another
 * repository: also the configuration read and validated and the AWS clients built).
 */
async function subjects(tmp: string, distRoot: string, label: string): Promise<Subject[]> {
  const runner = await runnerEnvironment(tmp);
  const common = { ...runner, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const config = path.join(ROOT, 'examples', 'drop', 'apprunner-ops.yml');
  const list: Subject[] = [];
  for (const [action, target] of [
    ['deploy', 'image'],
    ['rollback', 'to'],
  ] as const) {
    const args = [path.join(distRoot, action, 'dist', 'index.js')];
    const given = {
      config,
      [target]: FOREIGN_IMAGE,
      ...(action === 'rollback' ? { reason: 'cold-start bench' } : {}),
    };
    list.push(
      {
        name: `${action}${label} loaded`,
        args,
        env: { ...common, ...(await inputEnv(action, { ...given, environment: '' })) },
        expect: new RegExp(`::error::${action}: input "environment": is required`),
      },
      {
        name: `${action}${label} prepared`,
        args,
        env: { ...common, ...(await inputEnv(action, { ...given, environment: 'production' })) },
        expect: new RegExp(
          `::error::${action}: input "${target}": .* is not in the configured repository`,
        ),
      },
    );
  }
  return list;
}

/** Runs each once and checks it took the early exit it is meant to (and nothing else). */
function checkEarlyExit(subject: Subject): void {
  const out = spawnSync(process.execPath, subject.args, { env: subject.env, encoding: 'utf8' });
  const text = `${out.stdout}${out.stderr}`;
  const ok = subject.expect ? subject.expect.test(text) : out.status === 0;
  if (!ok)
    throw new Error(
      `cold-start bench: ${subject.name} did not exit where expected (exit ${out.status}):\n${text.slice(0, 2000)}`,
    );
}

/** Medians of ROUNDS interleaved runs: each round runs every subject once, in turn. */
async function timeAll(list: Subject[]): Promise<Map<string, number>> {
  const times = new Map<string, number[]>(list.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotating the order spreads any drift (another process, a warm cache) over every subject.
    for (let i = 0; i < list.length; i++) {
      const subject = list[(round + i) % list.length] as Subject;
      const { ms } = await timeProcess(subject.args, subject.env);
      times.get(subject.name)?.push(ms);
    }
  }
  return new Map([...times].map(([name, values]) => [name, median(values)]));
}

export async function run(): Promise<BenchResult[]> {
  // COLD_START_DIST=DIR: bundles from DIR/<action>/dist instead (an older build, to compare).
  const distRoot = process.env['COLD_START_DIST'] ?? path.join(ROOT, 'actions');
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cold-start-'));
  try {
    const baselineDir = path.join(tmp, 'baseline');
    await bundle(path.join(ROOT, 'bench', 'cold-start-baseline.ts'), baselineDir);
    const runner = await runnerEnvironment(tmp);
    const list: Subject[] = [
      { name: 'node -e 0', args: ['-e', '0'], env: runner },
      {
        name: 'baseline',
        args: [path.join(baselineDir, 'index.js')],
        env: { ...runner, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      },
      ...(await subjects(tmp, distRoot, '')),
    ];
    const minify = process.env['COLD_START_MINIFY'] === '1';
    const minRoot = path.join(tmp, 'minified');
    if (minify) {
      const build = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(ROOT, 'scripts', 'build-actions.ts'),
          'deploy',
          'rollback',
          '--out',
          minRoot,
          '--minify',
        ],
        { cwd: ROOT, stdio: 'inherit' },
      );
      if (build.status !== 0) throw new Error('cold-start bench: the minified build failed');
      list.push(...(await subjects(tmp, minRoot, ' (minified)')));
    }
    for (const subject of list) checkEarlyExit(subject);

    const medians = await timeAll(list);
    const ms = (name: string): number => medians.get(name) ?? NaN;
    const baseline = ms('baseline');
    const results: BenchResult[] = [
      { name: '`node -e 0` (for reference)', value: ms('node -e 0'), unit: 'ms' },
      {
        name: 'baseline: only the AWS clients, built',
        value: baseline,
        unit: 'ms',
        note: `${((await sizeOf(baselineDir)).main / 1e6).toFixed(2)} MB`,
      },
    ];
    for (const action of ['deploy', 'rollback']) {
      const size = await sizeOf(path.join(distRoot, action, 'dist'));
      const loaded = ms(`${action} loaded`) / baseline;
      const prepared = ms(`${action} prepared`) / baseline;
      results.push(
        {
          name: `${action}: spawn → refused at its first input`,
          value: ms(`${action} loaded`),
          unit: 'ms',
          note: `index.js ${(size.main / 1e6).toFixed(2)} MB, with chunks ${(size.all / 1e6).toFixed(2)} MB`,
        },
        {
          name: `${action} loaded ÷ baseline`,
          value: loaded,
          unit: 'x',
          target: `≤ ${TARGET}`,
          ok: loaded <= TARGET,
        },
        {
          name: `${action}: spawn → refused after preparing`,
          value: ms(`${action} prepared`),
          unit: 'ms',
        },
        {
          name: `${action} prepared ÷ baseline`,
          value: prepared,
          unit: 'x',
          note: 'also reads and validates the configuration (yaml, zod), which the baseline does not',
        },
      );
      if (minify) {
        const minSize = await sizeOf(path.join(minRoot, action, 'dist'));
        for (const stage of ['loaded', 'prepared'])
          results.push({
            name: `${action} minified (not shipped), ${stage}`,
            value: ms(`${action} (minified) ${stage}`),
            unit: 'ms',
            note: `${(ms(`${action} (minified) ${stage}`) / baseline).toFixed(2)}×, index.js ${(minSize.main / 1e6).toFixed(2)} MB, with chunks ${(minSize.all / 1e6).toFixed(2)} MB`,
          });
      }
    }
    return results;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
