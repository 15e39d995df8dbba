/**
 * `npm run rehearse -- <deploy|rollback|checks|rotate|go-live|name|path.yml>
 *   [--event push|workflow_dispatch|schedule] [--input name=value]… [--time-scale n]`: runs a
 * workflow on this machine against the sim (sim/index.ts) and prints what each job and step
 * did. `deploy`, `rollback` and `checks` rehearse docs/setup.md's caller (examples/caller/) in
 * a repository of its own, calling this suite's reusable workflows: a push, a dispatch that
 * rolls back (`--input environment=production --input reason="bad release"`, `rollback-to`
 * defaults to previous), or the daily schedule. `rotate` rehearses the rotation caller with
 * real PostgreSQL. `restore` rehearses docs/setup.md §12's restore caller with real PostgreSQL:
 * rows written, a bad DELETE, then a dispatch restoring to just before it (`--input
 * mode=inspect` stops after the side-by-side check), production's reviewers approving each job.
 * `release` cuts package.json's version (or `--input version=X.Y.Z`) from a
 * clone of HEAD against the sim's GitHub: tag, moved major tag, release notes.
 * Exit code 1 when the rehearsed run fails.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { suiteIdentity } from '../cli/suite.js';
import { startSim } from '../sim/index.js';
import {
  usePrivateDatabase,
  withPrivateDatabaseHop,
} from '../workflows-src/rehearse/private-database.js';
import { cloneHead, rehearseRelease } from '../workflows-src/rehearse/release.js';
import { REPO_ROOT } from '../workflows-src/action-manifests.js';
import { startGateWorld } from '../sim/gate-world.js';
import { drillRehearsalFixture, drillRehearsalOptions } from '../workflows-src/rehearse/drill.js';
import { rehearseWorkflow } from '../workflows-src/rehearse/engine.js';
import { goLiveCaller, goLiveRehearsalOptions } from '../workflows-src/rehearse/go-live.js';
import {
  CALLER_WORKFLOW,
  type ProductionTarget,
  ROTATE_CALLER_WORKFLOW,
  rehearsalFixture,
  simRehearsalOptions,
  type StagingTarget,
  withFlyStaging,
} from '../workflows-src/rehearse/with-sim.js';
import {
  RESTORE_CALLER_WORKFLOW,
  badDelete,
  restoreInputs,
  restoreRehearsalFixture,
  restoreRehearsalOptions,
} from '../workflows-src/rehearse/restore.js';
import {
  ROTATE_DEFAULT_INPUTS,
  rotationRehearsalFixture,
  rotationRehearsalOptions,
} from '../workflows-src/rehearse/rotate.js';

const USAGE = `usage: npm run rehearse -- <deploy|rollback|checks|rotate|restore|go-live|release|name|file.yml> [options]
  --event <name>        push, workflow_dispatch or schedule (default: dispatch when --input is given)
  --input name=value    a dispatch input (repeatable), e.g. --input environment=production
  --time-scale <n>      sim clock (default 0.005: a 3-minute deployment takes about 1 s)
  --production <target> app-runner (default), ecs-express or asg: where production runs
  --private-database    deploy, rollback, checks: drop-db is private (real PostgreSQL whose endpoint
                        resolves only inside the sim's VPC) and every environment reaches it with
                        database.access: ssm through an instance, by the sim's stand-in aws command
  --staging <target>    app-runner (default) or fly (Fly.io): where staging runs`;

function fail(message: string): never {
  console.error(`rehearse: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      event: { type: 'string' },
      input: { type: 'string', multiple: true },
      'time-scale': { type: 'string' },
      production: { type: 'string' },
      'private-database': { type: 'boolean' },
      staging: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;
if (values['help']) {
  console.log(USAGE);
  process.exit(0);
}
const target = positionals[0] ?? fail('name the workflow to rehearse');
// deploy, rollback, checks and rotate are reusable: they run only when a caller calls them.
const callers: Record<string, string> = {
  deploy: CALLER_WORKFLOW,
  rollback: CALLER_WORKFLOW,
  checks: CALLER_WORKFLOW,
  rotate: ROTATE_CALLER_WORKFLOW,
};
const caller = callers[target];
const viaCaller = caller !== undefined;
const workflow = caller
  ? path.join('.github', 'workflows', path.basename(caller))
  : /^[\w-]+$/.test(target)
    ? path.join(REPO_ROOT, '.github', 'workflows', `${target}.yml`)
    : path.resolve(target);

const inputs: Record<string, string> = {};
for (const pair of (values['input'] as string[] | undefined) ?? []) {
  const at = pair.indexOf('=');
  if (at < 1) fail(`--input wants name=value, got "${pair}"`);
  inputs[pair.slice(0, at)] = pair.slice(at + 1);
}
if (target === 'rollback') inputs['rollback-to'] ??= 'previous';
let event = values['event'] as string | undefined;
if (event !== undefined && !['push', 'workflow_dispatch', 'schedule'].includes(event))
  fail(`--event must be push, workflow_dispatch or schedule, got ${event}`);
const production = (values['production'] ?? 'app-runner') as ProductionTarget;
if (production !== 'app-runner' && production !== 'ecs-express' && production !== 'asg')
  fail(`--production must be app-runner, ecs-express or asg, got ${String(production)}`);
const staging = (values['staging'] ?? 'app-runner') as StagingTarget;
if (staging !== 'app-runner' && staging !== 'fly')
  fail(`--staging must be app-runner or fly, got ${String(staging)}`);
const timeScale = Number(values['time-scale'] ?? 0.005);
if (!Number.isFinite(timeScale) || timeScale <= 0) fail('--time-scale must be a number > 0');

if (target === 'go-live') {
  // go-live needs its own world: gates, attestations, CI on the commit, a real HTTPS site.
  const world = await startGateWorld({ timeScale });
  try {
    const result = await rehearseWorkflow({
      workflow: await goLiveCaller(world),
      ...goLiveRehearsalOptions(world),
      ...(Object.keys(inputs).length ? { inputs } : {}),
      log: (line) => console.log(line),
    });
    console.log(
      `\n${path.basename(workflow)}: ${result.conclusion} (${result.order
        .map((id) => `${id} ${result.jobs[id]?.result}`)
        .join(', ')})`,
    );
    if (result.conclusion !== 'success') process.exitCode = 1;
  } finally {
    await world.stop();
  }
  process.exit();
}

if (target === 'restore') {
  // restore.yml needs drop-db on real PostgreSQL and an incident to recover from.
  const sim = await startSim({ timeScale, fixture: restoreRehearsalFixture() });
  try {
    const options = await restoreRehearsalOptions(
      sim,
      { callerWorkflow: RESTORE_CALLER_WORKFLOW },
      async (job) => console.log(`${job.id}: a reviewer of ${job.environment} approves`),
    );
    const to = await badDelete(sim, options.databaseUrl);
    console.log(
      `drop-db: 3 rows written, deleted 2 minutes later; restoring to ${to.toISOString()}`,
    );
    const mode = inputs['mode'] === 'inspect' ? 'inspect' : 'cut-over';
    const result = await rehearseWorkflow({
      ...options,
      workflow: path.join(
        options.workspace as string,
        '.github',
        'workflows',
        path.basename(RESTORE_CALLER_WORKFLOW),
      ),
      inputs: { ...restoreInputs(to, mode), ...inputs },
      log: (line) => console.log(line),
    });
    console.log(
      `\n${path.basename(RESTORE_CALLER_WORKFLOW)}: ${result.conclusion} (${result.order
        .map((id) => `${id} ${result.jobs[id]?.result}`)
        .join(', ')})`,
    );
    if (result.conclusion !== 'success') process.exitCode = 1;
  } catch (error) {
    console.error(`rehearse: ${(error as Error).message}`);
    process.exitCode = 2;
  } finally {
    await sim.stop();
  }
  process.exit();
}

if (target === 'release') {
  // The suite's own release: a clone of HEAD, the sim's GitHub for tags and the release.
  const sim = await startSim({ timeScale });
  const clone = await cloneHead();
  try {
    const version = inputs['version'] ?? suiteIdentity().version;
    const result = await rehearseRelease({
      sim,
      clone,
      version,
      dryRun: inputs['dry-run'] === 'true',
      log: (line) => console.log(line),
    });
    const repository = suiteIdentity().repository;
    const state = sim.github.git();
    console.log(`\nOn the sim's GitHub (${repository}):`);
    for (const ref of state.refs.filter((r) => r.repo === repository)) {
      const tag = state.tags.find((t) => t.sha === ref.object.sha);
      console.log(
        `  ${ref.ref} -> ${tag ? `tag object ${ref.object.sha} -> commit ${tag.object.sha}` : ref.object.sha}`,
      );
    }
    for (const release of state.releases)
      console.log(
        `  release ${release.tag_name}: ${release.body?.split('\n').length ?? 0} lines of notes`,
      );
    console.log(`\nrelease.yml: ${result.conclusion}`);
    if (result.conclusion !== 'success') process.exitCode = 1;
  } finally {
    await clone.remove();
    await sim.stop();
  }
  process.exit();
}

if (target === 'checks' && event === undefined) event = 'schedule';
// rotate.yml needs real PostgreSQL behind RDS and the secrets in Secrets Manager.
const rotation = target === 'rotate';
if (rotation && Object.keys(inputs).length === 0 && event === undefined)
  Object.assign(inputs, ROTATE_DEFAULT_INPUTS);
// The monthly checks restore drop-db for real: PostgreSQL behind RDS.
const drill = target === 'ops-monthly';
const privateDatabase = values['private-database'] === true;
if (privateDatabase && (rotation || drill || !viaCaller))
  fail('--private-database rehearses deploy, rollback or checks');
const stagedFixture =
  staging === 'fly' ? withFlyStaging(rehearsalFixture(production)) : rehearsalFixture(production);
const sim = await startSim({
  timeScale,
  fixture: rotation
    ? rotationRehearsalFixture()
    : drill
      ? drillRehearsalFixture()
      : privateDatabase
        ? withPrivateDatabaseHop(stagedFixture)
        : stagedFixture,
  ...(privateDatabase ? { postgres: true, privateDatabases: true } : {}),
});
try {
  const workspaceOptions = {
    ...(caller ? { callerWorkflow: caller } : {}),
    production,
    staging,
  };
  const options = rotation
    ? await rotationRehearsalOptions(sim, workspaceOptions)
    : drill
      ? await drillRehearsalOptions(sim, workspaceOptions)
      : await simRehearsalOptions(sim, workspaceOptions);
  // The sim's ECR has no registry behind it here: build-push is given a tag ECR already holds
  // (v1.5.0), finds it and builds nothing, on any machine. A real buildah build and push is
  // rehearsed by test/workflows/rehearse-e2e.itg.test.ts.
  if (privateDatabase) await usePrivateDatabase(sim, options);
  if (target === 'deploy') {
    options.actionInputs = { ...options.actionInputs, 'build-push': { tag: 'v1.5.0' } };
    console.log("build-push: v1.5.0, already in the sim's ECR, stands for the build");
  }
  const result = await rehearseWorkflow({
    workflow: viaCaller ? path.join(options.workspace as string, workflow) : workflow,
    ...options,
    ...(event ? { event: event as 'push' | 'workflow_dispatch' | 'schedule' } : {}),
    ...(Object.keys(inputs).length ? { inputs } : {}),
    log: (line) => console.log(line),
  });
  console.log(
    `\n${path.basename(workflow)}: ${result.conclusion} (${result.order
      .map((id) => `${id} ${result.jobs[id]?.result}`)
      .join(', ')})`,
  );
  if (result.conclusion !== 'success') process.exitCode = 1;
} catch (error) {
  console.error(`rehearse: ${(error as Error).message}`);
  process.exitCode = 2;
} finally {
  await sim.stop();
}
// Like the go-live branch: leave no keep-alive socket or timer of the sim's clients running.
process.exit();
