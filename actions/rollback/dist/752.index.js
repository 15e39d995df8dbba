export const id = 752;
export const ids = [752];
export const modules = {

/***/ 752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FlyTarget: () => (/* binding */ FlyTarget)
/* harmony export */ });
/* unused harmony export FlyTargetRefused */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9611);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4494);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4480);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9056);
/**
 * Fly.io as a deploy target: the Machines of one process group of an app (optionally in some
 * regions only), through the Machines API (core/fly/machines-api.ts).
 *
 * Fly runs no deployment for us: the client is the orchestrator, as flyctl is. A switch is
 * planned by `switchImage` (everything checked, nothing changed) and carried out by `follow`,
 * one machine at a time (Fly's `rolling` strategy): lease the machine, update its
 * `config.image` (by digest) with the lease's nonce, wait for its new instance to be `started`
 * and its health checks to pass, release the lease. A machine that does not come up healthy
 * within `wait-timeout` stops the update: it and every machine already updated are put back on
 * the configuration each had before (verified the same way), the machines after it are never
 * touched, and the run is red naming the machine. A restart (after a secret changed: Fly
 * machines read secrets when they start) goes the same way with Fly's restart.
 *
 * The image is the same manifest build-push pushed to ECR and to registry.fly.io/<app>, so an
 * ECR reference by digest names the Fly image by the same digest.
 */






/** The token was refused, or the app or process group is not there: nothing was changed. */
class FlyTargetRefused extends _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY {
    name = 'FlyTargetRefused';
}
const DIGEST = /@(sha256:[0-9a-f]{64})$/;
/** Metadata naming the deployment that created a (green) machine: how its leftovers are found. */
const DEPLOYMENT_TAG = 'apprunner_ops_deployment';
const SETTLED = new Set(['started', 'stopped', 'suspended']);
class FlyTarget {
    api;
    config;
    deps;
    kind = 'fly';
    arn;
    trafficMetrics = "Fly's Prometheus metrics (not read by apprunner-ops)";
    plans = new Map();
    constructor(api, config, deps) {
        this.api = api;
        this.config = config;
        this.deps = deps;
        this.arn = `fly:${config.app}:${config['process-group']}`;
    }
    get app() {
        return this.config.app;
    }
    /** `registry.fly.io/<app>@sha256:\u2026` of any reference by digest (ECR's or Fly's). */
    flyImage(image) {
        const digest = DIGEST.exec(image)?.[1];
        if (!digest)
            throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`Fly machines are updated by digest; ${image} names no digest (deploy a digest, or a tag build-push resolved)`);
        return `${_fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FLY_REGISTRY */ .KY}/${this.app}@${digest}`;
    }
    /** The machines of the process group (and regions), or a refusal that changes nothing. */
    async machines() {
        let all;
        try {
            all = await this.api.listMachines(this.app);
        }
        catch (error) {
            throw this.refusal(error);
        }
        const group = this.config['process-group'];
        const regions = this.config.regions;
        const mine = all
            .filter((m) => (m.config.metadata?.['fly_process_group'] ?? 'app') === group)
            .filter((m) => !regions || regions.includes(m.region))
            .sort((a, b) => a.id.localeCompare(b.id));
        if (mine.length === 0) {
            const groups = [
                ...new Set(all.map((m) => m.config.metadata?.['fly_process_group'] ?? 'app')),
            ];
            throw new FlyTargetRefused(`Fly app ${this.app} has no machines in process group "${group}"${regions ? ` in ${regions.join(', ')}` : ''} (its groups: ${groups.join(', ') || 'none'}); fix target.process-group or target.regions`);
        }
        return mine;
    }
    /** A 401 or 404 from Fly, said as what to fix; anything else as it came. */
    refusal(error) {
        if (!(error instanceof _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FlyApiError */ .mo))
            return error;
        if (error.status === 401)
            return new FlyTargetRefused(`Fly refused the API token (401: ${error.detail}); set the FLY_API_TOKEN secret to a deploy token of app ${this.app} (fly tokens create deploy -a ${this.app})`);
        if (error.status === 404)
            return new FlyTargetRefused(`Fly has no app ${this.app} for this token (404: ${error.detail}); fix target.app or use a token of its organization`);
        return error;
    }
    state(machines) {
        const first = machines[0];
        const digest = first.image_ref?.digest || DIGEST.exec(first.config.image)?.[1];
        const counts = new Map();
        for (const m of machines)
            counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
        return {
            kind: this.kind,
            arn: this.arn,
            name: this.app,
            url: `https://${this.app}.fly.dev`,
            image: first.config.image,
            digest,
            imageByDigest: digest ? `${_fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FLY_REGISTRY */ .KY}/${this.app}@${digest}` : first.config.image,
            environment: { ...(first.config.env ?? {}) },
            // Fly secrets are the app's, by name, with no AWS reference to read labels of.
            secrets: {},
            status: [...counts].map(([state, n]) => `${n} ${state}`).join(', '),
        };
    }
    async describe() {
        return this.state(await this.machines());
    }
    /**
     * Each machine of the process group: its state and its health checks as Fly reports them
     * (service-running reads this).
     */
    async machineHealth() {
        return (await this.machines()).map((m) => ({
            id: m.id,
            region: m.region,
            state: m.state,
            failing: (m.checks ?? [])
                .filter((c) => c.status !== 'passing')
                .map((c) => `${c.name} ${c.status}`),
        }));
    }
    async runningImages() {
        const seen = new Map();
        for (const m of await this.machines()) {
            const digest = m.image_ref?.digest || DIGEST.exec(m.config.image)?.[1];
            seen.set(m.config.image, { image: m.config.image, ...(digest ? { digest } : {}) });
        }
        return [...seen.values()];
    }
    async lastDeployedAt() {
        const times = (await this.machines())
            .map((m) => (m.updated_at ? Date.parse(m.updated_at) : NaN))
            .filter((t) => Number.isFinite(t));
        // The oldest instance read the app's secrets earliest: what may still run stale values.
        return times.length ? new Date(Math.min(...times)) : undefined;
    }
    /**
     * Machines not settled, leases held by someone else (named), and machines in Fly's `failed`
     * state: a failed machine stays failed until someone starts, updates or destroys it, so it is
     * never waited for (a wait would only end at its deadline).
     */
    async obstacles(machines) {
        const failed = machines
            .filter((m) => m.state === 'failed')
            .map((m) => `machine ${m.id} (${m.region}) is failed and will not settle by waiting: look at it (fly machine status ${m.id} -a ${this.app}), then start, fix or destroy it and run again`);
        const busy = machines
            .filter((m) => m.state !== 'failed' && !SETTLED.has(m.state))
            .map((m) => `${m.id} is ${m.state}`);
        const held = [];
        for (const m of machines) {
            const lease = await this.api.getLease(this.app, m.id);
            if (lease)
                held.push(`machine ${m.id} is leased by ${lease.owner}${lease.description ? ` ("${lease.description}")` : ''} until ${new Date(lease.expires_at * 1000).toISOString()}`);
        }
        return { busy, held, failed };
    }
    async preflight() {
        const machines = await this.machines();
        const { busy, held, failed } = await this.obstacles(machines);
        if (failed.length)
            return {
                updatable: false,
                busy: false,
                paused: false,
                reason: `Fly app ${this.app}: ${failed.join('; ')}`,
            };
        const reasons = [...busy, ...held];
        return {
            updatable: reasons.length === 0,
            busy: reasons.length > 0,
            paused: false,
            reason: reasons.length === 0
                ? `Fly app ${this.app} (${this.config['process-group']}): ${machines.length} machines settled, none leased`
                : `Fly app ${this.app}: ${reasons.join('; ')} (IN_PROGRESS elsewhere: waiting for it to end)`,
        };
    }
    async waitUntilUpdatable(wait) {
        return (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .waitFor */ .fm)({
            what: `Fly app ${this.app} (${this.config['process-group']}) to have its machines settled and no lease held by someone else`,
            timeoutMs: wait.timeoutMs,
            intervalMs: wait.intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const machines = await this.machines();
                const { busy, held, failed } = await this.obstacles(machines);
                if (failed.length)
                    throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`Fly app ${this.app}: ${failed.join('; ')}`);
                if (busy.length === 0 && held.length === 0)
                    return { done: true, value: this.state(machines) };
                return { done: false, status: `IN_PROGRESS: ${[...busy, ...held].join('; ')}` };
            },
        }).catch((error) => {
            if (error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY && error.name === 'WaitTimeout')
                throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`${error.message}; release the lease (fly machine leases clear) or wait for the other deploy to end, then run again`, { cause: error });
            throw error;
        });
    }
    /** Everything checked before the first change: machines there, settled, not leased by others. */
    async plan(kind, image, environment) {
        const machines = await this.machines();
        const { busy, held, failed } = await this.obstacles(machines);
        if (failed.length || busy.length || held.length)
            throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`Fly app ${this.app} cannot be ${kind === 'switch' ? 'updated' : 'restarted'} now: ${[...failed, ...busy, ...held].join('; ')}`);
        const id = `fly-${kind}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)().slice(0, 8)}`;
        this.plans.set(id, { kind, image, environment, machines, done: false });
        return { id, before: this.state(machines) };
    }
    describeSwitch(from, to) {
        if (this.config.strategy === 'bluegreen')
            return `Fly Machines API, bluegreen: beside each of the ${this.config['process-group']} machines of ${this.app} (leased), a new machine with config.image ${this.safeFlyImage(to)} (was ${from}; nothing else changes) and no traffic; when every new one is started with its health checks passing, traffic moves to them and the old ones are destroyed`;
        return `Fly Machines API: each machine of ${this.app} (${this.config['process-group']}) in turn, leased: config.image ${from} \u2192 ${this.safeFlyImage(to)} (nothing else changes), wait started and health checks passing`;
    }
    describeRestart() {
        return `Fly Machines API: restart each machine of ${this.app} (${this.config['process-group']}) in turn, leased, wait started and health checks passing`;
    }
    safeFlyImage(image) {
        try {
            return this.flyImage(image);
        }
        catch {
            return image;
        }
    }
    async switchImage(image, options = {}) {
        const fly = this.flyImage(image);
        const { id, before } = await this.plan('switch', fly, options.environment);
        if (options.environment) {
            try {
                await this.refuseSecretNames(before.environment, options.environment);
            }
            catch (error) {
                this.plans.delete(id);
                throw error;
            }
        }
        // Machines pull from registry.fly.io: a digest pushed only to ECR would fail on the first.
        const digest = fly.slice(fly.indexOf('@') + 1);
        if ((await this.api.registryHolds(this.app, digest)) === false) {
            this.plans.delete(id);
            throw new FlyTargetRefused(`${fly} is not in Fly's registry (${image} was pushed elsewhere only): push it there with build-push's registries input (registries: ecr, fly), then deploy again; no machine was changed`);
        }
        return { id, kind: 'switch', image: fly, previous: before.imageByDigest };
    }
    /**
     * env-set on a name that is one of the app's secrets: the machines' plain `env` would carry
     * one value and the app's secrets another, and an overwritten secret could not be put back by
     * a rollback (Fly never returns a secret's value). Refused before any change.
     */
    async refuseSecretNames(current, wanted) {
        const changed = Object.keys(wanted).filter((k) => wanted[k] !== current[k]);
        if (changed.length === 0)
            return;
        let secrets;
        try {
            secrets = await this.api.listSecrets(this.app);
        }
        catch (error) {
            throw this.refusal(error);
        }
        const names = new Set(secrets.map((x) => x.name));
        const clash = changed.filter((k) => names.has(k));
        if (clash.length)
            throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`${clash.join(', ')} ${clash.length > 1 ? 'are secrets' : 'is a secret'} of Fly app ${this.app}: env-set changes the machines' plain environment, which would leave two values for ${clash.length > 1 ? 'them' : 'it'}; change ${clash.length > 1 ? 'them' : 'it'} with fly secrets set (or rotate-secret), not env-set; no machine was changed`);
    }
    async restart() {
        const { id, before } = await this.plan('restart', '');
        return { id, kind: 'restart', image: before.image, previous: before.imageByDigest };
    }
    /**
     * `fly secrets set --stage`: the app's secrets set in one request (the machines read them when
     * they next start: the restart that follows). Only names are said.
     */
    async stageSecrets(values) {
        const names = Object.keys(values).sort();
        if (names.length === 0)
            return `Fly app ${this.app}: no secrets to set`;
        try {
            await this.api.updateSecrets(this.app, values);
        }
        catch (error) {
            throw this.refusal(error);
        }
        const line = `Fly app ${this.app}: secrets ${names.join(', ')} set (the machines read them when they restart)`;
        this.deps.logger.info(`  ${line}`);
        return line;
    }
    async traffic() {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`the fly target has no request metrics apprunner-ops reads (Fly publishes them to its Prometheus); deploy with bake: 0s`);
    }
    async follow(deployment, wait) {
        const plan = this.plans.get(deployment.id);
        if (!plan)
            throw new Error(`FlyTarget.follow: no deployment ${deployment.id} was started here`);
        if (plan.done)
            throw new Error(`FlyTarget.follow: ${deployment.id} was already carried out`);
        plan.done = true;
        if (plan.kind === 'switch' && this.config.strategy === 'bluegreen')
            return this.blueGreen(deployment, plan, wait);
        const deadline = this.deps.clock.now() + wait.timeoutMs;
        const steps = [];
        const name = deployment.names?.image ?? deployment.image;
        for (const [index, machine] of plan.machines.entries()) {
            const label = `machine ${machine.id} (${machine.region}, ${index + 1}/${plan.machines.length})`;
            try {
                await this.withLease(machine, `apprunner-ops ${deployment.id}`, async (nonce) => {
                    const current = await this.api.getMachine(this.app, machine.id);
                    if (plan.kind === 'restart') {
                        this.deps.logger.info(`  Fly: restarting ${label}`);
                        await this.api.restartMachine(this.app, machine.id, nonce);
                        steps.push({ machine, before: current.config });
                        await this.healthy(current, undefined, deadline, wait);
                        return;
                    }
                    const config = {
                        ...current.config,
                        image: plan.image,
                        ...(plan.environment ? { env: { ...plan.environment } } : {}),
                    };
                    this.deps.logger.info(`  Fly: updating ${label} \u2192 ${plan.image}`);
                    const updated = await this.update(machine.id, config, nonce);
                    steps.push({ machine, before: current.config });
                    await this.healthy(updated, updated.instance_id, deadline, wait);
                });
                this.deps.logger.info(`  Fly: ${label} started, health checks passing`);
            }
            catch (error) {
                const why = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
                if (plan.kind === 'switch' && steps.length > 0) {
                    const back = await this.putBack(steps, deadline, wait);
                    return this.failed(deployment, plan, steps, machine, why, back);
                }
                const what = plan.kind === 'restart' ? 'restart' : `update to ${name}`;
                return {
                    ok: false,
                    id: deployment.id,
                    status: 'FAILED',
                    emergency: false,
                    message: `Fly ${what} stopped at ${label}: ${why}; ${plan.kind === 'restart'
                        ? `${steps.length} machines restarted before it`
                        : 'no machine was changed'}`,
                };
            }
        }
        return { ok: true, id: deployment.id, status: 'SUCCEEDED' };
    }
    /**
     * Fly's `bluegreen`: every old (blue) machine is leased for the whole switch; a green machine is
     * created beside each (same region and configuration, the new image, tagged with this
     * deployment, no traffic); once all are started with their checks passing they are uncordoned
     * and the blue ones destroyed. A green that does not come up healthy destroys every green (found
     * by the tag, so one whose create answer was lost goes too) and the blue ones keep serving.
     */
    async blueGreen(deployment, plan, wait) {
        const { logger, clock } = this.deps;
        const deadline = clock.now() + wait.timeoutMs;
        const name = deployment.names?.image ?? deployment.image;
        const previous = deployment.names?.previous ?? deployment.previous;
        const leases = new Map();
        const ttl = Math.min(3600, Math.ceil(this.config['wait-timeout-ms'] / 1000) * 3 + 60);
        const release = async () => {
            for (const [id, nonce] of leases)
                await this.api.releaseLease(this.app, id, nonce).catch((error) => {
                    logger.warning(`Fly: could not release the lease of machine ${id} (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}); it lapses in ${ttl}s`);
                });
        };
        try {
            for (const blue of plan.machines)
                leases.set(blue.id, await this.lease(blue.id, ttl, `apprunner-ops ${deployment.id}`));
        }
        catch (error) {
            await release();
            return {
                ok: false,
                id: deployment.id,
                status: 'FAILED',
                emergency: false,
                message: `Fly bluegreen to ${name} stopped before any change: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}; no machine was changed`,
            };
        }
        const greens = [];
        let failure;
        for (const blue of plan.machines) {
            const current = await this.api.getMachine(this.app, blue.id).catch(() => blue);
            const config = {
                ...current.config,
                image: plan.image,
                ...(plan.environment ? { env: { ...plan.environment } } : {}),
                metadata: { ...(current.config.metadata ?? {}), [DEPLOYMENT_TAG]: deployment.id },
            };
            try {
                const green = await this.api.createMachine(this.app, {
                    config,
                    region: blue.region,
                    skipServiceRegistration: true,
                });
                greens.push(green);
                logger.info(`  Fly: green machine ${green.id} (${green.region}) created beside ${blue.id} \u2192 ${plan.image}`);
            }
            catch (error) {
                failure = {
                    at: `a green machine beside ${blue.id} (${blue.region})`,
                    why: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error),
                };
                break;
            }
        }
        if (!failure)
            for (const [index, green] of greens.entries()) {
                try {
                    await this.healthy(green, green.instance_id, deadline, wait);
                    logger.info(`  Fly: green machine ${green.id} (${green.region}, ${index + 1}/${greens.length}) started, health checks passing`);
                }
                catch (error) {
                    failure = { at: `green machine ${green.id} (${green.region})`, why: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error) };
                    break;
                }
            }
        // Before the blues are destroyed, a failure takes every green away and the blues serve on.
        const abandon = async (at, why) => {
            const { destroyed, left } = await this.destroyGreens(deployment.id, greens);
            await release();
            return {
                ok: false,
                id: deployment.id,
                status: left.length ? 'ROLLBACK_FAILED' : 'ROLLED_BACK',
                emergency: false,
                message: left.length
                    ? `Fly bluegreen to ${name}: ${at} failed: ${why}; the old machines kept serving ${previous}, but ${left.join('; ')} could not be destroyed: destroy them (fly machine destroy --force <id> -a ${this.app})`
                    : `Fly bluegreen to ${name}: ${at} failed: ${why}; ${destroyed.length === 1 ? 'the green machine was' : `the ${destroyed.length} green machines were`} destroyed and the old machines (${plan.machines.map((m) => m.id).join(', ')}) kept serving ${previous}, never changed`,
            };
        };
        if (failure)
            return abandon(failure.at, failure.why);
        // Traffic moves: the greens take it, then the blues are destroyed (their leases with them).
        try {
            for (const green of greens)
                await this.api.setCordoned(this.app, green.id, false);
        }
        catch (error) {
            return abandon('moving traffic to the green machines', (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error));
        }
        logger.info(`  Fly: traffic moved to ${greens.map((g) => g.id).join(', ')}`);
        const kept = [];
        for (const blue of plan.machines) {
            try {
                await this.api.destroyMachine(this.app, blue.id, leases.get(blue.id));
                leases.delete(blue.id);
                logger.info(`  Fly: old machine ${blue.id} (${blue.region}) destroyed`);
            }
            catch (error) {
                kept.push(`${blue.id}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
            }
        }
        await release();
        if (kept.length)
            return {
                ok: false,
                id: deployment.id,
                status: 'FAILED',
                emergency: false,
                message: `Fly bluegreen to ${name}: the green machines serve, but old machines still run ${previous} beside them (${kept.join('; ')}): destroy them (fly machine destroy --force <id> -a ${this.app})`,
            };
        return { ok: true, id: deployment.id, status: 'SUCCEEDED' };
    }
    /** Every machine this deployment created (by its tag, so lost answers count), destroyed. */
    async destroyGreens(deploymentId, known) {
        const ids = new Set(known.map((m) => m.id));
        try {
            for (const m of await this.api.listMachines(this.app))
                if (m.config.metadata?.[DEPLOYMENT_TAG] === deploymentId)
                    ids.add(m.id);
        }
        catch (error) {
            this.deps.logger.warning(`Fly: could not list the machines to find every green one (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}); destroying the ${ids.size} known`);
        }
        const left = [];
        const destroyed = [];
        for (const id of ids) {
            try {
                await this.api.destroyMachine(this.app, id);
                destroyed.push(id);
                this.deps.logger.info(`  Fly: green machine ${id} destroyed`);
            }
            catch (error) {
                left.push(`${id} (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)})`);
            }
        }
        return { destroyed, left };
    }
    failed(deployment, plan, steps, machine, why, back) {
        const untouched = plan.machines.slice(steps.length).map((m) => m.id);
        const name = deployment.names?.image ?? deployment.image;
        const previous = deployment.names?.previous ?? deployment.previous;
        return {
            ok: false,
            id: deployment.id,
            status: back.failed.length ? 'ROLLBACK_FAILED' : 'ROLLED_BACK',
            emergency: back.failed.length > 0,
            message: back.failed.length
                ? `Fly machine ${machine.id} (${machine.region}) failed on ${name}: ${why}; putting the updated machines back failed for ${back.failed.join('; ')}: the app may be down \u2014 check it now`
                : `Fly machine ${machine.id} (${machine.region}) failed on ${name}: ${why}; the update stopped there, ${back.ok.join(', ')} put back on ${previous} and healthy${untouched.length ? `, ${untouched.join(', ')} never changed` : ''}`,
        };
    }
    /** The machines this run changed, newest first, back on the configuration each had. */
    async putBack(steps, deadline, wait) {
        const ok = [];
        const failed = [];
        // The rollback gets its own deadline: the update's may be spent.
        const own = Math.max(deadline, this.deps.clock.now() + this.config['wait-timeout-ms'] * steps.length);
        for (const { machine, before } of [...steps].reverse()) {
            try {
                await this.withLease(machine, 'apprunner-ops rollback', async (nonce) => {
                    this.deps.logger.info(`  Fly: putting machine ${machine.id} back on ${before.image}`);
                    const updated = await this.update(machine.id, before, nonce);
                    await this.healthy(updated, updated.instance_id, own, wait);
                });
                ok.push(machine.id);
            }
            catch (error) {
                failed.push(`${machine.id}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}`);
            }
        }
        ok.reverse();
        return { ok, failed };
    }
    /**
     * An update whose answer was lost (a 5xx, a dropped connection) may have been applied: the
     * machine is read back, and the update is sent again only if its configuration is not the
     * one asked for (at most three times).
     */
    async update(id, config, nonce) {
        for (let attempt = 1;; attempt++) {
            try {
                return await this.api.updateMachine(this.app, id, config, nonce);
            }
            catch (error) {
                const lost = (error instanceof _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FlyApiError */ .mo && error.status >= 500) || !(error instanceof _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FlyApiError */ .mo);
                if (!lost || attempt >= 3)
                    throw error;
                const now = await this.api.getMachine(this.app, id);
                if (sameConfig(now.config, config)) {
                    this.deps.logger.info(`  Fly: the answer to the update of machine ${id} was lost (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}); read back: it was applied`);
                    return now;
                }
                this.deps.logger.info(`  Fly: the update of machine ${id} failed (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}); read back: not applied, sending it again (attempt ${attempt + 1}/3)`);
            }
        }
    }
    /**
     * A lease whose answer was lost is looked up: none held means none was taken, and it is
     * asked for again; one held cannot be used without its nonce, so the run stops there.
     */
    async lease(id, ttl, description) {
        for (let attempt = 1;; attempt++) {
            try {
                return (await this.api.acquireLease(this.app, id, ttl, description)).nonce;
            }
            catch (error) {
                if (error instanceof _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FlyApiError */ .mo && error.status === 409)
                    throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`Fly machine ${id}: ${error.detail}`);
                const lost = (error instanceof _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FlyApiError */ .mo && error.status >= 500) || !(error instanceof _fly_machines_api_js__WEBPACK_IMPORTED_MODULE_1__/* .FlyApiError */ .mo);
                if (!lost || attempt >= 3)
                    throw error;
                const held = await this.api.getLease(this.app, id);
                if (held)
                    throw new _target_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetNotUpdatable */ .dU(`Fly machine ${id}: the answer to the lease request was lost and a lease is held by ${held.owner} until ${new Date(held.expires_at * 1000).toISOString()}; run again after it lapses`);
                this.deps.logger.info(`  Fly: the lease request for machine ${id} failed (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}); none is held, asking again (attempt ${attempt + 1}/3)`);
            }
        }
    }
    async withLease(machine, description, fn) {
        const ttl = Math.min(3600, Math.ceil(this.config['wait-timeout-ms'] / 1000) + 60);
        const nonce = await this.lease(machine.id, ttl, description);
        try {
            return await fn(nonce);
        }
        finally {
            await this.api.releaseLease(this.app, machine.id, nonce).catch((error) => {
                // It lapses by itself at its TTL; say so rather than fail a finished update.
                this.deps.logger.warning(`Fly: could not release the lease of machine ${machine.id} (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error)}); it lapses in ${ttl}s`);
            });
        }
    }
    /**
     * Waits (Fly's long poll, then the machine's checks) until the instance is `started` and every
     * check passes, within `wait-timeout` and the deployment's deadline.
     */
    async healthy(machine, instanceId, deadline, wait) {
        const { clock } = this.deps;
        const until = Math.min(deadline, clock.now() + this.config['wait-timeout-ms']);
        const limit = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(this.config['wait-timeout-ms']);
        for (;;) {
            const left = until - clock.now();
            if (left <= 0)
                throw new MachineUnhealthy(`its new instance was not started within ${limit}`);
            if (await this.api.wait(this.app, machine.id, 'started', instanceId, left / 1000))
                break;
        }
        for (;;) {
            const now = await this.api.getMachine(this.app, machine.id);
            if (now.state === 'failed' || now.state === 'stopped')
                throw new MachineUnhealthy(`it is ${now.state} instead of started`);
            const checks = now.checks ?? [];
            const bad = checks.filter((c) => c.status !== 'passing');
            if (now.state === 'started' && bad.length === 0)
                return;
            const last = bad
                .map((c) => `${c.name} ${c.status}${c.output ? ` (${c.output.replace(/\s+/g, ' ').trim()})` : ''}`)
                .join(', ');
            if (clock.now() >= until)
                throw new MachineUnhealthy(`its health checks did not pass within ${limit}: ${last || `state ${now.state}`}`);
            await clock.sleep(Math.min(wait.intervalMs, Math.max(0, until - clock.now())));
        }
    }
}
/** The configuration read back is the one sent (image and environment decide). */
function sameConfig(a, b) {
    return a.image === b.image && JSON.stringify(a.env ?? {}) === JSON.stringify(b.env ?? {});
}
/** A machine that did not come up healthy: the update stops and is put back. */
class MachineUnhealthy extends _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY {
    name = 'MachineUnhealthy';
}


/***/ })

};
