export const id = 133;
export const ids = [133];
export const modules = {

/***/ 1133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EcsExpressTarget: () => (/* binding */ EcsExpressTarget),
/* harmony export */   createEcsClient: () => (/* binding */ createEcsClient)
/* harmony export */ });
/* unused harmony export sameEntries */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(212);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2664);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9750);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(670);
/* harmony import */ var _aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7148);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4494);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9891);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4480);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9056);
/**
 * Amazon ECS Express Mode as a deploy target (@aws-sdk/client-ecs \u2265 3.937.0).
 *
 * - What runs: DescribeExpressGatewayService's active configuration (primaryContainer, the
 *   ingress endpoint as URL) and DescribeServiceRevisions' containerImages[].imageDigest.
 * - Switch: UpdateExpressGatewayService with the whole primaryContainer of the active
 *   configuration and only the image changed (whether a partial container keeps the
 *   environment and secrets is not documented). Environments are compared as sets: the API
 *   reorders them (terraform-provider-aws#45792).
 * - Follow: the update returns a service revision, not a deployment; the deployment that
 *   targets that revision is found with ListServiceDeployments (not listed yet is eventual
 *   consistency, retried within the deadline) and followed with DescribeServiceDeployments.
 *   There is no FAILED status: ROLLBACK_SUCCESSFUL is a failed deploy that ECS undid, and
 *   ROLLBACK_FAILED and STOPPED leave nobody sure what serves.
 * - Restart: UpdateService forceNewDeployment ("start a new deployment with no service
 *   definition changes"), which makes a new revision of the same configuration.
 */










/** Statuses of a deployment that is still under way: the service is busy. */
const UNFINISHED = [
    'PENDING',
    'IN_PROGRESS',
    'STOP_REQUESTED',
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
];
const TERMINAL = new Set([
    'SUCCESSFUL',
    'STOPPED',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED',
]);
const DEFAULT_WAIT = { timeoutMs: 300_000, intervalMs: 5_000 };
/** An ECS client built like the others (maxAttempts 1, request timeout that throws). */
function createEcsClient(region, limits = { requestTimeoutMs: _aws_clients_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_AWS_REQUEST_TIMEOUT_MS */ .Z7 }) {
    return new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .ECSClient */ .Zgc((0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_7__/* .awsClientConfig */ .rw)(region, limits));
}
const toRecord = (list, key) => Object.fromEntries((list ?? []).map(key));
/** Two name/value lists hold the same pairs, whatever their order. */
function sameEntries(a, b) {
    const names = new Set([...Object.keys(a), ...Object.keys(b)]);
    const differing = [...names].filter((n) => a[n] !== b[n]).sort();
    return { same: differing.length === 0, differing };
}
const envOf = (c) => toRecord(c?.environment, (e) => [e.name ?? '', e.value ?? '']);
const secretsOf = (c) => toRecord(c?.secrets, (e) => [e.name ?? '', e.valueFrom ?? '']);
/**
 * The service revisions of the active configurations (two while a deployment shifts traffic),
 * at most the 20 DescribeServiceRevisions takes.
 */
const activeRevisions = (service) => (service.activeConfigurations ?? [])
    .map((c) => c.serviceRevisionArn)
    .filter((r) => !!r)
    .slice(0, 20);
/** The answer of an update was lost; whether it took effect is read back before anything is sent again. */
class AnswerLost extends Error {
    name = 'AnswerLost';
}
/** ListServiceDeployments does not show the deployment yet (eventual consistency). */
class NotListedYet extends Error {
    name = 'NotListedYet';
}
class EcsExpressTarget {
    client;
    arn;
    deps;
    options;
    /**
     * Express puts the service behind an Application Load Balancer it shares between services;
     * the service's own requests are those of its target groups.
     */
    trafficMetrics = 'AWS/ApplicationELB RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime of its target groups';
    kind = 'ecs-express';
    cluster;
    serviceName;
    constructor(client, arn, deps, options = {}) {
        this.client = client;
        this.arn = arn;
        this.deps = deps;
        this.options = options;
        const match = _config_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .ECS_SERVICE_ARN */ .Qq.exec(arn);
        if (!match)
            throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`${arn} is not an ECS service ARN (arn:aws:ecs:<region>:<account>:service/<cluster>/<name>)`);
        this.cluster = match[1];
        this.serviceName = match[2];
    }
    async service() {
        const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeExpressGatewayService', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .DescribeExpressGatewayServiceCommand */ .UMo({ serviceArn: this.arn })), this.deps);
        if (!out.service)
            throw new Error(`DescribeExpressGatewayService returned no service for ${this.arn}`);
        return out.service;
    }
    /**
     * The configuration that serves: the only active one, or while a deployment shifts traffic
     * the older one (it keeps most traffic until the shift completes).
     */
    active(service) {
        const configs = [...(service.activeConfigurations ?? [])].sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0));
        const config = configs[0];
        if (!config?.primaryContainer?.image)
            throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS Express service ${this.serviceName} has no active configuration (status ${service.status?.statusCode ?? 'unknown'}); there is nothing to deploy over`);
        return config;
    }
    async revisionImages(arns) {
        const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeServiceRevisions', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .DescribeServiceRevisionsCommand */ .oF5({ serviceRevisionArns: arns })), this.deps);
        return new Map((out.serviceRevisions ?? []).map((r) => {
            const first = r.containerImages?.[0];
            return [
                r.serviceRevisionArn ?? '',
                {
                    ...(first?.image ? { image: first.image } : {}),
                    ...(first?.imageDigest ? { digest: first.imageDigest } : {}),
                },
            ];
        }));
    }
    async toTarget(service) {
        const status = service.status?.statusCode ?? 'UNKNOWN';
        const config = this.active(service);
        const container = config.primaryContainer;
        const image = container.image;
        const revision = config.serviceRevisionArn;
        const digest = revision
            ? (await this.revisionImages([revision])).get(revision)?.digest
            : undefined;
        const endpoint = config.ingressPaths?.find((p) => p.endpoint)?.endpoint;
        return {
            kind: this.kind,
            arn: this.arn,
            name: service.serviceName ?? this.serviceName,
            url: endpoint ? (0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .withScheme */ .GV)(endpoint) : '',
            image,
            digest,
            imageByDigest: (0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .byDigest */ ._W)(image, digest),
            environment: envOf(container),
            secrets: secretsOf(container),
            status,
        };
    }
    async describe() {
        return this.toTarget(await this.service());
    }
    /**
     * The image of every active configuration (two while a deployment shifts traffic), with the
     * digest ECS resolved for its revision: ECS starts every later task of a revision from that
     * digest, whatever the tag names now.
     */
    async runningImages() {
        const service = await this.service();
        const configs = service.activeConfigurations ?? [];
        const revisions = activeRevisions(service);
        const images = revisions.length > 0
            ? await this.revisionImages(revisions)
            : new Map();
        return configs.flatMap((config) => {
            const known = config.serviceRevisionArn ? images.get(config.serviceRevisionArn) : undefined;
            const image = known?.image ?? config.primaryContainer?.image;
            if (!image)
                return [];
            return [{ image, ...(known?.digest ? { digest: known.digest } : {}) }];
        });
    }
    async unfinished() {
        const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ListServiceDeployments', () => this.deploymentsPage({ status: UNFINISHED, maxResults: 1 }), this.deps);
        return out.serviceDeployments?.[0];
    }
    /** One page of ListServiceDeployments for this service. */
    deploymentsPage(query) {
        return this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .ListServiceDeploymentsCommand */ .jz8({ service: this.arn, cluster: this.cluster, ...query }));
    }
    /** The newest service deployment (what the service-running check judges), if any. */
    async newestDeployment() {
        const newest = (await this.listDeployments()).sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
        return newest
            ? {
                arn: newest.serviceDeploymentArn ?? 'unknown',
                status: newest.status ?? 'UNKNOWN',
                reason: newest.statusReason,
            }
            : undefined;
    }
    /** The newest successful service deployment's start, else the service's creation. */
    async lastDeployedAt() {
        const done = (await this.listDeployments())
            .filter((d) => d.status === 'SUCCESSFUL' && d.createdAt)
            .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
        return done?.createdAt ?? (await this.service()).createdAt;
    }
    async preflight() {
        const service = await this.service();
        const status = service.status?.statusCode ?? 'UNKNOWN';
        if (status !== 'ACTIVE')
            return {
                updatable: false,
                busy: false,
                paused: false,
                reason: `ECS Express service ${this.serviceName} is ${status}${status === 'DRAINING' || status === 'INACTIVE' ? ': it is being deleted or was deleted; ECS refuses updates to it \u2014 deploy to an ACTIVE service (create a new one) and update the configuration' : ''}`,
            };
        const running = await this.unfinished();
        return running
            ? {
                updatable: false,
                busy: true,
                paused: false,
                reason: `ECS Express service ${this.serviceName} has a deployment ${running.status} (${running.serviceDeploymentArn})`,
            }
            : {
                updatable: true,
                busy: false,
                paused: false,
                reason: `ECS Express service ${this.serviceName} is ACTIVE with no deployment under way`,
            };
    }
    async waitUntilUpdatable(wait) {
        return (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitWith */ .OO)(this.deps, `ECS Express service ${this.serviceName} to be ACTIVE with no deployment under way`, wait, async () => {
            const check = await this.preflight();
            if (check.updatable)
                return { done: true, value: await this.describe() };
            if (!check.busy)
                throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(check.reason);
            return { done: false, status: check.reason };
        });
    }
    /**
     * Every deployment listed now, to tell a new one from the old ones. The documentation does
     * not say in which order ListServiceDeployments answers, so all pages are read (bounded).
     */
    listDeployments() {
        return (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsPages */ .A_)('ListServiceDeployments', async (token) => {
            const out = await this.deploymentsPage({
                maxResults: 100,
                ...(token ? { nextToken: token } : {}),
            });
            return { items: out.serviceDeployments, next: out.nextToken };
        }, this.deps, { maxPages: 20, more: 'stop' });
    }
    /**
     * Finds the deployment created for us: one targeting our revision (a switch) or, for a
     * restart, one not listed before the call. Not listed yet is eventual consistency:
     * retried through the retry helper until the deadline.
     */
    async findDeployment(match, what, wait) {
        const deadline = this.deps.clock.now() + wait.timeoutMs;
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L)(async () => {
            const found = (await this.listDeployments()).find(match);
            if (!found)
                throw new NotListedYet(`the ECS service deployment for ${what} is not listed yet`);
            return found;
        }, {
            label: `ListServiceDeployments (${what})`,
            attempts: 30,
            baseDelayMs: Math.min(wait.intervalMs, 1_000),
            maxDelayMs: wait.intervalMs,
            isRetryable: (error) => error instanceof NotListedYet && this.deps.clock.now() < deadline,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(this.deps.random ? { random: this.deps.random } : {}),
        }).catch((error) => {
            if (!(error instanceof NotListedYet))
                throw error;
            // The change was made: say so, or the next run would not know a deployment is under way.
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`${error.message} after ${wait.timeoutMs} ms: ECS accepted the change, so a deployment may be under way \u2014 look at the service's deployments before running again`, { cause: error });
        });
    }
    /**
     * After an update whose answer was lost: a revision made since (not among `known`) whose
     * image is ours means it took effect. Read from ECS, never guessed from clocks.
     */
    async revisionMadeSince(image, known) {
        const fresh = new Set([...(await this.revisionsNamed(await this.service()))].filter((a) => !known.has(a)));
        if (fresh.size === 0)
            return undefined;
        const images = await this.revisionImages([...fresh].slice(0, 20));
        return [...images.entries()].find(([, r]) => r.image === image)?.[0];
    }
    /** Every revision the service's active configurations and listed deployments name. */
    async revisionsNamed(service) {
        return new Set([
            ...(service.activeConfigurations ?? []).map((c) => c.serviceRevisionArn),
            ...(await this.listDeployments()).map((d) => d.targetServiceRevisionArn),
        ].filter((a) => !!a));
    }
    describeSwitch(from, to) {
        return `ECS UpdateExpressGatewayService ${this.arn}: primaryContainer.image ${from} \u2192 ${to} (the rest of the container kept), follow the service deployment`;
    }
    describeRestart() {
        return `ECS UpdateService ${this.arn} forceNewDeployment (same revision), follow the service deployment`;
    }
    async switchImage(image, options = {}) {
        const wait = options.wait ?? DEFAULT_WAIT;
        const environment = options.environment;
        const service = await this.service();
        const before = await this.toTarget(service);
        if (before.status !== 'ACTIVE')
            throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS Express service ${this.serviceName} is ${before.status}; ECS refuses updates to it`);
        const container = this.active(service).primaryContainer;
        // The whole container as it is, with only the image changed.
        const primaryContainer = {
            ...container,
            image,
            ...(environment
                ? { environment: Object.entries(environment).map(([name, value]) => ({ name, value })) }
                : {}),
        };
        const expected = environment ? { ...before, environment: { ...environment } } : before;
        const known = await this.revisionsNamed(service);
        const revisionArn = await this.sendUnlessDone({
            label: 'UpdateExpressGatewayService',
            refusal: 'update',
            // The lost call's revision is the one made since with this image.
            tookEffect: async () => {
                const adopted = await this.revisionMadeSince(image, known);
                return adopted === undefined ? undefined : { value: adopted, line: `revision ${adopted}` };
            },
            send: async () => {
                const out = await this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .UpdateExpressGatewayServiceCommand */ .omG({ serviceArn: this.arn, primaryContainer }));
                const target = out.service?.targetConfiguration;
                if (!target?.serviceRevisionArn)
                    throw new Error('UpdateExpressGatewayService returned no service revision');
                this.checkKept(expected, target.primaryContainer);
                return target.serviceRevisionArn;
            },
        });
        const deployment = await this.findDeployment((d) => d.targetServiceRevisionArn === revisionArn, `revision ${revisionArn}`, wait);
        return {
            id: deployment.serviceDeploymentArn,
            kind: 'switch',
            image,
            previous: before.imageByDigest,
        };
    }
    /**
     * Sends a call that starts a deployment, which is not safe to send twice. A retryable failure
     * may have lost only the answer, so before sending again it asks `tookEffect` whether the call
     * it sent did take effect, and if so takes that as the answer. ServiceNotActiveException is
     * ECS refusing the `refusal` (update, restart).
     */
    async sendUnlessDone(call) {
        let sent = false;
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L)(async () => {
            if (sent) {
                const done = await call.tookEffect();
                if (done) {
                    this.deps.logger.info(`${call.label}: the call whose answer was lost had taken effect (${done.line})`);
                    return done.value;
                }
                this.deps.logger.info(`${call.label}: the failed call did not take effect; sending it again`);
            }
            sent = true;
            try {
                return await call.send();
            }
            catch (error) {
                if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryableAwsError */ .ag)(error))
                    throw new AnswerLost(error.message, { cause: error });
                throw error;
            }
        }, {
            ..._aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS_RETRY */ .pN,
            label: call.label,
            isRetryable: (error) => error instanceof AnswerLost,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(this.deps.random ? { random: this.deps.random } : {}),
        }).catch((error) => {
            if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(error) === 'ServiceNotActiveException')
                throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS refused the ${call.refusal}: ${error.message}`, { cause: error });
            throw error;
        });
    }
    /** The update kept every variable and secret reference (compared as sets). */
    checkKept(before, after) {
        if (!after)
            return;
        const env = sameEntries(before.environment, envOf(after));
        const secrets = sameEntries(before.secrets, secretsOf(after));
        if (!env.same || !secrets.same)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`ECS changed more than the image: ${[...env.differing.map((n) => `environment ${n}`), ...secrets.differing.map((n) => `secret ${n}`)].join(', ')} differ from what ran before \u2014 check the service's configuration`);
    }
    async restart(wait = DEFAULT_WAIT) {
        const before = await this.describe();
        if (before.status !== 'ACTIVE')
            throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS Express service ${this.serviceName} is ${before.status}; ECS refuses to restart it`);
        const known = new Set((await this.listDeployments()).map((d) => d.serviceDeploymentArn));
        await this.sendUnlessDone({
            label: 'UpdateService forceNewDeployment',
            refusal: 'restart',
            // The lost call had started a deployment: do not start a second one.
            tookEffect: async () => (await this.listDeployments()).some((d) => !known.has(d.serviceDeploymentArn))
                ? { value: undefined, line: 'a new deployment is listed' }
                : undefined,
            send: async () => {
                await this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .UpdateServiceCommand */ .kZr({
                    cluster: this.cluster,
                    service: this.arn,
                    forceNewDeployment: true,
                }));
            },
        });
        const deployment = await this.findDeployment((d) => !known.has(d.serviceDeploymentArn), 'the restart', wait);
        return {
            id: deployment.serviceDeploymentArn,
            kind: 'restart',
            image: before.image,
            previous: before.imageByDigest,
        };
    }
    /**
     * The target groups (and their load balancer) of the revisions the service serves from.
     * Express names them only in a service revision's ECS Managed Resources
     * (DescribeServiceRevisions `ecsManagedResources.ingressPaths[]`), not in
     * DescribeExpressGatewayService. While a deployment shifts traffic there are two active
     * configurations, and both count.
     */
    async loadBalancerTargets() {
        const service = await this.service();
        const revisions = activeRevisions(service);
        if (revisions.length === 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`ECS Express service ${this.serviceName} has no active configuration (status ${service.status?.statusCode ?? 'unknown'}), so no load balancer to read its request metrics from`);
        const described = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeServiceRevisions', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .DescribeServiceRevisionsCommand */ .oF5({ serviceRevisionArns: revisions })), this.deps);
        const targets = new Map();
        for (const revision of described.serviceRevisions ?? [])
            for (const path of revision.ecsManagedResources?.ingressPaths ?? []) {
                const loadBalancerArn = path.loadBalancer?.arn;
                if (!loadBalancerArn)
                    continue;
                for (const group of path.targetGroups ?? [])
                    if (group.arn)
                        targets.set(`${loadBalancerArn} ${group.arn}`, {
                            loadBalancerArn,
                            targetGroupArn: group.arn,
                        });
            }
        if (targets.size === 0)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`ECS names no load balancer target group for ${this.serviceName} (DescribeServiceRevisions ecsManagedResources.ingressPaths of ${revisions.length} active revision(s)); its request metrics cannot be read`);
        return [...targets.values()];
    }
    /**
     * The load balancer's view of the service: requests, 5xx the tasks answered and p99 of
     * TargetResponseTime per period, over every target group the active revisions name. The
     * groups are asked for once per call, so a bake that runs while ECS shifts traffic follows
     * the new revision's groups on its next read.
     */
    async traffic(window) {
        const targets = await this.loadBalancerTargets();
        const client = (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_7__/* .cloudWatchForArn */ .PM)(this.arn, this.options.cloudWatch);
        return (0,_aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__/* .albTraffic */ .nY)(client, targets, window, this.deps);
    }
    async follow(deployment, wait) {
        const id = deployment.id;
        const found = await (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitWith */ .OO)(this.deps, `ECS service deployment ${id.split('/').at(-1) ?? id} of ${deployment.image} to finish`, wait, async () => {
            const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeServiceDeployments', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .DescribeServiceDeploymentsCommand */ .A6p({ serviceDeploymentArns: [id] })), this.deps);
            const d = out.serviceDeployments?.[0];
            if (!d)
                return { done: false, status: 'not found yet' };
            const status = d.status ?? 'UNKNOWN';
            if (TERMINAL.has(status))
                return { done: true, value: d };
            return {
                done: false,
                status: d.lifecycleStage ? `${status} (${d.lifecycleStage})` : status,
            };
        });
        const status = found.status ?? 'UNKNOWN';
        // ECS ends its reasons with a full stop; the message goes on after it.
        const reason = (found.rollback?.reason ?? found.statusReason ?? 'no reason given').replace(/\.$/, '');
        switch (status) {
            case 'SUCCESSFUL':
                return { ok: true, id, status };
            case 'ROLLBACK_SUCCESSFUL': {
                const kept = found.rollback?.serviceRevisionArn;
                const keptImage = kept ? (await this.revisionImages([kept])).get(kept) : undefined;
                const previous = keptImage?.image
                    ? (0,_target_js__WEBPACK_IMPORTED_MODULE_6__/* .byDigest */ ._W)(keptImage.image, keptImage.digest)
                    : deployment.previous;
                return {
                    ok: false,
                    id,
                    status,
                    emergency: false,
                    message: `ECS rolled ${deployment.names?.image ?? deployment.image} back: ${reason}, and kept ${deployment.names && previous === deployment.previous ? deployment.names.previous : previous}`,
                };
            }
            case 'ROLLBACK_FAILED':
                return {
                    ok: false,
                    id,
                    status,
                    emergency: true,
                    message: `ECS could not roll ${deployment.names?.image ?? deployment.image} back (ROLLBACK_FAILED: ${reason}): the service may be down \u2014 check it now`,
                };
            default:
                return {
                    ok: false,
                    id,
                    status,
                    emergency: true,
                    message: `ECS deployment of ${deployment.names?.image ?? deployment.image} was STOPPED before it finished (${reason}): check which version serves now`,
                };
        }
    }
}


/***/ })

};
