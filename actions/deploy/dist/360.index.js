export const id = 360;
export const ids = [360];
export const modules = {

/***/ 8202:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ ACTION_MODES),
  J: () => (/* binding */ readDeployInputs)
});

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

// EXTERNAL MODULE: ./core/deploy/deploy.ts
var deploy = __webpack_require__(7127);
// EXTERNAL MODULE: ./core/targets/env-changes.ts + 1 modules
var env_changes = __webpack_require__(6976);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
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
const ACTION_MODES = [...deploy/* DEPLOY_MODES */.Rs, 'runners'];
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
    if (inputs.enumOf('mode', deploy/* DEPLOY_MODES */.Rs) === 'snapshot')
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
        snapshotPurpose: inputs.enumOf('snapshot-purpose', deploy/* DEPLOY_SNAPSHOT_PURPOSES */.PC),
        env: (0,env_changes/* parseEnvChanges */.kJ)(inputs.optional('env-set'), inputs.optional('env-unset')),
        mode: inputs.enumOf('mode', deploy/* DEPLOY_MODES */.Rs),
        snapshotId: snapshotIdInput(inputs),
        reason: checkRestart(inputs, inputs.enumOf('mode', deploy/* DEPLOY_MODES */.Rs)),
        capacity: capacityInput(inputs, inputs.enumOf('mode', deploy/* DEPLOY_MODES */.Rs)),
    });
}


/***/ }),

/***/ 4360:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_github_context_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(366);
/* harmony import */ var _core_action_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(711);
/* harmony import */ var _core_deploy_deploy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7127);
/* harmony import */ var _core_deploy_restart_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3405);
/* harmony import */ var _core_deploy_scale_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2184);
/* harmony import */ var _core_deploy_snapshot_ahead_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9520);
/* harmony import */ var _core_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2300);
/* harmony import */ var _core_deploy_prepare_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1096);
/* harmony import */ var _core_deploy_summary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2025);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8791);
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4494);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8202);
/* harmony import */ var _core_database_runners_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8671);













await (0,_core_action_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)('deploy', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    // The reusable workflows' first job: which runner each environment's database jobs need.
    if (inputs.enumOf('mode', _inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .ACTION_MODES */ .m) === 'runners') {
        const environments = (0,_core_database_runners_js__WEBPACK_IMPORTED_MODULE_10__/* .parseEnvironmentList */ .p)(inputs.required('environment'), 'environment');
        const labels = await (0,_core_database_runners_js__WEBPACK_IMPORTED_MODULE_10__/* .databaseRunnerLabels */ .Z)(inputs.required('config'), environments);
        for (const name of environments)
            logger.info(labels[name] !== undefined
                ? `${name}: the database jobs run on ${labels[name]} (database.access: runner)`
                : `${name}: the database jobs run on the workflow's runs-on`);
        setOutput('runs-on', JSON.stringify(labels));
        return;
    }
    const request = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .readDeployInputs */ .J)(inputs);
    const ops = await (0,_core_deploy_prepare_js__WEBPACK_IMPORTED_MODULE_5__/* .prepareOps */ .j)(request, {
        run: (0,_core_action_github_context_js__WEBPACK_IMPORTED_MODULE_11__/* .readRunInfo */ .m)(),
        clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_7__/* .systemClock */ .m,
        logger,
        state: { save: saveState },
    });
    const outcome = request.mode === 'restart'
        ? await (0,_core_deploy_restart_js__WEBPACK_IMPORTED_MODULE_2__/* .restart */ .S)(ops, { reason: request.reason, dryRun: request.dryRun })
        : request.mode === 'scale'
            ? await (0,_core_deploy_scale_js__WEBPACK_IMPORTED_MODULE_3__/* .scale */ .h)(ops, {
                capacity: request.capacity,
                reason: request.reason,
                dryRun: request.dryRun,
                bakeMs: request.bakeMs,
            })
            : request.mode === 'snapshot'
                ? await (0,_core_deploy_snapshot_ahead_js__WEBPACK_IMPORTED_MODULE_4__/* .snapshotAhead */ .u)(ops, {
                    dryRun: request.dryRun,
                    snapshot: request.snapshot,
                    purpose: request.snapshotPurpose,
                })
                : await (0,_core_deploy_deploy_js__WEBPACK_IMPORTED_MODULE_1__/* .deploy */ .gg)(ops, {
                    image: (0,_core_deploy_prepare_js__WEBPACK_IMPORTED_MODULE_5__/* .deployImageRef */ .C)(ops, request.image),
                    snapshot: request.snapshot,
                    snapshotId: request.snapshotId,
                    autoRollback: request.autoRollback,
                    dryRun: request.dryRun,
                    bakeMs: request.bakeMs,
                    env: request.env,
                    snapshotPurpose: request.snapshotPurpose,
                });
    (0,_core_deploy_outputs_js__WEBPACK_IMPORTED_MODULE_12__/* .setOpsOutputs */ .Z)(outcome, setOutput);
    await writeSummary((0,_core_deploy_summary_js__WEBPACK_IMPORTED_MODULE_6__/* .renderOutcome */ .z)(outcome));
    if (!outcome.ok)
        throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .DomainFailure */ .dY(outcome.headline);
    logger.info(outcome.headline);
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ awsPages),
/* harmony export */   ZH: () => (/* binding */ awsErrorName),
/* harmony export */   ag: () => (/* binding */ isRetryableAwsError),
/* harmony export */   pN: () => (/* binding */ AWS_RETRY),
/* harmony export */   uF: () => (/* binding */ awsCall)
/* harmony export */ });
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9891);

const RETRYABLE_NAMES = new Set([
    'ThrottlingException',
    'Throttling',
    'ThrottledException',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'InternalFailure',
    'InternalServerException',
    'InternalServiceError',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'TimeoutError',
    'RequestTimeout',
    'RequestTimeoutException',
]);
const RETRYABLE_NETWORK = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'ECONNABORTED',
    'EAI_AGAIN',
]);
/**
 * Throttling, 5xx and dropped connections are worth another try; anything else (access
 * denied, validation, not found, invalid state) is an answer and is returned at once.
 */
function isRetryableAwsError(error) {
    if (!error || typeof error !== 'object')
        return false;
    const e = error;
    if (e.name && RETRYABLE_NAMES.has(e.name))
        return true;
    if (e.code && RETRYABLE_NETWORK.has(e.code))
        return true;
    if (e.$retryable)
        return true;
    const status = e.$metadata?.httpStatusCode;
    return status !== undefined && (status >= 500 || status === 429);
}
/**
 * Every AWS call goes through here: bounded retries with backoff and jitter, each retry
 * logged with the operation's name. The SDK clients are built with maxAttempts 1 so this is
 * the only retry loop.
 */
const AWS_RETRY = { attempts: 8, baseDelayMs: 250, maxDelayMs: 8_000 };
function awsCall(label, fn, deps) {
    const startedAt = deps.clock.now();
    const budget = deps.retryBudgetMs;
    return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L)(fn, {
        label,
        ...AWS_RETRY,
        isRetryable: (error) => isRetryableAwsError(error) && (budget === undefined || deps.clock.now() - startedAt < budget),
        clock: deps.clock,
        logger: deps.logger,
        ...(deps.random ? { random: deps.random } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
}
/** The AWS error name ("InvalidStateException"), if the value is one. */
function awsErrorName(error) {
    return error && typeof error === 'object' && 'name' in error
        ? String(error.name)
        : undefined;
}
/**
 * Every item of a paged AWS list (NextToken, Marker), each page read through awsCall, at most
 * `maxPages` pages. More pages after those are an error naming the operation and `of` (a list read in
 * part is not read), unless `more: 'stop'` says a first part is enough (candidates for a
 * message).
 */
async function awsPages(operation, page, deps, options) {
    const items = [];
    let token;
    for (let n = 0; n < options.maxPages; n++) {
        const out = await awsCall(operation, () => page(token), deps);
        items.push(...(out.items ?? []));
        token = out.next;
        if (!token)
            return items;
    }
    if (options.more === 'stop')
        return items;
    throw new Error(`${operation}${options.of ? ` of ${options.of}` : ''} still had more pages after ${options.maxPages}; refusing to act on a partial list`);
}


/***/ }),

/***/ 9750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ createAwsClients),
/* harmony export */   PM: () => (/* binding */ cloudWatchForArn),
/* harmony export */   Z7: () => (/* binding */ DEFAULT_AWS_REQUEST_TIMEOUT_MS),
/* harmony export */   rw: () => (/* binding */ awsClientConfig)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2284);
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2684);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7202);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2994);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1695);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1279);








const DEFAULT_AWS_REQUEST_TIMEOUT_MS = 30_000;
/** How every SDK client of the suite is made (see createAwsClients); one handler per client. */
function awsClientConfig(region, limits = { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS }) {
    return {
        region,
        maxAttempts: 1,
        requestHandler: new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_0__.NodeHttpHandler({
            requestTimeout: limits.requestTimeoutMs,
            connectionTimeout: Math.min(limits.requestTimeoutMs, 10_000),
            throwOnRequestTimeout: true,
        }),
    };
}
/**
 * The CloudWatch client of a target: the one it was given, else one for the region its ARN
 * names (arn:aws:<service>:<region>:\u2026), where its metrics are.
 */
function cloudWatchForArn(arn, given) {
    return given ?? new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchClient */ .WBn(awsClientConfig(arn.split(':')[3] ?? ''));
}
/**
 * SDK clients for one region. Credentials and endpoints come from the environment as usual
 * (configure-aws-credentials on GitHub; AWS_ENDPOINT_URL_* for the local sim). maxAttempts 1:
 * retries are ours (awsCall), so every retry is logged and bounded in one place.
 *
 * @smithy/node-http-handler only logs a warning when `requestTimeout` passes unless
 * `throwOnRequestTimeout` is set (checked in 4.14: it then destroys the request and rejects
 * with TimeoutError / ETIMEDOUT, which awsCall retries).
 */
function createAwsClients(region, limits = { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS }) {
    const config = () => awsClientConfig(region, limits);
    return {
        appRunner: new _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_2__/* .AppRunnerClient */ .fpv(config()),
        ecr: new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .ECRClient */ .S70(config()),
        rds: new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_4__/* .RDSClient */ .rYe(config()),
        sts: new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__/* .STSClient */ .iM(config()),
        cloudWatch: new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .CloudWatchClient */ .WBn(config()),
        cloudWatchLogs: new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_6__/* .CloudWatchLogsClient */ .TFr(config()),
        secretsManager: new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_7__/* .SecretsManagerClient */ ._H(config()),
    };
}


/***/ }),

/***/ 7148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bm: () => (/* binding */ appRunnerTraffic),
/* harmony export */   nY: () => (/* binding */ albTraffic)
/* harmony export */ });
/* unused harmony exports periodOf, metricStatistics, appRunnerDimensions, albDimensions */
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2664);


/** Rounds a window up to whole minutes, as CloudWatch periods must be. */
function periodOf(windowMs) {
    return Math.max(60, Math.ceil(windowMs / 60_000) * 60);
}
/** One GetMetricStatistics call through awsCall, datapoints oldest first. */
async function metricStatistics(client, request, deps) {
    const dimensions = Object.entries(request.dimensions).map(([Name, Value]) => ({
        Name,
        Value,
    }));
    const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)(`GetMetricStatistics ${request.namespace} ${request.metric}`, () => client.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .GetMetricStatisticsCommand */ .ByE({
        Namespace: request.namespace,
        MetricName: request.metric,
        Dimensions: dimensions,
        StartTime: new Date(request.start),
        EndTime: new Date(request.end),
        Period: request.periodSeconds,
        ...(request.statistics ? { Statistics: request.statistics } : {}),
        ...(request.percentiles ? { ExtendedStatistics: request.percentiles } : {}),
    }), deps.signal ? { abortSignal: deps.signal } : {}), deps);
    return [...(out.Datapoints ?? [])].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
}
/**
 * App Runner publishes its metrics with both ServiceName and ServiceID, and CloudWatch only
 * matches the exact set of dimensions: both come from the service ARN.
 */
function appRunnerDimensions(serviceArn) {
    const match = /:service\/([^/]+)\/([0-9a-f]{32})$/.exec(serviceArn);
    if (!match)
        throw new Error(`cannot read the service name and id from ${serviceArn}`);
    return { ServiceName: match[1], ServiceID: match[2] };
}
/**
 * Requests, 5xx and p99 latency of an App Runner service per period since `start`.
 * A period without a 5xxStatusResponses datapoint had no 5xx (App Runner publishes none until
 * the first one), so missing means zero; a period without Requests had no traffic.
 */
async function appRunnerTraffic(client, serviceArn, window, deps) {
    const dimensions = appRunnerDimensions(serviceArn);
    const base = { namespace: 'AWS/AppRunner', dimensions, ...window };
    const [requests, errors, latency] = await Promise.all([
        metricStatistics(client, { ...base, metric: 'Requests', statistics: ['Sum'] }, deps),
        metricStatistics(client, { ...base, metric: '5xxStatusResponses', statistics: ['Sum'] }, deps),
        metricStatistics(client, { ...base, metric: 'RequestLatency', percentiles: ['p99'] }, deps),
    ]);
    const key = (d) => d.Timestamp?.getTime() ?? 0;
    const errorsAt = new Map(errors.map((d) => [key(d), d.Sum ?? 0]));
    const p99At = new Map(latency.map((d) => [key(d), d.ExtendedStatistics?.['p99']]));
    return requests.map((d) => {
        const p99 = p99At.get(key(d));
        return {
            at: key(d),
            requests: d.Sum ?? 0,
            errors: errorsAt.get(key(d)) ?? 0,
            ...(p99 !== undefined ? { p99 } : {}),
        };
    });
}
const ELB_RESOURCE = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:(.+)$/;
/**
 * The AWS/ApplicationELB dimensions of one target group: `LoadBalancer` is the load
 * balancer's ARN after `loadbalancer/` (`app/<name>/<id>`), `TargetGroup` the target group's
 * after the account (`targetgroup/<name>/<id>`). Both, because a shared ALB's LoadBalancer-only
 * metrics mix every service behind it.
 */
function albDimensions(target) {
    const lb = ELB_RESOURCE.exec(target.loadBalancerArn)?.[1];
    const tg = ELB_RESOURCE.exec(target.targetGroupArn)?.[1];
    if (!lb?.startsWith('loadbalancer/app/'))
        throw new Error(`${target.loadBalancerArn} is not an Application Load Balancer ARN`);
    if (!tg?.startsWith('targetgroup/'))
        throw new Error(`${target.targetGroupArn} is not a target group ARN`);
    return { LoadBalancer: lb.slice('loadbalancer/'.length), TargetGroup: tg };
}
/**
 * Requests, 5xx answered by the service and p99 latency per period, from the load balancer in
 * front of it: RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime (seconds, given
 * here in ms) of each target group, added up (p99: the highest). ELB publishes an HTTPCode count
 * only when it is not zero, so missing means zero; a period without RequestCount had no traffic.
 * 5xx the load balancer makes itself (HTTPCode_ELB_5XX_Count) exist only per load balancer,
 * which Express shares between services, so they are not counted.
 */
async function albTraffic(client, targets, window, deps) {
    const perGroup = await Promise.all(targets.map(async (target) => {
        const base = {
            namespace: 'AWS/ApplicationELB',
            dimensions: albDimensions(target),
            ...window,
        };
        const [requests, errors, latency] = await Promise.all([
            metricStatistics(client, { ...base, metric: 'RequestCount', statistics: ['Sum'] }, deps),
            metricStatistics(client, { ...base, metric: 'HTTPCode_Target_5XX_Count', statistics: ['Sum'] }, deps),
            metricStatistics(client, { ...base, metric: 'TargetResponseTime', percentiles: ['p99'] }, deps),
        ]);
        return { requests, errors, latency };
    }));
    const key = (d) => d.Timestamp?.getTime() ?? 0;
    const byPeriod = new Map();
    for (const group of perGroup) {
        for (const d of group.requests) {
            const period = byPeriod.get(key(d)) ?? { at: key(d), requests: 0, errors: 0 };
            period.requests += d.Sum ?? 0;
            byPeriod.set(period.at, period);
        }
        for (const d of group.errors) {
            const period = byPeriod.get(key(d));
            if (period)
                period.errors += d.Sum ?? 0;
        }
        for (const d of group.latency) {
            const period = byPeriod.get(key(d));
            const seconds = d.ExtendedStatistics?.['p99'];
            if (period && seconds !== undefined)
                period.p99 = Math.max(period.p99 ?? 0, Math.round(seconds * 1000));
        }
    }
    return [...byPeriod.values()].sort((a, b) => a.at - b.at);
}


/***/ }),

/***/ 2435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ parseImageRef),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   W_: () => (/* binding */ imageUri),
/* harmony export */   aj: () => (/* binding */ parseImageIdentifier)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[0-9a-f]{64}))$/;
function registryHost(location) {
    return `${location.registryId}.dkr.ecr.${location.region}.amazonaws.com`;
}
function imageUri(location, ref) {
    return `${registryHost(location)}/${location.repository}${ref.kind === 'tag' ? `:${ref.tag}` : `@${ref.digest}`}`;
}
/**
 * Parses the `image` input. A full URI must name the configured repository: deploying
 * another repository's image is almost always a mistake in the workflow.
 */
function parseImageRef(input, inputName, location) {
    if (DIGEST.test(input))
        return { kind: 'digest', digest: input };
    const uri = URI.exec(input);
    if (uri) {
        const [, registryId, region, repository, tag, digest] = uri;
        if (repository !== location.repository ||
            registryId !== location.registryId ||
            region !== location.region) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `"${input}" is not in the configured repository ${registryHost(location)}/${location.repository}; name a tag or digest of that repository`);
        }
        return tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest };
    }
    if (TAG.test(input))
        return { kind: 'tag', tag: input };
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputName, `expected a tag (e.g. 3f9c2ab), a digest (sha256:<64 hex>) or an ECR URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), got "${input}"`);
}
/** Parses an identifier App Runner reports (always a URI with a tag or digest). */
function parseImageIdentifier(identifier) {
    const uri = URI.exec(identifier);
    if (!uri)
        return undefined;
    const [, , , repository, tag, digest] = uri;
    return {
        repository: repository,
        ref: tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest },
    };
}


/***/ }),

/***/ 7561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LQ: () => (/* binding */ RdsInstance),
/* harmony export */   iy: () => (/* binding */ snapshotId)
/* harmony export */ });
/* unused harmony exports isInstanceNotFound, describeDbInstance, allDbInstances, dbSnapshotsOf, BROKEN_INSTANCE_STATES, networkOf, sendInstanceRestore, DatabaseNotReady, isValidSnapshotId */
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7202);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4480);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2664);




/** RDS's answer for an instance that is not there (the name differs by protocol version). */
const isInstanceNotFound = (error) => ['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) ?? '');
/** RDS's answer for a snapshot that is not there (the name differs by protocol version). */
const isSnapshotNotFound = (error) => ['DBSnapshotNotFoundFault', 'DBSnapshotNotFound'].includes((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) ?? '');
/** One instance by name, or undefined when RDS has none by that name. */
async function describeDbInstance(client, id, deps) {
    try {
        const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DescribeDBInstances', () => client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBInstancesCommand */ .hhJ({ DBInstanceIdentifier: id })), deps);
        return out.DBInstances?.[0];
    }
    catch (error) {
        if (isInstanceNotFound(error))
            return undefined;
        throw error;
    }
}
/** Every instance of the account and region, following Marker (a list read in part is an error). */
function allDbInstances(client, deps) {
    return awsPages('DescribeDBInstances', async (marker) => {
        const res = await client.send(new DescribeDBInstancesCommand({ Marker: marker, MaxRecords: 100 }));
        return { items: res.DBInstances, next: res.Marker };
    }, deps, { maxPages: 200 });
}
/**
 * The snapshots of one instance of one type, following Marker up to `maxPages` pages (a list
 * read in part is an error naming `of`).
 */
function dbSnapshotsOf(client, instance, type, deps, options) {
    return (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsPages */ .A_)('DescribeDBSnapshots', async (marker) => {
        const res = await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBSnapshotsCommand */ .KKI({
            DBInstanceIdentifier: instance,
            SnapshotType: type,
            Marker: marker,
            MaxRecords: 100,
        }));
        return { items: res.DBSnapshots, next: res.Marker };
    }, deps, options);
}
/** States a restoring (or restored) instance does not come back from. */
const BROKEN_INSTANCE_STATES = new Set([
    'failed',
    'incompatible-restore',
    'incompatible-parameters',
    'incompatible-network',
    'inaccessible-encryption-credentials',
    'restore-error',
    'storage-full',
]);
/**
 * The network and parameter group of `like` that a restore copies so the new instance sits
 * where `like` does; a field `like` does not report is undefined (an empty list for the
 * security groups), for the caller to refuse with its own words.
 */
function networkOf(like) {
    return {
        subnetGroup: like.DBSubnetGroup?.DBSubnetGroupName,
        securityGroups: (like.VpcSecurityGroups ?? []).flatMap((g) => g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : []),
        parameterGroup: like.DBParameterGroups?.[0]?.DBParameterGroupName,
    };
}
/**
 * Restores `source` into `id`: to a point in time (RestoreDBInstanceToPointInTime) or from a
 * snapshot (RestoreDBInstanceFromDBSnapshot), with `settings` either way and `snapshotOnly`
 * added to the snapshot restore. One request, not retried here: a restore is not idempotent,
 * and whether to send it again is the caller's to decide.
 */
async function sendInstanceRestore(client, input) {
    if ('time' in input.from)
        await client.send(new RestoreDBInstanceToPointInTimeCommand({
            SourceDBInstanceIdentifier: input.source,
            TargetDBInstanceIdentifier: input.id,
            RestoreTime: input.from.time,
            ...input.settings,
        }));
    else
        await client.send(new RestoreDBInstanceFromDBSnapshotCommand({
            DBInstanceIdentifier: input.id,
            DBSnapshotIdentifier: input.from.snapshot,
            ...input.snapshotOnly,
            ...input.settings,
        }));
}
class DatabaseNotReady extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'DatabaseNotReady';
}
/** RDS snapshot identifiers: letters, digits, hyphens; a letter first; no "--"; no trailing "-"; \u2264 255. */
function isValidSnapshotId(id) {
    return (id.length <= 255 &&
        /^[A-Za-z][A-Za-z0-9-]*$/.test(id) &&
        !id.includes('--') &&
        !id.endsWith('-'));
}
/** `<prefix>-YYYYMMDD-HHMM[-<sha7>]` in UTC. */
function snapshotId(prefix, at, sha7) {
    const iso = at.toISOString();
    const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
    // RDS stores identifiers lowercase: make them so, so what is listed later compares equal.
    const id = `${prefix.replace(/-+$/, '').toLowerCase()}-${stamp}${sha7 ? `-${sha7.toLowerCase()}` : ''}`;
    if (!isValidSnapshotId(id))
        throw new Error(`snapshot id ${id} is not a valid RDS identifier`);
    return id;
}
class RdsInstance {
    client;
    instanceId;
    deps;
    constructor(client, instanceId, deps) {
        this.client = client;
        this.instanceId = instanceId;
        this.deps = deps;
    }
    async status() {
        const instance = await describeDbInstance(this.client, this.instanceId, this.deps);
        if (!instance)
            throw new DatabaseNotReady(`RDS instance ${this.instanceId} does not exist; check database.instance in the configuration`);
        return instance.DBInstanceStatus ?? 'unknown';
    }
    /** The ARN of the master secret RDS manages (ManageMasterUserPassword), if it manages one. */
    async managedMasterSecretArn() {
        const instance = await describeDbInstance(this.client, this.instanceId, this.deps);
        return instance?.MasterUserSecret?.SecretArn;
    }
    /**
     * A snapshot needs the instance "available or storage-optimization" (CreateDBSnapshot
     * reference; storage optimisation after a storage change lasts hours); say so before
     * anything changes.
     */
    async assertAvailable() {
        const status = await this.status();
        if (status !== 'available' && status !== 'storage-optimization') {
            throw new DatabaseNotReady(`RDS instance ${this.instanceId} is "${status}", and a snapshot needs it "available" (or "storage-optimization"); wait for it to finish, or run with snapshot: false if you accept deploying without one`);
        }
    }
    /**
     * Creates a manual snapshot and returns its id. An id already taken by an earlier run
     * (a second deploy of the same commit within a minute) gets a "-2", "-3"\u2026 suffix; but when
     * a retried call finds the id it just asked for, the first attempt went through and the
     * snapshot is ours.
     */
    async createSnapshot(id) {
        for (let n = 1; n <= 9; n++) {
            const candidate = n === 1 ? id : `${id}-${n}`;
            let retried = false;
            const created = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('CreateDBSnapshot', async (attempt) => {
                retried = attempt > 1;
                try {
                    await this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .CreateDBSnapshotCommand */ .SQw({
                        DBInstanceIdentifier: this.instanceId,
                        DBSnapshotIdentifier: candidate,
                    }));
                    return true;
                }
                catch (error) {
                    if ((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBSnapshotAlreadyExistsFault' ||
                        (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBSnapshotAlreadyExists')
                        return retried;
                    throw error;
                }
            }, this.deps);
            if (created)
                return candidate;
        }
        throw new DatabaseNotReady(`RDS snapshot ids ${id} to ${id}-9 are all taken; delete old ones or wait a minute`);
    }
    async describeSnapshot(id) {
        try {
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DescribeDBSnapshots', () => this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBSnapshotsCommand */ .KKI({ DBSnapshotIdentifier: id })), this.deps);
            return out.DBSnapshots?.[0];
        }
        catch (error) {
            if (isSnapshotNotFound(error))
                return undefined;
            throw error;
        }
    }
    /**
     * Our own bounded wait: the SDK's DBSnapshotCompleted waiter counts "not found" as done,
     * which would report a snapshot that never existed as complete.
     */
    async waitForSnapshot(id, timeoutMs, intervalMs) {
        return (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitWith */ .OO)(this.deps, `RDS snapshot ${id} to be available`, { timeoutMs, intervalMs }, async () => {
            const snapshot = await this.describeSnapshot(id);
            if (!snapshot)
                return { done: false, status: 'not listed yet' };
            if (snapshot.Status === 'available')
                return { done: true, value: snapshot };
            if (snapshot.Status === 'failed' || snapshot.Status === 'error') {
                throw new DatabaseNotReady(`RDS snapshot ${id} failed (status ${snapshot.Status})`);
            }
            return { done: false, status: `${snapshot.Status} (${snapshot.PercentProgress ?? 0}%)` };
        });
    }
    /** Manual snapshots of this instance whose id matches `own`, newest first. */
    async manualSnapshots(own) {
        const all = await dbSnapshotsOf(this.client, this.instanceId, 'manual', this.deps, {
            maxPages: 100,
            of: this.instanceId,
        });
        // RDS lists identifiers lowercase, whatever case they were created with.
        const found = all.filter((s) => own.test((s.DBSnapshotIdentifier ?? '').toLowerCase()));
        return found.sort((a, b) => (b.SnapshotCreateTime?.getTime() ?? Infinity) -
            (a.SnapshotCreateTime?.getTime() ?? Infinity));
    }
    async deleteSnapshot(id) {
        await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DeleteDBSnapshot', async (attempt) => {
            try {
                await this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DeleteDBSnapshotCommand */ .PHQ({ DBSnapshotIdentifier: id }));
            }
            catch (error) {
                // A retry that finds it gone: the earlier attempt deleted it and its answer was lost.
                if (attempt > 1 && isSnapshotNotFound(error))
                    return;
                throw error;
            }
        }, this.deps);
    }
}


/***/ }),

/***/ 614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ bakeConfigSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);
/**
 * `environments.<name>.bake`: read by the configuration, run by the deploy's bake period
 * (core/deploy/bake.ts).
 */

/** `environments.<name>.bake`: the thresholds; the length is deploy's `bake` input. */
const bakeConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    'error-rate': zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()
        .min(0)
        .max(100)
        .default(5)
        .describe('Percent of requests answered 5xx in a minute that counts as a bad minute.'),
    'latency-p99': zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr()
        .positive()
        .optional()
        .describe('RequestLatency p99 in ms above which a minute counts as bad; default: not watched.'),
    'consecutive-minutes': zod__WEBPACK_IMPORTED_MODULE_0__/* .int */ .Whr()
        .min(1)
        .max(60)
        .default(3)
        .describe('Bad minutes in a row that roll the deploy back.'),
})
    .describe('Bake period thresholds: deploy watches the new version this way for its bake input.');


/***/ }),

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z9: () => (/* binding */ loadConfig),
  aP: () => (/* binding */ selectEnvironment)
});

// UNUSED EXPORTS: parseConfig, parseYamlDocument

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/zod-issues.ts
var zod_issues = __webpack_require__(6793);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
;// CONCATENATED MODULE: ./core/config/asg-target.ts
/**
 * `target: { kind: asg, \u2026 }`: a service on EC2 Auto Scaling groups behind an Application Load
 * Balancer (core/targets/asg.ts). Every rule that can be judged from the file alone is judged
 * here, before anything runs; what needs AWS's answer (the deregistration delay, the group's
 * min/max, the launch template's image) is judged by the target before its first change.
 */


/** arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id> */
const LISTENER_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/[0-9a-f]{16}$/;
const stepSchema = schemas/* strictObject */.rej({
    weight: schemas/* int */.Whr()
        .min(1)
        .max(100)
        .describe('Share of the traffic (percent) the new group gets in this step.'),
    hold: fields/* durationField */.Ti
        .optional()
        .describe('How long the step is held and judged (required for every step below 100).'),
});
const asgTargetSchema = schemas/* strictObject */.rej({
    kind: schemas/* literal */.euz('asg').describe('EC2 Auto Scaling groups behind an Application Load Balancer.'),
    'listener-arn': schemas/* string */.YjP()
        .regex(LISTENER_ARN, {
        message: 'expected an Application Load Balancer listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)',
    })
        .describe('The listener whose default action forwards to the serving group.'),
    'group-prefix': schemas/* string */.YjP()
        .regex(/^[a-z0-9][a-z0-9-]{0,20}$/, {
        message: 'expected lowercase letters, digits and hyphens, at most 21 (groups and target groups are named <prefix>-<launch template version>, and a target group name has at most 32 characters)',
    })
        .describe('Groups and target groups are named <prefix>-<launch template version>.'),
    'launch-template': schemas/* string */.YjP()
        .regex(/^[a-zA-Z0-9().\-/_]{3,128}$/, { message: 'expected a launch template name' })
        .describe('The launch template whose new versions carry the image.'),
    'image-via': schemas/* literal */.euz('user-data')
        .default('user-data')
        .describe('How an instance learns its image: user-data (a line IMAGE=<registry>/<repo>@<digest> in the launch template version\u2019s user data, which the instance pulls and runs at boot).'),
    strategy: schemas/* enum */.k5n(['blue-green', 'canary'])
        .default('blue-green')
        .describe('blue-green: switch the listener to the new group at once; canary: weighted steps judged by metrics.'),
    'keep-old': fields/* durationField */.Ti
        .default('10m')
        .describe('How long the old group is kept after the switch (a rollback is then one listener switch back); at least the target group\u2019s deregistration delay.'),
    'healthy-timeout': fields/* durationField */.Ti
        .default('15m')
        .describe('How long the new group may take to have every target healthy.'),
    canary: schemas/* strictObject */.rej({
        steps: schemas/* array */.YOg(stepSchema)
            .min(1)
            .default([{ weight: 10, hold: '10m' }, { weight: 50, hold: '10m' }, { weight: 100 }])
            .describe('The weights of the new group, ending at 100.'),
        'error-rate-ratio': schemas/* number */.aig().min(1).default(2),
        'error-rate-margin': schemas/* number */.aig().min(0).max(1).default(0.01),
        'p99-ratio': schemas/* number */.aig().min(1).default(1.5),
        'p99-margin': fields/* durationField */.Ti.default('100ms'),
        'poll-interval': fields/* durationField */.Ti.default('1m'),
        'min-requests': schemas/* int */.Whr()
            .min(1)
            .default(100)
            .describe('Requests each group must have in a step before it is judged; a step that ends with fewer is not a pass.'),
    })
        .prefault({})
        .describe('Canary steps and the relative thresholds of their analysis.'),
})
    .superRefine((t, ctx) => {
    const steps = t.canary.steps;
    steps.forEach((s, i) => {
        if (i > 0 && s.weight <= steps[i - 1].weight)
            ctx.addIssue({
                code: 'custom',
                path: ['canary', 'steps', i, 'weight'],
                message: `${s.weight} is not above the step before (${steps[i - 1].weight}): weights must go up`,
            });
        if (s.weight < 100 && s.hold === undefined)
            ctx.addIssue({
                code: 'custom',
                path: ['canary', 'steps', i, 'hold'],
                message: `is required: the ${s.weight} % step must be held for a duration (e.g. hold: 10m) while it is judged`,
            });
    });
    if (steps.at(-1)?.weight !== 100)
        ctx.addIssue({
            code: 'custom',
            path: ['canary', 'steps', steps.length - 1, 'weight'],
            message: `the last step must be 100 (it is ${steps.at(-1)?.weight}): a canary ends with all the traffic on the new group`,
        });
});

;// CONCATENATED MODULE: ./core/checks/schemas/common.ts
/**
 * What the configuration knows of a check type: its `type:`, its keys and the targets it can
 * read. These files sit below the configuration, which builds its check lists from them; the
 * run of each check (core/checks/<type>.ts) sits above the configuration and spreads its
 * schema into `defineCheck`. They import zod and field readers only, never a check.
 */


/** Keys every configured check may carry, whatever its type. */
const commonCheckFields = {
    id: schemas/* string */.YjP()
        .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like open-aml-alerts' })
        .optional()
        .describe('Stable id for waivers and reports; default: the type (plus name, when given).'),
    group: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Section of the report, e.g. Infrastructure or Domain & TLS.'),
    timeout: fields/* durationField */.Ti.optional().describe('Deadline for this check; default per type.'),
};
/** Declares a check type's item schema; the literal type lets the configuration's union discriminate. */
function defineCheckSchema(schema) {
    return schema;
}

;// CONCATENATED MODULE: ./core/checks/schemas/service-running.ts

const serviceRunningSchema = defineCheckSchema({
    type: 'service-running',
    description: 'The service is up: App Runner RUNNING; ECS Express ACTIVE with its newest deployment SUCCESSFUL; asg: the serving group has every target healthy behind the load balancer.',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/schemas/attestation.ts


const attestationSchema = defineCheckSchema({
    type: 'attestation',
    description: 'A person vouches for this item in the attestations file (by, at, evidence, expires).',
    shape: {
        id: schemas/* string */.YjP()
            .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' }),
        text: schemas/* string */.YjP().min(1).describe('What the person vouches for, as the checklist says it.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/backups.ts



const backupsSchema = defineCheckSchema({
    type: 'backups',
    description: 'Automated backups are on (retention > 0) and LatestRestorableTime is recent, so point-in-time recovery works.',
    shape: {
        'max-restore-lag': fields/* durationField */.Ti
            .default('15m')
            .describe('How far LatestRestorableTime may lag behind now.'),
        'min-retention-days': schemas/* int */.Whr().min(1).max(35).default(1),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/ci-green.ts


const ciGreenSchema = defineCheckSchema({
    type: 'ci-green',
    description: 'The commit being launched has only successful check runs and commit statuses (and each required one).',
    shape: {
        required: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
            .default([])
            .describe('Check run or status names that must be present and successful, e.g. lint, e2e.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/custom-domains.ts


const customDomainsSchema = defineCheckSchema({
    type: 'custom-domains',
    description: 'App Runner DescribeCustomDomains shows each host associated with the service and active.',
    shape: {
        hosts: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z0-9.-]+$/, { message: 'expected a host name like getdrop.no' }))
            .min(1),
    },
    // ECS Express serves on its own endpoint; it has no custom domains to describe.
    targets: ['app-runner'],
});

;// CONCATENATED MODULE: ./core/checks/schemas/database-available.ts

const databaseAvailableSchema = defineCheckSchema({
    type: 'database-available',
    description: 'The RDS instance is available.',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/schemas/database-private.ts

const databasePrivateSchema = defineCheckSchema({
    type: 'database-private',
    description: 'The RDS instance is not publicly accessible and no security group admits its port from anywhere.',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/schemas/ecr-untagged.ts



const ecrUntaggedSchema = defineCheckSchema({
    type: 'ecr-untagged',
    description: 'Untagged ECR images that nothing references, listed (or deleted with delete: true); index children, running images, rollback targets and recent pushes are kept.',
    shape: {
        delete: schemas/* boolean */.zMY()
            .default(false)
            .describe('Delete what the clean-up finds; default false lists it only (dry run).'),
        'min-age': fields/* durationField */.Ti
            .default('7d')
            .describe('Untagged images pushed more recently than this are kept.'),
        'rollback-targets': schemas/* int */.Whr()
            .min(0)
            .max(100)
            .default(5)
            .describe('How many last good versions of each environment are kept for a rollback.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/error-rate.ts



const errorRateSchema = defineCheckSchema({
    type: 'error-rate',
    description: 'The share of requests answered 5xx over the window stays at or below max-percent (App Runner: AWS/AppRunner 5xxStatusResponses \u00f7 Requests; ECS Express: AWS/ApplicationELB HTTPCode_Target_5XX_Count \u00f7 RequestCount of its target groups).',
    shape: {
        'max-percent': schemas/* number */.aig().min(0).max(100).default(1),
        window: fields/* positiveDurationField */.cU.default('1h'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/free-storage.ts



const freeStorageSchema = defineCheckSchema({
    type: 'free-storage',
    description: 'RDS FreeStorageSpace (its minimum over the window) stays above min-gib.',
    shape: {
        'min-gib': positiveNumber().default(2),
        window: fields/* positiveDurationField */.cU.default('1h'),
    },
});
function positiveNumber() {
    return schemas/* number */.aig().positive({ message: 'expected a number greater than 0' });
}

;// CONCATENATED MODULE: ./core/checks/schemas/health.ts

const healthSchema = defineCheckSchema({
    type: 'health',
    description: 'The environment\u2019s health checks pass (tried again until the check\u2019s deadline).',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/schemas/hsts.ts



const hstsSchema = defineCheckSchema({
    type: 'hsts',
    description: 'Strict-Transport-Security has at least this max-age, includeSubDomains and preload.',
    shape: {
        'min-max-age': schemas/* int */.Whr().min(0).default(63072000),
        'include-subdomains': schemas/* boolean */.zMY().default(true),
        preload: schemas/* boolean */.zMY().default(true),
        url: fields/* httpUrlField */.St.optional().describe('Page to read the header from; default health.base-url.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/https-redirect.ts


const httpsRedirectSchema = defineCheckSchema({
    type: 'https-redirect',
    description: 'The http:// address redirects to https://.',
    shape: {
        url: fields/* httpUrlField */.St
            .optional()
            .describe('The http:// URL to try; default health.base-url with http://.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/image-present.ts


const imagePresentSchema = defineCheckSchema({
    type: 'image-present',
    description: 'ECR holds an image with this tag.',
    shape: {
        tag: schemas/* string */.YjP()
            .regex(/^[\w][\w.-]{0,127}$/)
            .default('production'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/latency-p99.ts



const latencyP99Schema = defineCheckSchema({
    type: 'latency-p99',
    description: 'p99 latency over the window stays at or below max-ms (App Runner: AWS/AppRunner RequestLatency; ECS Express: AWS/ApplicationELB TargetResponseTime of its target groups).',
    shape: {
        'max-ms': schemas/* int */.Whr().positive({ message: 'expected a number of milliseconds greater than 0' }),
        window: fields/* positiveDurationField */.cU.default('1h'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/lifecycle-policy.ts

const lifecyclePolicySchema = defineCheckSchema({
    type: 'lifecycle-policy',
    description: 'The ECR repository has no lifecycle rule that can expire an image a service runs or a rollback target (untagged or any images; tagged rules are evaluated against what is protected today).',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/schemas/log-errors.ts



const logErrorsSchema = defineCheckSchema({
    type: 'log-errors',
    description: 'CloudWatch Logs events matching a filter pattern over the window stay at or below max-count (every page read).',
    shape: {
        'log-group': schemas/* string */.YjP().min(1).max(512),
        pattern: schemas/* string */.YjP().min(1).describe('A CloudWatch Logs filter pattern, e.g. "?ERROR ?FATAL".'),
        'max-count': schemas/* int */.Whr().min(0).default(0),
        window: fields/* positiveDurationField */.cU.default('24h'),
        'show-messages': schemas/* boolean */.zMY()
            .default(false)
            .describe('Put the first matching messages (masked: e-mails, digit runs, tokens) in the report, issue and Slack; default: only the count and a Logs Insights link.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/monitors-green.ts


const monitorsGreenSchema = defineCheckSchema({
    type: 'monitors-green',
    description: 'Every configured BetterStack monitor is up; a pause by apprunner-ops past its window is ended.',
    shape: {
        'monitor-ids': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('Monitors to check; default: the environment\u2019s maintenance.monitor-ids.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/pages-reachable.ts


const pagesReachableSchema = defineCheckSchema({
    type: 'pages-reachable',
    description: 'Each page under health.base-url answers 200.',
    shape: { paths: schemas/* array */.YOg(schemas/* string */.YjP().startsWith('/')).min(1) },
});

;// CONCATENATED MODULE: ./core/checks/schemas/restore-verified.ts


const restoreVerifiedSchema = defineCheckSchema({
    type: 'restore-verified',
    description: 'A successful restore drill (audit_log action restore_drill) within max-age-days.',
    shape: { 'max-age-days': schemas/* int */.Whr().min(1).max(366).default(35) },
});
const pitrTestedSchema = defineCheckSchema({
    type: 'pitr-tested',
    description: 'A successful point-in-time restore drill (snapshot-restore with from: pitr, audit_log action restore_drill) within max-age-days.',
    shape: { 'max-age-days': schemas/* int */.Whr().min(1).max(366).default(35) },
});

;// CONCATENATED MODULE: ./core/checks/schemas/db-diagnostics.ts



const connectionsSchema = defineCheckSchema({
    type: 'connections',
    description: 'Database connections in use against max_connections, by state, and sessions idle in a transaction for longer than idle-in-transaction (read-only).',
    shape: {
        'max-used-percent': schemas/* number */.aig()
            .min(1)
            .max(100)
            .default(80)
            .describe('Fail when more than this share of max_connections is in use.'),
        'idle-in-transaction': fields/* durationField */.Ti
            .default('5m')
            .describe('Fail on a session idle in a transaction for longer than this (it holds locks).'),
    },
});
const longQueriesSchema = defineCheckSchema({
    type: 'long-queries',
    description: 'Queries running longer than longer-than, with pid, user and age; their text only with show-text (read-only).',
    shape: {
        'longer-than': fields/* durationField */.Ti.default('5m'),
        'show-text': schemas/* boolean */.zMY()
            .default(false)
            .describe('Show the first 200 characters of each query (may hold personal data).'),
    },
});
const blockingSchema = defineCheckSchema({
    type: 'blocking',
    description: 'Sessions waiting for a lock longer than waiting-longer-than, each with the pid that blocks it (read-only; no query text).',
    shape: { 'waiting-longer-than': fields/* durationField */.Ti.default('30s') },
});
const replicationLagSchema = defineCheckSchema({
    type: 'replication-lag',
    description: 'Each read replica of database.instance: CloudWatch AWS/RDS ReplicaLag, its maximum over the window, is at most max-seconds.',
    shape: {
        'max-seconds': schemas/* number */.aig().min(0).default(60),
        window: fields/* durationField */.Ti.default('15m'),
    },
});
const storageGrowthSchema = defineCheckSchema({
    type: 'storage-growth',
    description: 'Days until the database storage is full at the growth of the last 7 days (CloudWatch FreeStorageSpace, daily minimum) is at least min-days.',
    shape: { 'min-days': schemas/* number */.aig().positive().default(30) },
});

;// CONCATENATED MODULE: ./core/checks/schemas/rotation-due.ts

const rotationDueSchema = defineCheckSchema({
    type: 'rotation-due',
    description: 'No configured secret is past its rotation date.',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/schemas/secrets-present.ts



const secretsPresentSchema = defineCheckSchema({
    type: 'secrets-present',
    description: 'The configured secrets exist and are long enough; values are measured, never shown.',
    shape: { names: schemas/* array */.YOg(fields/* envNameField */.vn).optional() },
});

;// CONCATENATED MODULE: ./core/checks/schemas/service-env.ts



const serviceEnvSchema = defineCheckSchema({
    type: 'service-env',
    description: "The service's environment variables have these values, these are absent, and every configured secret is referenced (App Runner RuntimeEnvironmentSecrets; ECS Express the active configuration's container secrets).",
    shape: {
        equals: schemas/* record */.g1P(fields/* envNameField */.vn, schemas/* string */.YjP()).default({}),
        absent: schemas/* array */.YOg(fields/* envNameField */.vn).default([]),
        'secrets-referenced': schemas/* boolean */.zMY()
            .default(true)
            .describe("Every name under the environment's secrets must be in RuntimeEnvironmentSecrets."),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/snapshot-fresh.ts


const snapshotFreshSchema = defineCheckSchema({
    type: 'snapshot-fresh',
    description: 'The newest automated RDS snapshot is younger than max-age.',
    shape: { 'max-age': fields/* positiveDurationField */.cU.default('24h') },
});

;// CONCATENATED MODULE: ./core/drill/schema.ts


/** The drill's default deadlines, shared by its check item and the job that runs it. */
const DRILL_DEFAULTS = {
    restoreDeadlineMinutes: 60,
    deleteDeadlineMinutes: 30,
    /** Restore plus delete plus snapshot lookup, password, verification and record. */
    checkTimeoutMinutes: 100,
};
/**
 * What a post step may spend after a cancellation: GitHub ends what still runs about five
 * minutes after it cancels a job, so the post step asks RDS to delete the drill instance and
 * waits at most this long; the next drill's leftover sweep deletes whatever is left.
 */
const POST_STEP_BUDGET_MS = (/* unused pure expression or super */ null && (4 * 60_000));
/** What a job's setup takes before the drill starts (checkout, the suite, AWS credentials). */
const JOB_SETUP_MINUTES = 10;
/**
 * `timeout-minutes` of a job that runs the drill: the check's whole timeout (which covers the
 * restore and delete deadlines) plus the job's setup, so the job never ends the drill before
 * the drill's own deadlines do. A drill configured with a longer `timeout` needs its job's
 * timeout raised as much.
 */
function drillJobTimeoutMinutes() {
    return DRILL_DEFAULTS.checkTimeoutMinutes + JOB_SETUP_MINUTES;
}
/** What a verification query's first value must satisfy. Exactly one key. */
const drillExpectSchema = schemas/* strictObject */.rej({
    'greater-than': schemas/* number */.aig().optional().describe('The value (a number) is greater than this.'),
    'at-least': schemas/* number */.aig().optional().describe('The value (a number) is at least this.'),
    equals: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).optional(),
    'not-older-than-snapshot-by': fields/* durationField */.Ti
        .optional()
        .describe('The value (a timestamp) is at most this much older than the snapshot, e.g. 1d: the data is recent.'),
})
    .refine((e) => Object.values(e).filter((v) => v !== undefined).length === 1, {
    message: 'expected exactly one of greater-than, at-least, equals, not-older-than-snapshot-by',
});
const drillQuerySchema = schemas/* strictObject */.rej({
    name: fields/* queryNameField */.IN.describe('Name in the report, e.g. users.'),
    sql: schemas/* string */.YjP()
        .min(1)
        .describe('A read-only query; its first column of the first row is the value checked.'),
    expect: drillExpectSchema,
});
/** The keys of a `snapshot-restore` check (the monthly restore drill). */
const snapshotRestoreShape = {
    from: schemas/* enum */.k5n(['snapshot', 'pitr'])
        .default('snapshot')
        .describe('snapshot: restore a snapshot (see snapshot); pitr: restore to a point in time pitr-age ago (RestoreDBInstanceToPointInTime), the runbooks\u2019 "point-in-time recovery tested".'),
    'pitr-age': fields/* durationField */.Ti
        .default('1h')
        .describe('With from: pitr, how long ago the restored point in time is (inside the restore window).'),
    snapshot: schemas/* enum */.k5n(['newest-automated', 'newest-pre-deploy'])
        .default('newest-automated')
        .describe('Which snapshot to restore: the newest automated one, or the newest pre-deploy snapshot (database.snapshot-prefix).'),
    'instance-class': schemas/* string */.YjP()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'expected an RDS class like db.t4g.micro' })
        .default('db.t4g.micro')
        .describe('Class of the drill instance: the smallest that restores your data.'),
    deadline: fields/* durationField */.Ti
        .default(`${DRILL_DEFAULTS.restoreDeadlineMinutes}m`)
        .describe('How long the restored instance may take to become available.'),
    'delete-deadline': fields/* durationField */.Ti
        .default(`${DRILL_DEFAULTS.deleteDeadlineMinutes}m`)
        .describe('How long deleting the drill instance may take.'),
    'poll-interval': fields/* durationField */.Ti
        .default('30s')
        .describe('How often the drill instance\u2019s status is read while waiting.'),
    'master-secret': schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Secrets Manager id of the master credentials (JSON username/password); default: the database-url input with its host replaced.'),
    ssl: schemas/* boolean */.zMY()
        .default(true)
        .describe('Connect with TLS when credentials come from master-secret (RDS forces TLS by default).'),
    queries: schemas/* array */.YOg(drillQuerySchema)
        .default([])
        .describe('Verification queries with expectations, e.g. SELECT COUNT(*) FROM users greater-than 0. None: the drill only logs in.'),
};

;// CONCATENATED MODULE: ./core/checks/schemas/snapshot-restore.ts


const snapshotRestoreSchema = defineCheckSchema({
    type: 'snapshot-restore',
    description: 'Restores the newest snapshot into a temporary private drill instance, verifies it with SQL, deletes it and records the restore time.',
    shape: snapshotRestoreShape,
});

;// CONCATENATED MODULE: ./core/util/sql-statements.ts
/**
 * The statements in SQL text, each with the line it starts on (1-based): split at `;` outside
 * quotes ('\u2026', "\u2026", E'\u2026', $tag$\u2026$tag$) and comments (--, nested /* \u2026 *\/). Empty statements
 * (a trailing `;`, a comment alone) do not count. Used to refuse, when the configuration is
 * read, a query PostgreSQL's extended protocol would refuse when it runs.
 */
function sqlStatements(text) {
    const out = [];
    let start = 0;
    let meaningful = false;
    let startLine = 1;
    let line = 1;
    const flush = (end) => {
        if (meaningful)
            out.push({ line: startLine, text: text.slice(start, end).trim() });
        start = end + 1;
        meaningful = false;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\n') {
            line++;
            continue;
        }
        if (/\s/.test(c))
            continue;
        if (c === '-' && text[i + 1] === '-') {
            while (i < text.length && text[i] !== '\n')
                i++;
            i--;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            let depth = 1;
            for (i += 2; i < text.length && depth > 0; i++) {
                if (text[i] === '\n')
                    line++;
                else if (text[i] === '/' && text[i + 1] === '*') {
                    depth++;
                    i++;
                }
                else if (text[i] === '*' && text[i + 1] === '/') {
                    depth--;
                    i++;
                }
            }
            i--;
            continue;
        }
        if (c === ';') {
            flush(i);
            continue;
        }
        if (!meaningful)
            startLine = line;
        meaningful = true;
        if (c === "'" || c === '"') {
            // A doubled quote is a quote inside; E'' strings may escape one with a backslash.
            const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '');
            for (i++; i < text.length; i++) {
                if (text[i] === '\n')
                    line++;
                if (escapes && text[i] === '\\')
                    i++;
                else if (text[i] === c) {
                    if (text[i + 1] === c)
                        i++;
                    else
                        break;
                }
            }
            continue;
        }
        const dollar = c === '$' ? /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i)) : null;
        if (dollar) {
            const close = text.indexOf(dollar[0], i + dollar[0].length);
            const end = close < 0 ? text.length : close + dollar[0].length;
            line += (text.slice(i, end).match(/\n/g) ?? []).length;
            i = end - 1;
        }
    }
    flush(text.length);
    return out;
}

;// CONCATENATED MODULE: ./core/checks/schemas/sql.ts



const sqlSchema = defineCheckSchema({
    type: 'sql',
    description: 'A read-only query; more rows than max-rows is a failure, listing the first ids.',
    shape: {
        name: schemas/* string */.YjP()
            .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase name like open-aml-alerts' }),
        query: schemas/* string */.YjP()
            .min(1)
            .superRefine((query, ctx) => {
            const statements = sqlStatements(query);
            if (statements.length === 1)
                return;
            ctx.addIssue({
                code: 'custom',
                message: statements.length === 0
                    ? 'holds no SQL statement; write one SELECT'
                    : `holds ${statements.length} SQL statements (the second starts on line ${statements[1].line} of the query); an sql check runs exactly one, so it cannot end its read-only transaction or lift its timeout: keep the one SELECT`,
            });
        }),
        'max-rows': schemas/* int */.Whr().min(0).default(0).describe('Fail when the query returns more rows.'),
        'id-column': schemas/* string */.YjP().min(1).default('id').describe('Column listed for the first rows.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/tls.ts


const tlsCheckSchema = defineCheckSchema({
    type: 'tls',
    description: 'Each host serves a trusted certificate that covers it and is valid for min-days more.',
    shape: {
        hosts: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, { message: 'expected host or host:port' }))
            .min(1),
        'min-days': schemas/* int */.Whr().min(0).default(90),
        resolve: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP().regex(/^[A-Za-z0-9.-]+:\d+$/, { message: 'expected address:port' }))
            .default({})
            .describe('Connect to this address:port for a host (like curl --resolve), e.g. before DNS cut-over.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/report.ts


const reportSchema = defineCheckSchema({
    type: 'report',
    description: 'The monthly ops report: availability per BetterStack monitor against its target, 5xx and p99 per day, delivery figures from the audit log, the rotation schedule and restore drills; drawn as charts in the job summary and kept as Markdown and JSON.',
    shape: {
        month: schemas/* string */.YjP()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a month like 2026-11' })
            .optional()
            .describe('The calendar month to report; default the month before the run.'),
        from: schemas/* string */.YjP()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day like 2026-11-01' })
            .optional()
            .describe('First day of a range to report instead of a month (with to).'),
        to: schemas/* string */.YjP()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day like 2026-11-30' })
            .optional()
            .describe('Last day (included) of the range.'),
        'sla-target': schemas/* number */.aig()
            .gt(0, { message: 'must be above 0 and below 100, e.g. 99.9' })
            .lt(100, { message: 'must be above 0 and below 100, e.g. 99.9' })
            .default(99.9)
            .describe('Availability target of each monitor, percent.'),
        'max-error-percent': schemas/* number */.aig()
            .min(0)
            .max(100)
            .default(1)
            .describe('Highest acceptable share of 5xx answers per day, percent.'),
        'max-p99-ms': schemas/* number */.aig()
            .positive()
            .default(1000)
            .describe('Highest acceptable p99 latency per day, ms.'),
        'monitor-ids': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('BetterStack monitors; default the environment\u2019s maintenance.monitor-ids.'),
        'open-issue': schemas/* boolean */.zMY()
            .default(false)
            .describe('Also open the report as a GitHub issue (needs github-token with issues: write).'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/incidents-resolved.ts



const incidentsResolvedSchema = defineCheckSchema({
    type: 'incidents-resolved',
    description: 'No BetterStack incident is left unresolved for longer than max-age (the runbook\u2019s "no unresolved critical alerts in 24 h").',
    shape: {
        'max-age': fields/* durationField */.Ti
            .default('24h')
            .describe('How long an incident may stay unresolved, e.g. 24h.'),
        'monitor-ids': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('Only incidents of these monitors; default every incident of the team.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/escalation-test.ts



const escalationTestSchema = defineCheckSchema({
    type: 'escalation-test',
    description: 'Opt-in: creates a BetterStack test incident for an escalation policy, waits until BetterStack escalates it, then resolves it (also after a cancellation, in the post step).',
    shape: {
        'policy-id': schemas/* string */.YjP()
            .regex(/^\d+$/, { message: 'expected the numeric id of a BetterStack escalation policy' })
            .describe('The escalation policy the test incident goes to.'),
        'requester-email': schemas/* email */.Rpp({ message: 'expected an e-mail address (BetterStack requires one)' })
            .describe('Who BetterStack records as having reported the test incident.'),
        deadline: fields/* durationField */.Ti
            .default('10m')
            .describe('How long to wait for BetterStack to escalate the incident.'),
        'poll-interval': fields/* durationField */.Ti.default('15s').describe('How often to read its timeline.'),
    },
});

;// CONCATENATED MODULE: ./core/checks/schemas/index.ts

































/**
 * Every check type's item schema, once, in the order of `CHECK_TYPES` (core/checks/registry.ts,
 * which pairs each with its run). The configuration's `checks.*` and `gates.*` lists are built
 * from this list, so reading a configuration loads no check.
 */
const CHECK_SCHEMAS = [
    serviceRunningSchema,
    attestationSchema,
    backupsSchema,
    ciGreenSchema,
    customDomainsSchema,
    databaseAvailableSchema,
    databasePrivateSchema,
    ecrUntaggedSchema,
    errorRateSchema,
    freeStorageSchema,
    healthSchema,
    hstsSchema,
    httpsRedirectSchema,
    imagePresentSchema,
    latencyP99Schema,
    lifecyclePolicySchema,
    logErrorsSchema,
    monitorsGreenSchema,
    pagesReachableSchema,
    restoreVerifiedSchema,
    rotationDueSchema,
    secretsPresentSchema,
    serviceEnvSchema,
    snapshotFreshSchema,
    snapshotRestoreSchema,
    sqlSchema,
    tlsCheckSchema,
    reportSchema,
    incidentsResolvedSchema,
    escalationTestSchema,
    pitrTestedSchema,
    connectionsSchema,
    longQueriesSchema,
    blockingSchema,
    replicationLagSchema,
    storageGrowthSchema,
];
function checkSchema(type) {
    return CHECK_SCHEMAS.find((t) => t.type === type);
}
/** Why a check type cannot run on a deploy target (custom-domains on ECS Express), if it cannot. */
function targetMismatch(type, kind) {
    if (!type?.targets || type.targets.includes(kind))
        return undefined;
    return `${type.type} reads what only ${type.targets.join(' and ')} has, and this environment's target is ${kind}: remove it from the environment's lists`;
}
function itemSchema(t) {
    return schemas/* strictObject */.rej({ type: schemas/* literal */.euz(t.type), ...commonCheckFields, ...t.shape })
        .describe(t.description);
}
const [first, ...rest] = CHECK_SCHEMAS.map(itemSchema);
/** One configured check: `{ type, ...its fields, id?, group?, timeout? }`. */
const checkItemSchema = schemas/* discriminatedUnion */.gMt('type', [
    first,
    ...rest,
]);
/** Stable id of a configured check: its `id`, else type plus name (sql), else the type. */
function checkId(item) {
    if (item.id)
        return item.id;
    if (typeof item.name === 'string')
        return `${item.type}-${item.name}`;
    return item.type;
}

;// CONCATENATED MODULE: ./core/health/check-schema.ts


const jsonScalar = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY(), schemas/* null */.chJ()]);
/**
 * One health check. Used in `environments.<name>.health.checks` and in the smoke-test
 * action's `checks` input, so both accept exactly the same shape.
 */
const healthCheckSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().min(1).describe('Shown in the summary and annotations.'),
    path: schemas/* string */.YjP()
        .startsWith('/', { message: 'expected a path starting with "/"' })
        .optional()
        .describe('Path appended to the base URL. Give either path or url.'),
    url: fields/* httpUrlField */.St
        .optional()
        .describe('Absolute URL; overrides the base URL. Give either path or url.'),
    method: schemas/* enum */.k5n(['GET', 'HEAD', 'POST']).default('GET'),
    timeout: fields/* durationField */.Ti.default('10s').describe('Deadline of one attempt.'),
    expect: schemas/* strictObject */.rej({
        status: schemas/* int */.Whr().min(100).max(599).default(200),
        json: schemas/* record */.g1P(schemas/* string */.YjP(), jsonScalar)
            .optional()
            .describe('Values the JSON body must hold, by dot path: { "data.status": "ok" }.'),
        headers: schemas/* record */.g1P(schemas/* string */.YjP(), fields/* regexField */.Al)
            .optional()
            .describe('Response headers that must be present and match a regular expression.'),
        'max-latency-ms': schemas/* int */.Whr()
            .positive()
            .optional()
            .describe('Fail when the response takes longer.'),
    })
        .default({ status: 200 }),
    tls: schemas/* strictObject */.rej({
        'min-days': schemas/* int */.Whr().min(0).describe('Fail when the certificate expires in fewer days.'),
    })
        .optional(),
    'https-redirect': schemas/* union */.KCZ([schemas/* boolean */.zMY(), fields/* httpUrlField */.St])
        .optional()
        .describe('Also request the plain-HTTP address and expect a redirect to https://. true: the same URL with http:// on port 80; or the http:// URL to request.'),
    'reports-version': schemas/* boolean */.zMY()
        .optional()
        .describe('This check\u2019s JSON body reports the running version (see version-path).'),
})
    .refine((check) => (check.path === undefined) !== (check.url === undefined), {
    message: 'give exactly one of "path" or "url"',
});
const healthChecksSchema = schemas/* array */.YOg(healthCheckSchema)
    .min(1, { message: 'expected at least one check' });

// EXTERNAL MODULE: ./core/config/bake.ts
var bake = __webpack_require__(614);
;// CONCATENATED MODULE: ./core/config/database-access.ts


/**
 * How the runner reaches the environment's database (`database.access`), docs/setup.md
 * "Private databases". A GitHub-hosted runner is outside the VPC, while the go-live gate wants
 * the database private; each team picks one of three ways.
 */
const DATABASE_ACCESS = ['direct', 'ssm', 'runner'];
const EC2_INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;
const tagFilterSchema = schemas/* strictObject */.rej({
    tag: schemas/* string */.YjP().min(1).max(128).describe('Tag key of the instance, e.g. Name.'),
    value: schemas/* string */.YjP().min(1).max(256).describe('Tag value, e.g. db-bastion.'),
})
    .describe('The one running instance with this tag (an error when none or several match).');
const databaseAccessShape = {
    access: schemas/* enum */.k5n(DATABASE_ACCESS)
        .default('direct')
        .describe('How the runner reaches the database. direct: connect to the URL\u2019s host. ssm: AWS Systems Manager port forwarding through an instance in the VPC (via). runner: the database jobs run on a self-hosted runner inside the VPC (runner-label).'),
    via: schemas/* union */.KCZ([
        schemas/* string */.YjP().regex(EC2_INSTANCE_ID, {
            message: 'expected an EC2 instance id like i-0123456789abcdef0, or a tag filter { tag: Name, value: db-bastion }',
        }),
        tagFilterSchema,
    ])
        .optional()
        .describe('access: ssm only: the instance running the SSM agent that forwards the connection, by id (i-0123456789abcdef0) or tag filter ({ tag: Name, value: db-bastion }).'),
    'runner-label': schemas/* string */.YjP()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'expected a runner label like vpc-runner' })
        .optional()
        .describe('access: runner only: the label of the self-hosted runner inside the VPC that runs the jobs touching the database.'),
    'reach-timeout': fields/* durationField */.Ti
        .default('10s')
        .describe('Preflight: how long an action that will touch the database waits for a connection before it stops, changing nothing.'),
};
/** The rules between the fields, as configuration errors on the field to fix. */
function checkDatabaseAccess(db, ctx) {
    if (db.access === 'ssm' && db.via === undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['via'],
            message: 'is required for access: ssm: the instance in the VPC that runs the SSM agent, e.g. via: i-0123456789abcdef0 or via: { tag: Name, value: db-bastion }',
        });
    if (db.access !== 'ssm' && db.via !== undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['via'],
            message: `applies only to access: ssm (this database has access: ${db.access}); remove it or set access: ssm`,
        });
    if (db.access === 'runner' && db['runner-label'] === undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['runner-label'],
            message: 'is required for access: runner: the label of the self-hosted runner inside the VPC, e.g. runner-label: vpc-runner',
        });
    if (db.access !== 'runner' && db['runner-label'] !== undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['runner-label'],
            message: `applies only to access: runner (this database has access: ${db.access}); remove it or set access: runner`,
        });
}

;// CONCATENATED MODULE: ./core/restore/schema.ts


/** One verification query of a restore: run on the current and the restored instance. */
const restoreQuerySchema = schemas/* strictObject */.rej({
    name: fields/* queryNameField */.IN.describe('Name in the side-by-side table, e.g. users.'),
    sql: schemas/* string */.YjP()
        .min(1)
        .describe('A read-only query; the first column of its first row is shown, e.g. SELECT count(*) FROM users.'),
});
/** `restore:` of an environment: what the restore-database action verifies and how long it waits. */
const restoreConfigSchema = schemas/* strictObject */.rej({
    verify: schemas/* array */.YOg(restoreQuerySchema)
        .default([])
        .describe('Queries run on the current and the restored instance and shown side by side, e.g. SELECT max(updated_at) FROM audit_log.'),
    'instance-class': schemas/* string */.YjP()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'expected an RDS class like db.t4g.small' })
        .optional()
        .describe('Class of the restored instance; default: the current instance\u2019s class.'),
    deadline: fields/* durationField */.Ti
        .default('60m')
        .describe('How long the restored instance may take to become available.'),
    'rename-deadline': fields/* durationField */.Ti
        .default('15m')
        .describe('How long each rename of the cut-over may take.'),
})
    .describe('Point-in-time restore (restore-database): verification queries and deadlines.');

;// CONCATENATED MODULE: ./core/config/schema.ts








/**
 * The configuration file, `.github/apprunner-ops.yml` by default. Version 1.
 * Every key is kebab-case; unknown keys are errors (a typo must not silently disable a check).
 * Secret values never live here: only the names and ids under which they are stored.
 */
const databaseSchema = schemas/* strictObject */.rej({
    instance: fields/* rdsInstanceField */.VO.describe('RDS DB instance identifier, e.g. drop-db.'),
    'snapshot-prefix': fields/* snapshotPrefixField */.JL
        .optional()
        .describe('Prefix of pre-deploy snapshot ids; default "<instance>-pre-deploy".'),
    'snapshot-retention': schemas/* int */.Whr()
        .min(1)
        .max(100)
        .default(10)
        .describe('How many pre-deploy snapshots to keep; older ones are deleted after a new one is available.'),
    'snapshot-timeout': fields/* durationField */.Ti
        .default('30m')
        .describe('How long to wait for a snapshot to become available.'),
    ...databaseAccessShape,
})
    .superRefine(checkDatabaseAccess)
    .describe('The RDS PostgreSQL instance behind the service.');
const schema_healthSchema = schemas/* strictObject */.rej({
    'base-url': fields/* httpUrlField */.St.describe('Public base URL of the service, e.g. https://getdrop.no.'),
    'version-path': schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Dot path in the health JSON where the running version is reported, e.g. data.version.'),
    checks: healthChecksSchema,
});
const maintenanceSchema = schemas/* strictObject */.rej({
    provider: schemas/* literal */.euz('betterstack').default('betterstack'),
    'monitor-ids': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
        .min(1),
    window: fields/* durationField */.Ti
        .default('30m')
        .describe('Longest a deploy or rollback keeps the monitors paused; a pause whose runner was lost is ended by the next run after it.'),
});
const notifyEvent = schemas/* enum */.k5n(['deploy', 'rollback', 'rotation', 'check-failure', 'gate']);
const notifySchema = schemas/* strictObject */.rej({
    slack: schemas/* strictObject */.rej({
        channel: schemas/* string */.YjP()
            .regex(/^#[a-z0-9._-]+$/, { message: 'expected a channel like #drop-ops' })
            .optional(),
        events: schemas/* array */.YOg(notifyEvent)
            .default(['deploy', 'rollback', 'rotation', 'check-failure', 'gate']),
    })
        .optional()
        .describe('The webhook URL is a secret and comes from the action input slack-webhook-url.'),
});
const secretSchema = schemas/* strictObject */.rej({
    name: fields/* envNameField */.vn.describe('Name the application sees, e.g. JWT_SECRET.'),
    'secret-id': schemas/* string */.YjP()
        .min(1)
        .describe('Secrets Manager id of the value, e.g. drop/production/jwt-secret. Database kinds: the secret holding {"username","password"} of the role, kept in step with DATABASE_URL (may be the same as database-url-secret-id).'),
    kind: schemas/* enum */.k5n(['random', 'rds-master-password', 'database-user', 'rds-managed', 'external'])
        .describe('random: generated here (CSPRNG, base64); rds-master-password: a new master password applied to RDS and written into DATABASE_URL; database-user: alternating users <user> and <user>_clone; rds-managed: DATABASE_URL rebuilt from the RDS-managed master secret; external: issued by a third party, only checked and reminded.'),
    length: schemas/* int */.Whr()
        .min(16)
        .max(1024)
        .optional()
        .describe('random: bytes before base64 (default 48); database kinds: password characters (default 32, at most 128).'),
    'min-length': schemas/* int */.Whr()
        .min(1)
        .optional()
        .describe('Go-live gate: the stored value must be at least this long.'),
    'rotate-every-days': schemas/* int */.Whr().min(1).max(3650).optional(),
    'database-url-secret-id': schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Database kinds: the secret holding DATABASE_URL (the one App Runner references) that is rotated.'),
    'previous-secret-id': schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('random only: a secret that receives the old value at each rotation (the app verifies JWTs with current or previous).'),
    'next-secret-id': schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('random only, with previous-secret-id: a secret the app accepts tokens with but never signs with. A rotation then has two phases: the new key is deployed here first (every instance accepts it), then it becomes the signing key in a second redeploy, so during either rollout every token minted by an old or a new instance is accepted by both.'),
    'grace-days': schemas/* int */.Whr()
        .min(1)
        .max(365)
        .optional()
        .describe('With previous-secret-id: after this many days the previous secret is emptied (at least the longest token lifetime).'),
    'admin-secret-id': schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('database-user only: a secret holding an admin DATABASE_URL (e.g. the master user) that may ALTER ROLE the app users.'),
})
    .superRefine((secret, ctx) => {
    const databaseKind = ['rds-master-password', 'database-user', 'rds-managed'].includes(secret.kind);
    if (databaseKind && !secret['database-url-secret-id'])
        ctx.addIssue({
            code: 'custom',
            path: ['database-url-secret-id'],
            message: `is required for kind ${secret.kind}: the secret holding DATABASE_URL to rewrite`,
        });
    if (secret.kind === 'database-user' && !secret['admin-secret-id'])
        ctx.addIssue({
            code: 'custom',
            path: ['admin-secret-id'],
            message: 'is required for kind database-user: an admin URL that may ALTER ROLE the app users',
        });
    if (databaseKind && secret.length !== undefined && secret.length > 128)
        ctx.addIssue({
            code: 'custom',
            path: ['length'],
            message: 'must be at most 128 for a database password (RDS allows 8\u2013128 characters)',
        });
    if (secret['previous-secret-id'] && secret.kind !== 'random')
        ctx.addIssue({
            code: 'custom',
            path: ['previous-secret-id'],
            message: 'only applies to kind random (JWT keys the app verifies with current or previous)',
        });
    if (secret['next-secret-id'] && secret.kind !== 'random')
        ctx.addIssue({
            code: 'custom',
            path: ['next-secret-id'],
            message: 'only applies to kind random (a JWT key the app accepts before it signs with it)',
        });
    if (secret['next-secret-id'] && secret.kind === 'random' && !secret['previous-secret-id'])
        ctx.addIssue({
            code: 'custom',
            path: ['next-secret-id'],
            message: 'needs previous-secret-id: in the second phase instances still signing with the old key serve beside ones that no longer sign with it, so the old key must stay accepted as the previous key',
        });
    if (secret['next-secret-id'] !== undefined &&
        [secret['secret-id'], secret['previous-secret-id']].includes(secret['next-secret-id']))
        ctx.addIssue({
            code: 'custom',
            path: ['next-secret-id'],
            message: 'must be a secret of its own, not secret-id or previous-secret-id',
        });
    if (secret['grace-days'] !== undefined && !secret['previous-secret-id'])
        ctx.addIssue({
            code: 'custom',
            path: ['grace-days'],
            message: 'needs previous-secret-id (it is how long the previous value stays)',
        });
});
/** Where the service runs: App Runner or Amazon ECS Express Mode (core/targets/). */
/** Fly.io: the machines of one process group of an app (core/targets/fly.ts). */
const flyTargetSchema = schemas/* strictObject */.rej({
    kind: schemas/* literal */.euz('fly'),
    app: schemas/* string */.YjP()
        .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, {
        message: 'expected a Fly app name: lowercase letters, digits and hyphens, like drop-staging',
    })
        .describe('The Fly app, e.g. drop-staging.'),
    'process-group': schemas/* string */.YjP()
        .regex(/^[a-z0-9_-]+$/, { message: 'expected a process group name like app or web' })
        .default('app')
        .describe('The process group whose machines are deployed (fly.toml [processes]; default app).'),
    regions: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z]{3}$/, { message: 'expected a Fly region code like arn' }))
        .min(1)
        .optional()
        .describe('Only the machines in these regions (default: every region).'),
    'wait-timeout': fields/* positiveDurationField */.cU
        .default('5m')
        .describe('Per machine: its new instance started and every health check passing, or the update stops and is put back.'),
    strategy: schemas/* enum */.k5n(['rolling', 'bluegreen'])
        .default('rolling')
        .describe("Fly's deploy strategy: rolling updates the machines in place one at a time (the ones updated are put back if one fails); bluegreen starts a new machine beside each old one, moves the traffic once all are healthy and destroys the old ones (on failure the new ones are destroyed and the old keep serving)."),
})
    .describe('A Fly.io app: { kind: fly, app: drop-staging }; the API token comes from the FLY_API_TOKEN secret.');
const serviceTarget = (kind) => schemas/* strictObject */.rej({
    kind: schemas/* literal */.euz(kind).describe('app-runner or ecs-express (Amazon ECS Express Mode).'),
    'service-arn': schemas/* string */.YjP().describe('The service ARN on that platform.'),
})
    .superRefine((target, ctx) => {
    const field = target.kind === 'ecs-express' ? fields/* ecsServiceArnField */.GG : fields/* appRunnerServiceArnField */.UV;
    const result = field.safeParse(target['service-arn']);
    if (!result.success)
        ctx.addIssue({
            code: 'custom',
            path: ['service-arn'],
            message: result.error.issues[0]?.message ?? 'not a service ARN of this kind',
        });
});
const targetSchema = schemas/* discriminatedUnion */.gMt('kind', [
    serviceTarget('app-runner'),
    serviceTarget('ecs-express'),
    asgTargetSchema,
    flyTargetSchema,
])
    .describe('The deploy target: { kind: ecs-express, service-arn: arn:aws:ecs:\u2026 } for Amazon ECS Express Mode; { kind: asg, listener-arn, group-prefix, launch-template } for EC2 Auto Scaling behind a load balancer; service-arn alone means App Runner.');
/** The name an environment's target goes by in records: its ARN (an asg's listener), or `fly:<app>:<group>`. */
function targetId(target) {
    if (target.kind === 'fly')
        return `fly:${target.app}:${target['process-group']}`;
    // An asg target's ARN is its listener's: what the records name it by.
    if (target.kind === 'asg')
        return target['listener-arn'];
    return target['service-arn'];
}
const environmentFields = schemas/* strictObject */.rej({
    region: fields/* awsRegionField */.yh,
    'service-arn': fields/* appRunnerServiceArnField */.UV
        .optional()
        .describe('App Runner service ARN (version 1 files); an ECS Express service is named in target.'),
    target: targetSchema.optional(),
    'ecr-repository': fields/* ecrRepositoryField */.rG.describe('ECR repository name, e.g. drop-web.'),
    'ecr-registry-id': fields/* accountIdField */.D_
        .optional()
        .describe('Account of the registry; default: the service ARN\u2019s account.'),
    'required-reviewers': schemas/* boolean */.zMY()
        .default(false)
        .describe('The GitHub environment of this name has required reviewers; the command line then asks before changing it.'),
    url: fields/* httpUrlField */.St
        .optional()
        .describe('Public URL shown on the GitHub Deployments page; default health.base-url.'),
    database: databaseSchema.optional(),
    restore: restoreConfigSchema.optional(),
    health: schema_healthSchema,
    maintenance: maintenanceSchema.optional(),
    notify: notifySchema.optional(),
    secrets: schemas/* array */.YOg(secretSchema).optional(),
    bake: bake/* bakeConfigSchema */.L.optional(),
    gates: schemas/* record */.g1P(schemas/* string */.YjP()
        .regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lowercase gate name like go-live' }), schemas/* array */.YOg(checkItemSchema).min(1))
        .optional()
        .describe('Named gates (go-live, \u2026): checks and attestations that must all pass.'),
    'gate-policy': schemas/* strictObject */.rej({
        'max-attestation-age-days': schemas/* int */.Whr()
            .min(1)
            .max(366)
            .default(30)
            .describe('An attestation older than this fails, even before it expires.'),
        'max-waiver-days': schemas/* int */.Whr()
            .min(1)
            .max(90)
            .default(14)
            .describe('A waiver may not expire later than this many days after the gate runs.'),
        'time-zone': schemas/* string */.YjP()
            .default('UTC')
            .refine((zone) => {
            try {
                new Intl.DateTimeFormat('en-US', { timeZone: zone });
                return true;
            }
            catch {
                return false;
            }
        }, { message: 'expected an IANA time zone like UTC or Europe/Oslo' })
            .describe('Time zone the gate counts waiver and attestation days in; a bare date ends at its midnight there.'),
    })
        .optional()
        .describe('Rules for the attestations file read by the gates of this environment.'),
    checks: schemas/* strictObject */.rej({
        daily: schemas/* array */.YOg(checkItemSchema).optional(),
        weekly: schemas/* array */.YOg(checkItemSchema).optional(),
        monthly: schemas/* array */.YOg(checkItemSchema).optional(),
    })
        .optional(),
});
/**
 * An environment names its service with `service-arn` (App Runner, as in version 1 files) or
 * `target`, not both. The output always has both: `target` says the platform, and
 * `service-arn` is the target's ARN.
 */
const environmentSchema = environmentFields
    // Editors: one of the two names the service.
    .meta({ anyOf: [{ required: ['service-arn'] }, { required: ['target'] }] })
    .superRefine((env, ctx) => {
    if (env['service-arn'] === undefined && env.target === undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['service-arn'],
            message: 'is required: give service-arn (an App Runner service) or target: { kind: ecs-express, service-arn: \u2026 }',
        });
    if (env['service-arn'] !== undefined && env.target !== undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['target'],
            message: 'give either service-arn (App Runner) or target, not both: move the ARN into target.service-arn',
        });
    // Images are resolved in ECR (build-push pushes the same manifest to Fly's registry); no
    // service ARN says the registry's account.
    if (env.target?.kind === 'fly' && env['ecr-registry-id'] === undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['ecr-registry-id'],
            message: 'is required with target kind fly: the AWS account of the ECR repository the images are resolved in (build-push pushes each to ECR and registry.fly.io)',
        });
    // A check that cannot read this environment's target is refused here, not at 3 a.m.
    if (env['service-arn'] !== undefined && env.target !== undefined)
        return;
    const kind = env.target?.kind ?? 'app-runner';
    const lists = [
        ...Object.entries(env.checks ?? {}).map(([name, items]) => ({
            path: ['checks', name],
            items,
        })),
        ...Object.entries(env.gates ?? {}).map(([name, items]) => ({ path: ['gates', name], items })),
    ];
    for (const { path, items } of lists)
        for (const [index, item] of (items ?? []).entries()) {
            const mismatch = targetMismatch(checkSchema(item.type), kind);
            if (mismatch)
                ctx.addIssue({ code: 'custom', path: [...path, index, 'type'], message: mismatch });
        }
})
    .transform(({ target, ...env }) => {
    const resolved = target ?? {
        kind: 'app-runner',
        'service-arn': env['service-arn'],
    };
    return { ...env, 'service-arn': targetId(resolved), target: resolved };
});
const configSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional(),
    version: schemas/* literal */.euz(1).describe('Format version of this file.'),
    environments: schemas/* record */.g1P(schemas/* string */.YjP().regex(/^[a-z][a-z0-9-]*$/, {
        message: 'expected a lowercase environment name like production',
    }), environmentSchema)
        .refine((envs) => Object.keys(envs).length > 0, {
        message: 'expected at least one environment',
    }),
})
    .describe('apprunner-ops configuration');

;// CONCATENATED MODULE: ./core/config/load.ts





/** Parses and validates config text. Every problem names its YAML path and line. */
function parseConfig(text, file) {
    return parseYamlDocument(text, configSchema, (problems) => new errors/* ConfigError */.xL(file, problems)).data;
}
/**
 * Parses YAML text and validates it with a zod schema; every problem (YAML syntax or schema)
 * is one line naming its path and line, handed to `fail` to make the error to throw. Also
 * returns `lineOf(path)` for checks made after the schema's. Shared by the configuration
 * and the attestations file.
 */
function parseYamlDocument(text, schema, fail) {
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
        throw fail(doc.errors.map((e) => {
            const line = e.linePos?.[0]?.line;
            const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
            return `invalid YAML: ${first}${line ? ` (line ${line})` : ''}`;
        }));
    }
    const data = doc.toJS();
    const lines = lineOf(doc, lineCounter);
    // A document is parsed once: compiling zod's fast path for the schema (new Function over
    // every object in it) costs more than it saves, \u2248 20 ms of a deploy's start-up.
    const result = schema.safeParse(data, { jitless: true });
    if (result.success)
        return { data: result.data, lineOf: lines };
    throw fail((0,zod_issues/* formatIssues */.og)(schema, data, result.error.issues, lines));
}
function lineOf(doc, counter) {
    return (path) => {
        // The innermost node that exists along the path: a missing key points at its parent.
        for (let depth = path.length; depth >= 0; depth--) {
            const keys = path.slice(0, depth);
            const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
            if ((0,dist/* isNode */.Ll)(node) && node.range) {
                // For an unknown key, point at the key itself rather than its value.
                return ` (line ${counter.linePos(keyStart(doc, keys) ?? node.range[0]).line})`;
            }
        }
        return '';
    };
}
function keyStart(doc, keys) {
    if (keys.length === 0)
        return undefined;
    const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
    const last = keys[keys.length - 1];
    if (parent && typeof parent === 'object' && 'items' in parent && Array.isArray(parent.items)) {
        for (const item of parent.items) {
            if (item && typeof item === 'object' && 'key' in item) {
                const key = item.key;
                if ((0,dist/* isNode */.Ll)(key) && key.value === last && key.range)
                    return key.range[0];
            }
        }
    }
    return undefined;
}
async function loadConfig(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ConfigError */.xL(file, [
            code === 'ENOENT'
                ? 'file not found; create it (see examples/drop/apprunner-ops.yml) or set the "config" input to its path'
                : `cannot read: ${(0,errors/* errorMessage */.gJ)(error)}`,
        ]);
    }
    return parseConfig(text, file);
}
function selectEnvironment(config, name, file) {
    const env = config.environments[name];
    if (!env) {
        const known = Object.keys(config.environments);
        throw new errors/* ConfigError */.xL(file, [
            `environments.${name}: no such environment; the file defines ${known.map((k) => `"${k}"`).join(', ')}`,
        ]);
    }
    return env;
}


/***/ }),

/***/ 8671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ databaseRunnerLabels),
/* harmony export */   p: () => (/* binding */ parseEnvironmentList)
/* harmony export */ });
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5072);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);
/**
 * Which runner the jobs that touch an environment's database run on (`database.access:
 * runner`, docs/setup.md "Private databases"). The reusable workflows start with a small job
 * that reads this from the caller's configuration, so a production database reachable only
 * from a self-hosted runner inside the VPC is reached by production's job, while the other
 * environments' jobs keep the caller's `runs-on`. The caller writes the label once, in the
 * configuration.
 */


const ENVIRONMENT_NAME = /^[A-Za-z0-9_.-]+$/;
/** `staging production` or `staging,production`, in order, each an environment name. */
function parseEnvironmentList(input, inputName) {
    const names = input.split(/[\s,]+/).filter((name) => name !== '');
    if (names.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(inputName, 'is empty: list the environments, separated by spaces');
    for (const name of names)
        if (!ENVIRONMENT_NAME.test(name))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(inputName, `"${name}" is not an environment name (letters, digits, . _ -)`);
    return names;
}
/**
 * The runner label of each listed environment whose database has `access: runner`; the others
 * are left out, so the workflow falls back to its `runs-on` input for them. An environment the
 * file does not define is a configuration error naming the ones it does.
 */
async function databaseRunnerLabels(configFile, environments) {
    const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(configFile);
    const labels = {};
    for (const name of environments) {
        const db = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .selectEnvironment */ .aP)(config, name, configFile).database;
        if (db?.access === 'runner' && db['runner-label'] !== undefined)
            labels[name] = db['runner-label'];
    }
    return labels;
}


/***/ }),

/***/ 2057:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ createOpsContext),
  Y: () => (/* binding */ ecrLocation)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
;// CONCATENATED MODULE: ./core/aws/account.ts



/**
 * The credentials must belong to the account of the service: a workflow that assumed the
 * staging role for production would otherwise fail later with a confusing "not found".
 */
async function assertAccount(sts, serviceArn, configPath, environment, deps) {
    const expected = serviceArn.split(':')[4];
    const identity = await (0,call/* awsCall */.uF)('GetCallerIdentity', () => sts.send(new dist_cjs/* GetCallerIdentityCommand */.zI({})), deps);
    if (identity.Account && identity.Account !== expected) {
        throw new errors/* ConfigError */.xL(configPath, [
            `environments.${environment}.service-arn is in account ${expected}, but the AWS credentials are for account ${identity.Account} (${identity.Arn ?? 'unknown principal'}); assume the role of the service's account`,
        ]);
    }
}

// EXTERNAL MODULE: ./core/aws/clients.ts
var aws_clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
;// CONCATENATED MODULE: ./core/aws/ecr.ts




/**
 * The repository's images (DescribeImages) with a digest, following nextToken for at most
 * `maxPages` pages; then an error, unless `more: 'stop'`.
 */
async function describeImages(client, location, deps, options) {
    const details = await (0,call/* awsPages */.A_)('DescribeImages', async (nextToken) => {
        const out = await client.send(new client_ecr_dist_cjs/* DescribeImagesCommand */.ji5({
            registryId: location.registryId,
            repositoryName: location.repository,
            filter: { tagStatus: options.tagStatus },
            ...(options.maxResults ? { maxResults: options.maxResults } : {}),
            nextToken,
        }));
        return { items: out.imageDetails, next: out.nextToken };
    }, deps, { ...options, of: location.repository });
    return details.flatMap((d) => (d.imageDigest ? [{ ...d, imageDigest: d.imageDigest }] : []));
}
class ImageNotFound extends errors/* DomainFailure */.dY {
    name = 'ImageNotFound';
}
class EcrRepository {
    client;
    location;
    deps;
    constructor(client, location, deps) {
        this.client = client;
        this.location = location;
        this.deps = deps;
    }
    describe(ref) {
        return (0,call/* awsCall */.uF)('DescribeImages', async () => {
            try {
                const out = await this.client.send(new client_ecr_dist_cjs/* DescribeImagesCommand */.ji5({
                    registryId: this.location.registryId,
                    repositoryName: this.location.repository,
                    imageIds: [ref.kind === 'tag' ? { imageTag: ref.tag } : { imageDigest: ref.digest }],
                }));
                return out.imageDetails?.[0];
            }
            catch (error) {
                if ((0,call/* awsErrorName */.ZH)(error) === 'ImageNotFoundException')
                    return undefined;
                throw error;
            }
        }, this.deps);
    }
    /** The image by digest, or undefined when the repository does not hold it. */
    async find(ref) {
        const detail = await this.describe(ref);
        if (!detail?.imageDigest)
            return undefined;
        return {
            digest: detail.imageDigest,
            tags: detail.imageTags ?? [],
            ...(detail.imagePushedAt ? { pushedAt: detail.imagePushedAt } : {}),
            uri: (0,image_ref/* imageUri */.W_)(this.location, { kind: 'digest', digest: detail.imageDigest }),
        };
    }
    async resolve(ref) {
        const found = await this.find(ref);
        if (!found) {
            const name = ref.kind === 'tag' ? `tag ${ref.tag}` : `digest ${ref.digest}`;
            throw new ImageNotFound(`${name} is not in ECR repository ${this.location.repository} (${this.location.registryId}, ${this.location.region}); push it first (build-push) or name an image that exists`);
        }
        return found;
    }
    /** The newest tagged images, for error messages that list candidates. */
    async recentTagged(limit) {
        // Candidates for a message: the first 50 pages are enough.
        const details = await describeImages(this.client, this.location, this.deps, {
            tagStatus: 'TAGGED',
            maxPages: 50,
            more: 'stop',
        });
        const images = details.map((d) => ({
            digest: d.imageDigest,
            tags: d.imageTags ?? [],
            ...(d.imagePushedAt ? { pushedAt: d.imagePushedAt } : {}),
            uri: (0,image_ref/* imageUri */.W_)(this.location, { kind: 'digest', digest: d.imageDigest }),
        }));
        return images
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(0, limit);
    }
}

// EXTERNAL MODULE: ./core/aws/rds.ts
var rds = __webpack_require__(7561);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var client_apprunner_dist_cjs = __webpack_require__(2284);
// EXTERNAL MODULE: ./core/util/wait.ts
var util_wait = __webpack_require__(4480);
// EXTERNAL MODULE: ./core/util/retry.ts
var retry = __webpack_require__(9891);
;// CONCATENATED MODULE: ./core/aws/app-runner.ts





const TERMINAL = new Set(['SUCCEEDED', 'ROLLBACK_SUCCEEDED', 'FAILED', 'ROLLBACK_FAILED']);
class ServiceNotUpdatable extends errors/* DomainFailure */.dY {
    name = 'ServiceNotUpdatable';
}
/** InvalidStateException on a retry: the earlier, lost attempt may be what keeps it busy. */
class BusyAfterLostAnswer extends Error {
    name = 'BusyAfterLostAnswer';
}
function toState(service, arn) {
    const identifier = service?.SourceConfiguration?.ImageRepository?.ImageIdentifier;
    if (!service || !identifier) {
        throw new ServiceNotUpdatable(`service ${arn} has no image repository source; apprunner-ops deploys ECR images only`);
    }
    const url = service.ServiceUrl ?? '';
    return {
        arn,
        name: service.ServiceName ?? arn,
        status: service.Status ?? 'UNKNOWN',
        url: /^https?:\/\//.test(url) ? url : `https://${url}`,
        imageIdentifier: identifier,
        variables: {
            ...service.SourceConfiguration?.ImageRepository?.ImageConfiguration
                ?.RuntimeEnvironmentVariables,
        },
        secrets: {
            ...service.SourceConfiguration?.ImageRepository?.ImageConfiguration
                ?.RuntimeEnvironmentSecrets,
        },
    };
}
class AppRunnerService {
    client;
    arn;
    deps;
    constructor(client, arn, deps) {
        this.client = client;
        this.arn = arn;
        this.deps = deps;
    }
    async describeRaw() {
        const out = await (0,call/* awsCall */.uF)('DescribeService', () => this.client.send(new client_apprunner_dist_cjs/* DescribeServiceCommand */.auI({ ServiceArn: this.arn })), this.deps);
        return out.Service;
    }
    async describe() {
        return toState(await this.describeRaw(), this.arn);
    }
    /**
     * Waits until the service accepts an update. Platform maintenance keeps a service in
     * OPERATION_IN_PROGRESS for minutes, so that is waited out (with a deadline); states a
     * wait cannot fix are refused with advice.
     */
    async waitUntilUpdatable(timeoutMs, intervalMs) {
        return (0,util_wait/* waitWith */.OO)(this.deps, `App Runner service ${this.arn.split('/')[1] ?? this.arn} to be RUNNING`, { timeoutMs, intervalMs }, async () => {
            const state = await this.describe();
            switch (state.status) {
                case 'RUNNING':
                    return { done: true, value: state };
                case 'OPERATION_IN_PROGRESS':
                    return {
                        done: false,
                        status: 'OPERATION_IN_PROGRESS (another operation or platform maintenance)',
                    };
                case 'PAUSED':
                    throw new ServiceNotUpdatable(`service ${state.name} is PAUSED; resume it (aws apprunner resume-service or the console) and run again \u2014 a paused service would not serve the new version`);
                case 'CREATE_FAILED':
                    throw new ServiceNotUpdatable(`service ${state.name} is CREATE_FAILED; it never came up, so there is nothing to deploy over \u2014 fix its creation (see its event log) or delete and create it, then run again`);
                default:
                    throw new ServiceNotUpdatable(`service ${state.name} is ${state.status}; only a RUNNING service can be updated`);
            }
        });
    }
    /**
     * Read-modify-write: starts from the service's own SourceConfiguration and changes only
     * the image identifier, because UpdateService replaces what it is given and a payload
     * built from scratch would drop environment variables and secrets.
     *
     * Called once per switch. UpdateService is not idempotent: when an attempt fails after the
     * request may have reached App Runner (a reset, a 5xx, a timeout), what happened is read
     * from App Runner itself before anything is sent again \u2014 see `settleLostUpdate`. Clocks are
     * never compared: the runner's and AWS's may differ by seconds.
     */
    async updateImage(imageIdentifier, wait = { timeoutMs: 300_000, intervalMs: 5_000 }, 
    /** Further changes to the same configuration (the launch's variables), applied in the one call. */
    transform = (source) => source) {
        const service = await this.describeRaw();
        const source = service?.SourceConfiguration;
        if (!source?.ImageRepository)
            throw new ServiceNotUpdatable(`service ${this.arn} has no image repository source`);
        const updated = transform({
            ...source,
            ImageRepository: { ...source.ImageRepository, ImageIdentifier: imageIdentifier },
        });
        // The newest update before ours: whatever is newer afterwards was started since.
        const before = (await this.newestUpdateOperation())?.Id;
        let sent = false;
        try {
            return await (0,retry/* retry */.L)(async () => {
                const earlier = sent;
                if (earlier) {
                    const settled = await this.settleLostUpdate(imageIdentifier, before, wait);
                    if (settled)
                        return settled;
                }
                sent = true;
                try {
                    const out = await this.client.send(new client_apprunner_dist_cjs/* UpdateServiceCommand */.kZr({ ServiceArn: this.arn, SourceConfiguration: updated }));
                    if (!out.OperationId)
                        throw new Error('UpdateService returned no OperationId');
                    return out.OperationId;
                }
                catch (error) {
                    // Busy after an earlier attempt whose answer was lost: most likely busy with that
                    // very update. Settle it on the next attempt, from what App Runner reports.
                    if ((0,call/* awsErrorName */.ZH)(error) === 'InvalidStateException' && earlier)
                        throw new BusyAfterLostAnswer(error.message);
                    throw error;
                }
            }, {
                ...call/* AWS_RETRY */.pN,
                label: 'UpdateService',
                isRetryable: (error) => (0,call/* isRetryableAwsError */.ag)(error) || error instanceof BusyAfterLostAnswer,
                clock: this.deps.clock,
                logger: this.deps.logger,
                ...(this.deps.random ? { random: this.deps.random } : {}),
            });
        }
        catch (error) {
            if ((0,call/* awsErrorName */.ZH)(error) === 'InvalidStateException' || error instanceof BusyAfterLostAnswer) {
                throw new ServiceNotUpdatable(`App Runner refused the update: the service is busy (${error.message})`);
            }
            throw error;
        }
    }
    /**
     * After an UpdateService whose answer was lost: did it take effect? App Runner says so
     * itself \u2014 DescribeService shows the new identifier configured (OPERATION_IN_PROGRESS while
     * it deploys, RUNNING once done), and the newest UPDATE_SERVICE operation is then ours. An
     * operation may be listed only a little later, so that is waited for. Returns the operation
     * to follow, or undefined when the update did not happen and may be sent again.
     */
    async settleLostUpdate(identifier, before, wait) {
        const service = await this.describeRaw();
        const configured = service?.SourceConfiguration?.ImageRepository?.ImageIdentifier;
        const status = service?.Status;
        const newer = async () => {
            const op = await this.newestUpdateOperation();
            return op?.Id && op.Id !== before ? op : undefined;
        };
        if (configured === identifier && (status === 'OPERATION_IN_PROGRESS' || status === 'RUNNING')) {
            const op = await (0,util_wait/* waitWith */.OO)(this.deps, `the UpdateService operation for ${identifier} to be listed`, { timeoutMs: wait.timeoutMs, intervalMs: Math.min(wait.intervalMs, 1_000) }, async () => {
                const found = await newer();
                return found ? { done: true, value: found } : { done: false, status: 'not listed yet' };
            });
            this.deps.logger.info(`UpdateService: the call whose answer was lost had taken effect (${identifier} configured, ${status}); following its operation ${op.Id}`);
            return op.Id;
        }
        // App Runner already rolled our update back (its health check failed) and restored the
        // old identifier: the newer operation, terminal, is ours.
        const op = await newer();
        if (op?.Status && ['ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED', 'FAILED'].includes(op.Status)) {
            this.deps.logger.info(`UpdateService: the call whose answer was lost had taken effect and already ended ${op.Status}; operation ${op.Id}`);
            return op.Id;
        }
        if (status === 'OPERATION_IN_PROGRESS')
            throw new ServiceNotUpdatable(`App Runner is busy with an operation that is not this update (${configured ?? 'unknown image'} configured); the update was not applied \u2014 run again once it has finished`);
        this.deps.logger.info('UpdateService: the failed call did not take effect; sending it again');
        return undefined;
    }
    /**
     * Redeploys the configured image, which is how App Runner picks up new secret values (it
     * reads them only at deployment). Not retried blindly: the newest START_DEPLOYMENT before
     * the call is noted, and before another attempt a newer one (the failed call's) is adopted.
     * Clocks are never compared.
     */
    async startDeployment() {
        const before = (await this.newestOperation('START_DEPLOYMENT'))?.Id;
        return (0,retry/* retry */.L)(async (attempt) => {
            if (attempt > 1) {
                const newest = await this.newestOperation('START_DEPLOYMENT');
                if (newest?.Id && newest.Id !== before)
                    return newest.Id;
            }
            const out = await this.client.send(new client_apprunner_dist_cjs/* StartDeploymentCommand */.tWW({ ServiceArn: this.arn }));
            if (!out.OperationId)
                throw new Error('StartDeployment returned no OperationId');
            return out.OperationId;
        }, {
            ...call/* AWS_RETRY */.pN,
            label: 'StartDeployment',
            isRetryable: call/* isRetryableAwsError */.ag,
            clock: this.deps.clock,
            logger: this.deps.logger,
        });
    }
    newestUpdateOperation() {
        return this.newestOperation('UPDATE_SERVICE');
    }
    /** The newest operation of a type listed (ListOperations is newest first). */
    newestOperation(type) {
        return this.firstOperation((op) => op.Type === type, 1);
    }
    /**
     * The first listed operation that `match` accepts (ListOperations is newest first), reading
     * at most `maxPages` pages of 20; undefined when none of them holds one.
     */
    async firstOperation(match, maxPages) {
        let nextToken;
        for (let page = 0; page < maxPages; page++) {
            const token = nextToken;
            const out = await (0,call/* awsCall */.uF)('ListOperations', () => this.client.send(new client_apprunner_dist_cjs/* ListOperationsCommand */.K6t({ ServiceArn: this.arn, MaxResults: 20, NextToken: token })), this.deps);
            const found = out.OperationSummaryList?.find(match);
            if (found)
                return found;
            nextToken = out.NextToken;
            if (!nextToken)
                return undefined;
        }
        return undefined;
    }
    /**
     * When the configuration that serves was deployed: the start of the newest operation that
     * started instances and succeeded (the platform reads secrets then), or the service's creation
     * when none is listed any more. Reads every page (bounded); a page that cannot be read throws.
     */
    async lastDeployedAt() {
        const deploying = new Set([
            'CREATE_SERVICE',
            'START_DEPLOYMENT',
            'UPDATE_SERVICE',
            'RESUME_SERVICE',
        ]);
        const found = await this.firstOperation((op) => op.Status === 'SUCCEEDED' && deploying.has(op.Type ?? '') && !!op.StartedAt, 20);
        if (found?.StartedAt)
            return found.StartedAt;
        return (await this.describeRaw())?.CreatedAt;
    }
    findOperation(operationId) {
        return this.firstOperation((op) => op.Id === operationId, 20);
    }
    /**
     * Follows an operation to a terminal state. The operation, not the service status, says
     * whether a deploy worked: after a failed health check App Runner restores the previous
     * image and the service is RUNNING again.
     */
    async followOperation(operationId, timeoutMs, intervalMs) {
        return (0,util_wait/* waitWith */.OO)(this.deps, `App Runner operation ${operationId} to finish`, { timeoutMs, intervalMs }, async () => {
            const operation = await this.findOperation(operationId);
            const status = operation?.Status ?? 'NOT_LISTED_YET';
            if (operation && TERMINAL.has(status))
                return { done: true, value: { status: status, operation } };
            return { done: false, status };
        });
    }
}

// EXTERNAL MODULE: ./core/targets/env-changes.ts + 1 modules
var env_changes = __webpack_require__(6976);
;// CONCATENATED MODULE: ./core/targets/app-runner-variables.ts

function variablesOf(source) {
    return { ...(source?.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables ?? {}) };
}
function withVariables(source, variables) {
    const repo = source.ImageRepository;
    if (!repo)
        return source;
    return {
        ...source,
        ImageRepository: {
            ...repo,
            ImageConfiguration: { ...repo.ImageConfiguration, RuntimeEnvironmentVariables: variables },
        },
    };
}
/** Read-modify-write of the variables inside a SourceConfiguration (pure). */
function applyEnvChanges(source, changes) {
    return withVariables(source, changedVariables(variablesOf(source), changes));
}
/** Puts the variables from before the deploy back (pure). */
function restoreVariables(source, previous) {
    return withVariables(source, { ...previous });
}

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/targets/target.ts
var target = __webpack_require__(9056);
;// CONCATENATED MODULE: ./core/targets/app-runner.ts








const DIGEST = /@(sha256:[0-9a-f]{64})$/;
class AppRunnerTarget {
    arn;
    deps;
    options;
    kind = 'app-runner';
    trafficMetrics = 'AWS/AppRunner Requests, 5xxStatusResponses and RequestLatency';
    service;
    constructor(client, arn, deps, options = {}) {
        this.arn = arn;
        this.deps = deps;
        this.options = options;
        this.service = new AppRunnerService(client, arn, deps);
    }
    async toTarget(state) {
        const digest = DIGEST.exec(state.imageIdentifier)?.[1] ??
            (await this.options.digestOf?.(state.imageIdentifier));
        return {
            kind: this.kind,
            arn: this.arn,
            name: state.name,
            url: state.url,
            image: state.imageIdentifier,
            digest,
            imageByDigest: (0,target/* byDigest */._W)(state.imageIdentifier, digest),
            environment: { ...state.variables },
            secrets: { ...state.secrets },
            status: state.status,
        };
    }
    async describe() {
        return this.toTarget(await this.service.describe());
    }
    lastDeployedAt() {
        return this.service.lastDeployedAt();
    }
    async runningImages() {
        const { imageIdentifier } = await this.service.describe();
        const digest = DIGEST.exec(imageIdentifier)?.[1];
        return [{ image: imageIdentifier, ...(digest ? { digest } : {}) }];
    }
    async preflight() {
        const { status, name } = await this.service.describe();
        const busy = status === 'OPERATION_IN_PROGRESS';
        const paused = status === 'PAUSED';
        return {
            updatable: status === 'RUNNING',
            busy,
            paused,
            reason: busy
                ? `App Runner service ${name} is OPERATION_IN_PROGRESS (another operation or platform maintenance)`
                : paused
                    ? `App Runner service ${name} is PAUSED; resume it and run again`
                    : `App Runner service ${name} is ${status}`,
        };
    }
    async waitUntilUpdatable(wait) {
        try {
            return await this.toTarget(await this.service.waitUntilUpdatable(wait.timeoutMs, wait.intervalMs));
        }
        catch (error) {
            if (error instanceof ServiceNotUpdatable)
                throw new target/* TargetNotUpdatable */.dU(error.message, { cause: error });
            throw error;
        }
    }
    /** What preflight would refuse is refused here too, before anything is sent. */
    async updatableState() {
        const before = await this.describe();
        if (before.status !== 'RUNNING') {
            const { reason } = await this.preflight();
            throw new target/* TargetNotUpdatable */.dU(`${reason}; only a RUNNING service can be updated`);
        }
        return before;
    }
    describeSwitch(from, to) {
        return `App Runner UpdateService ${this.arn}: ImageIdentifier ${from} \u2192 ${to} (nothing else changes), follow the operation`;
    }
    describeRestart() {
        return `App Runner StartDeployment ${this.arn} (same image and configuration), follow the operation`;
    }
    async switchImage(image, options = {}) {
        const before = await this.updatableState();
        const environment = options.environment;
        try {
            const id = await this.service.updateImage(image, options.wait, environment ? (source) => withVariables(source, environment) : undefined);
            return { id, kind: 'switch', image, previous: before.imageByDigest };
        }
        catch (error) {
            if (error instanceof ServiceNotUpdatable)
                throw new target/* TargetNotUpdatable */.dU(error.message, { cause: error });
            throw error;
        }
    }
    /**
     * StartDeployment. Another operation that starts between the updatable check and the call
     * (a second run redeploying the same values, platform maintenance) makes App Runner refuse it
     * with InvalidStateException, which applies nothing: with a deadline given, that operation is
     * waited out once and the call made again.
     */
    async restart(wait) {
        let before = await this.updatableState();
        let id;
        try {
            id = await this.service.startDeployment();
        }
        catch (error) {
            if (!wait || (0,call/* awsErrorName */.ZH)(error) !== 'InvalidStateException')
                throw error;
            this.deps.logger.info(`App Runner refused StartDeployment (${(0,errors/* errorMessage */.gJ)(error)}): nothing was started; waiting until the service can update (deadline ${(0,duration/* formatDuration */.a3)(wait.timeoutMs)}), then starting it once more`);
            before = await this.waitUntilUpdatable(wait);
            id = await this.service.startDeployment();
        }
        return { id, kind: 'restart', image: before.image, previous: before.imageByDigest };
    }
    async traffic(window) {
        const client = (0,aws_clients/* cloudWatchForArn */.PM)(this.arn, this.options.cloudWatch);
        return (0,cloudwatch/* appRunnerTraffic */.bm)(client, this.arn, window, this.deps);
    }
    async follow(deployment, wait) {
        const { status } = await this.service.followOperation(deployment.id, wait.timeoutMs, wait.intervalMs);
        const id = deployment.id;
        switch (status) {
            case 'SUCCEEDED':
                return { ok: true, id, status };
            case 'ROLLBACK_SUCCEEDED':
                return {
                    ok: false,
                    id,
                    status,
                    emergency: false,
                    message: `App Runner rejected ${deployment.names?.image ?? deployment.image} (its health check failed) and kept ${deployment.names?.previous ?? deployment.previous}; operation ${id}`,
                };
            case 'ROLLBACK_FAILED':
                return {
                    ok: false,
                    id,
                    status,
                    emergency: true,
                    message: `App Runner could not roll ${deployment.names?.image ?? deployment.image} back (operation ${id} ROLLBACK_FAILED): the service may be down \u2014 check it now`,
                };
            default:
                return {
                    ok: false,
                    id,
                    status,
                    emergency: true,
                    message: `App Runner operation ${id} ended ${status} while deploying ${deployment.names?.image ?? deployment.image}: check what the service runs now`,
                };
        }
    }
}

// EXTERNAL MODULE: ./core/fly/machines-api.ts
var machines_api = __webpack_require__(9611);
// EXTERNAL MODULE: ./core/fly/registry.ts
var registry = __webpack_require__(4927);
;// CONCATENATED MODULE: ./core/targets/create.ts





async function createTarget(target, clients, deps, options = {}) {
    switch (target.kind) {
        case 'app-runner':
            if (!clients.appRunner)
                throw new Error('createTarget: an App Runner target needs an App Runner client');
            return new AppRunnerTarget(clients.appRunner, target['service-arn'], deps, options);
        case 'ecs-express': {
            if (!clients.ecs)
                throw new Error('createTarget: an ECS Express target needs an ECS client');
            const { EcsExpressTarget } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 1133));
            return new EcsExpressTarget(clients.ecs, target['service-arn'], deps, {
                cloudWatch: options.cloudWatch,
            });
        }
        case 'fly': {
            if (!clients.fly)
                throw new Error('createTarget: a Fly target needs a Machines API client');
            const { FlyTarget } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.bind(__webpack_require__, 752));
            return new FlyTarget(clients.fly, {
                app: target.app,
                'process-group': target['process-group'],
                regions: target.regions,
                'wait-timeout-ms': (0,duration/* parseDuration */.E9)(target['wait-timeout']) ?? 300_000,
                strategy: target.strategy,
            }, deps);
        }
        case 'asg': {
            if (!clients.asg)
                throw new Error('createTarget: an asg target needs Auto Scaling, ELB and EC2 clients');
            const { AsgTarget } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(20)]).then(__webpack_require__.bind(__webpack_require__, 6020));
            return new AsgTarget({ ...clients.asg, ...(options.cloudWatch ? { cloudWatch: options.cloudWatch } : {}) }, target, deps);
        }
    }
}
/**
 * The Machines API client of a Fly environment. The token is the `fly-api-token` input, or
 * FLY_API_TOKEN (as flyctl reads it); it is only ever sent to Fly.
 */
function flyClientOf(app, deps, limits, token = process.env['FLY_API_TOKEN']) {
    // Checked at the first call, before any change: a run that never reads the app (a
    // snapshot ahead of the deploy) needs no token.
    return new machines_api/* FlyMachinesApi */.AT((0,machines_api/* flyApiUrl */.T0)(), token, deps, {
        requestTimeoutMs: limits.requestTimeoutMs,
        registryUrl: (0,registry/* flyRegistryUrl */.Q2)(),
        missing: () => new errors/* InputError */.dz('fly-api-token', `is required for Fly app ${app}: pass secrets.FLY_API_TOKEN (a deploy token: fly tokens create deploy -a ${app})`),
    });
}
/**
 * The target of an environment, with the clients it needs: an ECS client is made only for an
 * ECS Express environment, Auto Scaling and ELB clients only for an asg one (each imported
 * with its target).
 */
async function targetOf(env, clients, deps, limits, platform = {}) {
    if (env.target.kind === 'ecs-express' && !clients.ecs) {
        const { createEcsClient } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 1133));
        clients.ecs = createEcsClient(env.region, limits);
    }
    if (env.target.kind === 'asg' && !clients.asg) {
        const { createAsgClients } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(20)]).then(__webpack_require__.bind(__webpack_require__, 6020));
        clients.asg = createAsgClients(env.region, limits);
    }
    return createTarget(env.target, {
        appRunner: clients.appRunner,
        ...(env.target.kind === 'ecs-express' ? { ecs: clients.ecs } : {}),
        ...(env.target.kind === 'fly'
            ? {
                fly: flyClientOf(env.target.app, deps, limits, platform.flyApiToken ?? process.env['FLY_API_TOKEN']),
            }
            : {}),
        ...(env.target.kind === 'asg' ? { asg: clients.asg } : {}),
    }, deps, { cloudWatch: clients.cloudWatch });
}

// EXTERNAL MODULE: ./core/github/deployments.ts + 1 modules
var deployments = __webpack_require__(4018);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
;// CONCATENATED MODULE: ./core/deploy/context.ts








function ecrLocation(env) {
    const account = env['service-arn'].split(':')[4];
    return {
        registryId: env['ecr-registry-id'] ?? account,
        region: env.region,
        repository: env['ecr-repository'],
    };
}
async function createOpsContext(options) {
    const { env, clock, logger } = options;
    // A call is retried (after a throttle, a 5xx or a hung request) within the action's timeout.
    const deps = { clock, logger, retryBudgetMs: options.timing.operationTimeoutMs };
    const clients = options.clients ??
        (0,aws_clients/* createAwsClients */.Gv)(env.region, { requestTimeoutMs: options.timing.awsRequestTimeoutMs });
    const maintenance = env.maintenance;
    const ecr = new EcrRepository(clients.ecr, ecrLocation(env), deps);
    const target = await targetOf(env, clients, deps, { requestTimeoutMs: options.timing.awsRequestTimeoutMs }, { flyApiToken: options.flyApiToken });
    const token = options.githubToken;
    function githubAt(sha) {
        return token
            ? new deployments/* GitHubDeployments */.C({
                apiUrl: options.run.apiUrl,
                token,
                repository: options.run.repository,
                serverUrl: options.run.serverUrl,
                runId: options.run.runId,
                runAttempt: options.run.runAttempt,
                job: options.run.job,
                sha,
                ref: options.run.ref,
                actor: options.run.actor,
            }, { clock, logger })
            : undefined;
    }
    return {
        environment: options.environment,
        // A target outside AWS has no account to compare the credentials with.
        checkAccount: async () => env['service-arn'].startsWith('arn:')
            ? assertAccount(clients.sts, env['service-arn'], options.configPath, options.environment, deps)
            : undefined,
        env,
        target,
        ecr,
        secretsManager: clients.secretsManager,
        rds: env.database ? new rds/* RdsInstance */.LQ(clients.rds, env.database.instance, deps) : undefined,
        github: githubAt(options.run.sha),
        githubAt,
        monitors: options.betterstackToken && maintenance
            ? {
                client: new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), options.betterstackToken, {
                    clock,
                    logger,
                }),
                ids: maintenance['monitor-ids'],
                windowMs: (0,duration/* parseDuration */.E9)(maintenance.window) ?? 1_800_000,
            }
            : undefined,
        slackWebhookUrl: options.slackWebhookUrl,
        auditDatabaseUrl: options.auditDatabaseUrl,
        run: options.run,
        timing: {
            ...options.timing,
            snapshotTimeoutMs: (0,duration/* parseDuration */.E9)(env.database?.['snapshot-timeout'] ?? '30m') ?? 1_800_000,
        },
        clock,
        logger,
        state: options.state,
    };
}


/***/ }),

/***/ 7127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PC: () => (/* binding */ DEPLOY_SNAPSHOT_PURPOSES),
/* harmony export */   Rs: () => (/* binding */ DEPLOY_MODES),
/* harmony export */   gg: () => (/* binding */ deploy)
/* harmony export */ });
/* harmony import */ var _ops_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6147);
/* harmony import */ var _pipelines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7402);


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
        deployment: (run) => (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentOf */ .PE)(run, 'deploy', `Deploying ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion}`),
        deploymentPlan: (run) => `GitHub: create deployment of ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion} to ${run.ctx.environment}, status in_progress`,
        refused: (_run, result) => result.message,
        verified: (run, failure, by) => {
            const c = (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run);
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
        planned: (run) => `Dry run: would deploy ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion} over ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).running.version}; nothing was changed`,
        unchanged: (run) => `${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion} already runs in ${run.ctx.environment} and passes its checks; nothing deployed`,
        unhealthy: (run, why) => `${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion} already runs in ${run.ctx.environment} but fails its checks: ${why}`,
        stopped: (run, why) => `Deploy of ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion} stopped: ${why}`,
        slack: (run) => (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .slackOf */ .CJ)(run, '\u2705', {
            Version: `${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).running.version} \u2192 ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion}`,
        }),
        audit: (run) => ({
            action: run.outcome.result === 'deployed'
                ? 'deploy_succeeded'
                : run.outcome.result === 'rolled-back'
                    ? 'deploy_rolled_back'
                    : 'deploy_failed',
            details: {
                result: run.outcome.result,
                image: (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).target.uri,
                tag: (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion,
                previous_image: run.outcome.previousImage,
                operation_id: run.outcome.operationId,
                rollback_operation_id: run.outcome.rollbackOperationId,
                snapshot_id: run.outcome.snapshotId,
                headline: run.outcome.headline,
            },
        }),
    };
}
async function deploy(ctx, request, pipeline = _pipelines_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPLOY_PIPELINE */ .B6) {
    const run = Object.assign((0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .startRun */ .AD)('deploy', ctx, pipeline, deployStory(request), {
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
    return (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runToEnd */ .cd)(pipeline, run);
}


/***/ }),

/***/ 6147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KT: () => (/* binding */ chosenOf),
  PE: () => (/* binding */ deploymentOf),
  cd: () => (/* binding */ runToEnd),
  CJ: () => (/* binding */ slackOf),
  AD: () => (/* binding */ startRun)
});

// EXTERNAL MODULE: ./core/deploy/outcome.ts
var deploy_outcome = __webpack_require__(2314);
// EXTERNAL MODULE: ./core/deploy/pipeline.ts
var deploy_pipeline = __webpack_require__(1053);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
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
    const { outcome, finish } = (0,deploy_outcome/* startOutcome */.pq)(kind, ctx, steps);
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
    await (0,deploy_pipeline/* runPipeline */.aI)(pipeline, run);
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
            Duration: (0,deploy_outcome/* durationSince */.tc)(run.ctx, run.outcome.startedAt),
        },
    };
}


/***/ }),

/***/ 2314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RU: () => (/* binding */ recordTarget),
/* harmony export */   pq: () => (/* binding */ startOutcome),
/* harmony export */   tc: () => (/* binding */ durationSince)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);

function durationSince(ctx, startMs) {
    return (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ctx.clock.now() - startMs);
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


/***/ }),

/***/ 2300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ setOpsOutputs)
/* harmony export */ });
/** The outputs deploy and rollback declare; absent values are empty strings. */
function setOpsOutputs(outcome, setOutput) {
    setOutput('result', outcome.result);
    setOutput('image', outcome.image ?? '');
    setOutput('previous-image', outcome.previousImage ?? '');
    setOutput('snapshot-id', outcome.snapshotId ?? '');
    setOutput('operation-id', outcome.operationId ?? '');
    if (outcome.kind === 'deploy')
        setOutput('service-url', outcome.serviceUrl ?? '');
}


/***/ }),

/***/ 1053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XC: () => (/* binding */ planOf),
/* harmony export */   aI: () => (/* binding */ runPipeline)
/* harmony export */ });
/* unused harmony exports needsOf, checkPipeline */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
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
                steps.finish(stage.name, policy === 'warn' ? 'warning' : 'failed', (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error), startMs);
                if (policy === 'throw') {
                    thrown ??= { error };
                    halted ??= 'end';
                }
                else if (policy === 'stop') {
                    if (!halted) {
                        halted = 'stop';
                        run.stopped((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error));
                    }
                }
                else {
                    steps.warn(`${stage.name} failed (the run goes on${policy === 'red' ? ' without it' : ''}): ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
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


/***/ }),

/***/ 7402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B6: () => (/* binding */ DEPLOY_PIPELINE),
  dJ: () => (/* binding */ RESTART_PIPELINE),
  on: () => (/* binding */ SCALE_PIPELINE),
  Io: () => (/* binding */ SNAPSHOT_AHEAD_PIPELINE)
});

// UNUSED EXPORTS: ROLLBACK_PIPELINE

// EXTERNAL MODULE: ./core/deploy/ops-run.ts + 1 modules
var ops_run = __webpack_require__(6147);
// EXTERNAL MODULE: ./core/health/report.ts + 1 modules
var report = __webpack_require__(5667);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
;// CONCATENATED MODULE: ./core/health/json-path.ts
/** Reads `data.checks.db.status` or `items[0].id` / `items.0.id` from parsed JSON. */
function valueAtPath(root, path) {
    const segments = path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter((s) => s !== '');
    let node = root;
    for (const segment of segments) {
        if (node === null || typeof node !== 'object')
            return { found: false };
        if (!Object.prototype.hasOwnProperty.call(node, segment))
            return { found: false };
        node = node[segment];
    }
    return { found: true, value: node };
}

;// CONCATENATED MODULE: ./core/health/evaluate.ts

const DAY_MS = 86_400_000;
function show(value) {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
/** Every way a response falls short of the check; empty when it passes. */
function evaluateResponse(response, { check, version, now }) {
    const reasons = [];
    const expect = check.expect;
    if (response.status !== expect.status) {
        reasons.push(`status ${response.status}, expected ${expect.status}`);
    }
    const maxLatency = expect['max-latency-ms'];
    if (maxLatency !== undefined && response.latencyMs > maxLatency) {
        reasons.push(`took ${Math.round(response.latencyMs)} ms, limit ${maxLatency} ms`);
    }
    for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
        const value = response.headers[name.toLowerCase()];
        if (value === undefined)
            reasons.push(`header ${name} is missing`);
        else if (!new RegExp(pattern).test(value))
            reasons.push(`header ${name} is "${value}", expected /${pattern}/`);
    }
    const needsJson = expect.json !== undefined || version !== undefined;
    if (needsJson) {
        let body;
        let parsed = false;
        try {
            body = JSON.parse(response.body);
            parsed = true;
        }
        catch {
            const type = response.headers['content-type'] ?? 'no content-type';
            reasons.push(`expect.json needs a JSON body, got ${type}: ${show(response.body.slice(0, 60))}`);
        }
        if (parsed) {
            for (const [path, expected] of Object.entries(expect.json ?? {})) {
                const actual = valueAtPath(body, path);
                if (!actual.found)
                    reasons.push(`${path} is missing, expected ${show(expected)}`);
                else if (actual.value !== expected)
                    reasons.push(`${path} is ${show(actual.value)}, expected ${show(expected)}`);
            }
            if (version) {
                const actual = valueAtPath(body, version.path);
                if (!actual.found)
                    reasons.push(`version not reported at ${version.path}`);
                else if (!version.values.includes(String(actual.value))) {
                    const wanted = version.values.map((v) => `"${v}"`).join(' or ');
                    reasons.push(`reports version ${show(actual.value)}, expected ${wanted}`);
                }
            }
        }
    }
    if (check.tls) {
        if (!response.certificate) {
            reasons.push('tls.min-days needs an https:// URL');
        }
        else {
            const days = Math.floor((response.certificate.validTo.getTime() - now.getTime()) / DAY_MS);
            if (days < check.tls['min-days']) {
                reasons.push(`TLS certificate expires in ${days} days (${response.certificate.validTo.toISOString().slice(0, 10)}), minimum ${check.tls['min-days']}`);
            }
        }
    }
    return reasons;
}
/**
 * Whether a response shows one of the expected versions: the sign that the new version, and
 * not the one before or a warming instance that cannot say yet, answered it.
 */
function reportsVersion(response, version) {
    let body;
    try {
        body = JSON.parse(response.body);
    }
    catch {
        return false;
    }
    const actual = valueAtPath(body, version.path);
    return actual.found && version.values.includes(String(actual.value));
}
/** The plain-HTTP twin of an https:// URL must redirect to https. */
function evaluateRedirect(response, httpUrl) {
    const location = response.headers['location'];
    if (response.status < 300 || response.status > 399) {
        return [`${httpUrl.href} answered ${response.status}, expected a redirect to https://`];
    }
    if (!location || !new URL(location, httpUrl).protocol.startsWith('https')) {
        return [
            `${httpUrl.href} redirects to ${location ?? '(no Location header)'}, expected https://`,
        ];
    }
    return [];
}

;// CONCATENATED MODULE: ./core/health/failure-limit.ts
/**
 * The one rule by which a watch of a new version gives up early, shared by verification and
 * the bake period (like Argo Rollouts' `failureLimit`): `limit` failed observations in a row
 * end the watch; a good observation starts the count again. What counts as an observation is
 * the caller's: a check's attempt once the new version is known to serve, a bake minute with
 * traffic.
 */
class FailureStreak {
    limit;
    reasons = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`failure limit must be a whole number \u2265 1, got ${limit}`);
    }
    /** Records one observation (a reason: it failed); the streak's reasons once it reaches the limit. */
    observe(failure) {
        this.reasons = failure === undefined ? [] : [...this.reasons, failure];
        return this.reasons.length >= this.limit ? this.reasons : undefined;
    }
    /** Failures in a row so far. */
    get length() {
        return this.reasons.length;
    }
}
/** The first streak of `limit` failures in a series of observations, or undefined. */
function firstStreak(observations, limit) {
    const streak = new FailureStreak(limit);
    for (const o of observations) {
        const reached = streak.observe(o);
        if (reached)
            return reached;
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./core/health/probe.ts


class ProbeError extends Error {
    name = 'ProbeError';
}
const BODY_LIMIT = 1024 * 1024;
/**
 * One HTTP request with a deadline, on a fresh connection (so TLS is negotiated and the
 * certificate seen every time), without following redirects.
 */
function probe(url, options) {
    const transport = url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const request = transport.request(url, {
            method: options.method,
            agent: false,
            headers: { 'user-agent': 'apprunner-ops-smoke-test', accept: 'application/json, */*' },
            signal: options.signal,
        }, (response) => {
            const socket = response.socket;
            let certificate;
            if (typeof socket.getPeerCertificate === 'function') {
                const peer = socket.getPeerCertificate();
                if (peer && peer.valid_to) {
                    certificate = {
                        validTo: new Date(peer.valid_to),
                        subject: String(peer.subject?.CN ?? ''),
                    };
                }
            }
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size <= BODY_LIMIT)
                    chunks.push(chunk);
            });
            response.on('end', () => {
                clearTimeout(timer);
                const headers = {};
                for (const [name, value] of Object.entries(response.headers)) {
                    if (value !== undefined)
                        headers[name] = Array.isArray(value) ? value.join(', ') : value;
                }
                resolve({
                    status: response.statusCode ?? 0,
                    headers,
                    body: Buffer.concat(chunks).toString('utf8'),
                    latencyMs: performance.now() - started,
                    ...(certificate ? { certificate } : {}),
                });
            });
            response.on('error', (error) => {
                clearTimeout(timer);
                reject(new ProbeError(describeNetworkError(error)));
            });
        });
        const timer = setTimeout(() => {
            request.destroy(new ProbeError(`no response within ${options.timeoutMs}ms`));
        }, options.timeoutMs);
        request.on('error', (error) => {
            clearTimeout(timer);
            reject(error instanceof ProbeError ? error : new ProbeError(describeNetworkError(error)));
        });
        request.end();
    });
}
function describeNetworkError(error) {
    const code = error.code;
    switch (code) {
        case 'ECONNREFUSED':
            return 'connection refused (ECONNREFUSED)';
        case 'ECONNRESET':
            return 'connection reset (ECONNRESET)';
        case 'ENOTFOUND':
            return 'host not found (ENOTFOUND)';
        case 'CERT_HAS_EXPIRED':
            return 'TLS certificate has expired';
        case 'DEPTH_ZERO_SELF_SIGNED_CERT':
        case 'SELF_SIGNED_CERT_IN_CHAIN':
        case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
            return `TLS certificate is not trusted (${code})`;
        case 'ERR_TLS_CERT_ALTNAME_INVALID':
            return 'TLS certificate does not cover this host name';
        default:
            return code ? `${error.message} (${code})` : error.message;
    }
}

;// CONCATENATED MODULE: ./core/health/run-checks.ts






const MIN_ATTEMPT_MS = 1000;
/** The absolute URL of a check: its own `url`, or `path` joined to the base URL. */
function resolveCheckUrl(check, baseUrl) {
    if (check.url !== undefined)
        return new URL(check.url);
    if (!baseUrl)
        throw new Error(`check "${check.name}" has a path but no base URL was given`);
    const base = new URL(baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
    return new URL((check.path ?? '/').replace(/^\//, ''), base);
}
/** Which check carries the version: those marked reports-version, else the first one. */
function versionCarriers(checks) {
    const marked = checks.flatMap((c, i) => (c['reports-version'] ? [i] : []));
    return new Set(marked.length > 0 ? marked : [0]);
}
/**
 * Runs every check concurrently. A failing check is tried again every `intervalMs` until it
 * passes or the overall deadline passes, because a fresh deploy takes a moment to warm up.
 */
async function runChecks(checks, options) {
    const { clock, logger } = options;
    const deadline = clock.now() + options.timeoutMs;
    const carriers = versionCarriers(checks);
    const limit = options.failureLimit;
    const shared = {
        serving: limit !== undefined && options.expectVersion === undefined && limit.servingKnown,
        stop: new AbortController(),
    };
    logger.info(`Running ${checks.length} check${checks.length === 1 ? '' : 's'} (deadline ${(0,duration/* formatDuration */.a3)(options.timeoutMs)}, retry every ${(0,duration/* formatDuration */.a3)(options.intervalMs)}${limit ? `; ${limit.limit} failures in a row once the new version serves end it` : ''})`);
    const signal = options.signal
        ? AbortSignal.any([options.signal, shared.stop.signal])
        : shared.stop.signal;
    return Promise.all(checks.map((check, index) => runOne(check, {
        ...options,
        signal,
        deadline,
        shared,
        version: carriers.has(index) ? options.expectVersion : undefined,
    })));
}
async function runOne(check, options) {
    const { clock, logger, shared } = options;
    const streak = options.failureLimit ? new FailureStreak(options.failureLimit.limit) : undefined;
    let endedEarly;
    const doProbe = options.probe ?? probe;
    const url = resolveCheckUrl(check, options.baseUrl);
    const attemptTimeout = (0,duration/* parseDuration */.E9)(check.timeout) ?? 10_000;
    const started = clock.now();
    const reasons = new Map();
    let attempts = 0;
    let last;
    let lastReasons = [];
    let lastLogged;
    const redirectUrl = check['https-redirect'] === true
        ? new URL(url.href.replace(/^https:/, 'http:').replace(/^(http:\/\/[^/]+?):\d+/, '$1'))
        : typeof check['https-redirect'] === 'string'
            ? new URL(check['https-redirect'])
            : undefined;
    for (;;) {
        attempts++;
        // An attempt gets what is left of the deadline, but at least a second (or its own
        // timeout if shorter): a sliver of time would only report "no response" and hide the
        // real reason of the earlier attempts.
        const timeoutMs = Math.min(attemptTimeout, Math.max(options.deadline - clock.now(), MIN_ATTEMPT_MS));
        lastReasons = [];
        last = undefined;
        try {
            last = await doProbe(url, { method: check.method, timeoutMs, signal: options.signal });
            lastReasons = evaluateResponse(last, {
                check,
                ...(options.version ? { version: options.version } : {}),
                now: new Date(clock.now()),
            });
        }
        catch (error) {
            lastReasons = [
                shared.endedBy !== undefined && shared.stop.signal.aborted
                    ? `not finished: ${shared.endedBy}`
                    : (0,errors/* errorMessage */.gJ)(error),
            ];
        }
        if (last && options.version && !shared.serving && reportsVersion(last, options.version)) {
            shared.serving = true;
            logger.info(`  ${check.name}: the new version answers (${options.version.values[0]})`);
        }
        if (redirectUrl) {
            try {
                const plain = await doProbe(redirectUrl, {
                    method: 'GET',
                    timeoutMs,
                    signal: options.signal,
                });
                lastReasons.push(...evaluateRedirect(plain, redirectUrl));
            }
            catch (error) {
                lastReasons.push(`${redirectUrl.href}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        for (const reason of lastReasons)
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        const result = () => ({
            name: check.name,
            url: url.href,
            passed: lastReasons.length === 0,
            ...(last ? { status: last.status, latencyMs: Math.round(last.latencyMs) } : {}),
            attempts,
            reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
            ...(lastReasons.length > 0 ? { lastReason: lastReasons.join('; ') } : {}),
            ...(last?.certificate
                ? {
                    tlsDaysRemaining: Math.floor((last.certificate.validTo.getTime() - clock.now()) / 86_400_000),
                }
                : {}),
            durationMs: clock.now() - started,
            ...(endedEarly !== undefined ? { endedEarly } : {}),
        });
        if (lastReasons.length === 0) {
            logger.info(`\u2713 ${check.name}: ${last?.status} in ${Math.round(last?.latencyMs ?? 0)} ms (attempt ${attempts})`);
            return result();
        }
        const line = lastReasons.join('; ');
        const reached = shared.serving ? streak?.observe(line) : undefined;
        if (reached) {
            endedEarly = `${reached.length} failures in a row once the new version served`;
            shared.endedBy ??= `${check.name} failed ${reached.length} times in a row`;
            logger.info(`\u2717 ${check.name}: ${line} (${endedEarly}; verification ends before its deadline)`);
            shared.stop.abort();
            return result();
        }
        const remainingAfter = options.deadline - clock.now();
        if (remainingAfter <= options.intervalMs || options.signal?.aborted) {
            if (shared.endedBy !== undefined)
                endedEarly = `stopped: ${shared.endedBy}`;
            logger.info(`\u2717 ${check.name}: ${lastReasons.join('; ')} (gave up after ${attempts} attempts)`);
            return result();
        }
        // Log a failing attempt when its reason changes, not every poll: a warming service
        // would otherwise fill the log with the same line.
        if (line !== lastLogged) {
            logger.info(`\u2026 ${check.name}: ${line} (attempt ${attempts}; retrying every ${(0,duration/* formatDuration */.a3)(options.intervalMs)})`);
            lastLogged = line;
        }
        await clock.sleep(options.intervalMs, options.signal).catch(() => undefined);
        if (shared.endedBy !== undefined) {
            // Another check reached the failure limit: this one's last attempt is its answer.
            endedEarly = `stopped: ${shared.endedBy}`;
            return result();
        }
    }
}

;// CONCATENATED MODULE: ./core/health/smoke-test.ts


/** Runs the checks and builds the report; shared by smoke-test, deploy and rollback. */
async function smokeTest(params, deps) {
    const started = deps.clock.now();
    const results = await runChecks(params.checks, {
        ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}),
        ...(params.expectVersion ? { expectVersion: params.expectVersion } : {}),
        timeoutMs: params.timeoutMs,
        intervalMs: params.intervalMs,
        ...(params.failureLimit ? { failureLimit: params.failureLimit } : {}),
        clock: deps.clock,
        logger: deps.logger,
        ...(deps.probe ? { probe: deps.probe } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return (0,report/* buildReport */.FK)(results, started, deps.clock.now(), params.expectVersion?.values.join(' or '));
}

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
    const report = await smokeTest({
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
    const c = (0,ops_run/* chosenOf */.KT)(run);
    return [
        `Verify ${health.checks.length} health checks at ${health['base-url']}${health['version-path'] ? `, expecting version ${c.targetVersion}` : ''}`,
    ];
}
/** Verifies the version just put in place; the run's story settles the outcome. */
const verify = {
    name: 'Verify',
    plan: verifyPlan,
    run: async (run) => {
        const c = (0,ops_run/* chosenOf */.KT)(run);
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
        const c = (0,ops_run/* chosenOf */.KT)(run);
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
        const c = (0,ops_run/* chosenOf */.KT)(run);
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
        const c = (0,ops_run/* chosenOf */.KT)(run);
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
;// CONCATENATED MODULE: ./core/util/percent.ts
/** Percent with two decimals, for lines people read (the error-rate check, the bake period). */
const percent = (ratio) => Math.round(ratio * 10_000) / 100;

;// CONCATENATED MODULE: ./core/deploy/bake.ts






/** CloudWatch is a minute or two behind; a bake waits this much longer for its last minutes. */
const CLOUDWATCH_DELAY_MS = 5 * 60_000;
function badMinute(m, config) {
    if (m.requests <= 0)
        return undefined;
    const rate = percent(m.errors / m.requests);
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
    const run = firstStreak(minutes.map((m) => badMinute(m, config)), config['consecutive-minutes']);
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
// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
;// CONCATENATED MODULE: ./core/audit/audit-log.ts



/**
 * The resource type of deploy, rollback and restart rows, whatever the platform: history reads
 * them back by it. The name dates from when App Runner was the only target and is kept so that
 * older rows still count.
 */
const DEPLOY_RESOURCE_TYPE = 'app_runner_service';
/**
 * The runbooks' audit_log table: id, action, resource_type, resource_id, details (jsonb),
 * plus actor, run_url and created_at. The application may already own an audit_log table
 * with only the runbook's columns; then actor and run URL go into details.
 */
const AUDIT_TABLE_DDL = `CREATE TABLE IF NOT EXISTS audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor text,
  run_url text,
  created_at timestamptz NOT NULL DEFAULT now()
)`;
async function writeAuditEntry(databaseUrl, entry) {
    const client = await (0,pg_client/* pgClient */.Te)({
        connectionString: databaseUrl,
        connectionTimeoutMillis: 10_000,
        statement_timeout: 10_000,
    });
    await client.connect();
    try {
        await ensureTable(client);
        const columns = await client.query(`SELECT column_name, column_default, data_type FROM information_schema.columns
        WHERE table_name = 'audit_log' AND table_schema = current_schema()`);
        const present = new Map(columns.rows.map((c) => [c.column_name, c]));
        const id = (0,external_node_crypto_.randomUUID)();
        const row = {
            action: entry.action,
            resource_type: entry.resourceType,
            resource_id: entry.resourceId,
            details: JSON.stringify({
                ...entry.details,
                ...(present.has('actor') ? {} : { actor: entry.actor }),
                ...(present.has('run_url') ? {} : { run_url: entry.runUrl }),
            }),
        };
        if (present.has('actor'))
            row['actor'] = entry.actor;
        if (present.has('run_url'))
            row['run_url'] = entry.runUrl;
        const idColumn = present.get('id');
        if (idColumn && idColumn.column_default === null)
            row['id'] = idColumn.data_type === 'uuid' || idColumn.data_type === 'text' ? id : undefined;
        const names = Object.keys(row).filter((k) => row[k] !== undefined);
        try {
            const result = await client.query(`INSERT INTO audit_log (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id::text`, names.map((n) => row[n]));
            return result.rows[0]?.id ?? id;
        }
        catch (error) {
            if (!isPermissionDenied(error))
                throw error;
            const who = await whoAmI(client);
            throw new Error(`this role may not write audit_log (${(0,errors/* errorMessage */.gJ)(error)}); GRANT INSERT ON audit_log TO ${who.user} (SELECT too, for rollback's history)`, { cause: error });
        }
    }
    finally {
        await client.end();
    }
}
function isPermissionDenied(error) {
    return error?.code === '42501';
}
async function whoAmI(client) {
    const out = await client.query('SELECT current_user AS user, current_schema() AS schema');
    return { user: out.rows[0]?.user ?? 'the role', schema: out.rows[0]?.schema ?? 'public' };
}
/**
 * Creates audit_log only when it is missing: a role that may only INSERT into an existing
 * table must not need CREATE on the schema (CREATE TABLE IF NOT EXISTS checks it anyway).
 */
async function ensureTable(client) {
    const exists = await client.query(`SELECT to_regclass('audit_log') IS NOT NULL AS present`);
    if (exists.rows[0]?.present)
        return;
    try {
        await client.query(AUDIT_TABLE_DDL);
    }
    catch (error) {
        if (!isPermissionDenied(error))
            throw error;
        const who = await whoAmI(client);
        throw new Error(`audit_log does not exist and this role may not create it: ${(0,errors/* errorMessage */.gJ)(error)}; create it once as the schema's owner, or GRANT CREATE ON SCHEMA ${who.schema} TO ${who.user}`, { cause: error });
    }
}
/** Newest first; used by rollback as a second source of history and by the demo. */
async function readAuditEntries(databaseUrl, filter = {}) {
    const client = await (0,pg_client/* pgClient */.Te)({
        connectionString: databaseUrl,
        connectionTimeoutMillis: 10_000,
    });
    await client.connect();
    try {
        const exists = await client.query(`SELECT to_regclass('audit_log') IS NOT NULL AS present`);
        if (!exists.rows[0]?.present)
            return [];
        const where = [];
        const values = [];
        if (filter.resourceType)
            where.push(`a.resource_type = $${values.push(filter.resourceType)}`);
        if (filter.action)
            where.push(`a.action = $${values.push(filter.action)}`);
        // to_jsonb: an application-owned audit_log may lack actor, run_url or created_at.
        const result = await client.query(`SELECT to_jsonb(a) AS row FROM audit_log a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, values);
        const rows = result.rows.map(({ row }) => ({
            id: String(row['id']),
            action: String(row['action']),
            resource_type: String(row['resource_type']),
            resource_id: String(row['resource_id']),
            details: (row['details'] ?? {}),
            actor: row['actor'] ?? null,
            run_url: row['run_url'] ?? null,
            created_at: new Date(String(row['created_at'] ?? row['details']?.['at'] ?? 0)),
        }));
        return rows
            .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
            .slice(0, filter.limit ?? 100);
    }
    finally {
        await client.end();
    }
}

// EXTERNAL MODULE: ./core/deploy/context.ts + 6 modules
var context = __webpack_require__(2057);
;// CONCATENATED MODULE: ./core/deploy/history.ts




function digestOf(image) {
    return typeof image === 'string' ? /@(sha256:[0-9a-f]{64})$/.exec(image)?.[1] : undefined;
}
function fromGitHub(records) {
    return records.flatMap((r) => {
        const digest = r.payload.digest ?? digestOf(r.payload.image);
        if (!digest || !r.payload.image)
            return [];
        return [
            {
                source: 'github',
                id: String(r.id),
                kind: r.payload.kind === 'rollback' ? 'rollback' : 'deploy',
                digest,
                image: r.payload.image,
                tag: r.payload.tag,
                createdAt: Date.parse(r.createdAt),
                // auto_inactive turns older successes inactive: "ever succeeded" is what counts.
                succeeded: r.statuses.some((s) => s.state === 'success'),
                rolledBackFrom: r.payload.kind === 'rollback' ? digestOf(r.payload.previousImage) : undefined,
                before: digestOf(r.payload.previousImage),
                actor: stringOf(r.payload.actor),
                reason: stringOf(r.payload.reason),
                serviceArn: stringOf(r.payload['serviceArn']),
                sha: r.sha || undefined,
            },
        ];
    });
}
async function fromAudit(ctx) {
    if (!ctx.auditDatabaseUrl)
        return [];
    const rows = await readAuditEntries(ctx.auditDatabaseUrl, {
        resourceType: DEPLOY_RESOURCE_TYPE,
        limit: 500,
    });
    return rows
        .filter((row) => row.resource_id === ctx.environment && /^(deploy|rollback)_/.test(row.action))
        .flatMap((row) => {
        const digest = digestOf(row.details['image']);
        if (!digest)
            return [];
        const kind = row.action.startsWith('rollback') ? 'rollback' : 'deploy';
        return [
            {
                source: 'audit',
                id: row.id,
                kind,
                digest,
                image: String(row.details['image']),
                tag: typeof row.details['tag'] === 'string' ? row.details['tag'] : undefined,
                createdAt: row.created_at.getTime(),
                succeeded: row.action === 'deploy_succeeded' || row.action === 'rollback_succeeded',
                rolledBackFrom: kind === 'rollback' ? digestOf(row.details['previous_image']) : undefined,
                before: digestOf(row.details['previous_image']),
                actor: stringOf(row.actor),
                reason: stringOf(row.details['reason']),
                serviceArn: stringOf(row.details['service_arn']),
                sha: stringOf(row.details['commit']),
            },
        ];
    });
}
function stringOf(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/**
 * Keeps the records of this service: one environment name may hold several services (a
 * monorepo, a shared audit database). Records carry the service ARN; older ones, without it,
 * count when their image is in this service's repository.
 */
function ofService(entries, serviceArn, repositoryUri) {
    return entries.filter((e) => e.serviceArn !== undefined
        ? e.serviceArn === serviceArn
        : e.image.startsWith(`${repositoryUri}@`) || e.image.startsWith(`${repositoryUri}:`));
}
/**
 * Deploy and rollback history of the service, newest first: GitHub deployments made by
 * apprunner-ops, or the audit log when GitHub has none (or no token was given, or GitHub
 * could not be read: then with a warning).
 */
async function readHistory(ctx) {
    const location = (0,context/* ecrLocation */.Y)(ctx.env);
    const scope = (entries) => ofService(entries, ctx.env['service-arn'], `${(0,image_ref/* registryHost */.U$)(location)}/${location.repository}`);
    if (ctx.github) {
        try {
            const entries = scope(fromGitHub(await ctx.github.history(ctx.environment, 100)));
            if (entries.length > 0)
                return { entries: sortNewestFirst(entries), source: 'GitHub deployments' };
        }
        catch (error) {
            ctx.logger.warning(`could not read GitHub deployments (${(0,errors/* errorMessage */.gJ)(error)}); using the audit log`);
        }
    }
    const audit = scope(await fromAudit(ctx));
    return {
        entries: sortNewestFirst(audit),
        source: audit.length > 0 ? 'the audit log' : 'no history',
    };
}
function sortNewestFirst(entries) {
    return entries.sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id));
}
/**
 * "previous": the newest successful deploy or rollback older than the one that put the
 * running version in place, skipping the running version and every version a rollback moved
 * away from (those stay reachable by name only). With nothing older \u2014 the day of adoption,
 * after the first deploy through the suite \u2014 the version that deploy recorded as running
 * before it (`before`), marked `adoptedFrom`.
 */
function choosePrevious(entries, runningDigest) {
    const bad = badDigests(entries);
    const successes = entries.filter((e) => e.succeeded);
    const current = successes.find((e) => e.digest === runningDigest);
    const older = current
        ? successes.filter((e) => e.createdAt < current.createdAt ||
            (e.createdAt === current.createdAt && Number(e.id) < Number(current.id)))
        : successes;
    const found = older.find((e) => e.digest !== runningDigest && !bad.has(e.digest));
    if (found || !current || older.length > 0)
        return found;
    const before = current.before;
    if (before === undefined || before === runningDigest || bad.has(before))
        return undefined;
    return {
        ...current,
        kind: 'deploy',
        digest: before,
        image: current.image.replace(/@sha256:[0-9a-f]{64}$/, `@${before}`),
        tag: undefined,
        before: undefined,
        rolledBackFrom: undefined,
        sha: undefined,
        reason: undefined,
        adoptedFrom: true,
    };
}
function badDigests(entries) {
    return new Set(entries.flatMap((e) => (e.rolledBackFrom ? [e.rolledBackFrom] : [])));
}

;// CONCATENATED MODULE: ./core/deploy/images.ts
/** What runs now and what a failed change goes back to: the images, as ECR names them. */


function versionOf(image, identifier) {
    const tag = image?.tags[0];
    if (tag)
        return tag;
    const parsed = identifier ? (0,image_ref/* parseImageIdentifier */.aj)(identifier) : undefined;
    if (parsed?.ref.kind === 'tag')
        return parsed.ref.tag;
    const digest = image?.digest ?? (parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined);
    return digest ? digest.slice(0, 19) : (identifier ?? 'unknown');
}
const OTHER_REGISTRY_DIGEST = /^[^@\s]+@(sha256:[0-9a-f]{64})$/;
/** The image the service runs now: the rollback target of a deploy. */
async function readRunningImage(ctx, identifier) {
    const parsed = (0,image_ref/* parseImageIdentifier */.aj)(identifier);
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
    const history = await readHistory(ctx);
    const bad = badDigests(history.entries);
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
    const history = await readHistory(ctx);
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

// EXTERNAL MODULE: ./core/deploy/outcome.ts
var outcome = __webpack_require__(2314);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
;// CONCATENATED MODULE: ./core/aws/secrets-manager.ts



class SecretNotFound extends errors/* DomainFailure */.dY {
    name = 'SecretNotFound';
}
/** PutSecretValue refused: a version with this ClientRequestToken holds another value. */
class VersionExists extends errors/* DomainFailure */.dY {
    name = 'VersionExists';
}
/** A staging label was not where a move expected it: another writer moved it first. */
class StageMoved extends errors/* DomainFailure */.dY {
    holder;
    name = 'StageMoved';
    constructor(message, 
    /** The version holding the label now (undefined: none). */
    holder) {
        super(message);
        this.holder = holder;
    }
}
/**
 * Secrets Manager as the rotation contract uses it. Values pass through here and nowhere else
 * into logs: log lines name secrets and version ids, never values. Every write carries a
 * ClientRequestToken, so a retried PutSecretValue is the same request (same token, same value).
 */
class SecretsStore {
    client;
    deps;
    constructor(client, deps) {
        this.client = client;
        this.deps = deps;
    }
    async describe(secretId) {
        try {
            const out = await (0,call/* awsCall */.uF)('DescribeSecret', () => this.client.send(new dist_cjs/* DescribeSecretCommand */.X5({ SecretId: secretId })), this.deps);
            const stages = out.VersionIdsToStages ?? {};
            const holder = (label) => Object.entries(stages).find(([, labels]) => labels.includes(label))?.[0];
            const current = holder('AWSCURRENT');
            const pending = holder('AWSPENDING');
            return {
                arn: out.ARN ?? secretId,
                name: out.Name ?? secretId,
                rotationEnabled: out.RotationEnabled === true,
                lastChangedAt: out.LastChangedDate,
                lastRotatedAt: out.LastRotatedDate,
                stages,
                currentVersionId: current,
                unfinishedVersionId: pending !== undefined && pending !== current ? pending : undefined,
            };
        }
        catch (error) {
            if ((0,call/* awsErrorName */.ZH)(error) === 'ResourceNotFoundException')
                throw new SecretNotFound(`secret ${secretId} does not exist in Secrets Manager; create it (aws secretsmanager create-secret) or fix secret-id in the configuration`);
            throw error;
        }
    }
    async value(secretId, at = { stage: 'AWSCURRENT' }) {
        const out = await (0,call/* awsCall */.uF)('GetSecretValue', () => this.client.send(new dist_cjs/* GetSecretValueCommand */.d2({
            SecretId: secretId,
            ...('versionId' in at ? { VersionId: at.versionId } : { VersionStage: at.stage }),
        })), this.deps);
        if (out.SecretString === undefined)
            throw new errors/* DomainFailure */.dY(`secret ${secretId} holds a binary value; apprunner-ops rotates string secrets only`);
        this.deps.mask?.(out.SecretString);
        return { value: out.SecretString, versionId: out.VersionId ?? '' };
    }
    /**
     * Idempotent by its token: the same token with the same value is accepted again, but then
     * Secrets Manager ignores the request, VersionStages included (callers that need the stages
     * move them afterwards). The same token with another value is VersionExists.
     */
    async put(secretId, token, value, stages) {
        this.deps.mask?.(value);
        try {
            await (0,call/* awsCall */.uF)('PutSecretValue', () => this.client.send(new dist_cjs/* PutSecretValueCommand */.cp({
                SecretId: secretId,
                ClientRequestToken: token,
                SecretString: value,
                VersionStages: stages,
            })), this.deps);
        }
        catch (error) {
            if ((0,call/* awsErrorName */.ZH)(error) === 'ResourceExistsException')
                throw new VersionExists(`secret ${secretId} already has a version ${token} with another value (Secrets Manager refuses to change a version)`);
            throw error;
        }
    }
    /** Every version (deprecated ones too), following NextToken (bounded: 20 pages). */
    async versions(secretId) {
        return (0,call/* awsPages */.A_)('ListSecretVersionIds', async (next) => {
            const out = await this.client.send(new dist_cjs/* ListSecretVersionIdsCommand */.Af({
                SecretId: secretId,
                IncludeDeprecated: true,
                MaxResults: 100,
                NextToken: next,
            }));
            return { items: out.Versions, next: out.NextToken };
        }, this.deps, { maxPages: 20, of: secretId });
    }
    /** The AWSCURRENT version and when it was made, or undefined. */
    async currentVersion(secretId) {
        const current = (await this.versions(secretId)).find((v) => v.VersionStages?.includes('AWSCURRENT'));
        return current?.VersionId && current.CreatedDate
            ? { versionId: current.VersionId, createdAt: current.CreatedDate }
            : undefined;
    }
    async versionIds(secretId) {
        return (await this.versions(secretId)).flatMap((v) => (v.VersionId ? [v.VersionId] : []));
    }
    /** Every version with its labels and creation date (deprecated ones too). */
    async versionList(secretId) {
        return (await this.versions(secretId)).flatMap((v) => v.VersionId
            ? [{ versionId: v.VersionId, stages: v.VersionStages ?? [], createdAt: v.CreatedDate }]
            : []);
    }
    /**
     * Puts `stage` on `versionId`, taking it from `from` \u2014 the version the caller saw holding
     * it ('read': whichever holds it now, for labels only this suite writes). Naming the
     * version makes the move a compare-and-swap: when another writer moved the label in
     * between, Secrets Manager refuses and this throws StageMoved instead of overriding it.
     * A retry after a move that took effect (or a re-run) finds the label in place and returns.
     */
    async moveStage(secretId, stage, versionId, from) {
        const { stages } = await this.describe(secretId);
        if (stages[versionId]?.includes(stage))
            return;
        const holder = Object.entries(stages).find(([, labels]) => labels.includes(stage))?.[0];
        const expected = from === 'read' ? holder : from;
        if (holder !== expected)
            throw new StageMoved(`${stage} of ${secretId} is on version ${holder ?? '(none)'}, not on ${expected ?? '(none)'} as expected: another writer moved it`, holder);
        try {
            await (0,call/* awsCall */.uF)('UpdateSecretVersionStage', async (attempt) => {
                if (attempt > 1 && (await this.describe(secretId)).stages[versionId]?.includes(stage))
                    return;
                await this.client.send(new dist_cjs/* UpdateSecretVersionStageCommand */.be({
                    SecretId: secretId,
                    VersionStage: stage,
                    MoveToVersionId: versionId,
                    ...(expected ? { RemoveFromVersionId: expected } : {}),
                }));
            }, this.deps);
        }
        catch (error) {
            if ((0,call/* awsErrorName */.ZH)(error) !== 'InvalidParameterException')
                throw error;
            const now = (await this.describe(secretId)).stages;
            if (now[versionId]?.includes(stage))
                return;
            const moved = Object.entries(now).find(([, labels]) => labels.includes(stage))?.[0];
            throw new StageMoved(`${stage} of ${secretId} moved to version ${moved ?? '(none)'} while this run moved it from ${expected ?? '(none)'}: another writer moved it`, moved);
        }
    }
    /** Takes `stage` off `versionId` if it is there; a label another writer moved is left alone. */
    async removeStage(secretId, stage, versionId) {
        const { stages } = await this.describe(secretId);
        if (!stages[versionId]?.includes(stage))
            return;
        try {
            await (0,call/* awsCall */.uF)('UpdateSecretVersionStage', async (attempt) => {
                if (attempt > 1 && !(await this.describe(secretId)).stages[versionId]?.includes(stage))
                    return;
                await this.client.send(new dist_cjs/* UpdateSecretVersionStageCommand */.be({
                    SecretId: secretId,
                    VersionStage: stage,
                    RemoveFromVersionId: versionId,
                }));
            }, this.deps);
        }
        catch (error) {
            if ((0,call/* awsErrorName */.ZH)(error) !== 'InvalidParameterException' ||
                (await this.describe(secretId)).stages[versionId]?.includes(stage))
                throw error;
        }
    }
}

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
    const store = new SecretsStore(ctx.secretsManager, { clock: ctx.clock, logger: ctx.logger });
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
            if (!(error instanceof SecretNotFound))
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
    const running = await readRunningImage(ctx, state.image);
    await assertNoUnfinishedRotation(ctx, state.secrets);
    return { state, running };
}
/** Records the images the run works with; the service's URL and variables come from `state`. */
function choose(run, state, chosen) {
    run.chosen = { ...chosen, serviceUrl: state.url, variables: state.environment };
    (0,outcome/* recordTarget */.RU)(run.outcome, run.chosen);
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
        const targetVersion = run.image.kind === 'tag' ? run.image.tag : versionOf(target);
        // Before anything changes: a rollback this deploy was queued behind or beside stands.
        await assertNotUndoingRollback(ctx, target, targetVersion);
        const back = await fallbackTarget(ctx, running, target);
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
    const { exec } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1260));
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
            throw new errors/* DomainFailure */.dY(`the down migration failed, so the image was not changed and ${(0,ops_run/* chosenOf */.KT)(run).running.version} still serves: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    },
};

// EXTERNAL MODULE: ./core/maintenance/suite-pauses.ts
var suite_pauses = __webpack_require__(78);
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

// EXTERNAL MODULE: ./core/action/post-state.ts
var post_state = __webpack_require__(2405);
// EXTERNAL MODULE: ./core/util/http-json.ts
var http_json = __webpack_require__(676);
;// CONCATENATED MODULE: ./core/notify/slack.ts


/**
 * Posts to a Slack incoming webhook at most once. The URL is a secret: it never appears in a
 * log line. A webhook post is not idempotent, so it is retried only when Slack cannot have
 * posted it (429 rate limited, or no connection at all); after a 5xx or a lost answer the
 * message may be in the channel already, and a second copy is worse than a missing one: the
 * caller reports it as a warning.
 */
async function postToSlack(webhookUrl, message, deps) {
    try {
        await (0,http_json/* requestJson */.SS)('Slack webhook', webhookUrl, { method: 'POST', body: message, timeoutMs: 10_000, idempotent: false }, deps);
    }
    catch (error) {
        if (error instanceof http_json/* HttpError */.j$ && error.status >= 400 && error.status < 500)
            throw new errors/* DomainFailure */.dY(`Slack refused the message (HTTP ${error.status}: ${error.body.slice(0, 100) || 'no reason given'}); check the webhook URL secret`);
        throw new errors/* DomainFailure */.dY(`Slack did not confirm the message (${error instanceof http_json/* HttpError */.j$ ? `HTTP ${error.status}` : (0,errors/* errorMessage */.gJ)(error)}); it may or may not be in the channel, and is not sent twice`);
    }
}
/** A message with a headline and "key: value" fields, readable in the channel and in a notification. */
function slackMessage(headline, fields, link) {
    const lines = Object.entries(fields).map(([k, v]) => `*${k}:* ${v}`);
    const text = [headline, ...lines, ...(link ? [`<${link.url}|${link.text}>`] : [])].join('\n');
    return {
        text,
        blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: headline } },
            {
                type: 'section',
                fields: Object.entries(fields).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })),
            },
            ...(link
                ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link.url}|${link.text}>` }] }]
                : []),
        ],
    };
}

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
        ctx.state.save(post_state/* POST_STATE */.j9.deploymentId, '');
        return state;
    },
};
const slack = {
    name: 'Slack',
    applies: (run) => run.ctx.slackWebhookUrl !== undefined,
    plan: () => ['Slack: one message with the result'],
    always: true,
    failure: 'warn',
    run: async (run) => {
        const { ctx } = run;
        const { headline, fields } = run.story.slack(run);
        const message = slackMessage(headline, fields, { text: 'the run', url: ctx.run.runUrl });
        await postToSlack(ctx.slackWebhookUrl, message, { clock: ctx.clock, logger: ctx.logger });
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
        const id = await writeAuditEntry(ctx.auditDatabaseUrl, {
            action,
            resourceType: DEPLOY_RESOURCE_TYPE,
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
        ctx.state.save(post_state/* POST_STATE */.j9.deploymentId, String(id));
        await github.setStatus(id, 'in_progress', description, environmentUrl(ctx));
        return `deployment ${id} in progress`;
    },
};

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
        ctx.state.save(post_state/* POST_STATE */.j9.maintenancePauseId, pauseId);
        ctx.state.save(post_state/* POST_STATE */.j9.maintenanceMonitors, monitors.ids.join(','));
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
            ctx.state.save(post_state/* POST_STATE */.j9.maintenanceMonitors, '');
            return [
                r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume',
                ...r.leftAlone,
            ].join('; ');
        },
    },
};

// EXTERNAL MODULE: ./core/deploy/pipeline.ts
var pipeline = __webpack_require__(1053);
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
    const c = (0,ops_run/* chosenOf */.KT)(run);
    // Variables still to change mean an update even when the image already runs.
    return !run.variablesWanted && isSameImage(c.running, c.target);
}
const nothingToChange = {
    name: 'Nothing to change',
    // An internal decision, not a step a person follows: its heading would only be noise.
    quiet: () => true,
    run: async (run) => {
        const { ctx } = run;
        if (run.dryRun) {
            run.outcome.plan = (0,pipeline/* planOf */.XC)(run.pipeline, run);
            for (const line of run.outcome.plan)
                ctx.logger.info(`  would: ${line}`);
            run.finish('planned', true, run.story.planned(run));
            return { silent: true, halt: 'end' };
        }
        if (!alreadyRuns(run))
            return { silent: true };
        const c = (0,ops_run/* chosenOf */.KT)(run);
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

;// CONCATENATED MODULE: ./core/deploy/rollback-target.ts
/** What a rollback's `to` names: the last good version, a tag, a digest, or a GitHub deployment. */



/** Parses `to`. Digits alone name a GitHub deployment; `tag:<digits>` names such a tag. */
function parseRollbackTarget(text, ctx) {
    if (text === 'previous')
        return { kind: 'previous' };
    if (/^\d+$/.test(text))
        return { kind: 'deployment', id: text };
    const explicitTag = /^tag:(.+)$/.exec(text);
    const ref = parseImageRef(explicitTag ? explicitTag[1] : text, 'to', ecrLocation(ctx.env));
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
    const history = await readHistory(ctx);
    if (to.kind === 'previous') {
        // The digest in the running identifier counts even when its image has left ECR.
        const chosen = choosePrevious(history.entries, running.digest ?? running.image?.digest);
        if (!chosen) {
            throw new NoRollbackTarget(`no earlier good version of ${ctx.environment} in ${history.source === 'no history' ? 'GitHub deployments or the audit log (give github-token or audit-database-url)' : history.source}; name one with to: <tag> or to: <sha256:digest> \u2014 ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`);
        }
        const target = await ctx.ecr.find({ kind: 'digest', digest: chosen.digest });
        if (!target) {
            throw new NoRollbackTarget(`the last good version ${chosen.tag ?? chosen.digest} (${chosen.source} ${chosen.id}) is no longer in ECR; name another with to: <tag> \u2014 ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`);
        }
        return {
            target,
            targetVersion: chosen.tag ?? versionOf(target),
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
            targetVersion: entry.tag ?? versionOf(target),
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
    const bad = badDigests(history.entries).has(target.digest);
    return {
        target,
        targetVersion: to.kind === 'tag' ? to.tag : versionOf(target),
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
    const c = (0,ops_run/* chosenOf */.KT)(run);
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
        const c = (0,ops_run/* chosenOf */.KT)(run);
        return [
            ...(run.variablesWanted && run.envChanges
                ? [`Environment variables in the same update: ${(0,env_changes/* describeEnvChanges */.Mp)(run.envChanges)}`]
                : []),
            run.ctx.target.describeSwitch(c.running.identifier, c.target.uri),
        ];
    },
    run: async (run) => {
        const { ctx } = run;
        const c = (0,ops_run/* chosenOf */.KT)(run);
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
        const c = (0,ops_run/* chosenOf */.KT)(run);
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
    { ...slack, needs: after('Deployment status') },
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
    { ...slack, needs: after('Deployment status') },
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
    { ...slack, needs: after('Deployment status') },
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
    { ...slack, needs: after('Bake') },
    { ...auditLog, needs: after('Slack') },
];


/***/ }),

/***/ 1096:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ deployImageRef),
  j: () => (/* binding */ prepareOps)
});

;// CONCATENATED MODULE: ./core/action/missing-secrets.ts
/** Warns once per secret the configuration needs but did not arrive; returns the inputs. */
function warnMissingSecrets(uses, logger) {
    const missing = uses.filter((u) => u.enabledBy !== undefined && !u.given);
    for (const use of missing)
        logger.warning(`${use.input} is empty but ${use.enabledBy} is configured: ${use.feature} is skipped. Pass the secret to the workflow (secrets: inherit, or name it under secrets:) or set it on the environment.`, { title: `${use.input} is empty` });
    return missing.map((u) => u.input);
}

// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
// EXTERNAL MODULE: ./core/config/load.ts + 40 modules
var load = __webpack_require__(5072);
// EXTERNAL MODULE: ./core/aws/clients.ts
var aws_clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
;// CONCATENATED MODULE: ./core/aws/ec2.ts


/**
 * The EC2 client is large and only the go-live gate needs it, so it is imported on first use
 * (a separate chunk in the bundles) instead of weighing down every action that loads config.
 */
async function ec2Client(aws, region) {
    if (!aws.ec2) {
        const { EC2Client: Client } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
        aws.ec2 = new Client((0,aws_clients/* awsClientConfig */.rw)(region));
    }
    return aws.ec2;
}
async function describeSecurityGroups(aws, region, groupIds, deps) {
    if (groupIds.length === 0)
        return [];
    const client = await ec2Client(aws, region);
    const { DescribeSecurityGroupsCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const out = await awsCall('DescribeSecurityGroups', () => client.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })), deps);
    return out.SecurityGroups ?? [];
}
/** Running instances carrying the tag `key` = `value` (the SSM hop of a private database). */
async function runningInstancesTagged(aws, region, tag, deps) {
    const client = await ec2Client(aws, region);
    const { DescribeInstancesCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const ids = [];
    let nextToken;
    // Bounded: a tag filter naming more than a few pages of instances is a wrong filter anyway.
    for (let page = 0; page < 20; page++) {
        const out = await (0,call/* awsCall */.uF)('DescribeInstances', () => client.send(new DescribeInstancesCommand({
            Filters: [
                { Name: `tag:${tag.key}`, Values: [tag.value] },
                { Name: 'instance-state-name', Values: ['running'] },
            ],
            MaxResults: 100,
            NextToken: nextToken,
        })), deps);
        for (const reservation of out.Reservations ?? [])
            for (const instance of reservation.Instances ?? [])
                if (instance.InstanceId)
                    ids.push(instance.InstanceId);
        nextToken = out.NextToken;
        if (!nextToken)
            return ids;
    }
    throw new Error(`DescribeInstances for tag ${tag.key}=${tag.value} still had more pages after 20; narrow the tag filter`);
}

// EXTERNAL MODULE: ./core/aws/ssm-tunnel.ts
var ssm_tunnel = __webpack_require__(6358);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
;// CONCATENATED MODULE: ./core/database/access.ts
/**
 * How this run reaches the environment's database (`database.access`, docs/setup.md "Private
 * databases"): installs the route every connection takes (core/util/pg-client.ts) and checks,
 * before the first change, that the database answers.
 */






/** A session may take a while to start (the plugin's handshake); it has its own deadline. */
const SESSION_START_MS = 30_000;
/**
 * Installs the route of `env.database.access` for this run. With ssm, the instance is found
 * (by id, or by its tag: exactly one running instance) and the tools checked, before any change.
 * Sessions start on first use, one per host and port, and end when the main step ends
 * (closeDatabaseRoute in the action runtime) or, after a cancellation, in the post step.
 */
async function openDatabaseAccess(env, where, deps) {
    const configPath = `environments.${where.environment}`;
    const db = env.database;
    const access = db?.access ?? 'direct';
    const reachTimeoutMs = (0,duration/* parseDuration */.E9)(db?.['reach-timeout'] ?? '10s') ?? 10_000;
    if (access !== 'ssm' || !db) {
        await (0,pg_client/* useDatabaseRoute */.OH)(directRoute(access));
        return { access, configPath, reachTimeoutMs };
    }
    await (0,ssm_tunnel/* checkSsmTools */.BX)(deps.env ?? process.env);
    const via = db.via;
    let target;
    if (typeof via === 'string')
        target = via;
    else {
        const clients = deps.clients ?? (0,aws_clients/* createAwsClients */.Gv)(env.region);
        const found = await runningInstancesTagged(clients, env.region, { key: via.tag, value: via.value }, deps);
        if (found.length !== 1)
            throw new errors/* ConfigError */.xL(where.configFile, [
                `${configPath}.database.via: the tag filter ${via.tag}=${via.value} matches ${found.length === 0
                    ? 'no running instance'
                    : `${found.length} running instances (${found.join(', ')})`} in ${env.region}; it must match exactly one: name it by id (via: i-\u2026) or use a tag only it carries`,
            ]);
        target = found[0];
        deps.logger.info(`database.via: ${via.tag}=${via.value} is ${target}`);
    }
    await (0,pg_client/* useDatabaseRoute */.OH)(ssmRoute(target, env.region, deps));
    return { access, configPath, reachTimeoutMs };
}
function directRoute(access) {
    return {
        access,
        open: (host, port) => Promise.resolve({ host, port, via: `a direct connection to ${host}:${port}` }),
        close: () => Promise.resolve(),
    };
}
function ssmRoute(target, region, deps) {
    // One session per host and port for the whole run, shared by every connection.
    const sessions = new Map();
    const pids = [];
    return {
        access: 'ssm',
        open: async (host, port) => {
            const key = `${host}:${port}`;
            let session = sessions.get(key);
            if (!session) {
                session = (0,ssm_tunnel/* openSsmTunnel */.sr)({
                    target,
                    host,
                    port,
                    region,
                    deadlineMs: SESSION_START_MS,
                    logger: deps.logger,
                    ...(deps.env ? { env: deps.env } : {}),
                }).then((tunnel) => {
                    pids.push(tunnel.pid);
                    deps.saveState?.(ssm_tunnel/* TUNNEL_STATE */.xW, pids.join(','));
                    return tunnel;
                });
                sessions.set(key, session);
                // A session that failed to start is not kept: the next connection tries again.
                session.catch(() => sessions.delete(key));
            }
            const tunnel = await session;
            return {
                host: '127.0.0.1',
                port: tunnel.localPort,
                via: `an SSM port-forwarding session through ${target} to ${host}:${port} (127.0.0.1:${tunnel.localPort})`,
            };
        },
        close: async () => {
            const open = [...sessions.values()];
            sessions.clear();
            for (const session of open) {
                const tunnel = await session.catch(() => undefined);
                await tunnel?.close();
            }
            if (open.length > 0)
                deps.logger.info(`Closed ${open.length} SSM port-forwarding session(s)`);
        },
    };
}
/**
 * Preflight: every database the action will touch answers within the environment's
 * reach-timeout (default 10 s), or the run stops before any change, naming the host, what was
 * tried and the three ways. URLs of one host and port are tried once.
 */
async function preflightDatabases(access, urls, logger) {
    const seen = new Set();
    for (const { url, what } of urls) {
        if (!url)
            continue;
        let key;
        try {
            const parsed = new URL(url);
            key = `${parsed.hostname}:${parsed.port || '5432'}`;
        }
        catch {
            key = what;
        }
        if (seen.has(key))
            continue;
        seen.add(key);
        await (0,pg_client/* reachDatabase */.vx)(url, {
            deadlineMs: access.reachTimeoutMs,
            configPath: access.configPath,
            what,
        });
        logger.info(`Preflight: ${what} at ${key} answers (database.access: ${access.access})`);
    }
}

// EXTERNAL MODULE: ./core/deploy/context.ts + 6 modules
var context = __webpack_require__(2057);
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
    const access = await openDatabaseAccess(env, { environment: inputs.environment, configFile: inputs.config }, {
        clock: deps.clock,
        logger: deps.logger,
        saveState: (name, value) => deps.state.save(name, value),
        ...(deps.clients ? { clients: deps.clients } : {}),
    });
    await preflightDatabases(access, [
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


/***/ }),

/***/ 3405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ restart)
/* harmony export */ });
/* harmony import */ var _ops_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6147);
/* harmony import */ var _pipelines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7402);


function restartStory(request) {
    const version = (run) => (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).running.version;
    const unused = () => {
        throw new Error('a restart never finds its version already in place');
    };
    return {
        deployment: (run) => (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .deploymentOf */ .PE)(run, 'restart', `Restart of ${(0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).targetVersion}: ${request.reason}`, request.reason),
        deploymentPlan: (run) => `GitHub: create a restart deployment of ${version(run)} to ${run.ctx.environment}, status in_progress`,
        refused: (_run, result) => `${result.message}: check the service now`,
        verified: (run, failure) => {
            run.verificationFailed = failure;
            if (failure === undefined)
                run.finish('restarted', true, `Restarted ${version(run)} in ${run.ctx.environment}; it passes its checks`);
            else
                run.finish('failed', false, `Restarted ${version(run)} in ${run.ctx.environment}, but it fails verification (${failure}): production is unhealthy and nothing more was done automatically`);
        },
        planned: (run) => `Dry run: would restart ${version(run)} in ${run.ctx.environment}; nothing was changed`,
        unchanged: unused,
        unhealthy: unused,
        stopped: (run, why) => `Restart of ${version(run)} stopped: ${why}`,
        slack: (run) => (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .slackOf */ .CJ)(run, '\ud83d\udd04', { Version: version(run), Reason: request.reason }),
        audit: (run) => ({
            action: run.outcome.ok ? 'restart_succeeded' : 'restart_failed',
            details: {
                result: run.outcome.result,
                reason: request.reason,
                image: (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).target.uri,
                tag: version(run),
                operation_id: run.outcome.operationId,
                headline: run.outcome.headline,
            },
        }),
    };
}
async function restart(ctx, request, pipeline = _pipelines_js__WEBPACK_IMPORTED_MODULE_1__/* .RESTART_PIPELINE */ .dJ) {
    const run = (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .startRun */ .AD)('restart', ctx, pipeline, restartStory(request), {
        dryRun: request.dryRun,
        snapshot: { wanted: false, purpose: 'pre-restart', given: undefined },
    });
    return (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runToEnd */ .cd)(pipeline, run);
}


/***/ }),

/***/ 2184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ scale)
/* harmony export */ });
/* harmony import */ var _ops_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6147);
/* harmony import */ var _pipelines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7402);


function scaleStory(request) {
    const from = (run) => {
        const f = run.from;
        return f ? `${f.name} from ${f.desired} to ${request.capacity} instances` : 'the service';
    };
    const unused = () => {
        throw new Error('a scale never finds its version already in place');
    };
    return {
        deployment: unused,
        deploymentPlan: () => 'no GitHub deployment (the image does not change)',
        refused: (run, result) => `Scaling ${from(run)} failed: ${result.message}`,
        verified: (run, failure, by) => {
            run.verificationFailed = failure;
            const where = run.ctx.environment;
            if (failure === undefined)
                run.finish('scaled', true, `Scaled ${from(run)} in ${where}; ${by === 'bake' ? 'it passed its checks and its response time held' : 'it passes its checks'}`);
            else
                run.finish('failed', false, `Scaled ${from(run)} in ${where}, but ${failure}: check the service now; nothing more was done automatically`);
        },
        planned: (run) => `Dry run: would scale ${from(run)} in ${run.ctx.environment}; nothing was changed`,
        unchanged: unused,
        unhealthy: unused,
        stopped: (run, why) => `Scaling ${from(run)} stopped: ${why}`,
        slack: (run) => (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .slackOf */ .CJ)(run, '\ud83d\udcc8', {
            Version: (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .chosenOf */ .KT)(run).running.version,
            Capacity: `${run.from?.desired ?? '?'} \u2192 ${request.capacity}`,
            ...(request.reason ? { Reason: request.reason } : {}),
        }),
        audit: (run) => ({
            action: run.outcome.ok ? 'scale_succeeded' : 'scale_failed',
            details: {
                result: run.outcome.result,
                group: run.from?.name,
                from: run.from?.desired,
                to: request.capacity,
                ...(request.reason ? { reason: request.reason } : {}),
                headline: run.outcome.headline,
            },
        }),
    };
}
async function scale(ctx, request, pipeline = _pipelines_js__WEBPACK_IMPORTED_MODULE_1__/* .SCALE_PIPELINE */ .on) {
    const run = Object.assign((0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .startRun */ .AD)('scale', ctx, pipeline, scaleStory(request), {
        dryRun: request.dryRun,
        snapshot: { wanted: false, purpose: 'pre-restart', given: undefined },
    }), 
    // What runs stays: never "unchanged" by its image.
    { restarting: true, capacity: request.capacity, bakeMs: request.bakeMs, from: undefined });
    return (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runToEnd */ .cd)(pipeline, run);
}


/***/ }),

/***/ 9520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ snapshotAhead)
/* harmony export */ });
/* harmony import */ var _ops_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6147);
/* harmony import */ var _pipelines_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7402);
/* harmony import */ var _pipeline_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1053);



function snapshotStory() {
    const unused = () => {
        throw new Error('a snapshot started ahead records nothing itself: the deploy does');
    };
    const instance = (run) => run.ctx.env.database?.instance ?? 'no database';
    return {
        deployment: unused,
        deploymentPlan: unused,
        refused: unused,
        verified: unused,
        slack: unused,
        audit: unused,
        planned: (run) => `Dry run: would start a snapshot of ${instance(run)} for the deploy to wait for; nothing was changed`,
        unchanged: unused,
        unhealthy: unused,
        stopped: (run, why) => `Snapshot of ${instance(run)} not started: ${why}`,
    };
}
async function snapshotAhead(ctx, request) {
    const run = (0,_ops_run_js__WEBPACK_IMPORTED_MODULE_0__/* .startRun */ .AD)('snapshot', ctx, _pipelines_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_AHEAD_PIPELINE */ .Io, snapshotStory(), {
        dryRun: request.dryRun,
        snapshot: { wanted: request.snapshot, purpose: request.purpose, given: undefined },
    });
    await (0,_pipeline_js__WEBPACK_IMPORTED_MODULE_2__/* .runPipeline */ .aI)(_pipelines_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_AHEAD_PIPELINE */ .Io, run);
    if (!run.outcome.headline) {
        const id = run.outcome.snapshotId;
        run.finish('started', true, id
            ? `Snapshot ${id} of ${ctx.env.database.instance} started; the deploy waits for it to be available`
            : `No snapshot started: ${ctx.env.database ? 'snapshot: false' : `environments.${ctx.environment} has no database`}`);
    }
    run.outcome.finishedAt = ctx.clock.now();
    return run.outcome;
}


/***/ }),

/***/ 2025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z: () => (/* binding */ renderOutcome)
});

;// CONCATENATED MODULE: ./core/action/summary.ts
/**
 * A job summary in GitHub-flavoured Markdown. GitHub refuses a step summary over 1 MiB, so
 * the builder stops adding blocks before that and says what it left out.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const RESERVE_BYTES = 512; // room for the truncation note
function escapeCell(value) {
    if (value === null || value === undefined)
        return '';
    return String(value).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
class Summary {
    limitBytes;
    blocks = [];
    bytes = 0;
    omitted = 0;
    constructor(limitBytes = SUMMARY_LIMIT_BYTES) {
        this.limitBytes = limitBytes;
    }
    add(block) {
        const size = Buffer.byteLength(block, 'utf8') + 1;
        if (this.omitted > 0 || this.bytes + size > this.limitBytes - RESERVE_BYTES) {
            this.omitted++;
            return this;
        }
        this.blocks.push(block);
        this.bytes += size;
        return this;
    }
    heading(text, level = 2) {
        return this.add(`${'#'.repeat(level)} ${text}\n`);
    }
    paragraph(text) {
        return this.add(`${text}\n`);
    }
    list(items) {
        return this.add(`${items.map((item) => `- ${item}`).join('\n')}\n`);
    }
    /** A table; rows beyond what fits are dropped with a note. */
    table(header, rows) {
        const lines = [
            `| ${header.map(escapeCell).join(' | ')} |`,
            `|${header.map(() => ' --- ').join('|')}|`,
        ];
        let size = Buffer.byteLength(lines.join('\n'), 'utf8');
        let dropped = 0;
        for (const row of rows) {
            const line = `| ${row.map(escapeCell).join(' | ')} |`;
            const lineSize = Buffer.byteLength(line, 'utf8') + 1;
            if (this.bytes + size + lineSize > this.limitBytes - RESERVE_BYTES * 2) {
                dropped++;
                continue;
            }
            lines.push(line);
            size += lineSize;
        }
        if (dropped > 0)
            lines.push(`\n_${dropped} more rows not shown (summary size limit)._`);
        return this.add(`${lines.join('\n')}\n`);
    }
    details(title, body) {
        return this.add(`<details><summary>${title}</summary>\n\n${body}\n\n</details>\n`);
    }
    code(text, language = '') {
        return this.add(`\`\`\`${language}\n${text}\n\`\`\`\n`);
    }
    mermaid(diagram) {
        return this.code(diagram, 'mermaid');
    }
    toMarkdown() {
        const body = this.blocks.join('\n');
        return this.omitted > 0
            ? `${body}\n_${this.omitted} more sections not shown: GitHub limits a step summary to 1 MiB._\n`
            : body;
    }
}
/** A Mermaid gantt chart of named steps, for the "timeline" of a run. */
function mermaidTimeline(title, steps) {
    const origin = steps.length > 0 ? Math.min(...steps.map((s) => s.startMs)) : 0;
    const lines = ['gantt', `  title ${title}`, '  dateFormat x', '  axisFormat %M:%S'];
    for (const [index, step] of steps.entries()) {
        const tag = step.status === 'failed' ? 'crit, ' : step.status === 'skipped' ? 'done, ' : '';
        const start = step.startMs - origin;
        const end = Math.max(step.endMs - origin, start + 1);
        lines.push(`  ${step.name.replace(/[:#;]/g, ' ')} :${tag}s${index}, ${start}, ${end}`);
    }
    return lines.join('\n');
}

// EXTERNAL MODULE: ./core/health/report.ts + 1 modules
var health_report = __webpack_require__(5667);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/deploy/summary.ts



const MARK = { ok: '\u2705', failed: '\u274c', skipped: '\u2796', warning: '\u26a0\ufe0f' };
/** The job summary of a deploy or rollback: the story of the run in one page. */
function renderOutcome(outcome, reason) {
    const summary = new Summary();
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
        summary.mermaid(mermaidTimeline(`${verb} ${outcome.versionAfter ?? ''}`.trim(), outcome.steps.map((s) => ({
            name: s.name,
            startMs: s.startMs,
            endMs: s.endMs,
            status: s.status === 'failed' ? 'failed' : s.status === 'skipped' ? 'skipped' : 'ok',
        }))));
    }
    return summary;
}


/***/ }),

/***/ 9611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ FlyMachinesApi),
/* harmony export */   KY: () => (/* reexport safe */ _registry_js__WEBPACK_IMPORTED_MODULE_2__.KY),
/* harmony export */   T0: () => (/* binding */ flyApiUrl),
/* harmony export */   mo: () => (/* binding */ FlyApiError)
/* harmony export */ });
/* unused harmony export FLY_API_URL */
/* harmony import */ var _util_http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(676);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9891);
/* harmony import */ var _registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4927);



const FLY_API_URL = 'https://api.machines.dev';
/** The Machines API base URL: FLY_API_HOSTNAME (as Fly's docs name it), else the public one. */
function flyApiUrl(env = process.env) {
    return (env['FLY_API_HOSTNAME'] || FLY_API_URL).replace(/\/$/, '');
}

class FlyApiError extends Error {
    status;
    call;
    detail;
    retryAfterSeconds;
    name = 'FlyApiError';
    constructor(status, call, 
    /** Fly's own `error` text. */
    detail, retryAfterSeconds) {
        super(`Fly ${call} answered ${status}: ${detail}`);
        this.status = status;
        this.call = call;
        this.detail = detail;
        this.retryAfterSeconds = retryAfterSeconds;
    }
}
class FlyMachinesApi {
    baseUrl;
    token;
    deps;
    options;
    constructor(baseUrl, 
    /** Absent: every call fails with `missing` (e.g. a snapshot-only run never makes one). */
    token, deps, options = {}) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.deps = deps;
        this.options = options;
    }
    async request(call, method, path, init = {}) {
        // Releasing a lease twice is harmless (the second finds none); reads are always safe.
        const token = this.token;
        if (!token)
            throw this.options.missing?.() ?? new Error('Fly: no API token');
        const idempotent = method === 'GET' || method === 'DELETE';
        const doFetch = this.deps.fetch ?? fetch;
        const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
        const url = `${this.baseUrl.replace(/\/$/, '')}${path}${query}`;
        const maxRetryAfterMs = this.options.maxRetryAfterMs ?? 60_000;
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L)(async () => {
            const response = await doFetch(url, {
                method,
                headers: {
                    accept: 'application/json',
                    authorization: `Bearer ${token}`,
                    ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
                    ...(init.nonce ? { 'fly-machine-lease-nonce': init.nonce } : {}),
                },
                ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
                // A wait is a long poll: its deadline is its own `timeout` plus a margin.
                signal: AbortSignal.timeout((this.options.requestTimeoutMs ?? 30_000) +
                    (init.query?.['timeout'] ? Number(init.query['timeout']) * 1000 : 0)),
            });
            const text = await response.text();
            if (!response.ok) {
                let detail = text.slice(0, 300);
                try {
                    const parsed = JSON.parse(text);
                    detail = String(parsed.error ?? parsed.message ?? detail);
                }
                catch {
                    // not JSON: the text as it came
                }
                const retryAfter = Number(response.headers.get('retry-after'));
                throw new FlyApiError(response.status, call, detail, Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
            }
            return (text ? JSON.parse(text) : undefined);
        }, {
            label: `Fly ${call}`,
            attempts: this.options.attempts ?? 6,
            baseDelayMs: 500,
            maxDelayMs: 8_000,
            isRetryable: (error) => error instanceof FlyApiError
                ? (error.status === 429 && (error.retryAfterSeconds ?? 1) * 1000 <= maxRetryAfterMs) ||
                    (idempotent && error.status >= 500)
                : idempotent
                    ? !(error instanceof SyntaxError)
                    : (0,_util_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .neverSent */ .vQ)(error),
            // Fly says how long to wait after a 429: exactly that, never less.
            delayOf: (error) => error instanceof FlyApiError && error.status === 429
                ? (error.retryAfterSeconds ?? 1) * 1000
                : undefined,
            clock: this.deps.clock,
            logger: this.deps.logger,
        });
    }
    getApp(app) {
        return this.request('get app', 'GET', `/v1/apps/${app}`);
    }
    listMachines(app) {
        return this.request('list machines', 'GET', `/v1/apps/${app}/machines`);
    }
    getMachine(app, id) {
        return this.request(`get machine ${id}`, 'GET', `/v1/apps/${app}/machines/${id}`);
    }
    /** The lease on a machine, or undefined when none is held. */
    /**
     * Whether registry.fly.io/<app> holds `reference`; undefined when this client was given no
     * registry to ask. Bounded like a read: a lost answer is asked again, at most 3 times.
     */
    async registryHolds(app, reference) {
        const url = this.options.registryUrl;
        if (!url)
            return undefined;
        const token = this.token;
        if (!token)
            throw this.options.missing?.() ?? new Error('Fly: no API token');
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L)(() => (0,_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .flyRegistryHolds */ .ZQ)(app, reference, token, {
            url,
            ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
            timeoutMs: this.options.requestTimeoutMs ?? 30_000,
        }), {
            label: `Fly registry ${app}`,
            attempts: 3,
            baseDelayMs: 1000,
            maxDelayMs: 5000,
            clock: this.deps.clock,
            logger: this.deps.logger,
            isRetryable: (error) => !/check FLY_API_TOKEN|Bearer challenge/.test(String(error)),
        });
    }
    async getLease(app, id) {
        try {
            const out = await this.request(`get lease of ${id}`, 'GET', `/v1/apps/${app}/machines/${id}/lease`);
            return out.data;
        }
        catch (error) {
            if (error instanceof FlyApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async acquireLease(app, id, ttlSeconds, description) {
        const out = await this.request(`lease machine ${id}`, 'POST', `/v1/apps/${app}/machines/${id}/lease`, { body: { ttl: ttlSeconds, description } });
        return out.data;
    }
    async releaseLease(app, id, nonce) {
        await this.request(`release lease of ${id}`, 'DELETE', `/v1/apps/${app}/machines/${id}/lease`, {
            nonce,
        });
    }
    updateMachine(app, id, config, nonce) {
        return this.request(`update machine ${id}`, 'POST', `/v1/apps/${app}/machines/${id}`, {
            body: { config },
            nonce,
        });
    }
    /**
     * A new machine (Fly's bluegreen makes the green ones so): `skipServiceRegistration` keeps the
     * proxy from sending it traffic until it is uncordoned. Never retried after an answer was lost
     * (a second machine could be made): the caller finds what was made by its metadata.
     */
    createMachine(app, input) {
        return this.request(`create machine in ${input.region}`, 'POST', `/v1/apps/${app}/machines`, {
            body: {
                config: input.config,
                region: input.region,
                ...(input.skipServiceRegistration ? { skip_service_registration: true } : {}),
            },
        });
    }
    /** Destroys a machine (force: even started); true, or false when it was already gone (404). */
    async destroyMachine(app, id, nonce) {
        try {
            await this.request(`destroy machine ${id}`, 'DELETE', `/v1/apps/${app}/machines/${id}`, {
                query: { force: 'true' },
                ...(nonce ? { nonce } : {}),
            });
            return true;
        }
        catch (error) {
            if (error instanceof FlyApiError && error.status === 404)
                return false;
            throw error;
        }
    }
    /** Turns the machine's services on (uncordon) or off (cordon) in Fly's proxy. */
    async setCordoned(app, id, cordoned, nonce) {
        const action = cordoned ? 'cordon' : 'uncordon';
        await this.request(`${action} machine ${id}`, 'POST', `/v1/apps/${app}/machines/${id}/${action}`, {
            ...(nonce ? { nonce } : {}),
        });
    }
    /** The app's secrets: names and digests (Fly never returns a value). */
    async listSecrets(app) {
        const out = await this.request('list secrets', 'GET', `/v1/apps/${app}/secrets`);
        return out.secrets;
    }
    /**
     * Sets (a string) and unsets (null) app secrets in one request, as `fly secrets set --stage`
     * does: the machines read them when they next start. Sending the same values again sets the
     * same state, so a lost answer may be asked again.
     */
    async updateSecrets(app, values) {
        await this.request('update secrets', 'POST', `/v1/apps/${app}/secrets`, {
            body: { values },
        });
    }
    async restartMachine(app, id, nonce) {
        await this.request(`restart machine ${id}`, 'POST', `/v1/apps/${app}/machines/${id}/restart`, {
            nonce,
        });
    }
    /**
     * Fly's long poll: true once the machine's instance is in `state`, false when Fly's own
     * timeout (at most 60 s) passed first (408).
     */
    async wait(app, id, state, instanceId, timeoutSeconds) {
        try {
            await this.request(`wait for machine ${id} to be ${state}`, 'GET', `/v1/apps/${app}/machines/${id}/wait`, {
                query: {
                    state,
                    timeout: String(Math.max(1, Math.min(60, Math.ceil(timeoutSeconds)))),
                    ...(instanceId ? { instance_id: instanceId } : {}),
                },
            });
            return true;
        }
        catch (error) {
            if (error instanceof FlyApiError && error.status === 408)
                return false;
            throw error;
        }
    }
}


/***/ }),

/***/ 4927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KY: () => (/* binding */ FLY_REGISTRY),
/* harmony export */   Q2: () => (/* binding */ flyRegistryUrl),
/* harmony export */   ZQ: () => (/* binding */ flyRegistryHolds)
/* harmony export */ });
/**
 * Fly's image registry (registry.fly.io, one repository per app): whether it holds a manifest.
 * Machines pull `registry.fly.io/<app>@sha256:\u2026` from it, so a digest it does not hold fails on
 * the first machine; asking first turns that into a refusal before any change.
 *
 * Authentication is the registry protocol's: an anonymous request, then the challenge the
 * registry answers with (Basic, or Bearer with a token from its realm), with the Fly API token
 * as the password of user `x` (as `flyctl auth docker` logs in). The token goes only in an
 * Authorization header to the registry or its realm.
 */
const FLY_REGISTRY = 'registry.fly.io';
const MANIFEST_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** The registry's HTTP API: FLY_REGISTRY_URL (a stand-in registry in tests), else Fly's. */
function flyRegistryUrl(env = process.env) {
    return (env['FLY_REGISTRY_URL'] || `https://${FLY_REGISTRY}`).replace(/\/$/, '');
}
/** True when registry.fly.io/<app> holds `reference` (a digest or a tag); false on 404. */
async function flyRegistryHolds(app, reference, token, options = {}) {
    const base = options.url ?? flyRegistryUrl();
    const doFetch = options.fetch ?? fetch;
    const signal = () => AbortSignal.timeout(options.timeoutMs ?? 15_000);
    const basic = `Basic ${Buffer.from(`x:${token}`).toString('base64')}`;
    const url = `${base}/v2/${app}/manifests/${reference}`;
    // GET, not HEAD: a manifest is small, and a 404's body says why.
    const head = (authorization) => doFetch(url, {
        method: 'GET',
        headers: { accept: MANIFEST_TYPES, ...(authorization ? { authorization } : {}) },
        signal: signal(),
    });
    let response = await head();
    if (response.status === 401) {
        const challenge = response.headers.get('www-authenticate') ?? '';
        if (/^bearer /i.test(challenge)) {
            const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
            if (!params['realm'])
                throw new Error(`Fly registry: a Bearer challenge without a realm`);
            const realm = new URL(params['realm']);
            if (params['service'])
                realm.searchParams.set('service', params['service']);
            realm.searchParams.set('scope', `repository:${app}:pull`);
            const answer = await doFetch(realm, { headers: { authorization: basic }, signal: signal() });
            if (!answer.ok)
                throw new Error(`Fly registry refused the token for ${FLY_REGISTRY}/${app} (${answer.status}); check FLY_API_TOKEN`);
            const body = (await answer.json());
            response = await head(`Bearer ${body.token ?? body.access_token ?? ''}`);
        }
        else {
            response = await head(basic);
        }
    }
    if (response.status === 404)
        return false;
    if (response.ok)
        return true;
    throw new Error(`Fly registry: GET ${FLY_REGISTRY}/${app} manifest ${reference} answered ${response.status}${response.status === 401 || response.status === 403 ? '; check FLY_API_TOKEN (a deploy token of the app)' : ''}`);
}


/***/ }),

/***/ 5667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yx: () => (/* binding */ addChecksToSummary),
  FK: () => (/* binding */ buildReport)
});

// UNUSED EXPORTS: writeReport

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./core/util/json-file.ts


/**
 * Writes `value` as indented JSON to a new file `<stem>-<time>-<pid>.json` in `directory`
 * (made if missing), so two runs on one runner never write the same file; returns its path.
 */
async function json_file_writeJsonFile(directory, stem, value) {
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${stem}-${Date.now()}-${process.pid}.json`);
    await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
    return file;
}

;// CONCATENATED MODULE: ./core/health/report.ts


function buildReport(results, startedAt, finishedAt, expectVersion) {
    const failed = results.filter((r) => !r.passed).length;
    return {
        passed: failed === 0,
        failedChecks: failed,
        startedAt: new Date(startedAt).toISOString(),
        durationMs: finishedAt - startedAt,
        ...(expectVersion !== undefined ? { expectVersion } : {}),
        checks: results,
    };
}
async function writeReport(report, directory, name = 'smoke-test-report') {
    return writeJsonFile(directory, name, report);
}
/** Adds the checks table (and each failure's history) to a summary. */
function addChecksToSummary(summary, report, title = 'Smoke test') {
    const verdict = report.passed
        ? '\u2705 passed'
        : `\u274c ${report.failedChecks} of ${report.checks.length} failed`;
    summary.heading(`${title}: ${verdict}`, 3);
    if (report.expectVersion !== undefined)
        summary.paragraph(`Expected version: \`${report.expectVersion}\``);
    summary.table(['Check', 'Result', 'Status', 'Latency', 'Attempts', 'Reason'], report.checks.map((c) => [
        `${c.name} (${c.url})`,
        c.passed ? '\u2705 pass' : '\u274c fail',
        c.status ?? '\u2014',
        c.latencyMs !== undefined ? `${c.latencyMs} ms` : '\u2014',
        c.attempts,
        c.lastReason ?? '',
    ]));
    const failed = report.checks.filter((c) => !c.passed);
    for (const check of failed) {
        summary.details(`Every reason ${check.name} failed (${check.attempts} attempts in ${(0,duration/* formatDuration */.a3)(check.durationMs)})`, check.reasons.map((r) => `- ${r.reason} (\u00d7${r.count})`).join('\n'));
    }
    return summary;
}


/***/ }),

/***/ 6976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Wo: () => (/* binding */ changedVariables),
  gR: () => (/* binding */ changesAnything),
  Mp: () => (/* binding */ describeEnvChanges),
  hR: () => (/* binding */ hasEnvChanges),
  kJ: () => (/* binding */ parseEnvChanges)
});

;// CONCATENATED MODULE: ./core/targets/variables.ts
/** Environment variable names a platform keeps for itself: setting one is refused up front. */
const RESERVED = [
    { prefix: /^(AWSAPPRUNNER|AWS_APPRUNNER)/, platform: 'App Runner' },
    // ECS sets these in every task (task metadata endpoints, the container agent's own).
    { prefix: /^(ECS_CONTAINER_METADATA_URI|ECS_AGENT_URI)/, platform: 'ECS' },
];
/** The platform that reserves `name`, or undefined. */
function reservedBy(name) {
    return RESERVED.find((r) => r.prefix.test(name))?.platform;
}

// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
;// CONCATENATED MODULE: ./core/targets/env-changes.ts


const NAME = /^[A-Z_][A-Z0-9_]*$/;
function checkName(input, name) {
    if (!NAME.test(name))
        throw new errors/* InputError */.dz(input, `"${name}" is not a variable name; expected UPPER_SNAKE_CASE like NEXT_PUBLIC_APP_URL`);
    const platform = reservedBy(name);
    if (platform)
        throw new errors/* InputError */.dz(input, `"${name}" is reserved by ${platform}`);
}
/** `env-set`: one `NAME=value` per line; `env-unset`: names separated by commas or lines. */
function parseEnvChanges(setText, unsetText) {
    const set = {};
    for (const raw of (setText ?? '').split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const at = line.indexOf('=');
        if (at < 1)
            throw new errors/* InputError */.dz('env-set', `expected NAME=value on each line, got "${line.slice(0, 40)}"`);
        const name = line.slice(0, at).trim();
        checkName('env-set', name);
        if (name in set)
            throw new errors/* InputError */.dz('env-set', `${name} is set twice`);
        set[name] = line.slice(at + 1);
    }
    const unset = (unsetText ?? '')
        .split(/[\s,]+/)
        .map((n) => n.trim())
        .filter(Boolean);
    for (const name of unset) {
        checkName('env-unset', name);
        if (name in set)
            throw new errors/* InputError */.dz('env-unset', `${name} is also in env-set; set it or unset it, not both`);
    }
    return { set, unset: [...new Set(unset)] };
}
const hasEnvChanges = (c) => c !== undefined && (Object.keys(c.set).length > 0 || c.unset.length > 0);
/** The variables after the changes (pure). */
function changedVariables(current, changes) {
    const next = { ...current, ...changes.set };
    for (const name of changes.unset)
        delete next[name];
    return next;
}
/** Whether applying the changes would alter anything. */
function changesAnything(current, changes) {
    const next = changedVariables(current, changes);
    const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
    return [...keys].some((k) => current[k] !== next[k]);
}
/** "set NEXT_PUBLIC_APP_URL, unset BANKID_MOCK" \u2014 names only: values may be sensitive. */
function describeEnvChanges(c) {
    return [
        ...(Object.keys(c.set).length ? [`set ${Object.keys(c.set).join(', ')}`] : []),
        ...(c.unset.length ? [`unset ${c.unset.join(', ')}`] : []),
    ].join('; ');
}


/***/ }),

/***/ 9056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GV: () => (/* binding */ withScheme),
/* harmony export */   _W: () => (/* binding */ byDigest),
/* harmony export */   dU: () => (/* binding */ TargetNotUpdatable)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

/** A service the target cannot update now (DRAINING, INACTIVE, PAUSED, CREATE_FAILED \u2026). */
class TargetNotUpdatable extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'TargetNotUpdatable';
}
/** `https://` in front of a bare host name; an URL with a scheme is kept. */
function withScheme(endpoint) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}
/** `<registry>/<repo>@sha256:\u2026` from an image reference (tag or digest) and its digest. */
function byDigest(image, digest) {
    if (!digest)
        return image;
    const at = image.indexOf('@');
    const withoutDigest = at >= 0 ? image.slice(0, at) : image;
    // A tag is after the last ':' that follows the last '/' (a registry port is before it).
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    const repo = colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
    return `${repo}@${digest}`;
}


/***/ }),

/***/ 4480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OO: () => (/* binding */ waitWith),
/* harmony export */   fm: () => (/* binding */ waitFor)
/* harmony export */ });
/* unused harmony export WaitTimeout */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);


class WaitTimeout extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY {
    name = 'WaitTimeout';
}
/**
 * Polls until `probe` says done or the deadline passes. Logs when the status changes (not
 * every poll) and fails with what it waited for, how long, and the last status seen.
 */
async function waitFor(options) {
    const { clock, logger } = options;
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    let lastStatus;
    logger.info(`Waiting up to ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(options.timeoutMs)} for ${options.what}`);
    const progress = (status, done) => logger.progress?.({
        what: options.what,
        startedAt: started,
        deadline,
        ...(status !== undefined ? { status } : {}),
        done,
    });
    for (;;) {
        const result = await options.probe();
        if (result.done) {
            progress(lastStatus, true);
            return result.value;
        }
        progress(result.status, false);
        if (result.status !== lastStatus) {
            logger.info(`  ${options.what}: ${result.status} (after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(clock.now() - started)})`);
            lastStatus = result.status;
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new WaitTimeout(`gave up after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(options.timeoutMs)} waiting for ${options.what}; last seen: ${lastStatus}`);
        }
        await clock.sleep(Math.min(options.intervalMs, remaining), options.signal);
    }
}
/**
 * `waitFor` with the clock and logger of a client's or step's dependencies: every poll in
 * core/ takes both from there, so they are named once here rather than at each wait.
 */
function waitWith(deps, what, timing, probe, signal) {
    return waitFor({
        what,
        timeoutMs: timing.timeoutMs,
        intervalMs: timing.intervalMs,
        clock: deps.clock,
        logger: deps.logger,
        probe,
        ...(signal ? { signal } : {}),
    });
}


/***/ })

};
