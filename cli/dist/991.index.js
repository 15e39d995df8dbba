export const id = 991;
export const ids = [991];
export const modules = {

/***/ 9991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeploy: () => (/* binding */ runDeploy),
  runRollback: () => (/* binding */ runRollback)
});

// EXTERNAL MODULE: ./core/action/github-context.ts
var github_context = __webpack_require__(366);
// EXTERNAL MODULE: ./core/github/deployments.ts
var deployments = __webpack_require__(6302);
// EXTERNAL MODULE: ./core/maintenance/suite-pauses.ts
var suite_pauses = __webpack_require__(78);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
;// CONCATENATED MODULE: ./core/deploy/cleanup.ts



/**
 * The post step of deploy and rollback: whatever the main step left open \u2014 because it
 * failed hard or the job was cancelled \u2014 is closed here. A monitor left paused would hide
 * the next outage.
 */
async function cleanUpAfterRun(state, tokens, deps) {
    const done = [];
    const ids = state.monitors.split(',').filter(Boolean);
    if (ids.length > 0 && state.pauseId) {
        if (!tokens.betterstack) {
            deps.logger.warning(`monitors ${ids.join(', ')} may still be paused, and no betterstack-token is available to resume them (the next run after the maintenance window ends their pause)`);
        }
        else {
            // Only this run's pauses (its pause id is on the monitor): a person's pause stays.
            const client = new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), tokens.betterstack, deps);
            const r = await (0,suite_pauses/* closeMaintenanceWindow */.qR)(client, ids, state.pauseId, deps);
            for (const line of r.leftAlone)
                deps.logger.info(`  ${line}`);
            const what = r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume';
            deps.logger.info(`Maintenance window closed: ${what}`);
            done.push(what);
        }
    }
    if (state.deploymentId && tokens.github) {
        const github = new deployments/* GitHubDeployments */.C({ ...deps.run, token: tokens.github }, deps);
        await github.setStatus(Number(state.deploymentId), 'error', 'The run stopped before it finished (cancelled or crashed)');
        done.push(`marked deployment ${state.deploymentId} as error`);
    }
    return done;
}

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/deploy/outcome.ts

function durationSince(ctx, startMs) {
    return (0,duration/* formatDuration */.a3)(ctx.clock.now() - startMs);
}
/** A fresh outcome for a run, and the one way to settle it. */
function startOutcome(kind, ctx, steps) {
    const startedAt = ctx.clock.now();
    const outcome = {
        kind,
        environment: ctx.environment,
        result: 'failed',
        headline: '',
        ok: false,
        image: undefined,
        previousImage: undefined,
        versionBefore: undefined,
        versionAfter: undefined,
        snapshotId: undefined,
        operationId: undefined,
        rollbackOperationId: undefined,
        serviceUrl: undefined,
        reports: [],
        plan: [],
        steps: steps.steps,
        startedAt,
        finishedAt: startedAt,
    };
    const finish = (result, ok, headline) => Object.assign(outcome, { result, ok, headline, finishedAt: ctx.clock.now() });
    return { outcome, finish };
}
/** What preflight found: the images before and after, for outputs and the summary. */
function recordTarget(outcome, p) {
    Object.assign(outcome, {
        image: p.target.uri,
        previousImage: p.running.image?.uri ?? p.running.identifier,
        versionBefore: p.running.version,
        versionAfter: p.targetVersion,
        serviceUrl: p.serviceUrl,
    });
}

// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
;// CONCATENATED MODULE: ./core/deploy/pipeline.ts
/**
 * The runner of deploy, rollback and restart: each is a declared list of stages
 * (pipelines.ts), and this file is the one place that decides when a stage starts. A stage
 * starts as soon as what it needs has finished, or only started; stages whose needs allow it
 * run side by side. Every stage's row in the step log, the dry-run plan and the summary's
 * timeline all come from the same list, so reordering a pipeline is a change in one place.
 */

/** Pipeline lists are data: a need on a stage that is not in the list is a bug, found early. */
function needsOf(stage, run) {
    return typeof stage.needs === 'function' ? stage.needs(run) : stage.needs;
}
function checkPipeline(pipeline, run) {
    const names = new Set();
    for (const stage of pipeline) {
        if (names.has(stage.name))
            throw new Error(`pipeline: stage "${stage.name}" is listed twice`);
        for (const need of needsOf(stage, run))
            if (!names.has(need.stage))
                throw new Error(`pipeline: stage "${stage.name}" needs "${need.stage}", which is not listed before it`);
        names.add(stage.name);
    }
}
function appliesTo(stage, run) {
    return stage.applies ? stage.applies(run) : true;
}
function policyOf(stage, run) {
    const policy = stage.failure ?? 'stop';
    return typeof policy === 'function' ? policy(run) : policy;
}
function needsLine(needs) {
    return needs
        .map((n) => (n.until === 'started' ? `once ${n.stage} has started` : `after ${n.stage}`))
        .join(', ');
}
/**
 * The dry-run plan: each applying stage's lines in the order the stages would start, each
 * stage's first line saying what it waits for when that is not simply the stage before.
 */
function planOf(pipeline, run) {
    checkPipeline(pipeline, run);
    const lines = [];
    let previous;
    for (const stage of pipeline) {
        if (appliesTo(stage, run) !== true || !stage.plan)
            continue;
        const stageLines = stage.plan(run);
        if (stageLines.length === 0)
            continue;
        const needs = needsOf(stage, run);
        const simple = needs.length === 0 ||
            (needs.length === 1 && needs[0].stage === previous && needs[0].until === 'finished');
        const [first, ...rest] = stageLines;
        lines.push(simple ? first : `${first} (${needsLine(needs)})`, ...rest);
        previous = stage.name;
    }
    return lines;
}
/**
 * Runs the stages: each starts once its needs allow, several at a time where they do. Returns
 * when every stage has finished, been skipped, or was left out after a stop or an end.
 */
async function runPipeline(pipeline, run) {
    checkPipeline(pipeline, run);
    const { steps } = run;
    const needs = new Map(pipeline.map((s) => [s.name, needsOf(s, run)]));
    const state = new Map(pipeline.map((s) => [s.name, 'pending']));
    const applies = new Map(pipeline.map((s) => [s.name, appliesTo(s, run)]));
    const undone = new Set();
    let halted;
    let thrown;
    const running = new Set();
    let wake = () => { };
    const settled = (name) => ['done', 'failed', 'skipped', 'not-run'].includes(state.get(name));
    const met = (need) => {
        // A stage that does not apply passes its own needs on: it is done when they are.
        if (applies.get(need.stage) !== true)
            return needs.get(need.stage).every(met);
        const s = state.get(need.stage);
        if (need.until === 'started' && s === 'started')
            return true;
        return s === 'done' || s === 'skipped' || (s === 'failed' && halted === undefined);
    };
    const start = (stage) => {
        state.set(stage.name, 'running');
        const startMs = steps.now();
        if (stage.quiet?.(run) !== true)
            steps.begin(stage.name);
        const started = (detail) => {
            if (state.get(stage.name) !== 'running')
                return;
            state.set(stage.name, 'started');
            steps.note(stage.name, detail);
            wake();
        };
        const task = (async () => {
            try {
                const value = await stage.run(run, started);
                const result = typeof value === 'string' ? { detail: value } : (value ?? {});
                state.set(stage.name, result.status === 'failed' ? 'failed' : 'done');
                if (!result.silent)
                    steps.finish(stage.name, result.status ?? 'ok', result.detail ?? '', startMs);
                if (result.halt && !halted)
                    halted = result.halt;
            }
            catch (error) {
                state.set(stage.name, 'failed');
                const policy = policyOf(stage, run);
                steps.finish(stage.name, policy === 'warn' ? 'warning' : 'failed', (0,errors/* errorMessage */.gJ)(error), startMs);
                if (policy === 'throw') {
                    thrown ??= { error };
                    halted ??= 'end';
                }
                else if (policy === 'stop') {
                    if (!halted) {
                        halted = 'stop';
                        run.stopped((0,errors/* errorMessage */.gJ)(error));
                    }
                }
                else {
                    steps.warn(`${stage.name} failed (the run goes on${policy === 'red' ? ' without it' : ''}): ${(0,errors/* errorMessage */.gJ)(error)}`);
                }
            }
        })();
        const tracked = task.finally(() => {
            running.delete(tracked);
            wake();
        });
        running.add(tracked);
    };
    const dependentsOf = (name) => {
        const found = new Set([name]);
        for (const stage of pipeline)
            if (!stage.always && needs.get(stage.name).some((n) => found.has(n.stage)))
                found.add(stage.name);
        found.delete(name);
        return [...found];
    };
    const undoIfDue = (stage) => {
        if (!stage.undo || undone.has(stage.name))
            return;
        const s = state.get(stage.name);
        if (s !== 'done' && s !== 'failed')
            return;
        // Due once every stage that needs it, directly or not, has settled; the records of the
        // outcome (`always`) do not hold it open.
        const due = halted !== undefined || dependentsOf(stage.name).every((d) => settled(d));
        if (!due)
            return;
        undone.add(stage.name);
        const undo = stage.undo;
        const tracked = steps
            .bestEffort(undo.name, () => undo.run(run))
            .finally(() => {
            running.delete(tracked);
            wake();
        });
        running.add(tracked);
    };
    for (;;) {
        const woken = new Promise((resolve) => (wake = resolve));
        let progressed = false;
        // Undos first: after a stop, the records of the outcome wait for them.
        for (const stage of pipeline)
            undoIfDue(stage);
        for (const stage of pipeline) {
            if (state.get(stage.name) !== 'pending')
                continue;
            const applying = applies.get(stage.name);
            if (halted === 'end')
                break;
            if (halted === 'stop' && !stage.always) {
                state.set(stage.name, 'not-run');
                progressed = true;
                continue;
            }
            // A stage that does not apply is recorded as skipped once its needs have started,
            // near where it would have run, without waiting for them to finish.
            const own = needs.get(stage.name);
            const ready = halted === 'stop'
                ? running.size === 0 && own.every((n) => settled(n.stage) || met(n))
                : applying === true
                    ? own.every(met)
                    : own.every((n) => met({ ...n, until: 'started' }));
            if (!ready)
                continue;
            progressed = true;
            if (applying === true)
                start(stage);
            else {
                state.set(stage.name, 'skipped');
                if (applying !== false)
                    steps.record(stage.name, 'skipped', applying.skip);
            }
            // After a stop, the remaining `always` stages run one after another, in list order.
            if (halted === 'stop')
                break;
        }
        for (const stage of pipeline)
            undoIfDue(stage);
        if (running.size === 0 && !progressed)
            break;
        if (running.size > 0)
            await woken;
    }
    if (halted === 'end')
        for (const [name, s] of state)
            if (s === 'pending')
                state.set(name, 'not-run');
    if (thrown)
        throw thrown.error;
}

;// CONCATENATED MODULE: ./core/deploy/steps.ts


/** Runs the named steps of a pipeline and keeps what each did and how long it took. */
class StepLog {
    clock;
    logger;
    steps = [];
    constructor(clock, logger) {
        this.clock = clock;
        this.logger = logger;
    }
    /** Runs a step; a throw marks it failed and is re-thrown. `detail` describes the result. */
    async run(name, fn, detail = () => '') {
        const startMs = this.clock.now();
        this.logger.info(`\u25b6 ${name}`);
        try {
            const value = await fn();
            const record = {
                name,
                status: 'ok',
                detail: detail(value),
                startMs,
                endMs: this.clock.now(),
            };
            this.steps.push(record);
            this.logger.info(`\u2713 ${name}${record.detail ? `: ${record.detail}` : ''} (${(0,duration/* formatDuration */.a3)(record.endMs - startMs)})`);
            return value;
        }
        catch (error) {
            this.steps.push({
                name,
                status: 'failed',
                detail: (0,errors/* errorMessage */.gJ)(error),
                startMs,
                endMs: this.clock.now(),
            });
            this.logger.info(`\u2717 ${name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            throw error;
        }
    }
    now() {
        return this.clock.now();
    }
    /** A pipeline stage begins (pipeline.ts records its row with `finish`). */
    begin(name) {
        this.logger.info(`\u25b6 ${name}`);
    }
    /** A stage's effect is under way; the stage goes on (e.g. a snapshot is being copied). */
    note(name, detail) {
        this.logger.info(`\u2026 ${name}: ${detail}`);
    }
    /** The row of a finished stage, from when it began. */
    finish(name, status, detail, startMs) {
        const record = { name, status, detail, startMs, endMs: this.clock.now() };
        this.steps.push(record);
        const mark = status === 'ok' ? '\u2713' : status === 'skipped' ? '\u2013' : status === 'warning' ? '!' : '\u2717';
        this.logger.info(`${mark} ${name}${detail ? `: ${detail}` : ''} (${(0,duration/* formatDuration */.a3)(record.endMs - startMs)})`);
    }
    warn(message) {
        this.logger.warning(message);
    }
    /** Records an outcome decided elsewhere (a failed verification, a skipped step). */
    record(name, status, detail, startMs = this.clock.now()) {
        this.steps.push({ name, status, detail, startMs, endMs: this.clock.now() });
        const mark = status === 'ok' ? '\u2713' : status === 'skipped' ? '\u2013' : status === 'warning' ? '!' : '\u2717';
        this.logger.info(`${mark} ${name}${detail ? `: ${detail}` : ''}`);
    }
    /** A step whose failure must not stop the pipeline (Slack, audit): a warning instead. */
    async bestEffort(name, fn) {
        const startMs = this.clock.now();
        try {
            const detail = await fn();
            this.steps.push({ name, status: 'ok', detail, startMs, endMs: this.clock.now() });
        }
        catch (error) {
            const detail = (0,errors/* errorMessage */.gJ)(error);
            this.steps.push({ name, status: 'warning', detail, startMs, endMs: this.clock.now() });
            this.logger.warning(`${name} failed (the run goes on): ${detail}`);
        }
    }
}

;// CONCATENATED MODULE: ./core/deploy/ops-run.ts



function chosenOf(run) {
    if (!run.chosen)
        throw new Error('pipeline: a stage ran before Preflight chose the images');
    return run.chosen;
}
/** A fresh run; `stopped` settles the outcome as "<what> stopped: <why>". */
function startRun(kind, ctx, pipeline, story, options) {
    const steps = new StepLog(ctx.clock, ctx.logger);
    const { outcome, finish } = startOutcome(kind, ctx, steps);
    const run = {
        story,
        ctx,
        steps,
        outcome,
        finish,
        pipeline,
        dryRun: options.dryRun,
        snapshot: options.snapshot,
        chosen: undefined,
        deploymentId: undefined,
        pauseId: undefined,
        verificationFailed: undefined,
        switched: false,
        rolledBack: false,
        restarting: kind === 'restart',
        variablesWanted: undefined,
        reports: outcome.reports,
        stopped: (why) => {
            finish('failed', false, story.stopped(run, why));
        },
    };
    return run;
}
/** Runs a started run through its pipeline and closes its outcome. */
async function runToEnd(pipeline, run) {
    await runPipeline(pipeline, run);
    run.outcome.finishedAt = run.ctx.clock.now();
    return run.outcome;
}
/** The GitHub deployment of a run that puts the chosen image in place. */
function deploymentOf(run, kind, description, reason) {
    const c = chosenOf(run);
    return {
        payload: {
            tool: 'apprunner-ops',
            kind,
            image: c.target.uri,
            digest: c.target.digest,
            tag: c.targetVersion,
            previousImage: run.outcome.previousImage,
            ...(reason !== undefined ? { reason } : {}),
        },
        description,
    };
}
/** A run's Slack message: its headline behind `icon` (\ud83d\udd34 when it failed), then these fields. */
function slackOf(run, icon, fields) {
    return {
        headline: `${run.outcome.ok ? icon : '\ud83d\udd34'} ${run.ctx.environment}: ${run.outcome.headline}`,
        fields: {
            Environment: run.ctx.environment,
            ...fields,
            Result: run.outcome.result,
            Duration: durationSince(run.ctx, run.outcome.startedAt),
        },
    };
}

// EXTERNAL MODULE: ./core/health/smoke-test.ts + 1 modules
var smoke_test = __webpack_require__(9958);
;// CONCATENATED MODULE: ./core/deploy/stages/verify.ts


function failureLine(report) {
    return report.checks
        .filter((c) => !c.passed)
        .map((c) => `${c.name}: ${c.lastReason}${c.endedEarly !== undefined && !c.endedEarly.startsWith('stopped') ? ` (${c.endedEarly})` : ''}`)
        .join('; ');
}
/**
 * The incident path's pace: how often a failing check is tried again, and how often the
 * deployments a verification waits for (the deploy's, the automatic rollback's) are polled.
 * Half the poll interval, at most 5 s: with verify-failure-limit 3 a bad version is judged
 * within 10 s of serving at the defaults, and each follow sees its deployment end within 5 s.
 */
function verifyIntervalMs(ctx) {
    return Math.min(ctx.timing.pollIntervalMs / 2, 5_000);
}
/** Runs the checks, expecting one of `versions` where the app reports its version. */
async function smokeCheck(ctx, label, 
/** The versions the app may report (the image's tags); empty: the version is not checked. */
versions) {
    const health = ctx.env.health;
    const versionPath = health['version-path'];
    const checkVersion = versionPath !== undefined && versions.length > 0;
    if (versionPath !== undefined && versions.length === 0)
        ctx.logger.warning(`${label}: the image has no tag, so the version the service reports is not checked`);
    const report = await (0,smoke_test/* smokeTest */.K)({
        checks: health.checks,
        baseUrl: new URL(health['base-url']),
        ...(checkVersion ? { expectVersion: { values: versions, path: versionPath } } : {}),
        timeoutMs: ctx.timing.verifyTimeoutMs,
        intervalMs: verifyIntervalMs(ctx),
        // The platform's deployment has ended when verification starts: where no version is
        // read, its word that the new version alone serves starts the failure count.
        ...(ctx.timing.verifyFailureLimit !== undefined
            ? { failureLimit: { limit: ctx.timing.verifyFailureLimit, servingKnown: true } }
            : {}),
    }, { clock: ctx.clock, logger: ctx.logger });
    return {
        report,
        result: report.passed
            ? {
                detail: `${report.checks.length} checks passed${checkVersion ? `; reports ${versions.join(' or ')}` : ''}`,
            }
            : { status: 'failed', detail: failureLine(report) },
    };
}
function verifyPlan(run) {
    const health = run.ctx.env.health;
    const c = chosenOf(run);
    return [
        `Verify ${health.checks.length} health checks at ${health['base-url']}${health['version-path'] ? `, expecting version ${c.targetVersion}` : ''}`,
    ];
}
/** Verifies the version just put in place; the run's story settles the outcome. */
const verify = {
    name: 'Verify',
    plan: verifyPlan,
    run: async (run) => {
        const c = chosenOf(run);
        const { report, result } = await smokeCheck(run.ctx, 'Verify', c.target.tags);
        run.reports.push({ title: `Verification of ${c.targetVersion}`, report });
        run.story.verified(run, report.passed ? undefined : failureLine(report), 'verify');
        return result;
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/auto-rollback.ts
/**
 * After a deploy that failed verification: the version from before goes back, with the
 * variables from before, and is verified in turn.
 */


const rollBack = {
    name: 'Roll back',
    applies: (run) => run.autoRollback,
    quiet: (run) => run.verificationFailed === undefined,
    plan: (run) => {
        const c = chosenOf(run);
        return [
            c.back
                ? `If verification fails: put ${c.back.version} back (${c.back.uri}) with the variables from before, follow, verify it`
                : 'If verification fails: no known version to go back to (the service ran by a tag that now names this image)',
        ];
    },
    run: async (run) => {
        const why = run.verificationFailed;
        if (why === undefined)
            return { silent: true };
        const { ctx } = run;
        const c = chosenOf(run);
        const back = c.back;
        if (!back) {
            run.finish('failed', false, `${c.targetVersion} is live but fails verification (${why}), and there is no known earlier version to go back to (the service ran by tag ${c.running.version}, which now names this image); roll back with to: <tag>`);
            return { silent: true };
        }
        // A rollback (rollback.yml has a concurrency group of its own) may have changed the
        // service since: then what runs is a person's choice, and putting `back` would undo it.
        const now = await ctx.target.describe();
        if (now.digest !== undefined && now.digest !== c.target.digest) {
            run.finish('failed', false, `${c.targetVersion} failed verification (${why}), and the service no longer runs it (it runs ${now.imageByDigest}, put in place by someone else since, e.g. a rollback): left as it is`);
            return { silent: true };
        }
        ctx.logger.info(`Verification of ${c.targetVersion} failed (${why}); putting ${back.version} back`);
        const wait = {
            timeoutMs: ctx.timing.operationTimeoutMs,
            intervalMs: ctx.timing.pollIntervalMs,
        };
        const started = await ctx.target.switchImage(back.uri, { wait, environment: c.variables });
        ctx.logger.info(`  update started ${started.id} \u2192 ${back.uri}`);
        run.outcome.rollbackOperationId = started.id;
        const result = await ctx.target.follow({ ...started, names: { image: back.version, previous: c.targetVersion } }, 
        // Production is down until this ends: see it end soon.
        { ...wait, intervalMs: verifyIntervalMs(ctx) });
        const detail = `operation ${started.id}: ${result.status}`;
        if (!result.ok) {
            run.finish('failed', false, `${c.targetVersion} failed verification (${why}) and the rollback to ${back.version} ended ${result.status} (operation ${started.id}): production needs a person now`);
            return { status: 'failed', detail };
        }
        run.rolledBack = true;
        return detail;
    },
};
const verifyRollback = {
    name: 'Verify rollback',
    applies: (run) => run.autoRollback,
    quiet: (run) => !run.rolledBack,
    run: async (run) => {
        if (!run.rolledBack)
            return { silent: true };
        const c = chosenOf(run);
        const back = c.back;
        const why = run.verificationFailed;
        const { report, result } = await smokeCheck(run.ctx, 'Verify rollback', back.tags);
        run.reports.push({ title: `Verification of ${back.version} after rollback`, report });
        run.finish(report.passed ? 'rolled-back' : 'failed', false, report.passed
            ? `${c.targetVersion} failed verification (${why}); rolled back to ${back.version}, which passes its checks`
            : `${c.targetVersion} failed verification (${why}); rolled back to ${back.version}, which ALSO fails (${failureLine(report)}): production is unhealthy`);
        return result;
    },
};

// EXTERNAL MODULE: ./core/config/bake.ts
var bake = __webpack_require__(614);
// EXTERNAL MODULE: ./core/health/failure-limit.ts
var failure_limit = __webpack_require__(4015);
// EXTERNAL MODULE: ./core/util/percent.ts
var percent = __webpack_require__(9392);
;// CONCATENATED MODULE: ./core/deploy/bake.ts






/** CloudWatch is a minute or two behind; a bake waits this much longer for its last minutes. */
const CLOUDWATCH_DELAY_MS = 5 * 60_000;
function badMinute(m, config) {
    if (m.requests <= 0)
        return undefined;
    const rate = (0,percent/* percent */.K)(m.errors / m.requests);
    if (rate > config['error-rate'])
        return `${rate} % 5xx`;
    const limit = config['latency-p99'];
    if (limit !== undefined && m.p99 !== undefined && m.p99 > limit)
        return `p99 ${Math.round(m.p99)} ms`;
    return undefined;
}
/**
 * Judges the minutes seen so far: a breach once `consecutive-minutes` bad ones follow each
 * other (the failure rule verification uses too, core/health/failure-limit.ts).
 */
function judgeMinutes(minutes, config) {
    const run = (0,failure_limit/* firstStreak */.h)(minutes.map((m) => badMinute(m, config)), config['consecutive-minutes']);
    if (!run)
        return undefined;
    return `${run.length} consecutive bad minutes (${run.join(', ')}; limits ${config['error-rate']} % 5xx${config['latency-p99'] !== undefined ? `, p99 ${config['latency-p99']} ms` : ''})`;
}
function bakeConfigOf(env) {
    return env.bake ?? bake/* bakeConfigSchema */.L.parse({});
}
/**
 * Before anything changes: one read of the last minutes of the service's request metrics, so
 * a role without `cloudwatch:GetMetricStatistics`, or a service whose metrics the target
 * cannot find, refuses the deploy in preflight instead of after the switch, when the new
 * version would be live and unwatched.
 */
async function assertTrafficReadable(ctx) {
    const end = Math.floor(ctx.clock.now() / 1000) * 1000;
    try {
        await ctx.target.traffic({ start: end - 5 * 60_000, end, periodSeconds: 60 });
    }
    catch (error) {
        throw new errors/* InputError */.dz('bake', `needs the service's request metrics (${ctx.target.trafficMetrics}), which could not be read: ${(0,errors/* errorMessage */.gJ)(error)}. Allow cloudwatch:GetMetricStatistics to the deploy role (docs/setup.md \u00a73), or deploy with bake: 0s`);
    }
}
/** Watches the service for `bakeMs` of metrics; resolves with the verdict (never throws on a breach). */
async function bake_bake(ctx, bakeMs) {
    const config = bakeConfigOf(ctx.env);
    const planned = Math.max(1, Math.round(bakeMs / 60_000));
    // CloudWatch takes whole seconds: start on one, so the first query has EndTime > StartTime.
    const start = Math.ceil(ctx.clock.now() / 1000) * 1000;
    const deadline = start + bakeMs + CLOUDWATCH_DELAY_MS;
    ctx.logger.info(`Baking for ${(0,duration/* formatDuration */.a3)(bakeMs)}: rolling back after ${config['consecutive-minutes']} consecutive minutes above ${config['error-rate']} % 5xx${config['latency-p99'] !== undefined ? ` or p99 ${config['latency-p99']} ms` : ''}`);
    for (;;) {
        if (ctx.clock.now() < start + 1000) {
            await ctx.clock.sleep(start + 1000 - ctx.clock.now());
            continue;
        }
        const minutes = await ctx.target.traffic({
            start,
            end: ctx.clock.now(),
            periodSeconds: 60,
        });
        const breach = judgeMinutes(minutes, config);
        const watched = Math.min(minutes.length, planned);
        if (breach)
            return {
                ok: false,
                watchedMinutes: minutes.length,
                plannedMinutes: planned,
                line: breach,
            };
        if (minutes.length >= planned)
            return {
                ok: true,
                watchedMinutes: watched,
                plannedMinutes: planned,
                line: `watched ${watched} of ${planned} minutes; no ${config['consecutive-minutes']} bad minutes in a row`,
            };
        if (ctx.clock.now() >= deadline)
            return {
                ok: true,
                watchedMinutes: watched,
                plannedMinutes: planned,
                line: `watched ${watched} of ${planned} minutes (CloudWatch had no more traffic data by ${(0,duration/* formatDuration */.a3)(bakeMs + CLOUDWATCH_DELAY_MS)}); no sustained breach`,
            };
        await ctx.clock.sleep(ctx.timing.pollIntervalMs);
    }
}
/** The Bake row's detail. */
function bakeLine(r) {
    return r.ok
        ? r.line
        : `breach after ${r.watchedMinutes} of ${r.plannedMinutes} watched minutes: ${r.line}`;
}

;// CONCATENATED MODULE: ./core/deploy/stages/bake.ts
/** The bake period after a verified deploy (see ../bake.ts): a sustained breach fails it. */


const bakePeriod = {
    name: 'Bake',
    applies: (run) => run.bakeMs > 0,
    plan: (run) => [
        `Watch the service's traffic for ${Math.round(run.bakeMs / 60_000)} min; a sustained breach counts as a failed verification`,
    ],
    run: async (run) => {
        // Only a version that passed its checks is baked.
        if (run.verificationFailed !== undefined)
            return { silent: true };
        const result = await bake_bake(run.ctx, run.bakeMs).catch((error) => {
            // Preflight read the metrics once; losing them now leaves a verified version unwatched.
            throw new errors/* DomainFailure */.dY(`the bake period could not read the service's request metrics (${run.ctx.target.trafficMetrics}): ${(0,errors/* errorMessage */.gJ)(error)}. The new version passed verification and stays live, unwatched: watch it, or roll back`);
        });
        const why = result.ok ? undefined : `bake period: ${result.line}`;
        run.story.verified(run, why, 'bake');
        // The watch itself went fine; a breach is judged like a failed verification (Roll back).
        return bakeLine(result);
    },
};

// EXTERNAL MODULE: ./core/targets/env-changes.ts + 1 modules
var env_changes = __webpack_require__(6976);
// EXTERNAL MODULE: ./core/deploy/images.ts
var deploy_images = __webpack_require__(4242);
// EXTERNAL MODULE: ./core/deploy/history.ts
var deploy_history = __webpack_require__(9574);
;// CONCATENATED MODULE: ./core/deploy/newer-rollback.ts


const iso = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
/** The newest rollback of the environment that no successful deploy has followed. */
function standingRollback(entries) {
    // Newest first: a successful deploy met before the rollback supersedes it.
    for (const e of entries) {
        if (e.kind === 'rollback')
            return e;
        if (e.succeeded)
            return undefined;
    }
    return undefined;
}
function describe(ctx, r, source) {
    return `${r.actor ?? 'a person'} rolled ${ctx.environment} back to ${r.tag ?? r.digest.slice(0, 19)} at ${iso(r.createdAt)} UTC${r.reason ? ` ("${r.reason}")` : ''} (${source === 'GitHub deployments' ? 'GitHub deployment' : 'audit row'} ${r.id})`;
}
/** Throws when this deploy would undo a newer rollback; logs the rollback it may follow. */
async function assertNotUndoingRollback(ctx, target, targetVersion) {
    const history = await (0,deploy_history/* readHistory */.Lu)(ctx);
    const rollback = standingRollback(history.entries);
    if (!rollback)
        return;
    const what = describe(ctx, rollback, history.source);
    if (rollback.rolledBackFrom === target.digest)
        throw new errors/* DomainFailure */.dY(`${what}, away from ${targetVersion}, the version this deploy would put back. Deploy a newer version, or, if ${targetVersion} is wanted after all, put it back by name with rollback (to: ${targetVersion})`);
    if (ctx.run.job === 'terminal') {
        ctx.logger.info(`  ${what}; deploying ${targetVersion} from the terminal, after it`);
        return;
    }
    if (!ctx.github)
        throw new errors/* DomainFailure */.dY(`${what}, and without github-token this run cannot tell whether it was started after that rollback, so it does not deploy ${targetVersion} over it: give github-token (and actions: read), or deploy from the terminal`);
    const started = await ctx.github.runStartedAt();
    // GitHub's times are whole seconds; the rollback's record is made after its own preflight,
    // seconds after it was dispatched, so a run started in the same second came after it.
    if (started >= rollback.createdAt) {
        ctx.logger.info(`  ${what}; this run started at ${iso(started)} UTC, after it: deploying ${targetVersion}`);
        return;
    }
    throw new errors/* DomainFailure */.dY(`${what}, after this run was queued (${iso(started)} UTC): deploying ${targetVersion} now would undo that rollback. To deploy ${targetVersion} after it, re-run this workflow (the environment's reviewers approve it again) or push a newer commit`);
}

// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
;// CONCATENATED MODULE: ./core/deploy/stages/unfinished-rotation.ts
/**
 * Before a deploy, rollback or restart: none of the secrets the service reads has a rotation
 * left half done. A rotation killed after RDS accepted a new master password but before
 * AWSCURRENT moved leaves AWSPENDING on the only password that works: a deployment now would
 * ship the dead AWSCURRENT (and its automatic rollback would ship it again). Such a run stops
 * before any change and names the command that finishes the rotation.
 * The same for a DATABASE_URL built from an RDS-managed master secret (kind rds-managed) that
 * RDS has rotated since: RDS changed the password, so the URL the service reads no longer logs
 * in, and a deployment would ship it again (a rotation run lost before it staged anything leaves
 * exactly this). The managed secret's LastRotatedDate later than the URL secret's
 * LastChangedDate proves the URL older than the password (LastChangedDate moves on any change,
 * so a later tag can hide it, never invent it).
 * Only DescribeSecret and DescribeDBInstances are called (labels and dates, never a value).
 */


class UnfinishedRotation extends errors/* DomainFailure */.dY {
    name = 'UnfinishedRotation';
}
/** The secret's ARN from a reference, which may name a JSON key (`\u2026:secret:name-AbCdEf:key::`). */
function secretArnOf(ref) {
    if (!ref.startsWith('arn:aws:secretsmanager:'))
        return undefined;
    return ref.split(':').slice(0, 7).join(':');
}
async function assertNoUnfinishedRotation(ctx, secretRefs) {
    const store = new secrets_manager/* SecretsStore */.Vb(ctx.secretsManager, { clock: ctx.clock, logger: ctx.logger });
    const checked = new Set();
    for (const [variable, ref] of Object.entries(secretRefs)) {
        const arn = secretArnOf(ref);
        if (!arn || checked.has(arn))
            continue;
        checked.add(arn);
        let d;
        try {
            d = await store.describe(arn);
        }
        catch (error) {
            // A secret that is not there has no rotation to finish; the platform's deployment is
            // what refuses a reference it cannot read, so the run goes on and notes it.
            if (!(error instanceof secrets_manager/* SecretNotFound */.MO))
                throw error;
            ctx.logger.info(`${variable} reads ${arn}, which does not exist in Secrets Manager: no rotation of it can be unfinished, but the service cannot read it either`);
            continue;
        }
        const configured = (ctx.env.secrets ?? []).find((s) => [s['secret-id'], s['database-url-secret-id']].some((id) => id !== undefined && (id === d.name || id === d.arn || arn.startsWith(id))));
        const name = configured?.name ?? variable;
        if (!d.unfinishedVersionId) {
            if (configured?.kind === 'rds-managed')
                await assertManagedNotNewer(ctx, store, d, name);
            continue;
        }
        throw new UnfinishedRotation(`secret ${d.name} (${variable}) has an unfinished rotation: AWSPENDING is on version ${d.unfinishedVersionId}, AWSCURRENT on ${d.currentVersionId ?? '(none)'}; a deployment now could ship a value that no longer works, so nothing was changed. Finish it (or undo it) first: run rotate.yml with environment ${ctx.environment} and secret ${name}, or apprunner-ops rotate ${ctx.environment} ${name} --resume; then run this again`);
    }
}
/** DATABASE_URL (kind rds-managed) is not older than the password RDS last rotated. */
async function assertManagedNotNewer(ctx, store, url, name) {
    const managedArn = await ctx.rds?.managedMasterSecretArn();
    if (!managedArn || !url.lastChangedAt)
        return;
    const managed = await store.describe(managedArn);
    if (!managed.lastRotatedAt || managed.lastRotatedAt <= url.lastChangedAt)
        return;
    throw new UnfinishedRotation(`secret ${url.name} (${name}, kind rds-managed) was last changed at ${url.lastChangedAt.toISOString()}, before RDS rotated its managed master secret (${managed.name}) at ${managed.lastRotatedAt.toISOString()}: the DATABASE_URL the service reads no longer logs in, and a deployment now would ship it again, so nothing was changed. Rebuild it first: run rotate.yml with environment ${ctx.environment} and secret ${name}, or apprunner-ops rotate ${ctx.environment} ${name}; then run this again (docs: README "Rotation", the EventBridge rule that starts that run when RDS rotates)`);
}

;// CONCATENATED MODULE: ./core/deploy/stages/preflight.ts



/** The credentials reach the configured account, and the database is there to snapshot if wanted. */
async function checkAccess(run) {
    await run.ctx.checkAccount();
    if (run.snapshot.wanted && run.ctx.rds)
        await run.ctx.rds.assertAvailable();
}
/**
 * Waits until the service takes an update, refuses one whose secrets have a rotation left
 * half done (unfinished-rotation.ts), and reads what it runs: every preflight that changes the
 * service (deploy, rollback, restart) starts so.
 */
async function readService(run) {
    const { ctx } = run;
    const state = await ctx.target.waitUntilUpdatable({
        timeoutMs: ctx.timing.operationTimeoutMs,
        intervalMs: ctx.timing.pollIntervalMs,
    });
    const running = await (0,deploy_images/* readRunningImage */.Ri)(ctx, state.image);
    await assertNoUnfinishedRotation(ctx, state.secrets);
    return { state, running };
}
/** Records the images the run works with; the service's URL and variables come from `state`. */
function choose(run, state, chosen) {
    run.chosen = { ...chosen, serviceUrl: state.url, variables: state.environment };
    recordTarget(run.outcome, run.chosen);
    return run.chosen;
}
/**
 * Chooses what runs now as what the run ends with (a restart, a scale: no image changes). Its
 * tags are the versions the app may report once its instances are new.
 */
function keepRunning(run, state, running) {
    return choose(run, state, {
        running,
        target: running.image ?? {
            uri: state.imageByDigest,
            digest: running.digest ?? state.digest ?? '',
            tags: running.tags,
        },
        targetVersion: running.version,
        back: undefined,
    });
}

;// CONCATENATED MODULE: ./core/deploy/stages/deploy-preflight.ts






/**
 * A snapshot an earlier job started (deploy.yml's snapshot job) must be this environment's
 * database's, and on its way: anything else stops the deploy before anything changes.
 */
async function checkGivenSnapshot(run) {
    const id = run.snapshot.given;
    const { ctx } = run;
    if (!ctx.rds || !ctx.env.database)
        throw new errors/* InputError */.dz('snapshot-id', `names ${id}, but environments.${ctx.environment} has no database: remove snapshot-id`);
    const found = await ctx.rds.describeSnapshot(id);
    if (!found)
        throw new errors/* InputError */.dz('snapshot-id', `RDS snapshot ${id} does not exist in ${ctx.env.region}`);
    if (found.DBInstanceIdentifier !== ctx.env.database.instance)
        throw new errors/* InputError */.dz('snapshot-id', `RDS snapshot ${id} is of instance ${found.DBInstanceIdentifier}, not of ${ctx.env.database.instance} (environments.${ctx.environment}.database.instance)`);
    if (found.Status !== 'creating' && found.Status !== 'available')
        throw new errors/* InputError */.dz('snapshot-id', `RDS snapshot ${id} is ${found.Status}; only a snapshot being created or available can stand for the pre-deploy snapshot`);
}
const deployPreflight = {
    name: 'Preflight',
    // Nothing has changed yet: the error is the run's error, as it is.
    failure: 'throw',
    run: async (run) => {
        const { ctx } = run;
        await checkAccess(run);
        if (run.bakeMs > 0)
            await assertTrafficReadable(ctx);
        if (run.snapshot.given)
            await checkGivenSnapshot(run);
        const target = await ctx.ecr.resolve(run.image);
        const { state, running } = await readService(run);
        // An image the platform refuses (another image family) is refused here, not after the snapshot.
        await ctx.target.checkImage?.(target.uri);
        const targetVersion = run.image.kind === 'tag' ? run.image.tag : (0,deploy_images/* versionOf */.E4)(target);
        // Before anything changes: a rollback this deploy was queued behind or beside stands.
        await assertNotUndoingRollback(ctx, target, targetVersion);
        const back = await (0,deploy_images/* fallbackTarget */.W3)(ctx, running, target);
        choose(run, state, { running, target, targetVersion, back });
        const changes = run.envChanges;
        if ((0,env_changes/* hasEnvChanges */.hR)(changes) && (0,env_changes/* changesAnything */.gR)(state.environment, changes)) {
            run.variablesWanted = (0,env_changes/* changedVariables */.Wo)(state.environment, changes);
            ctx.logger.info(`  with variables: ${(0,env_changes/* describeEnvChanges */.Mp)(changes)}`);
        }
        return `${running.version} runs; deploying ${targetVersion} (${target.digest.slice(0, 19)})`;
    },
};

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./core/build/process.ts





class CommandFailed extends errors/* DomainFailure */.dY {
    name = 'CommandFailed';
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function alive(pgid) {
    try {
        process.kill(-pgid, 0);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Runs a command through @actions/exec with its output streamed to the log line by line, a
 * deadline, and optional standard input (for passwords: never on the command line, where `ps`
 * would show them).
 *
 * The command runs as the leader of its own process group (`setsid`), and writes the group's
 * id to a file before it starts. At the deadline the whole group is stopped \u2014 SIGTERM, then
 * SIGKILL after a grace period \u2014 so a child or grandchild (a migration's `psql`, a build
 * step) cannot carry on after the caller was told the command stopped.
 */
async function runCommand(command, args, options) {
    // Imported on first use (a chunk of its own): of the deploy and rollback, only a rollback
    // with a down migration runs a command.
    const { exec } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 1260));
    const dir = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'apprunner-ops-cmd-'));
    const pidFile = external_node_path_default().join(dir, 'pgid');
    let stdout = '';
    let tail = [];
    const keep = (line) => {
        if (!options.quiet)
            options.logger.info(`  ${line}`);
        tail = [...tail.slice(-19), line];
    };
    const env = Object.fromEntries(Object.entries(options.env ?? process.env).filter((entry) => entry[1] !== undefined));
    let timedOut = false;
    let timer;
    const pgid = async () => {
        // The group leader writes its pid before exec'ing the command; allow it a moment to start.
        for (let i = 0; i < 40; i++) {
            const text = await (0,promises_.readFile)(pidFile, 'utf8').catch(() => '');
            const id = Number.parseInt(text, 10);
            if (id > 1)
                return id;
            await sleep(50);
        }
        return undefined;
    };
    const stopGroup = async () => {
        const id = await pgid();
        if (id === undefined)
            return;
        try {
            process.kill(-id, 'SIGTERM');
        }
        catch {
            return; // already gone
        }
        const grace = options.graceMs ?? 3_000;
        for (let waited = 0; waited < grace && alive(id); waited += 100)
            await sleep(100);
        if (alive(id)) {
            try {
                process.kill(-id, 'SIGKILL');
            }
            catch {
                // gone between the check and the kill
            }
        }
    };
    let stopping;
    const deadline = new Promise((_resolve, reject) => {
        timer = setTimeout(() => {
            timedOut = true;
            stopping = stopGroup();
            void stopping.then(() => reject(new CommandFailed(`${options.label} did not finish within ${(0,duration/* formatDuration */.a3)(options.timeoutMs)}; stopped it and every process it started`)));
        }, options.timeoutMs);
    });
    // Settled by whichever comes first; its later rejection must not go unhandled.
    deadline.catch(() => undefined);
    // Without input the command reads /dev/null (a read gets end of file at once). An empty
    // input written into the pipe instead raced the command's exit: a command that ended before
    // reading made the write fail with EPIPE on a stream nobody listens to, and Node ended the
    // whole action there (seen as build-push exiting 1 with no word but a stack trace).
    const script = options.input === undefined
        ? 'echo "$$" > "$0" && exec "$@" < /dev/null'
        : 'echo "$$" > "$0" && exec "$@"';
    const running = exec('setsid', ['--wait', 'sh', '-c', script, pidFile, command, ...args], {
        ...(options.cwd ? { cwd: options.cwd } : {}),
        env,
        silent: true,
        ignoreReturnCode: true,
        ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
        // Output still open after the exit comes from a process left behind: wait briefly.
        delay: 2_000,
        listeners: {
            stdout: (data) => {
                stdout += data.toString();
            },
            stdline: keep,
            errline: keep,
        },
    });
    try {
        const code = await Promise.race([
            running.catch((error) => {
                if (timedOut)
                    return -1;
                const why = error instanceof Error ? error.message : String(error);
                throw new CommandFailed(/Unable to locate executable file: setsid/.test(why)
                    ? `${options.label}: cannot run ${command}: setsid (util-linux) is needed to stop it and its children at the deadline`
                    : `${options.label}: cannot run ${command} (${why})`);
            }),
            deadline,
        ]);
        if (timedOut) {
            await stopping;
            throw new CommandFailed(`${options.label} did not finish within ${(0,duration/* formatDuration */.a3)(options.timeoutMs)}; stopped it and every process it started`);
        }
        if (code === 127 && tail.some((l) => l.includes(command) && /not found/.test(l)))
            throw new CommandFailed(`${options.label}: cannot run ${command} (not found on PATH)`);
        if (code !== 0)
            throw new CommandFailed(`${options.label} failed (exit ${code}); last output:\n${tail.slice(-8).join('\n')}`);
        return { stdout };
    }
    finally {
        clearTimeout(timer);
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
;// CONCATENATED MODULE: ./core/deploy/stages/down-migration.ts
/** A rollback's down migration, run before the image changes (after the snapshot is available). */




const downMigration = {
    name: 'Down migration',
    applies: (run) => (run.migration.command ? true : { skip: 'no down-migration-command given' }),
    plan: (run) => [`Run the down migration: ${run.migration.command}`],
    run: async (run) => {
        const { ctx } = run;
        // Through the environment's database route (database.access: ssm), the command's
        // DATABASE_URL points at the session's local end.
        const url = process.env['DATABASE_URL'];
        const env = url ? { ...process.env, DATABASE_URL: await (0,pg_client/* routedUrl */.j_)(url) } : undefined;
        try {
            await runCommand('bash', ['-c', run.migration.command], {
                ...(env ? { env } : {}),
                timeoutMs: run.migration.timeoutMs ?? ctx.timing.operationTimeoutMs,
                logger: ctx.logger,
                label: 'down migration',
            });
        }
        catch (error) {
            throw new errors/* DomainFailure */.dY(`the down migration failed, so the image was not changed and ${chosenOf(run).running.version} still serves: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/expired-maintenance.ts
/** Ends the suite's own monitor pauses whose window passed (a run whose runner was lost). */

/** Every run for the environment does this first, whatever it then decides; a dry run only says. */
const expiredMaintenance = {
    name: 'Expired maintenance',
    applies: (run) => run.ctx.monitors !== undefined,
    failure: 'warn',
    run: async ({ ctx, dryRun }) => {
        const monitors = ctx.monitors;
        const report = await (0,suite_pauses/* endExpiredSuitePauses */.On)(monitors.client, monitors.ids, { dryRun }, ctx);
        for (const line of [...report.open, ...report.person])
            ctx.logger.info(`  ${line}`);
        const lines = [
            ...report.ended,
            ...(report.failed.length > 0
                ? [`could not check for expired pauses: ${report.failed.join('; ')}`]
                : []),
        ];
        return lines.length > 0 ? { status: 'warning', detail: lines.join('; ') } : { silent: true };
    },
};

// EXTERNAL MODULE: ./core/aws/ssm-tunnel.ts
var ssm_tunnel = __webpack_require__(6358);
;// CONCATENATED MODULE: ./core/action/post-state.ts
/**
 * What a main step saves for its post step (`saveState`), under one name each, and the look a
 * post step takes before it loads anything.
 *
 * A `post:` entry runs after every run of its action, and most runs leave nothing open. This
 * module imports no @actions/core (its HTTP client alone is a megabyte a process must compile):
 * a post step whose main step saved none of its names ends here, in a fifth of the time of
 * loading its body.
 */

/** The names of everything a main step saves for its post step. */
const POST_STATE = {
    /** PIDs of the SSM port-forwarding sessions to the database (core/database/access.ts). */
    databaseTunnelPids: ssm_tunnel/* TUNNEL_STATE */.xW,
    /** The GitHub deployment a deploy or rollback opened; '' once its status is set. */
    deploymentId: 'deployment-id',
    /** The monitors a deploy or rollback paused; '' once they are resumed. */
    maintenanceMonitors: 'maintenance-monitors',
    /** The pause id on those monitors (only this run's pauses are resumed). */
    maintenancePauseId: 'maintenance-pause-id',
    /** 'true' once an ops-check run started a check that leaves something behind when stopped. */
    checksToCleanUp: 'checks-to-clean-up',
};
/**
 * What the post step of deploy and rollback closes (core/deploy/cleanup.ts): an open GitHub
 * deployment, paused monitors. A pause id without monitors has nothing left to resume.
 */
const OPS_POST_STATE = [POST_STATE.deploymentId, POST_STATE.maintenanceMonitors];
/**
 * What the main step saved under `name`, '' when nothing. The runner hands each saved value to
 * the post step as the variable STATE_<name>, which is all @actions/core's getState reads.
 */
function savedState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/**
 * Runs a post step's body (`load` imports and runs it) when the main step saved any of
 * `names` or left a database session open; otherwise says so in one line and loads nothing.
 */
async function runPostStepIfOpen(action, names, load) {
    const open = [POST_STATE.databaseTunnelPids, ...names].some((name) => savedState(name).trim() !== '');
    if (!open) {
        process.stdout.write(`${action} (post): the main step left nothing open to close\n`);
        return;
    }
    await load();
}
/**
 * What action.yml's post entry (dist/post/index.js, written by scripts/build-actions.ts) sets
 * before it loads the action's one bundle, so the bundle runs its post step. A main step never
 * has it, however it was stopped: the sign is where the runner started, not what a step saved.
 */
const POST_STEP_MARK = Symbol.for('apprunner-ops.post-step');
function isPostStep() {
    return globalThis[POST_STEP_MARK] === true;
}

// EXTERNAL MODULE: ./core/audit/audit-log.ts
var audit_log = __webpack_require__(3892);
// EXTERNAL MODULE: ./core/notify/slack.ts
var slack = __webpack_require__(6292);
;// CONCATENATED MODULE: ./core/deploy/stages/records.ts
/**
 * The records of the outcome: the GitHub deployment status, one Slack message and one audit
 * row. They run after a stop too, and trouble with any of them is a warning, never a blocker.
 */



function environmentUrl(ctx) {
    return ctx.env.url ?? ctx.env.health['base-url'];
}
const deploymentStatus = {
    name: 'Deployment status',
    applies: (run) => run.ctx.github !== undefined,
    plan: () => ['GitHub: deployment status success or failure'],
    always: true,
    failure: 'warn',
    run: async ({ ctx, deploymentId, outcome }) => {
        const github = ctx.github;
        if (!github || deploymentId === undefined)
            return { silent: true };
        // ok: deployed, rolled back on request, restarted; a deploy that was rolled back is not.
        const state = outcome.ok ? 'success' : 'failure';
        await github.setStatus(deploymentId, state, outcome.headline, environmentUrl(ctx));
        ctx.state.save(POST_STATE.deploymentId, '');
        return state;
    },
};
const records_slack = {
    name: 'Slack',
    applies: (run) => run.ctx.slackWebhookUrl !== undefined,
    plan: () => ['Slack: one message with the result'],
    always: true,
    failure: 'warn',
    run: async (run) => {
        const { ctx } = run;
        const { headline, fields } = run.story.slack(run);
        const message = (0,slack/* slackMessage */.y)(headline, fields, { text: 'the run', url: ctx.run.runUrl });
        await (0,slack/* postToSlack */.u)(ctx.slackWebhookUrl, message, { clock: ctx.clock, logger: ctx.logger });
        return 'message posted';
    },
};
const auditLog = {
    name: 'Audit log',
    applies: (run) => run.ctx.auditDatabaseUrl !== undefined,
    plan: () => ['PostgreSQL: one audit_log row'],
    always: true,
    failure: 'warn',
    run: async (run) => {
        const { ctx } = run;
        const { action, details } = run.story.audit(run);
        const id = await (0,audit_log/* writeAuditEntry */.v3)(ctx.auditDatabaseUrl, {
            action,
            resourceType: audit_log/* DEPLOY_RESOURCE_TYPE */.e2,
            resourceId: ctx.environment,
            details: { ...details, service_arn: ctx.env['service-arn'], commit: ctx.run.sha },
            actor: ctx.run.actor,
            runUrl: ctx.run.runUrl,
        });
        return `audit_log row ${id}`;
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/github-deployment.ts
/** The GitHub deployment of this run, in progress: the Deployments page shows what runs where. */


/** A commit SHA, short or full, as build-push tags images by default. */
const COMMIT = /^[0-9a-f]{7,40}$/;
const githubDeployment = {
    name: 'GitHub deployment',
    applies: (run) => (run.ctx.github ? true : { skip: 'no github-token given' }),
    plan: (run) => [run.story.deploymentPlan(run)],
    // The Deployments page is a record: a failure to write it never stops a change.
    failure: 'warn',
    run: async (run) => {
        const { ctx } = run;
        const { payload, description, ref } = run.story.deployment(run);
        // A deployment needs a commit. From a folder that is no git checkout (the command line),
        // the image's tag stands for it when it is one (a build tagged by commit).
        const commit = ref ?? (ctx.run.sha || (COMMIT.test(payload.tag ?? '') ? payload.tag : undefined));
        if (!commit) {
            ctx.logger.warning(`no GitHub deployment recorded: this run knows no commit (not a git checkout, GITHUB_SHA unset) and the image's tag ${payload.tag ?? '(none)'} is not a commit SHA; run from a checkout of the repository, or set GITHUB_SHA to the commit the image was built from`);
            return { status: 'warning', detail: 'not recorded: no commit known' };
        }
        const github = commit === ctx.run.sha ? ctx.github : ctx.githubAt(commit);
        if (!github)
            return { silent: true };
        // The service ARN scopes history to this service (several may share an environment name).
        const scoped = { ...payload, serviceArn: ctx.env['service-arn'], actor: ctx.run.actor };
        const id = await github.create(ctx.environment, scoped, description);
        run.deploymentId = id;
        ctx.state.save(POST_STATE.deploymentId, String(id));
        await github.setStatus(id, 'in_progress', description, environmentUrl(ctx));
        return `deployment ${id} in progress`;
    },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./core/deploy/stages/maintenance-window.ts
/**
 * Pauses the environment's BetterStack monitors for the change, and resumes what this run
 * paused (its undo). The pause id is saved before any call: if the job is cancelled half-way,
 * the post step resumes what this run, and only this run, paused.
 */




const maintenanceWindow = {
    name: 'Maintenance window',
    applies: ({ ctx }) => ctx.monitors
        ? true
        : {
            skip: ctx.env.maintenance
                ? 'no betterstack-token given'
                : 'no maintenance monitors configured',
        },
    plan: ({ ctx }) => [
        `BetterStack: pause monitors ${ctx.monitors.ids.join(', ')} (resumed at the end, also on failure or cancellation)`,
    ],
    run: async (run) => {
        const { ctx } = run;
        const monitors = ctx.monitors;
        const pauseId = (0,external_node_crypto_.randomUUID)();
        ctx.state.save(POST_STATE.maintenancePauseId, pauseId);
        ctx.state.save(POST_STATE.maintenanceMonitors, monitors.ids.join(','));
        run.pauseId = pauseId;
        const r = await (0,suite_pauses/* openMaintenanceWindow */.qS)(monitors.client, monitors.ids, {
            environment: ctx.environment,
            action: run.outcome.kind,
            pauseId,
            runUrl: ctx.run.runUrl,
            windowMs: monitors.windowMs,
        }, ctx);
        return [
            r.paused.length > 0
                ? `paused monitors ${r.paused.join(', ')} for at most ${(0,duration/* formatDuration */.a3)(monitors.windowMs)}`
                : 'no monitor paused',
            ...(r.takenOver.length > 0
                ? [`took over the pause of ${r.takenOver.join(', ')} from an earlier run`]
                : []),
            ...r.leftAlone,
        ].join('; ');
    },
    undo: {
        name: 'Close maintenance window',
        run: async ({ ctx, pauseId }) => {
            const monitors = ctx.monitors;
            if (!monitors || !pauseId)
                return 'nothing was paused';
            const r = await (0,suite_pauses/* closeMaintenanceWindow */.qR)(monitors.client, monitors.ids, pauseId, ctx);
            ctx.state.save(POST_STATE.maintenanceMonitors, '');
            return [
                r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume',
                ...r.leftAlone,
            ].join('; ');
        },
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/nothing-to-change.ts
/**
 * The two ways a run ends before changing anything: a dry run (the plan, from the pipeline's
 * own stage list, is printed) and a wanted version that already runs (it is verified, and that
 * is the result).
 */




/** The wanted image already runs with the wanted variables: verify it, change nothing. */
function alreadyRuns(run) {
    // A snapshot started ahead of a deploy chooses no image: nothing to compare.
    if (!run.chosen || run.restarting)
        return false;
    const c = chosenOf(run);
    // Variables still to change mean an update even when the image already runs.
    return !run.variablesWanted && (0,deploy_images/* isSameImage */.m_)(c.running, c.target);
}
const nothingToChange = {
    name: 'Nothing to change',
    // An internal decision, not a step a person follows: its heading would only be noise.
    quiet: () => true,
    run: async (run) => {
        const { ctx } = run;
        if (run.dryRun) {
            run.outcome.plan = planOf(run.pipeline, run);
            for (const line of run.outcome.plan)
                ctx.logger.info(`  would: ${line}`);
            run.finish('planned', true, run.story.planned(run));
            return { silent: true, halt: 'end' };
        }
        if (!alreadyRuns(run))
            return { silent: true };
        const c = chosenOf(run);
        const startMs = run.steps.now();
        const { report, result } = await smokeCheck(ctx, 'Verify', c.target.tags);
        run.reports.push({ title: `Verification of ${c.targetVersion}`, report });
        run.steps.finish('Verify', result.status ?? 'ok', result.detail ?? '', startMs);
        if (report.passed)
            run.finish('unchanged', true, run.story.unchanged(run));
        else
            run.finish('failed', false, run.story.unhealthy(run, failureLine(report)));
        return { silent: true, halt: 'end' };
    },
};

// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/aws/rds.ts
var aws_rds = __webpack_require__(7561);
;// CONCATENATED MODULE: ./core/deploy/stages/snapshot.ts
/**
 * The database snapshot before a change. It says "started" as soon as CreateDBSnapshot has
 * answered, so a pipeline may let a change that does not touch the data (a rollback without a
 * down migration) go on while RDS copies; the stage itself ends when the snapshot is available.
 */

/** `<prefix>` of the snapshots this run makes: pre-deploy ones by the configured prefix. */
function snapshotPrefix(run) {
    const database = run.ctx.env.database;
    return run.snapshot.purpose === 'pre-deploy'
        ? (database['snapshot-prefix'] ?? `${database.instance}-pre-deploy`)
        : `${database.instance}-${run.snapshot.purpose}`;
}
const snapshot = {
    name: 'Snapshot',
    applies: ({ snapshot: wanted, ctx }) => !wanted.wanted
        ? { skip: 'snapshot: false' }
        : ctx.rds && ctx.env.database
            ? true
            : { skip: 'no database in the configuration' },
    plan: (run) => {
        const database = run.ctx.env.database;
        if (run.snapshot.given)
            return [`RDS wait until snapshot ${run.snapshot.given} of ${database.instance} is available`];
        return [
            `RDS CreateDBSnapshot ${database.instance} \u2192 ${snapshotPrefix(run)}-<time>${run.snapshot.purpose === 'pre-launch' || !run.ctx.run.sha7 ? '' : `-${run.ctx.run.sha7}`}, wait until available`,
        ];
    },
    run: async (run, started) => {
        const { ctx } = run;
        const rds = ctx.rds;
        const given = run.snapshot.given;
        let id;
        if (given) {
            id = given;
            started(`${id} started by an earlier job; waiting for it`);
        }
        else {
            // The launch snapshot is named as the runbook names it: <instance>-pre-launch-YYYYMMDD-HHMM.
            const sha7 = run.snapshot.purpose === 'pre-launch' ? undefined : ctx.run.sha7 || undefined;
            id = await rds.createSnapshot((0,aws_rds/* snapshotId */.iy)(snapshotPrefix(run), new Date(ctx.clock.now()), sha7));
            started(`${id} creating`);
        }
        await rds.waitForSnapshot(id, ctx.timing.snapshotTimeoutMs, ctx.timing.pollIntervalMs);
        run.outcome.snapshotId = id;
        return `${id} available`;
    },
};
/**
 * Only starts the snapshot (deploy's `mode: snapshot`): deploy.yml runs this in a job beside
 * the build, and the deploy job waits for the snapshot by its id instead of taking one.
 */
const snapshotAhead = {
    name: 'Snapshot',
    applies: snapshot.applies,
    plan: (run) => [
        `RDS CreateDBSnapshot ${run.ctx.env.database.instance} \u2192 ${snapshotPrefix(run)}-<time>${run.ctx.run.sha7 ? `-${run.ctx.run.sha7}` : ''}; the deploy waits for it`,
    ],
    run: async (run) => {
        const { ctx } = run;
        const sha7 = run.snapshot.purpose === 'pre-launch' ? undefined : ctx.run.sha7 || undefined;
        const id = await ctx.rds.createSnapshot((0,aws_rds/* snapshotId */.iy)(snapshotPrefix(run), new Date(ctx.clock.now()), sha7));
        run.outcome.snapshotId = id;
        return `${id} creating; the deploy waits for it to be available`;
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/prune-snapshots.ts
/** Deletes this deploy's own older snapshots beyond the configured retention. */



/**
 * Exactly the ids `snapshotId` makes for this prefix: `<prefix>-YYYYMMDD-HHMM`, an optional
 * `-<sha7>` and an optional `-2`\u2026`-9` (a taken id). A person's `<prefix>-before-upgrade` or
 * the rollback's `<instance>-pre-rollback-\u2026` never match, so they are never deleted.
 */
function ownSnapshotPattern(prefix) {
    // The config allows only lowercase letters, digits and hyphens here: nothing to escape.
    const base = prefix.replace(/-+$/, '').toLowerCase();
    return new RegExp(`^${base}-\\d{8}-\\d{4}(?:-[0-9a-f]{7})?(?:-[2-9])?$`);
}
const pruneSnapshots = {
    name: 'Prune snapshots',
    // Only the pre-deploy snapshots rotate; launch and rollback snapshots are kept.
    applies: (run) => run.snapshot.wanted &&
        run.snapshot.purpose === 'pre-deploy' &&
        run.ctx.env.database !== undefined,
    plan: (run) => [
        `RDS DeleteDBSnapshot for pre-deploy snapshots beyond the newest ${run.ctx.env.database['snapshot-retention']}`,
    ],
    // The snapshot exists: a failed clean-up must not stop the deploy.
    failure: 'warn',
    run: async (run) => {
        const { ctx } = run;
        const rds = ctx.rds;
        const justMade = run.outcome.snapshotId;
        if (!rds || !justMade)
            return { silent: true };
        const keep = ctx.env.database['snapshot-retention'];
        const snapshots = (await rds.manualSnapshots(ownSnapshotPattern(snapshotPrefix(run)))).filter((s) => s.Status === 'available' || s.DBSnapshotIdentifier === justMade);
        const doomed = snapshots
            .slice(keep)
            .map((s) => s.DBSnapshotIdentifier)
            .filter((id) => id !== justMade);
        const deleted = [];
        const failed = [];
        for (const id of doomed) {
            try {
                await rds.deleteSnapshot(id);
                deleted.push(id);
                ctx.logger.info(`  deleted old snapshot ${id}`);
            }
            catch (error) {
                const name = (0,call/* awsErrorName */.ZH)(error);
                failed.push(`${id} (${name && name !== 'Error' ? `${name}: ` : ''}${(0,errors/* errorMessage */.gJ)(error)})`);
            }
        }
        if (failed.length > 0)
            throw new Error(`could not delete ${failed.join('; ')}${deleted.length ? `; deleted ${deleted.join(', ')}` : ''}; they stay until a later deploy or a person deletes them`);
        return deleted.length
            ? `deleted ${deleted.length} older (keeping ${keep}): ${deleted.join(', ')}`
            : `nothing beyond the newest ${keep}`;
    },
};

// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
// EXTERNAL MODULE: ./core/deploy/context.ts + 1 modules
var context = __webpack_require__(4831);
;// CONCATENATED MODULE: ./core/deploy/rollback-target.ts
/** What a rollback's `to` names: the last good version, a tag, a digest, or a GitHub deployment. */



/** Parses `to`. Digits alone name a GitHub deployment; `tag:<digits>` names such a tag. */
function parseRollbackTarget(text, ctx) {
    if (text === 'previous')
        return { kind: 'previous' };
    if (/^\d+$/.test(text))
        return { kind: 'deployment', id: text };
    const explicitTag = /^tag:(.+)$/.exec(text);
    const ref = (0,image_ref/* parseImageRef */.Q)(explicitTag ? explicitTag[1] : text, 'to', (0,context/* ecrLocation */.Y)(ctx.env));
    return ref.kind === 'tag'
        ? { kind: 'tag', tag: ref.tag }
        : { kind: 'digest', digest: ref.digest };
}
class NoRollbackTarget extends errors/* DomainFailure */.dY {
    name = 'NoRollbackTarget';
}

;// CONCATENATED MODULE: ./core/deploy/stages/rollback-preflight.ts
/**
 * Checks what a rollback can check without changing anything, and chooses the version to go
 * back to: the last good one (from GitHub deployments or the audit log), a tag, a digest or a
 * GitHub deployment. A target that cannot be found names the candidates ECR holds.
 */





async function candidatesLine(ctx, exclude) {
    const images = (await ctx.ecr.recentTagged(10)).filter((i) => i.digest !== exclude);
    if (images.length === 0)
        return `ECR repository ${ctx.ecr.location.repository} holds no other tagged image`;
    return `candidates in ECR, newest first: ${images.map((i) => `${i.tags.join('/')} (${i.digest.slice(0, 19)}${i.pushedAt ? `, pushed ${i.pushedAt.toISOString().slice(0, 16).replace('T', ' ')}` : ''})`).join('; ')}`;
}
async function resolveTarget(ctx, to, running) {
    const history = await (0,deploy_history/* readHistory */.Lu)(ctx);
    if (to.kind === 'previous') {
        // The digest in the running identifier counts even when its image has left ECR.
        const chosen = (0,deploy_history/* choosePrevious */.vx)(history.entries, running.digest ?? running.image?.digest);
        if (!chosen) {
            throw new NoRollbackTarget(`no earlier good version of ${ctx.environment} in ${history.source === 'no history' ? 'GitHub deployments or the audit log (give github-token or audit-database-url)' : history.source}; name one with to: <tag> or to: <sha256:digest> \u2014 ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`);
        }
        const target = await ctx.ecr.find({ kind: 'digest', digest: chosen.digest });
        if (!target) {
            throw new NoRollbackTarget(`the last good version ${chosen.tag ?? chosen.digest} (${chosen.source} ${chosen.id}) is no longer in ECR; name another with to: <tag> \u2014 ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`);
        }
        return {
            target,
            targetVersion: chosen.tag ?? (0,deploy_images/* versionOf */.E4)(target),
            history,
            why: chosen.adoptedFrom
                ? `the version that ran before the first deploy through apprunner-ops (recorded by ${chosen.source === 'github' ? 'deployment' : 'audit row'} ${chosen.id} from ${history.source})`
                : `last good version before ${running.version} (from ${history.source}, ${chosen.source === 'github' ? 'deployment' : 'audit row'} ${chosen.id})`,
            commit: chosen.sha,
        };
    }
    if (to.kind === 'deployment') {
        const entry = history.entries.find((e) => e.source === 'github' && e.id === to.id);
        if (!entry)
            throw new errors/* InputError */.dz('to', `GitHub deployment ${to.id} of ${ctx.environment} made by apprunner-ops was not found${ctx.github ? '' : ' (no github-token given)'}`);
        const target = await ctx.ecr.resolve({ kind: 'digest', digest: entry.digest });
        return {
            target,
            targetVersion: entry.tag ?? (0,deploy_images/* versionOf */.E4)(target),
            history,
            why: `GitHub deployment ${to.id}`,
            commit: entry.sha,
        };
    }
    const ref = to.kind === 'tag'
        ? { kind: 'tag', tag: to.tag }
        : { kind: 'digest', digest: to.digest };
    const target = await ctx.ecr.find(ref);
    if (!target) {
        throw new NoRollbackTarget(`${to.kind === 'tag' ? `tag ${to.tag}` : `digest ${to.digest}`} is not in ECR repository ${ctx.ecr.location.repository}; ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`);
    }
    const bad = (0,deploy_history/* badDigests */.TT)(history.entries).has(target.digest);
    return {
        target,
        targetVersion: to.kind === 'tag' ? to.tag : (0,deploy_images/* versionOf */.E4)(target),
        history,
        why: `named by to${bad ? ' (a version rolled back away from before: chosen by name only)' : ''}`,
        commit: history.entries.find((e) => e.digest === target.digest && e.sha)?.sha,
    };
}
const rollbackPreflight = {
    name: 'Preflight',
    // Nothing has changed yet: the error is the run's error, as it is.
    failure: 'throw',
    run: async (run) => {
        await checkAccess(run);
        const { state, running } = await readService(run);
        const resolved = await resolveTarget(run.ctx, run.to, running);
        run.commit = resolved.commit;
        choose(run, state, {
            running,
            target: resolved.target,
            targetVersion: resolved.targetVersion,
            back: undefined,
        });
        return `${running.version} runs; rolling back to ${resolved.targetVersion}: ${resolved.why}`;
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/snapshot-preflight.ts

const snapshotPreflight = {
    name: 'Preflight',
    failure: 'throw',
    run: async (run) => {
        const { ctx } = run;
        await checkAccess(run);
        return ctx.env.database
            ? `${ctx.env.database.instance} can be snapshotted`
            : `environments.${ctx.environment} has no database: nothing to snapshot`;
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/restart-preflight.ts

const restartPreflight = {
    name: 'Preflight',
    failure: 'throw',
    run: async (run) => {
        await checkAccess(run);
        const { state, running } = await readService(run);
        keepRunning(run, state, running);
        return `${running.version} runs; restarting it (${state.status})`;
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/retire-old.ts
const retireOld = {
    name: 'Retire old',
    applies: (run) => run.ctx.target.retire !== undefined,
    quiet: (run) => !run.switched || run.verificationFailed !== undefined || run.rolledBack,
    plan: () => ['After the bake: keep the previous version for keep-old, then delete it'],
    run: async (run) => {
        const retire = run.ctx.target.retire;
        if (!retire || !run.switched || run.verificationFailed !== undefined || run.rolledBack)
            return { silent: true };
        return { detail: await retire.call(run.ctx.target) };
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/switch-image.ts



/**
 * Follows a started deployment of the chosen image (the switch or the restart) and records it
 * on the run; a failure settles the outcome and stops the pipeline.
 */
async function followDeployment(run, started) {
    const { ctx } = run;
    const c = chosenOf(run);
    run.outcome.operationId = started.id;
    const result = await ctx.target.follow({ ...started, names: { image: c.targetVersion, previous: c.running.version } }, 
    // Verification starts when the platform's deployment ends: see it end soon.
    { timeoutMs: ctx.timing.operationTimeoutMs, intervalMs: verifyIntervalMs(ctx) });
    // A stepped switch (weights judged one by one) names each step with its figures.
    const steps = result.steps?.length ? `; ${result.steps.join('; ')}` : '';
    const detail = `operation ${started.id}: ${result.status}${steps}`;
    run.switched = result.ok;
    if (result.ok)
        return { detail };
    run.finish('failed', false, run.story.refused(run, result));
    return { status: 'failed', detail, halt: 'stop' };
}
const switchImage = {
    name: 'Update service',
    plan: (run) => {
        const c = chosenOf(run);
        return [
            ...(run.variablesWanted && run.envChanges
                ? [`Environment variables in the same update: ${(0,env_changes/* describeEnvChanges */.Mp)(run.envChanges)}`]
                : []),
            run.ctx.target.describeSwitch(c.running.identifier, c.target.uri),
        ];
    },
    run: async (run) => {
        const { ctx } = run;
        const c = chosenOf(run);
        const started = await ctx.target.switchImage(c.target.uri, {
            wait: { timeoutMs: ctx.timing.operationTimeoutMs, intervalMs: ctx.timing.pollIntervalMs },
            ...(run.variablesWanted ? { environment: run.variablesWanted } : {}),
        });
        ctx.logger.info(`  update started ${started.id} \u2192 ${c.target.uri}`);
        return followDeployment(run, started);
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/restart-service.ts
/** A new deployment of what runs, with no image change, followed to its end. */


const restartService = {
    name: 'Restart service',
    plan: (run) => [run.ctx.target.describeRestart()],
    run: async (run) => {
        const { ctx } = run;
        const c = chosenOf(run);
        const started = await ctx.target.restart({
            timeoutMs: ctx.timing.operationTimeoutMs,
            intervalMs: ctx.timing.pollIntervalMs,
        });
        ctx.logger.info(`  restart started ${started.id} (${c.running.version})`);
        return followDeployment(run, started);
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/scale-service.ts
/**
 * deploy's `mode: scale`: how many instances serve, within the target's bounds. Preflight
 * reads the bounds and refuses a capacity outside them before anything changes; the change
 * then waits until every instance is healthy behind the load balancer (the target's `scale`).
 */



const scalePreflight = {
    name: 'Preflight',
    failure: 'throw',
    run: async (run) => {
        const { ctx } = run;
        const target = ctx.target;
        if (!target.scale || !target.capacity)
            throw new errors/* InputError */.dz('mode', `scale sets how many instances serve; environments.${ctx.environment} runs on ${target.kind}, whose capacity is not set here: use the platform's own scaling settings`);
        await checkAccess(run);
        if (run.bakeMs > 0)
            await assertTrafficReadable(ctx);
        const { state, running } = await readService(run);
        keepRunning(run, state, running);
        const now = await target.capacity();
        if (run.capacity < now.min || run.capacity > now.max)
            throw new errors/* InputError */.dz('capacity', `${run.capacity} is outside ${now.name}'s min/max (${now.min}\u2013${now.max}); give a capacity within it, or change its min/max first`);
        run.from = { name: now.name, desired: now.desired };
        return `${now.name} runs ${running.version} on ${now.desired} instances (min ${now.min}, max ${now.max}); scaling to ${run.capacity}`;
    },
};
const scaleService = {
    name: 'Scale',
    plan: (run) => [
        `Set the serving instances to ${run.capacity} (desired capacity), then wait until every one is healthy behind the load balancer`,
    ],
    run: async (run) => {
        const { ctx } = run;
        const line = await ctx.target.scale(run.capacity, {
            timeoutMs: ctx.timing.operationTimeoutMs,
            intervalMs: ctx.timing.pollIntervalMs,
        });
        run.switched = true;
        // Said, so that a scale without a watch is not read as a watched one.
        return {
            detail: run.bakeMs > 0 ? line : `${line}; response time not watched (bake: 0s)`,
        };
    },
};

;// CONCATENATED MODULE: ./core/deploy/stages/stage.ts
/** Needs: each named stage finished. */
const after = (...stages) => stages.map((stage) => ({ stage, until: 'finished' }));
/** Needs: the named stage has started its effect (it may still be running). */
const startedOf = (stage) => ({ stage, until: 'started' });

;// CONCATENATED MODULE: ./core/deploy/pipelines.ts




















const DEPLOY_PIPELINE = [
    { ...expiredMaintenance, needs: [] },
    { ...deployPreflight, needs: after('Expired maintenance') },
    { ...nothingToChange, needs: after('Preflight') },
    { ...githubDeployment, needs: after('Nothing to change') },
    { ...snapshot, needs: after('GitHub deployment') },
    { ...pruneSnapshots, needs: after('Snapshot') },
    { ...maintenanceWindow, needs: after('Snapshot') },
    { ...switchImage, needs: after('Maintenance window') },
    { ...verify, needs: after('Update service') },
    { ...bakePeriod, needs: after('Verify') },
    { ...rollBack, needs: after('Bake') },
    { ...verifyRollback, needs: after('Roll back') },
    { ...retireOld, needs: after('Verify rollback') },
    { ...deploymentStatus, needs: after('Retire old', 'Prune snapshots') },
    { ...records_slack, needs: after('Deployment status') },
    { ...auditLog, needs: after('Slack') },
];
const ROLLBACK_PIPELINE = [
    { ...expiredMaintenance, needs: [] },
    { ...rollbackPreflight, needs: after('Expired maintenance') },
    { ...nothingToChange, needs: after('Preflight') },
    { ...githubDeployment, needs: after('Nothing to change') },
    {
        ...snapshot,
        needs: after('GitHub deployment'),
        // Without a down migration a failed forensics snapshot never stops the rollback (red).
        failure: (run) => (run.migration.command ? 'stop' : 'red'),
    },
    { ...maintenanceWindow, needs: [startedOf('Snapshot')] },
    { ...downMigration, needs: after('Maintenance window', 'Snapshot') },
    {
        ...switchImage,
        needs: (run) => run.migration.command
            ? after('Down migration')
            : [...after('Maintenance window'), startedOf('Snapshot')],
    },
    { ...verify, needs: after('Update service') },
    { ...retireOld, needs: after('Verify') },
    { ...deploymentStatus, needs: after('Retire old', 'Snapshot') },
    { ...records_slack, needs: after('Deployment status') },
    { ...auditLog, needs: after('Slack') },
];
/** deploy's `mode: snapshot`: the pre-deploy snapshot started beside the build (deploy.yml). */
const SNAPSHOT_AHEAD_PIPELINE = [
    { ...snapshotPreflight, needs: [] },
    { ...nothingToChange, needs: after('Preflight') },
    { ...snapshotAhead, needs: after('Nothing to change') },
];
/**
 * deploy's `mode: restart` (restart.yml, and the runbook's service restart procedure): a new
 * deployment of what runs, no image change, no snapshot (the data is not touched), verified.
 */
const RESTART_PIPELINE = [
    { ...expiredMaintenance, needs: [] },
    { ...restartPreflight, needs: after('Expired maintenance') },
    { ...nothingToChange, needs: after('Preflight') },
    { ...githubDeployment, needs: after('Nothing to change') },
    { ...maintenanceWindow, needs: after('GitHub deployment') },
    { ...restartService, needs: after('Maintenance window') },
    { ...verify, needs: after('Restart service') },
    { ...deploymentStatus, needs: after('Verify') },
    { ...records_slack, needs: after('Deployment status') },
    { ...auditLog, needs: after('Slack') },
];
/**
 * deploy's `mode: scale`: the serving instances' desired capacity within their min/max, every
 * target healthy, verified through the load balancer, its response time watched for `bake`.
 */
const SCALE_PIPELINE = [
    { ...scalePreflight, needs: [] },
    { ...nothingToChange, needs: after('Preflight') },
    { ...scaleService, needs: after('Nothing to change') },
    { ...verify, needs: after('Scale') },
    { ...bakePeriod, needs: after('Verify') },
    { ...records_slack, needs: after('Bake') },
    { ...auditLog, needs: after('Slack') },
];

;// CONCATENATED MODULE: ./core/deploy/deploy.ts


/** What a deploy's snapshot is for, which names it (the go-live deploy takes the pre-launch one). */
const DEPLOY_SNAPSHOT_PURPOSES = ['pre-deploy', 'pre-launch'];
/**
 * deploy: the whole pipeline; snapshot: only start the pre-deploy snapshot (deploy.yml's job
 * beside the build); restart: a new deployment of what runs, no image change (restart.yml);
 * scale: the serving instances' desired capacity, then verified and watched (scale.ts).
 */
const DEPLOY_MODES = ['deploy', 'snapshot', 'restart', 'scale'];
function deployStory(request) {
    return {
        deployment: (run) => deploymentOf(run, 'deploy', `Deploying ${chosenOf(run).targetVersion}`),
        deploymentPlan: (run) => `GitHub: create deployment of ${chosenOf(run).targetVersion} to ${run.ctx.environment}, status in_progress`,
        refused: (_run, result) => result.message,
        verified: (run, failure, by) => {
            const c = chosenOf(run);
            run.verificationFailed = failure;
            if (failure === undefined) {
                // A bake still to come decides.
                if (by === 'verify' && request.bakeMs)
                    return;
                run.finish('deployed', true, `Deployed ${c.targetVersion} to ${run.ctx.environment} (was ${c.running.version})`);
            }
            else if (!request.autoRollback) {
                run.finish('failed', false, `${c.targetVersion} is live but fails verification (${failure}); auto-rollback is off, so it stays`);
            }
            // Otherwise the Roll back stage settles it.
        },
        planned: (run) => `Dry run: would deploy ${chosenOf(run).targetVersion} over ${chosenOf(run).running.version}; nothing was changed`,
        unchanged: (run) => `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} and passes its checks; nothing deployed`,
        unhealthy: (run, why) => `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} but fails its checks: ${why}`,
        stopped: (run, why) => `Deploy of ${chosenOf(run).targetVersion} stopped: ${why}`,
        slack: (run) => slackOf(run, '\u2705', {
            Version: `${chosenOf(run).running.version} \u2192 ${chosenOf(run).targetVersion}`,
        }),
        audit: (run) => ({
            action: run.outcome.result === 'deployed'
                ? 'deploy_succeeded'
                : run.outcome.result === 'rolled-back'
                    ? 'deploy_rolled_back'
                    : 'deploy_failed',
            details: {
                result: run.outcome.result,
                image: chosenOf(run).target.uri,
                tag: chosenOf(run).targetVersion,
                previous_image: run.outcome.previousImage,
                operation_id: run.outcome.operationId,
                rollback_operation_id: run.outcome.rollbackOperationId,
                snapshot_id: run.outcome.snapshotId,
                headline: run.outcome.headline,
            },
        }),
    };
}
async function deploy(ctx, request, pipeline = DEPLOY_PIPELINE) {
    const run = Object.assign(startRun('deploy', ctx, pipeline, deployStory(request), {
        dryRun: request.dryRun,
        snapshot: {
            wanted: request.snapshot,
            purpose: request.snapshotPurpose ?? 'pre-deploy',
            given: request.snapshotId,
        },
    }), {
        image: request.image,
        envChanges: request.env,
        bakeMs: request.bakeMs ?? 0,
        autoRollback: request.autoRollback,
    });
    return runToEnd(pipeline, run);
}

;// CONCATENATED MODULE: ./core/action/missing-secrets.ts
/** Warns once per secret the configuration needs but did not arrive; returns the inputs. */
function warnMissingSecrets(uses, logger) {
    const missing = uses.filter((u) => u.enabledBy !== undefined && !u.given);
    for (const use of missing)
        logger.warning(`${use.input} is empty but ${use.enabledBy} is configured: ${use.feature} is skipped. Pass the secret to the workflow (secrets: inherit, or name it under secrets:) or set it on the environment.`, { title: `${use.input} is empty` });
    return missing.map((u) => u.input);
}

// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
// EXTERNAL MODULE: ./core/database/access.ts
var database_access = __webpack_require__(920);
;// CONCATENATED MODULE: ./core/deploy/prepare.ts






/**
 * Loads the configuration and builds the context. Everything here is checked before the
 * first AWS call, so a bad input or config changes nothing.
 */
async function prepareOps(inputs, deps) {
    const config = await (0,load/* loadConfig */.Z9)(inputs.config);
    const env = (0,load/* selectEnvironment */.aP)(config, inputs.environment, inputs.config);
    const at = `environments.${inputs.environment}`;
    warnMissingSecrets([
        {
            input: 'slack-webhook-url',
            enabledBy: env.notify?.slack ? `${at}.notify.slack` : undefined,
            feature: 'the Slack message',
            given: inputs.slackWebhookUrl !== undefined,
        },
        {
            input: 'betterstack-token',
            enabledBy: env.maintenance ? `${at}.maintenance` : undefined,
            feature: 'pausing the BetterStack monitors',
            given: inputs.betterstackToken !== undefined,
        },
    ], deps.logger);
    // Before the first AWS call that changes anything: the database answers along its route.
    const access = await (0,database_access/* openDatabaseAccess */.Q)(env, { environment: inputs.environment, configFile: inputs.config }, {
        clock: deps.clock,
        logger: deps.logger,
        saveState: (name, value) => deps.state.save(name, value),
        ...(deps.clients ? { clients: deps.clients } : {}),
    });
    await (0,database_access/* preflightDatabases */.O)(access, [
        { url: inputs.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
        {
            url: inputs.downMigrationCommand ? process.env['DATABASE_URL'] : undefined,
            what: 'the database of the down migration (DATABASE_URL)',
        },
    ], deps.logger);
    if (inputs.betterstackToken && !env.maintenance) {
        deps.logger.warning(`betterstack-token is set but environments.${inputs.environment}.maintenance is not configured: no maintenance window will be opened`);
    }
    return (0,context/* createOpsContext */.a)({
        environment: inputs.environment,
        configPath: inputs.config,
        env,
        run: deps.run,
        githubToken: inputs.githubToken,
        slackWebhookUrl: inputs.slackWebhookUrl,
        betterstackToken: inputs.betterstackToken,
        flyApiToken: inputs.flyApiToken,
        auditDatabaseUrl: inputs.auditDatabaseUrl,
        timing: {
            operationTimeoutMs: inputs.timeoutMs,
            pollIntervalMs: inputs.pollIntervalMs,
            verifyTimeoutMs: inputs.verifyTimeoutMs,
            verifyFailureLimit: inputs.verifyFailureLimit,
            awsRequestTimeoutMs: inputs.awsRequestTimeoutMs,
        },
        clock: deps.clock,
        logger: deps.logger,
        state: deps.state,
        ...(deps.clients ? { clients: deps.clients } : {}),
    });
}
/** The image to deploy: the input, or the commit's short SHA as a tag. */
function deployImageRef(ctx, image) {
    const text = image ?? ctx.run.sha7;
    if (!text)
        throw new errors/* InputError */.dz('image', 'is required when the commit SHA is unknown (GITHUB_SHA is not set)');
    return (0,image_ref/* parseImageRef */.Q)(text, 'image', (0,context/* ecrLocation */.Y)(ctx.env));
}

;// CONCATENATED MODULE: ./core/deploy/rollback.ts
/** A rollback to a chosen earlier version: the rollback pipeline (pipelines.ts) and its words. */



/** The break-glass line of the records, or undefined when the environment's reviewers approved. */
function breakGlass(run, request) {
    if (request.approval)
        return `${run.ctx.run.actor}, without a second approval: ${request.approval}`;
    if (run.ctx.run.job === 'terminal')
        return `${run.ctx.run.actor}, without a second approval: run from a terminal with their own AWS role`;
    return undefined;
}
function rollbackStory(request) {
    const versions = (run) => `${chosenOf(run).running.version} \u2192 ${chosenOf(run).targetVersion}`;
    return {
        deployment: (run) => {
            const commit = run.commit;
            return {
                ...deploymentOf(run, 'rollback', `Rollback to ${chosenOf(run).targetVersion}: ${request.reason}`, request.reason),
                ...(commit ? { ref: commit } : {}),
            };
        },
        deploymentPlan: (run) => `GitHub: create a rollback deployment of ${chosenOf(run).targetVersion} to ${run.ctx.environment}, status in_progress; ${chosenOf(run).running.version} recorded as rolled back away from`,
        refused: (_run, result) => `${result.message}: production is unhealthy and nothing more was done automatically`,
        verified: (run, failure) => {
            const c = chosenOf(run);
            run.verificationFailed = failure;
            if (failure === undefined)
                run.finish('rolled-back', true, `Rolled ${run.ctx.environment} back from ${c.running.version} to ${c.targetVersion}, which passes its checks`);
            else
                run.finish('failed', false, `Rolled back to ${c.targetVersion}, but it fails verification (${failure}): production is unhealthy and nothing more was done automatically`);
        },
        planned: (run) => `Dry run: would roll ${run.ctx.environment} back from ${chosenOf(run).running.version} to ${chosenOf(run).targetVersion}; nothing was changed`,
        unchanged: (run) => `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} and passes its checks; nothing rolled back`,
        unhealthy: (run, why) => `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} but fails its checks (${why}): production is unhealthy and nothing more was done automatically`,
        stopped: (run, why) => `Rollback to ${chosenOf(run).targetVersion} stopped: ${why}`,
        slack: (run) => slackOf(run, '\u23ea', {
            Version: versions(run),
            Reason: request.reason,
            ...(breakGlass(run, request) ? { 'Break-glass': breakGlass(run, request) } : {}),
        }),
        audit: (run) => ({
            action: run.outcome.ok ? 'rollback_succeeded' : 'rollback_failed',
            details: {
                result: run.outcome.result,
                reason: request.reason,
                ...(breakGlass(run, request) ? { break_glass: breakGlass(run, request) } : {}),
                image: chosenOf(run).target.uri,
                tag: chosenOf(run).targetVersion,
                previous_image: run.outcome.previousImage,
                switched: run.switched,
                operation_id: run.outcome.operationId,
                snapshot_id: run.outcome.snapshotId,
                headline: run.outcome.headline,
            },
        }),
    };
}
async function rollback(ctx, request, pipeline = ROLLBACK_PIPELINE) {
    const run = Object.assign(startRun('rollback', ctx, pipeline, rollbackStory(request), {
        dryRun: request.dryRun,
        snapshot: { wanted: request.snapshot, purpose: 'pre-rollback', given: undefined },
    }), {
        to: request.to,
        commit: undefined,
        migration: {
            command: request.downMigrationCommand,
            timeoutMs: request.downMigrationTimeoutMs,
        },
    });
    return runToEnd(pipeline, run);
}

// EXTERNAL MODULE: ./core/action/summary.ts
var action_summary = __webpack_require__(4607);
// EXTERNAL MODULE: ./core/health/report.ts
var health_report = __webpack_require__(2973);
;// CONCATENATED MODULE: ./core/deploy/summary.ts



const MARK = { ok: '\u2705', failed: '\u274c', skipped: '\u2796', warning: '\u26a0\ufe0f' };
/** The job summary of a deploy or rollback: the story of the run in one page. */
function renderOutcome(outcome, reason) {
    const summary = new action_summary/* Summary */.BD();
    const verb = {
        deploy: 'Deploy',
        rollback: 'Rollback',
        snapshot: 'Snapshot ahead of a deploy',
        restart: 'Restart',
        scale: 'Scale',
    }[outcome.kind];
    summary.heading(`${outcome.ok ? '\u2705' : '\u274c'} ${verb} to ${outcome.environment}: ${outcome.result}`, 2);
    summary.paragraph(outcome.headline);
    if (reason)
        summary.paragraph(`**Reason:** ${reason}`);
    summary.table(['', ''], [
        [
            'Image before',
            outcome.previousImage ? `\`${outcome.versionBefore}\` ${outcome.previousImage}` : '\u2014',
        ],
        ['Image after', outcome.image ? `\`${outcome.versionAfter}\` ${outcome.image}` : '\u2014'],
        ['Snapshot', outcome.snapshotId ?? '\u2014'],
        ['Operation', outcome.operationId ?? '\u2014'],
        ...(outcome.rollbackOperationId
            ? [['Rollback operation', outcome.rollbackOperationId]]
            : []),
        ['Service URL', outcome.serviceUrl ?? '\u2014'],
        ['Duration', (0,duration/* formatDuration */.a3)(outcome.finishedAt - outcome.startedAt)],
    ]);
    if (outcome.plan.length > 0) {
        summary.heading('Plan (dry run: nothing was changed)', 3);
        summary.list(outcome.plan);
    }
    summary.heading('Steps', 3);
    summary.table(['Step', 'Result', 'Duration', 'Detail'], outcome.steps.map((s) => [
        s.name,
        `${MARK[s.status]} ${s.status}`,
        (0,duration/* formatDuration */.a3)(s.endMs - s.startMs),
        s.detail,
    ]));
    for (const { title, report } of outcome.reports)
        (0,health_report/* addChecksToSummary */.Yx)(summary, report, title);
    if (outcome.steps.length > 0) {
        summary.heading('Timeline', 3);
        summary.mermaid((0,action_summary/* mermaidTimeline */.aX)(`${verb} ${outcome.versionAfter ?? ''}`.trim(), outcome.steps.map((s) => ({
            name: s.name,
            startMs: s.startMs,
            endMs: s.endMs,
            status: s.status === 'failed' ? 'failed' : s.status === 'skipped' ? 'skipped' : 'ok',
        }))));
    }
    return summary;
}

// EXTERNAL MODULE: ./core/util/clock.ts
var clock = __webpack_require__(8791);
;// CONCATENATED MODULE: ./core/action/ops-inputs.ts
/** The inputs deploy and rollback share, read and validated the same way for both. */
function readOpsInputs(inputs) {
    return {
        config: inputs.required('config'),
        environment: inputs.required('environment'),
        timeoutMs: inputs.duration('timeout', { min: 60_000, max: 6 * 3_600_000 }),
        pollIntervalMs: inputs.duration('poll-interval', { min: 50, max: 300_000 }),
        verifyTimeoutMs: inputs.duration('verify-timeout', { min: 1_000, max: 3_600_000 }),
        verifyFailureLimit: inputs.integer('verify-failure-limit', { min: 1, max: 100 }),
        awsRequestTimeoutMs: inputs.duration('aws-request-timeout', { min: 500, max: 300_000 }),
        githubToken: inputs.secret('github-token'),
        slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
        betterstackToken: inputs.secret('betterstack-token'),
        flyApiToken: inputs.secret('fly-api-token'),
        auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
    };
}

;// CONCATENATED MODULE: ./actions/deploy/src/inputs.ts




/** A restart runs what runs: the inputs that choose or change an image are refused with it. */
function checkRestart(inputs, mode) {
    const reason = inputs.optional('reason');
    if (mode !== 'restart' && mode !== 'scale')
        return reason;
    for (const name of ['image', 'env-set', 'env-unset', 'snapshot-id'])
        if (inputs.optional(name) !== undefined)
            throw new errors/* InputError */.dz(name, mode === 'restart'
                ? 'is not used by mode: restart, which restarts the image and configuration that run now; remove it'
                : 'is not used by mode: scale, which changes how many instances run what runs now; remove it');
    if (mode === 'scale')
        return reason;
    if (!reason)
        throw new errors/* InputError */.dz('reason', 'is required with mode: restart (why the service is restarted)');
    return reason;
}
/** mode: scale needs a capacity (a whole number of instances); no other mode takes one. */
function capacityInput(inputs, mode) {
    const text = inputs.optional('capacity');
    if (mode !== 'scale') {
        if (text !== undefined)
            throw new errors/* InputError */.dz('capacity', `is only used by mode: scale (mode is ${mode}); remove it`);
        return undefined;
    }
    if (text === undefined)
        throw new errors/* InputError */.dz('capacity', 'is required with mode: scale (the number of instances, within the group\u2019s min/max)');
    if (!/^\d{1,5}$/.test(text))
        throw new errors/* InputError */.dz('capacity', `"${text}" is not a whole number of instances, e.g. 4`);
    return Number(text);
}
/**
 * The action's modes: the deploy's own, and `runners` (the reusable workflows' first job reads
 * which runner each environment's database jobs run on; core/database/runners.ts).
 */
const ACTION_MODES = [...DEPLOY_MODES, 'runners'];
/** RDS snapshot identifiers: a letter, then letters, digits and single hyphens. */
const SNAPSHOT_ID = /^[a-zA-Z](?:-?[a-zA-Z0-9])*$/;
function snapshotIdInput(inputs) {
    const id = inputs.optional('snapshot-id');
    if (id === undefined)
        return undefined;
    if (!SNAPSHOT_ID.test(id) || id.length > 255)
        throw new errors/* InputError */.dz('snapshot-id', `"${id}" is not an RDS snapshot identifier (a letter, then letters, digits and single hyphens)`);
    if (!inputs.boolean('snapshot'))
        throw new errors/* InputError */.dz('snapshot-id', 'is given while snapshot is false: give one or the other (the snapshot-id stands for the pre-deploy snapshot)');
    if (inputs.enumOf('mode', DEPLOY_MODES) === 'snapshot')
        throw new errors/* InputError */.dz('snapshot-id', 'is for the deploy that waits for a snapshot; mode: snapshot starts one and has none yet');
    return id;
}
/** Reads and validates every input once, before anything is called. */
function readDeployInputs(inputs) {
    return Object.freeze({
        ...readOpsInputs(inputs),
        image: inputs.optional('image'),
        snapshot: inputs.boolean('snapshot'),
        autoRollback: inputs.boolean('auto-rollback'),
        dryRun: inputs.boolean('dry-run'),
        bakeMs: inputs.duration('bake', { min: 0, max: 6 * 3_600_000 }),
        snapshotPurpose: inputs.enumOf('snapshot-purpose', DEPLOY_SNAPSHOT_PURPOSES),
        env: (0,env_changes/* parseEnvChanges */.kJ)(inputs.optional('env-set'), inputs.optional('env-unset')),
        mode: inputs.enumOf('mode', DEPLOY_MODES),
        snapshotId: snapshotIdInput(inputs),
        reason: checkRestart(inputs, inputs.enumOf('mode', DEPLOY_MODES)),
        capacity: capacityInput(inputs, inputs.enumOf('mode', DEPLOY_MODES)),
    });
}

;// CONCATENATED MODULE: ./actions/rollback/src/inputs.ts


/** Reads and validates every input once, before anything is called. */
function readRollbackInputs(inputs) {
    const common = readOpsInputs(inputs);
    const reason = inputs.required('reason');
    if (reason.length < 5 || reason.length > 500) {
        throw new errors/* InputError */.dz('reason', `say in 5 to 500 characters why production is rolled back (got ${reason.length})`);
    }
    return Object.freeze({
        ...common,
        to: inputs.required('to'),
        reason,
        snapshot: inputs.boolean('snapshot'),
        downMigrationCommand: inputs.optional('down-migration-command'),
        downMigrationTimeoutMs: inputs.duration('down-migration-timeout', {
            min: 1_000,
            max: 6 * 3_600_000,
        }),
        dryRun: inputs.boolean('dry-run'),
        approval: inputs.optional('approval'),
    });
}

// EXTERNAL MODULE: ./cli/action-inputs.ts + 1 modules
var action_inputs = __webpack_require__(2371);
// EXTERNAL MODULE: ./cli/io.ts + 1 modules
var cli_io = __webpack_require__(7608);
// EXTERNAL MODULE: ./cli/render.ts
var render = __webpack_require__(1391);
// EXTERNAL MODULE: ./cli/run-info.ts
var run_info = __webpack_require__(4587);
// EXTERNAL MODULE: ./cli/terminal-logger.ts
var terminal_logger = __webpack_require__(9052);
// EXTERNAL MODULE: ./cli/commands/shared.ts
var shared = __webpack_require__(7069);
;// CONCATENATED MODULE: ./cli/commands/ops.ts















function given(args, io, environment) {
    const bool = (name) => args.flags.has(name) ? String(args.flags.get(name)) : undefined;
    return {
        config: (0,shared/* configPath */.eQ)(args, io),
        environment,
        'dry-run': bool('dry-run'),
        snapshot: bool('snapshot'),
        timeout: (0,shared/* stringFlag */.AM)(args, 'timeout'),
        'poll-interval': (0,shared/* stringFlag */.AM)(args, 'poll-interval'),
        'verify-timeout': (0,shared/* stringFlag */.AM)(args, 'verify-timeout'),
        ...(0,action_inputs/* secretsFromEnvironment */.$S)(io.env),
    };
}
/**
 * Runs deploy or rollback exactly as the action does (same input reading, same core
 * function), with the terminal's logger and renderer. Ctrl-C closes what the run opened
 * (monitors, the GitHub deployment), as the action's post step would.
 */
async function runOps(io, args, kind, body) {
    const json = (0,shared/* boolFlag */.lB)(args, 'json');
    const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
    const logger = (0,terminal_logger/* terminalLogger */.j)(io.stderr, { color });
    const state = new Map();
    const run = io.env['GITHUB_ACTIONS'] === 'true'
        ? (0,github_context/* readRunInfo */.m)(io.env)
        : (0,run_info/* terminalRunInfo */.U)(io.env, io.cwd, io.now());
    for (const line of (0,shared/* missingRecords */.lV)(io, kind, run.sha !== ''))
        logger.warning(line);
    const onInterrupt = () => {
        logger.stop();
        logger.warning(`interrupted: closing what this ${kind} opened`);
        void cleanUpAfterRun({
            monitors: state.get('maintenance-monitors') ?? '',
            pauseId: state.get('maintenance-pause-id') ?? '',
            deploymentId: state.get('deployment-id') ?? '',
        }, { betterstack: io.env['BETTERSTACK_TOKEN'], github: io.env['GITHUB_TOKEN'] }, { run, clock: clock/* systemClock */.m, logger }).finally(() => process.exit(cli_io/* EXIT */.d.interrupted));
    };
    process.once('SIGINT', onInterrupt);
    try {
        const outcome = await body({ run, clock: clock/* systemClock */.m, logger, state: { save: (k, v) => void state.set(k, v) } }, logger);
        logger.stop();
        if (json)
            io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
        else
            io.stdout.write((0,render/* renderSummaryFor */.s)(renderOutcome(outcome).toMarkdown(), io));
        io.stderr.write(`${outcome.ok ? '' : 'FAILED: '}${outcome.headline}\n`);
        return outcome.ok ? cli_io/* EXIT */.d.ok : cli_io/* EXIT */.d.failed;
    }
    finally {
        logger.stop();
        process.removeListener('SIGINT', onInterrupt);
    }
}
async function runDeploy(args, io) {
    const environment = (0,shared/* positional */.n8)(args, 0, 'the environment', this.usage);
    const image = (0,shared/* positional */.n8)(args, 1, 'the image', this.usage);
    (0,shared/* noExtraPositionals */.P_)(args, 2, this.usage);
    const inputs = (0,action_inputs/* commandInputs */.tp)('deploy', {
        ...given(args, io, environment),
        image,
        'auto-rollback': args.flags.has('auto-rollback')
            ? String(args.flags.get('auto-rollback'))
            : undefined,
    });
    const request = readDeployInputs(inputs);
    const { env } = await (0,shared/* loadEnvironment */.Ye)(args, io, environment);
    if (!request.dryRun)
        await (0,shared/* confirmChange */.XO)(io, environment, env, `Deploy ${image}`, (0,shared/* boolFlag */.lB)(args, 'yes'));
    return runOps(io, args, 'deploy', async (deps) => {
        const ops = await prepareOps(request, deps);
        return deploy(ops, {
            image: deployImageRef(ops, request.image),
            snapshot: request.snapshot,
            autoRollback: request.autoRollback,
            dryRun: request.dryRun,
        });
    });
}
async function runRollback(args, io) {
    const environment = (0,shared/* positional */.n8)(args, 0, 'the environment', this.usage);
    (0,shared/* noExtraPositionals */.P_)(args, 1, this.usage);
    const inputs = (0,action_inputs/* commandInputs */.tp)('rollback', {
        ...given(args, io, environment),
        to: (0,shared/* stringFlag */.AM)(args, 'to'),
        reason: (0,shared/* stringFlag */.AM)(args, 'reason'),
        'down-migration-command': (0,shared/* stringFlag */.AM)(args, 'down-migration-command'),
    });
    const request = readRollbackInputs(inputs);
    const { env } = await (0,shared/* loadEnvironment */.Ye)(args, io, environment);
    if (!request.dryRun)
        await (0,shared/* confirmChange */.XO)(io, environment, env, `Roll back to ${request.to}`, (0,shared/* boolFlag */.lB)(args, 'yes'));
    return runOps(io, args, 'rollback', async (deps) => {
        const ops = await prepareOps(request, deps);
        return rollback(ops, {
            to: parseRollbackTarget(request.to, ops),
            reason: request.reason,
            snapshot: request.snapshot,
            downMigrationCommand: request.downMigrationCommand,
            dryRun: request.dryRun,
        });
    });
}


/***/ }),

/***/ 4242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E4: () => (/* binding */ versionOf),
/* harmony export */   Ri: () => (/* binding */ readRunningImage),
/* harmony export */   W3: () => (/* binding */ fallbackTarget),
/* harmony export */   m_: () => (/* binding */ isSameImage)
/* harmony export */ });
/* harmony import */ var _aws_image_ref_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2435);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9574);
/** What runs now and what a failed change goes back to: the images, as ECR names them. */


function versionOf(image, identifier) {
    const tag = image?.tags[0];
    if (tag)
        return tag;
    const parsed = identifier ? (0,_aws_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageIdentifier */ .aj)(identifier) : undefined;
    if (parsed?.ref.kind === 'tag')
        return parsed.ref.tag;
    const digest = image?.digest ?? (parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined);
    return digest ? digest.slice(0, 19) : (identifier ?? 'unknown');
}
const OTHER_REGISTRY_DIGEST = /^[^@\s]+@(sha256:[0-9a-f]{64})$/;
/** The image the service runs now: the rollback target of a deploy. */
async function readRunningImage(ctx, identifier) {
    const parsed = (0,_aws_image_ref_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageIdentifier */ .aj)(identifier);
    // A platform outside ECR (another registry holding the same manifest) names it by digest:
    // the digest finds it in the configured repository.
    const foreignDigest = parsed ? undefined : OTHER_REGISTRY_DIGEST.exec(identifier)?.[1];
    const image = parsed && parsed.repository === ctx.ecr.location.repository
        ? await ctx.ecr.find(parsed.ref)
        : foreignDigest
            ? await ctx.ecr.find({ kind: 'digest', digest: foreignDigest })
            : undefined;
    const identifierTag = parsed?.ref.kind === 'tag' ? [parsed.ref.tag] : [];
    return {
        identifier,
        image,
        digest: parsed?.ref.kind === 'digest' ? parsed.ref.digest : foreignDigest,
        pinnedByTag: parsed?.ref.kind === 'tag',
        // A tag-pinned service is named by its tag: the image's other tags are the moved tag's.
        version: parsed?.ref.kind === 'tag' ? parsed.ref.tag : versionOf(image, identifier),
        tags: unique([...identifierTag, ...(image?.tags ?? [])]),
    };
}
/**
 * The version a deploy falls back to when the new one fails verification. A service pinned
 * by digest: that digest. A service pinned by tag: what the suite's own history last put in
 * place (the tag may have moved since the platform pulled it); only without history, the tag's
 * current digest, with a warning \u2014 and nothing when that is the very image being deployed.
 */
async function fallbackTarget(ctx, running, target) {
    if (!running.pinnedByTag)
        return {
            uri: running.image?.uri ?? running.identifier,
            version: running.version,
            tags: running.tags,
        };
    const history = await (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .readHistory */ .Lu)(ctx);
    const bad = (0,_history_js__WEBPACK_IMPORTED_MODULE_1__/* .badDigests */ .TT)(history.entries);
    for (const entry of history.entries) {
        if (!entry.succeeded || entry.digest === target.digest || bad.has(entry.digest))
            continue;
        const image = await ctx.ecr.find({ kind: 'digest', digest: entry.digest });
        if (!image)
            continue;
        ctx.logger.info(`the service runs by tag (${running.identifier}); if this deploy fails, it goes back to ${entry.tag ?? image.digest}, the last version deployed by apprunner-ops (from ${history.source})`);
        return {
            uri: image.uri,
            version: entry.tag ?? versionOf(image),
            tags: unique([...(entry.tag ? [entry.tag] : []), ...image.tags]),
        };
    }
    const now = running.image;
    if (now && now.digest !== target.digest) {
        ctx.logger.warning(`the service runs by tag (${running.identifier}); the rollback target is what that tag names now, ${now.digest}, which is what the platform would pull again`);
        return { uri: now.uri, version: running.version, tags: running.tags };
    }
    ctx.logger.warning(`the service runs by tag (${running.identifier}), which now names the image being deployed, and apprunner-ops has no record of what ran before: if verification fails there is no version to go back to automatically`);
    return undefined;
}
function unique(values) {
    return [...new Set(values)];
}
/**
 * True when the service already runs exactly this image. Only a digest in the identifier
 * says so: a tag may have moved since the platform pulled it, so a service pinned by tag is
 * deployed (and pinned by digest from then on).
 */
function isSameImage(running, target) {
    return running.identifier === target.uri || running.digest === target.digest;
}


/***/ }),

/***/ 6302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ GitHubDeployments)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9891);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8230);




/** Attempts at creating one deployment, each after looking up whether the last one landed. */
const CREATE_ATTEMPTS = 3;
class CreateLost extends Error {
    name = 'CreateLost';
}
/** GitHub deployments and statuses, so the Deployments page shows what runs where. */
class GitHubDeployments {
    ctx;
    deps;
    octokitMade;
    owner;
    repo;
    constructor(ctx, deps) {
        this.ctx = ctx;
        this.deps = deps;
        const [owner = '', repo = ''] = ctx.repository.split('/');
        this.owner = owner;
        this.repo = repo;
    }
    /**
     * Octokit and its plugins are imported on first use (a separate chunk in the bundles): a run
     * without a github-token never loads them, and every action starts faster.
     */
    client() {
        this.octokitMade ??= Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(279)]).then(__webpack_require__.bind(__webpack_require__, 5279)).then(({ createOctokit }) => createOctokit(this.ctx.token, {
            apiUrl: this.ctx.apiUrl,
            logger: this.deps.logger,
            ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
        }));
        return this.octokitMade;
    }
    get runUrl() {
        return `${this.ctx.serverUrl}/${this.ctx.repository}/actions/runs/${this.ctx.runId}`;
    }
    get runKey() {
        return `${this.ctx.runId}.${this.ctx.runAttempt ?? '1'}.${this.ctx.job ?? ''}`;
    }
    /** One line for an answer that retrying cannot fix: what the token lacks, and the fix. */
    refused(error, what, permission) {
        const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c)(error);
        if (/rate limit/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)))
            return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub's rate limit kept refusing to ${what} in ${this.ctx.repository}: ${firstLine(error)}`);
        if (status === 401 || status === 403 || status === 404)
            return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`the token cannot ${what} in ${this.ctx.repository}: give the job \`${permission}\` (GitHub answered ${status}: ${firstLine(error)})`);
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub could not ${what} in ${this.ctx.repository}: ${firstLine(error)}`);
    }
    /**
     * Creates the deployment once. Creating is not idempotent: after a 5xx or a lost answer the
     * deployment may exist all the same, so before each new attempt the environment's newest
     * deployments are searched for this run's key.
     */
    async create(environment, payload, description) {
        const keyed = { ...payload, runKey: this.runKey };
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L)(async (attempt) => {
            if (attempt > 1) {
                const found = await this.findByKey(environment, keyed);
                if (found !== undefined) {
                    this.deps.logger.info(`GitHub deployment ${found} of this run exists after all (the answer to creating it was lost): using it rather than creating a second one`);
                    return found;
                }
            }
            const octokit = await this.client();
            try {
                const created = await octokit.rest.repos.createDeployment({
                    owner: this.owner,
                    repo: this.repo,
                    ref: this.ctx.sha,
                    environment,
                    description: description.slice(0, 140),
                    payload: keyed,
                    // The commit's checks already passed for this workflow to run; do not merge or wait.
                    auto_merge: false,
                    required_contexts: [],
                    production_environment: environment === 'production',
                    transient_environment: false,
                    // Not retried by plugin-retry: whether a lost answer created it is looked up first.
                    request: { retries: 0 },
                });
                if (created.status !== 201 || !('id' in created.data))
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub did not create a deployment of ${environment}: ${'message' in created.data ? String(created.data.message) : `answer ${created.status}`}`);
                return created.data.id;
            }
            catch (error) {
                const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c)(error);
                // A 5xx or no answer at all: GitHub may or may not have created it.
                if (status === 0 || status >= 500)
                    throw new CreateLost(firstLine(error));
                throw error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY
                    ? error
                    : this.refused(error, 'create deployments', 'deployments: write');
            }
        }, {
            label: 'GitHub create deployment',
            attempts: CREATE_ATTEMPTS,
            baseDelayMs: 1_000,
            maxDelayMs: 5_000,
            isRetryable: (error) => error instanceof CreateLost,
            clock: this.deps.clock,
            logger: this.deps.logger,
        }).catch((error) => {
            if (error instanceof CreateLost)
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub did not confirm creating a deployment of ${environment} after ${CREATE_ATTEMPTS} attempts (${error.message}), and none of this run was found`);
            throw error;
        });
    }
    /** This run's deployment of the environment, among the newest ones, if it exists. */
    async findByKey(environment, payload) {
        const octokit = await this.client();
        const { data } = await octokit.rest.repos.listDeployments({
            owner: this.owner,
            repo: this.repo,
            environment,
            per_page: 30,
        });
        const mine = data.find((d) => {
            const p = payloadOf(d.payload);
            return p.tool === 'apprunner-ops' && p.runKey === payload.runKey && p.kind === payload.kind;
        });
        return mine?.id;
    }
    async setStatus(id, state, description, environmentUrl) {
        const octokit = await this.client();
        try {
            // A second identical status (a retried 5xx) changes nothing the page shows.
            await octokit.rest.repos.createDeploymentStatus({
                owner: this.owner,
                repo: this.repo,
                deployment_id: id,
                state,
                description: description.slice(0, 140),
                log_url: this.runUrl,
                ...(environmentUrl ? { environment_url: environmentUrl } : {}),
                auto_inactive: state === 'success',
            });
        }
        catch (error) {
            throw this.refused(error, `set the status of deployment ${id}`, 'deployments: write');
        }
    }
    /**
     * When this workflow run's latest attempt started: GitHub's `run_started_at` (a re-run is a
     * new attempt, started \u2014 and so approved again \u2014 by a person). Needs `actions: read`.
     */
    async runStartedAt() {
        const octokit = await this.client();
        try {
            const { data } = await octokit.rest.actions.getWorkflowRun({
                owner: this.owner,
                repo: this.repo,
                run_id: Number(this.ctx.runId),
            });
            const at = Date.parse(data.run_started_at ?? data.created_at);
            if (Number.isNaN(at))
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub's workflow run ${this.ctx.runId} has no start time (run_started_at ${String(data.run_started_at)})`);
            return at;
        }
        catch (error) {
            throw error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY
                ? error
                : this.refused(error, `read workflow run ${this.ctx.runId}`, 'actions: read');
        }
    }
    /**
     * Deployments of an environment made by apprunner-ops, newest first, with their statuses.
     *
     * Two requests per 100 deployments: the REST list (exact ids, payload as an object), then
     * every listed deployment's statuses in one GraphQL `nodes` query by their `node_id`. The
     * GraphQL `databaseId` is a 32-bit Int that deployment ids outgrow, so ids come from REST.
     * Should GraphQL be refused, statuses are read one deployment at a time, as before.
     *
     * With `since` (epoch ms), every deployment created since then, however many pages that is
     * (a report of a month needs all of them, not the newest `limit`).
     */
    async history(environment, limit = 50, options = {}) {
        const { since } = options;
        const started = this.deps.clock.now();
        const records = [];
        let requests = 0;
        let seen = 0;
        try {
            // GitHub lists newest first; 5 pages of 100 is far more history than a rollback needs.
            let pages = 0;
            const octokit = await this.client();
            const deployments = await octokit.paginate(octokit.rest.repos.listDeployments, { owner: this.owner, repo: this.repo, environment, per_page: 100 }, (response, done) => {
                pages++;
                requests++;
                const ours = response.data.filter((d) => payloadOf(d.payload).tool === 'apprunner-ops');
                seen += ours.length;
                if (since !== undefined) {
                    // Newest first: a page reaching back before `since` is the last one needed.
                    if (response.data.some((d) => Date.parse(d.created_at) < since))
                        done();
                }
                else if (pages >= 5 || seen >= limit)
                    done();
                return ours;
            });
            const wanted = since === undefined
                ? deployments.slice(0, limit)
                : deployments.filter((d) => Date.parse(d.created_at) >= since);
            let statuses = new Map();
            for (let i = 0; statuses && i < wanted.length; i += NODES_PER_QUERY) {
                requests++;
                const found = await this.statusesByGraphQL(wanted.slice(i, i + NODES_PER_QUERY).map((d) => d.node_id)).catch((error) => {
                    if (/rate limit/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)))
                        throw error;
                    this.deps.logger.warning(`GitHub GraphQL did not answer for deployment statuses (${firstLine(error)}); reading them one deployment at a time`);
                    return undefined;
                });
                if (found)
                    for (const [id, list] of found)
                        statuses.set(id, list);
                else
                    statuses = undefined;
            }
            for (const d of wanted) {
                let known = statuses?.get(d.node_id);
                if (!known) {
                    requests++;
                    known = await this.statusesByRest(d.id);
                    // Deleted since it was listed.
                    if (!known)
                        continue;
                }
                records.push({
                    id: d.id,
                    sha: d.sha,
                    ref: d.ref,
                    environment: d.environment,
                    createdAt: d.created_at,
                    payload: payloadOf(d.payload),
                    statuses: known,
                });
            }
        }
        catch (error) {
            throw this.refused(error, 'read deployments', 'deployments: read');
        }
        this.deps.logger.debug(`GitHub deployment history of ${environment}: ${records.length} records in ${requests} requests, ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(this.deps.clock.now() - started)}`);
        return records;
    }
    /**
     * The statuses of up to 100 deployments in one GraphQL query, by node id. A deployment with
     * more than 100 statuses, or one deleted since it was listed, is left out (read by REST).
     */
    async statusesByGraphQL(nodeIds) {
        let data;
        try {
            data = await (await this.client()).graphql(STATUSES_QUERY, { ids: nodeIds });
        }
        catch (error) {
            // A deployment deleted since it was listed: GitHub answers the others and NOT_FOUND.
            const partial = error;
            if (partial.name !== 'GraphqlResponseError' ||
                !partial.data ||
                !(partial.errors ?? []).every((e) => e.type === 'NOT_FOUND'))
                throw error;
            data = partial.data;
        }
        const out = new Map();
        for (const node of data.nodes) {
            if (!node?.id || !node.statuses || node.statuses.pageInfo.hasNextPage)
                continue;
            out.set(node.id, node.statuses.nodes
                .flatMap((s) => s
                ? [
                    {
                        state: s.state.toLowerCase(),
                        description: s.description ?? '',
                        createdAt: s.createdAt,
                    },
                ]
                : [])
                // Newest first, as REST lists them.
                .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)));
        }
        return out;
    }
    /** Undefined when the deployment is gone. */
    async statusesByRest(id) {
        const octokit = await this.client();
        const statuses = await octokit
            .paginate(octokit.rest.repos.listDeploymentStatuses, {
            owner: this.owner,
            repo: this.repo,
            deployment_id: id,
            per_page: 100,
        })
            .catch((error) => {
            if ((0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c)(error) === 404)
                return undefined;
            throw error;
        });
        return statuses?.map((s) => ({
            state: s.state,
            description: s.description ?? '',
            createdAt: s.created_at,
        }));
    }
}
/** GraphQL's `nodes(ids:)` takes at most 100 ids. */
const NODES_PER_QUERY = 100;
/** Checked against GitHub's public schema (Query.nodes, Deployment.statuses, DeploymentStatus). */
const STATUSES_QUERY = `query DeploymentStatuses($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Deployment {
      id
      statuses(first: 100) {
        pageInfo { hasNextPage }
        nodes { state description createdAt }
      }
    }
  }
}`;
function payloadOf(payload) {
    if (typeof payload === 'string') {
        try {
            return payloadOf(JSON.parse(payload));
        }
        catch {
            return {};
        }
    }
    return typeof payload === 'object' && payload !== null
        ? payload
        : {};
}
/**
 * One line for a GitHub error: its message and the fields it names, never the raw JSON body
 * Octokit puts into a 422's message.
 */
function firstLine(error) {
    const data = error.response
        ?.data;
    if (typeof data?.message === 'string' && Array.isArray(data.errors) && data.errors.length > 0) {
        const details = data.errors.flatMap((e) => {
            if (typeof e === 'string')
                return [e];
            if (typeof e !== 'object' || e === null)
                return [];
            const { field, message, code } = e;
            const text = [field, message ?? code].filter((x) => typeof x === 'string').join(': ');
            return text ? [text] : [];
        });
        return `${data.message}${details.length > 0 ? ` (${details.join('; ')})` : ''}`.slice(0, 200);
    }
    return ((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '').slice(0, 200);
}


/***/ }),

/***/ 8230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ statusOf)
/* harmony export */ });
/**
 * The HTTP status of an Octokit error; 0 when none was received. Apart from octokit.ts so that
 * reading it does not load Octokit.
 */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : 0;
}


/***/ }),

/***/ 9302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ BetterStackMonitors),
/* harmony export */   a: () => (/* binding */ betterStackApiUrl)
/* harmony export */ });
/* harmony import */ var _util_http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(676);

/** BetterStack Uptime API base; overridable so tests and the demo talk to the local sim. */
function betterStackApiUrl(env = process.env) {
    return (env['BETTERSTACK_API_URL'] ?? 'https://uptime.betterstack.com').replace(/\/$/, '');
}
/** More pages of one monitor's metadata than this is not a real monitor: stop, loudly. */
const MAX_METADATA_PAGES = 20;
function snapshot(id, response, label) {
    const a = response.data?.attributes;
    if (!a)
        throw new Error(`${label}: the answer has no data.attributes`);
    return {
        id,
        name: typeof a['pronounceable_name'] === 'string' ? a['pronounceable_name'] : id,
        paused: a['paused'] === true,
        pausedAt: typeof a['paused_at'] === 'string' ? a['paused_at'] : null,
        status: typeof a['status'] === 'string' ? a['status'] : 'unknown',
    };
}
/**
 * The Uptime API calls the suite makes: read a monitor, pause or resume it, and keep one
 * metadata value on it (the v3 metadata API: `POST /api/v3/metadata` replaces the values of a
 * key on a resource, an empty list removes the key; `GET /api/v3/metadata?owner_id=\u2026`
 * lists them, paginated). Every call is idempotent, so the shared HTTP retry is safe.
 */
class BetterStackMonitors {
    apiUrl;
    token;
    deps;
    constructor(apiUrl, token, deps) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.deps = deps;
    }
    request(label, url, method, body) {
        return (0,_util_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .SS)(label, url, {
            method,
            headers: { authorization: `Bearer ${this.token}` },
            ...(body !== undefined ? { body } : {}),
        }, this.deps);
    }
    monitorUrl(id) {
        return `${this.apiUrl}/api/v2/monitors/${encodeURIComponent(id)}`;
    }
    async get(id) {
        const label = `BetterStack get monitor ${id}`;
        return snapshot(id, await this.request(label, this.monitorUrl(id), 'GET'), label);
    }
    async setPaused(id, paused) {
        const label = `BetterStack ${paused ? 'pause' : 'resume'} monitor ${id}`;
        const response = await this.request(label, this.monitorUrl(id), 'PATCH', {
            paused,
        });
        return snapshot(id, response, label);
    }
    pause(id) {
        return this.setPaused(id, true);
    }
    resume(id) {
        return this.setPaused(id, false);
    }
    /** The first value of `key` on monitor `id`, or undefined when the monitor has none. */
    async readMetadata(id, key) {
        const label = `BetterStack metadata of monitor ${id}`;
        const origin = new URL(this.apiUrl).origin;
        let url = `${this.apiUrl}/api/v3/metadata?owner_type=Monitor&owner_id=${encodeURIComponent(id)}`;
        for (let page = 1; url; page++) {
            if (page > MAX_METADATA_PAGES)
                throw new Error(`${label}: more than ${MAX_METADATA_PAGES} pages; stopped reading`);
            const response = await this.request(label, url, 'GET');
            for (const item of response.data ?? []) {
                if (item.attributes?.key !== key)
                    continue;
                const value = item.attributes.values?.[0]?.value;
                return typeof value === 'string' ? value : undefined;
            }
            const next = response.pagination?.next;
            // The token goes only to the API it was given for, whatever a `next` link says.
            url = typeof next === 'string' && new URL(next).origin === origin ? next : undefined;
        }
        return undefined;
    }
    async writeMetadata(id, key, value) {
        await this.request(`BetterStack write metadata on monitor ${id}`, `${this.apiUrl}/api/v3/metadata`, 'POST', { owner_type: 'Monitor', owner_id: id, key, values: [{ type: 'String', value }] });
    }
    async removeMetadata(id, key) {
        await this.request(`BetterStack remove metadata from monitor ${id}`, `${this.apiUrl}/api/v3/metadata`, 'POST', { owner_type: 'Monitor', owner_id: id, key, values: [] });
    }
}


/***/ })

};
