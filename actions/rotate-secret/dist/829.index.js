export const id = 829;
export const ids = [829];
export const modules = {

/***/ 8893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ readRotateInputs)
/* harmony export */ });
/* harmony import */ var _core_rotation_prepare_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(261);

/** Reads and validates every input once, before anything is called. */
function readRotateInputs(inputs) {
    const secret = inputs.required('secret');
    return Object.freeze({
        config: inputs.required('config'),
        environment: inputs.required('environment'),
        secret,
        reason: inputs.required('reason'),
        timing: {
            operationTimeoutMs: inputs.duration('timeout', { min: 60_000, max: 6 * 3_600_000 }),
            pollIntervalMs: inputs.duration('poll-interval', { min: 50, max: 300_000 }),
            verifyTimeoutMs: inputs.duration('verify-timeout', { min: 1_000, max: 3_600_000 }),
            loginTimeoutMs: inputs.duration('login-timeout', { min: 100, max: 3_600_000 }),
            passwordTimeoutMs: inputs.duration('password-timeout', { min: 1_000, max: 6 * 3_600_000 }),
        },
        githubToken: inputs.secret('github-token'),
        flyApiToken: inputs.secret('fly-api-token'),
        slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
        auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
        dryRun: inputs.boolean('dry-run'),
        unfinished: inputs.enumOf('unfinished', _core_rotation_prepare_js__WEBPACK_IMPORTED_MODULE_0__/* .UNFINISHED_MODES */ .X),
    });
}


/***/ }),

/***/ 5829:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_github_context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(366);
/* harmony import */ var _core_action_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(711);
/* harmony import */ var _core_rotation_prepare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(261);
/* harmony import */ var _core_rotation_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2531);
/* harmony import */ var _core_rotation_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7226);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8791);
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4494);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8893);








await (0,_core_action_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .C)('rotate-secret', async ({ inputs, logger, setOutput, saveState, writeSummary, mask }) => {
    const request = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readRotateInputs */ .n)(inputs);
    const ctx = await (0,_core_rotation_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .prepareRotation */ .w)(request, {
        run: (0,_core_action_github_context_js__WEBPACK_IMPORTED_MODULE_7__/* .readRunInfo */ .m)(),
        clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_4__/* .systemClock */ .m,
        logger,
        mask,
        saveState,
    });
    const outcome = await (0,_core_rotation_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runRotation */ .q)(request, ctx);
    setOutput('rotated', outcome.outcomes
        .filter((o) => o.result === 'rotated')
        .map((o) => o.name)
        .join(','));
    setOutput('version-ids', outcome.outcomes.map((o) => `${o.name}=${o.versionId ?? ''}`).join(','));
    await writeSummary((0,_core_rotation_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .renderRotation */ .n)(outcome, request.environment));
    for (const line of outcome.plan)
        logger.info(`plan: ${line}`);
    if (!outcome.ok)
        throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DomainFailure */ .dY(outcome.headline);
    logger.info(outcome.headline);
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ readRunInfo)
/* harmony export */ });
function readRunInfo(env = process.env) {
    const repository = env['GITHUB_REPOSITORY'] ?? 'local/unknown';
    const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com';
    const runId = env['GITHUB_RUN_ID'] ?? '0';
    const sha = env['GITHUB_SHA'] ?? '';
    return {
        repository,
        sha,
        sha7: sha.slice(0, 7),
        ref: env['GITHUB_REF'] ?? '',
        actor: env['GITHUB_ACTOR'] ?? 'unknown',
        runId,
        runAttempt: env['GITHUB_RUN_ATTEMPT'] ?? '1',
        job: env['GITHUB_JOB'] ?? '',
        serverUrl,
        apiUrl: (env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/$/, ''),
        runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`,
    };
}


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

/***/ 9913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NT: () => (/* binding */ VersionExists),
/* harmony export */   Ux: () => (/* binding */ StageMoved),
/* harmony export */   Vb: () => (/* binding */ SecretsStore)
/* harmony export */ });
/* unused harmony export SecretNotFound */
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2994);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2664);



class SecretNotFound extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'SecretNotFound';
}
/** PutSecretValue refused: a version with this ClientRequestToken holds another value. */
class VersionExists extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'VersionExists';
}
/** A staging label was not where a move expected it: another writer moved it first. */
class StageMoved extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
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
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('DescribeSecret', () => this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .DescribeSecretCommand */ .X5({ SecretId: secretId })), this.deps);
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
            if ((0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === 'ResourceNotFoundException')
                throw new SecretNotFound(`secret ${secretId} does not exist in Secrets Manager; create it (aws secretsmanager create-secret) or fix secret-id in the configuration`);
            throw error;
        }
    }
    async value(secretId, at = { stage: 'AWSCURRENT' }) {
        const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('GetSecretValue', () => this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .GetSecretValueCommand */ .d2({
            SecretId: secretId,
            ...('versionId' in at ? { VersionId: at.versionId } : { VersionStage: at.stage }),
        })), this.deps);
        if (out.SecretString === undefined)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`secret ${secretId} holds a binary value; apprunner-ops rotates string secrets only`);
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
            await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('PutSecretValue', () => this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .PutSecretValueCommand */ .cp({
                SecretId: secretId,
                ClientRequestToken: token,
                SecretString: value,
                VersionStages: stages,
            })), this.deps);
        }
        catch (error) {
            if ((0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === 'ResourceExistsException')
                throw new VersionExists(`secret ${secretId} already has a version ${token} with another value (Secrets Manager refuses to change a version)`);
            throw error;
        }
    }
    /** Every version (deprecated ones too), following NextToken (bounded: 20 pages). */
    async versions(secretId) {
        return (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsPages */ .A_)('ListSecretVersionIds', async (next) => {
            const out = await this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .ListSecretVersionIdsCommand */ .Af({
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
            await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('UpdateSecretVersionStage', async (attempt) => {
                if (attempt > 1 && (await this.describe(secretId)).stages[versionId]?.includes(stage))
                    return;
                await this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .UpdateSecretVersionStageCommand */ .be({
                    SecretId: secretId,
                    VersionStage: stage,
                    MoveToVersionId: versionId,
                    ...(expected ? { RemoveFromVersionId: expected } : {}),
                }));
            }, this.deps);
        }
        catch (error) {
            if ((0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) !== 'InvalidParameterException')
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
            await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('UpdateSecretVersionStage', async (attempt) => {
                if (attempt > 1 && !(await this.describe(secretId)).stages[versionId]?.includes(stage))
                    return;
                await this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .UpdateSecretVersionStageCommand */ .be({
                    SecretId: secretId,
                    VersionStage: stage,
                    RemoveFromVersionId: versionId,
                }));
            }, this.deps);
        }
        catch (error) {
            if ((0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) !== 'InvalidParameterException' ||
                (await this.describe(secretId)).stages[versionId]?.includes(stage))
                throw error;
        }
    }
}


/***/ }),

/***/ 7915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ openDatabaseAccess),
  O: () => (/* binding */ preflightDatabases)
});

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

/***/ 261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ UNFINISHED_MODES),
  w: () => (/* binding */ prepareRotation)
});

// EXTERNAL MODULE: ./core/aws/clients.ts
var aws_clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var dist_cjs = __webpack_require__(2284);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/wait.ts
var util_wait = __webpack_require__(4480);
// EXTERNAL MODULE: ./core/util/retry.ts
var retry = __webpack_require__(9891);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
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
        const out = await (0,call/* awsCall */.uF)('DescribeService', () => this.client.send(new dist_cjs/* DescribeServiceCommand */.auI({ ServiceArn: this.arn })), this.deps);
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
                    const out = await this.client.send(new dist_cjs/* UpdateServiceCommand */.kZr({ ServiceArn: this.arn, SourceConfiguration: updated }));
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
            const out = await this.client.send(new dist_cjs/* StartDeploymentCommand */.tWW({ ServiceArn: this.arn }));
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
            const out = await (0,call/* awsCall */.uF)('ListOperations', () => this.client.send(new dist_cjs/* ListOperationsCommand */.K6t({ ServiceArn: this.arn, MaxResults: 20, NextToken: token })), this.deps);
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

;// CONCATENATED MODULE: ./core/targets/variables.ts
/** Environment variable names a platform keeps for itself: setting one is refused up front. */
const RESERVED = [
    { prefix: /^(AWSAPPRUNNER|AWS_APPRUNNER)/, platform: 'App Runner' },
    // ECS sets these in every task (task metadata endpoints, the container agent's own).
    { prefix: /^(ECS_CONTAINER_METADATA_URI|ECS_AGENT_URI)/, platform: 'ECS' },
];
/** The platform that reserves `name`, or undefined. */
function variables_reservedBy(name) {
    return RESERVED.find((r) => r.prefix.test(name))?.platform;
}

;// CONCATENATED MODULE: ./core/targets/env-changes.ts


const NAME = /^[A-Z_][A-Z0-9_]*$/;
function checkName(input, name) {
    if (!NAME.test(name))
        throw new InputError(input, `"${name}" is not a variable name; expected UPPER_SNAKE_CASE like NEXT_PUBLIC_APP_URL`);
    const platform = reservedBy(name);
    if (platform)
        throw new InputError(input, `"${name}" is reserved by ${platform}`);
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
            throw new InputError('env-set', `expected NAME=value on each line, got "${line.slice(0, 40)}"`);
        const name = line.slice(0, at).trim();
        checkName('env-set', name);
        if (name in set)
            throw new InputError('env-set', `${name} is set twice`);
        set[name] = line.slice(at + 1);
    }
    const unset = (unsetText ?? '')
        .split(/[\s,]+/)
        .map((n) => n.trim())
        .filter(Boolean);
    for (const name of unset) {
        checkName('env-unset', name);
        if (name in set)
            throw new InputError('env-unset', `${name} is also in env-set; set it or unset it, not both`);
    }
    return { set, unset: [...new Set(unset)] };
}
const hasEnvChanges = (c) => c !== undefined && (Object.keys(c.set).length > 0 || c.unset.length > 0);
/** The variables after the changes (pure). */
function env_changes_changedVariables(current, changes) {
    const next = { ...current, ...changes.set };
    for (const name of changes.unset)
        delete next[name];
    return next;
}
/** Whether applying the changes would alter anything. */
function changesAnything(current, changes) {
    const next = env_changes_changedVariables(current, changes);
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
            const { AsgTarget } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 4691));
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
        const { createAsgClients } = await Promise.all(/* import() */[__webpack_require__.e(839), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 4691));
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

// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
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

;// CONCATENATED MODULE: ./core/config/bake.ts
/**
 * `environments.<name>.bake`: read by the configuration, run by the deploy's bake period
 * (core/deploy/bake.ts).
 */

/** `environments.<name>.bake`: the thresholds; the length is deploy's `bake` input. */
const bakeConfigSchema = schemas/* strictObject */.rej({
    'error-rate': schemas/* number */.aig()
        .min(0)
        .max(100)
        .default(5)
        .describe('Percent of requests answered 5xx in a minute that counts as a bad minute.'),
    'latency-p99': schemas/* int */.Whr()
        .positive()
        .optional()
        .describe('RequestLatency p99 in ms above which a minute counts as bad; default: not watched.'),
    'consecutive-minutes': schemas/* int */.Whr()
        .min(1)
        .max(60)
        .default(3)
        .describe('Bad minutes in a row that roll the deploy back.'),
})
    .describe('Bake period thresholds: deploy watches the new version this way for its bake input.');

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
    bake: bakeConfigSchema.optional(),
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

// EXTERNAL MODULE: ./core/database/access.ts + 1 modules
var access = __webpack_require__(7915);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7202);
;// CONCATENATED MODULE: ./core/rotation/database.ts
/** The RDS side of a master-password rotation: read the instance, change the password, wait. */




class RdsMasterPassword {
    client;
    instanceId;
    deps;
    constructor(client, instanceId, deps) {
        this.client = client;
        this.instanceId = instanceId;
        this.deps = deps;
    }
    async describe() {
        const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => this.client.send(new client_rds_dist_cjs/* DescribeDBInstancesCommand */.hhJ({ DBInstanceIdentifier: this.instanceId })), this.deps);
        const instance = out.DBInstances?.[0];
        if (!instance)
            throw new errors/* DomainFailure */.dY(`RDS instance ${this.instanceId} was not found`);
        return instance;
    }
    /**
     * ModifyDBInstance MasterUserPassword, without ApplyImmediately: RDS applies a master
     * password as soon as it can anyway, and ApplyImmediately would also apply every other
     * pending modification (an instance class change becomes an unplanned reboot).
     * Not retried blindly: when the answer is lost or RDS answers 5xx, RDS may have taken the
     * password (and then refuses a second request while it applies it). What RDS shows decides:
     * a pending master password (or `resetting-master-credentials`) means it was taken, a login
     * with it (`applied`) that it was taken and applied; otherwise it is sent once more.
     */
    async set(password, applied) {
        const send = () => this.client.send(new client_rds_dist_cjs/* ModifyDBInstanceCommand */.R1U({
            DBInstanceIdentifier: this.instanceId,
            MasterUserPassword: password,
        }));
        try {
            await send();
            return;
        }
        catch (error) {
            if (!(0,call/* isRetryableAwsError */.ag)(error))
                throw error;
            this.deps.logger.warning(`ModifyDBInstance of ${this.instanceId} got no answer (${(0,errors/* errorMessage */.gJ)(error)}); asking RDS whether it took the password`);
        }
        const instance = await this.describe();
        if (instance.PendingModifiedValues?.MasterUserPassword !== undefined ||
            instance.DBInstanceStatus === 'resetting-master-credentials') {
            this.deps.logger.info(`  RDS took it: ${this.instanceId} is ${instance.DBInstanceStatus ?? 'unknown'} with a master password pending`);
            return;
        }
        if (await applied()) {
            this.deps.logger.info(`  RDS took it and applied it: the new password logs in`);
            return;
        }
        this.deps.logger.info(`  RDS did not take it (nothing pending, the password does not log in); sending it again`);
        await (0,call/* awsCall */.uF)('ModifyDBInstance', send, this.deps);
    }
    /**
     * Until PendingModifiedValues no longer holds a master password (RDS applies it async) and
     * the instance is available again.
     */
    async waitApplied(timeoutMs, intervalMs) {
        await (0,util_wait/* waitWith */.OO)(this.deps, `RDS instance ${this.instanceId} to apply the new master password`, { timeoutMs, intervalMs }, async () => {
            const instance = await this.describe();
            const pending = instance.PendingModifiedValues?.MasterUserPassword !== undefined ||
                instance.DBInstanceStatus === 'resetting-master-credentials';
            return pending
                ? { done: false, status: `${instance.DBInstanceStatus ?? 'unknown'}, password pending` }
                : { done: true, value: undefined };
        });
    }
}

// EXTERNAL MODULE: ./core/rotation/run.ts + 19 modules
var run = __webpack_require__(2531);
// EXTERNAL MODULE: ./core/rotation/values.ts
var values = __webpack_require__(4701);
;// CONCATENATED MODULE: ./core/rotation/prepare.ts








/** What a run does with a rotation it finds unfinished (AWSPENDING, or not yet deployed). */
const UNFINISHED_MODES = ['stop', 'resume'];
/**
 * Loads the configuration and checks the request against it before the first AWS call: an
 * unknown secret, an external one, or a database kind without a database changes nothing.
 */
async function prepareRotation(inputs, deps) {
    const config = await loadConfig(inputs.config);
    const env = selectEnvironment(config, inputs.environment, inputs.config);
    (0,run/* selectSecrets */._)(inputs, env.secrets ?? [], inputs.environment, env.database !== undefined);
    const clients = deps.clients ?? (0,aws_clients/* createAwsClients */.Gv)(env.region);
    const callDeps = { clock: deps.clock, logger: deps.logger };
    const databaseAccess = await (0,access/* openDatabaseAccess */.Q)(env, { environment: inputs.environment, configFile: inputs.config }, { ...callDeps, clients, ...(deps.saveState ? { saveState: deps.saveState } : {}) });
    if (inputs.auditDatabaseUrl)
        await (0,access/* preflightDatabases */.O)(databaseAccess, [{ url: inputs.auditDatabaseUrl, what: 'the audit database (audit-database-url)' }], deps.logger);
    const runnerMask = deps.mask;
    // Every form of a value (a URL's password, a JSON's password) is masked, not just the whole.
    const mask = (value) => {
        if (runnerMask)
            for (const form of (0,values/* secretForms */.eo)(value))
                runnerMask(form);
    };
    return {
        environment: inputs.environment,
        env,
        secrets: new secrets_manager/* SecretsStore */.Vb(clients.secretsManager, { ...callDeps, mask }),
        target: await targetOf(env, clients, callDeps, { requestTimeoutMs: aws_clients/* DEFAULT_AWS_REQUEST_TIMEOUT_MS */.Z7 }, { flyApiToken: inputs.flyApiToken }),
        rds: env.database
            ? new RdsMasterPassword(clients.rds, env.database.instance, callDeps)
            : undefined,
        run: deps.run,
        timing: inputs.timing,
        clock: deps.clock,
        logger: deps.logger,
        unfinished: inputs.unfinished,
        mask,
        databaseAccess,
    };
}


/***/ }),

/***/ 2531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ runRotation),
  _: () => (/* binding */ selectSecrets)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
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
    const client = await pgClient({
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

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(1351);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/utils.js + 19 modules
var utils = __webpack_require__(5555);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/github/octokit.ts




// The light build plugin-throttling itself uses, so the bundle carries one copy.


/**
 * plugin-throttling spaces every write by a second, GitHub's advice for integrations that make
 * many. A run makes at most four (a deployment and its statuses), and the second follows the
 * first at once, so that second would only delay the deploy behind it. Writes still go one at
 * a time, and a secondary rate limit, should one come, is waited out as `retry-after` asks.
 */
const writes = new (light_default()).Group({ maxConcurrent: 1, minTime: 0 });
/** Times one request may be retried after a rate limit; each wait is bounded by maxRateLimitWaitMs. */
const RATE_LIMIT_RETRIES = 3;
/** plugin-retry's own list: these answers mean the request was refused, not lost. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];
function describe(request) {
    return `${request.method} ${request.url.replace(/\?.*$/, '')}`;
}
/**
 * The one GitHub REST client: Octokit from @actions/github, with GitHub's own retry and
 * throttling plugins so primary and secondary rate limits (`retry-after`) are honoured. Every
 * wait is bounded and logged, every attempt has a deadline.
 *
 * A request that must not run twice (creating a deployment) passes `request: { retries: 0 }`
 * and decides itself whether to send it again; rate-limit answers are still waited out, since
 * GitHub did not act on them.
 */
function createOctokit(token, options) {
    const maxWaitMs = options.maxRateLimitWaitMs ?? 60_000;
    const timeoutMs = options.requestTimeoutMs ?? 20_000;
    const retries = options.retries ?? 2;
    // @actions/github's own fetch honours the runner's HTTPS_PROXY / NO_PROXY; keep it.
    const baseFetch = options.fetch ?? utils/* defaults */.NT.request?.fetch ?? fetch;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const waitMs = retryAfter * 1000;
        const what = describe(request);
        if (retryCount >= RATE_LIMIT_RETRIES || waitMs > maxWaitMs) {
            options.logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${(0,duration/* formatDuration */.a3)(waitMs)} more (tried ${retryCount + 1} times, longest wait allowed ${(0,duration/* formatDuration */.a3)(maxWaitMs)})`);
            return false;
        }
        options.logger.info(`GitHub ${kind} rate limit on ${what}: waiting ${(0,duration/* formatDuration */.a3)(waitMs)} as GitHub's ${kind === 'secondary' ? 'retry-after' : 'x-ratelimit-reset'} asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
        return true;
    };
    const octokit = (0,github/* getOctokit */.Q)(token, {
        baseUrl: options.apiUrl.replace(/\/$/, ''),
        throttle: {
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            write: writes,
        },
        retry: { retries, doNotRetry: DO_NOT_RETRY },
        request: {
            ...utils/* defaults */.NT.request,
            fetch: (url, init) => baseFetch(url, {
                ...init,
                signal: init?.signal
                    ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
                    : AbortSignal.timeout(timeoutMs),
            }),
        },
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => options.logger.warning(message),
            error: (message) => options.logger.debug(message),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    // plugin-retry retries silently; say what failed and how long it waits (its own schedule).
    octokit.hook.error('request', (error, request) => {
        const status = error.status ?? 0;
        const options_ = request;
        const allowed = options_.request?.retries ?? retries;
        const done = options_.request?.retryCount ?? 0;
        if (status >= 400 && !DO_NOT_RETRY.includes(status) && done < allowed) {
            options.logger.info(`GitHub answered ${status} to ${describe(options_)} (${error.message.slice(0, 120)}): retrying in ${(0,duration/* formatDuration */.a3)((done + 1) ** 2 * 1000)} (retry ${done + 1} of ${allowed})`);
        }
        throw error;
    });
    return octokit;
}

// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/rotation/values.ts
var values = __webpack_require__(4701);
;// CONCATENATED MODULE: ./core/rotation/drivers.ts




class RotationRefused extends errors/* DomainFailure */.dY {
    name = 'RotationRefused';
}
/** The system refused to apply the new value (RDS InvalidDBInstanceState): nothing took it. */
class ApplyRefused extends errors/* DomainFailure */.dY {
    anotherChange;
    name = 'ApplyRefused';
    constructor(message, 
    /** What refused it is another change of the same kind being applied (another rotation). */
    anotherChange) {
        super(message);
        this.anotherChange = anotherChange;
    }
}
const ident = (name) => `"${name.replace(/"/g, '""')}"`;
const literal = (value) => `'${value.replace(/'/g, "''")}'`;
function randomDriver(secret) {
    return {
        applySteps: [],
        preflight: async () => { },
        newValue: async () => (0,values/* randomValue */.Z1)(secret.length ?? 48),
        apply: async () => { },
        settle: async () => { },
        works: async (value) => value.length > 0,
        restore: async () => { },
    };
}
/** Preflight's login with the current DATABASE_URL: a real connection and SELECT 1. */
function currentLogin(secret, deps) {
    return async (current, unfinished) => {
        const login = await (0,values/* tryLogin */.X)(current);
        if (login.ok)
            return;
        if (unfinished) {
            deps.logger.warning(`${secret.name}: the current DATABASE_URL does not log in (${login.error}), and an unfinished rotation waits: it is finished if its value logs in`);
            return;
        }
        throw new RotationRefused(`${secret.name}: the current DATABASE_URL does not log in (${login.error}); something is already wrong, so nothing was changed`);
    };
}
function loginChecker(deps) {
    return async (url, patient) => {
        const result = patient
            ? await (0,values/* loginWithin */.p_)(url, 'the pending DATABASE_URL', deps.loginTimeoutMs, deps.pollIntervalMs, deps)
            : await (0,values/* tryLogin */.X)(url);
        return result.ok;
    };
}
function rdsMasterPasswordDriver(secret, deps) {
    const rds = deps.rds;
    if (!rds)
        throw new RotationRefused(`${secret.name}: kind rds-master-password needs database.instance in the environment's configuration`);
    const works = loginChecker(deps);
    const currentLogsIn = currentLogin(secret, deps);
    return {
        applySteps: ['modify-db-instance', 'wait-applied'],
        preflight: async (current, unfinished) => {
            const instance = await rds.describe();
            const status = instance.DBInstanceStatus ?? 'unknown';
            // A lost run's password may still be being applied. RDS takes a password change while
            // it is available, or optimizing storage (hours after a storage change, serving all the
            // while); anything else (backing-up, modifying, rebooting\u2026) makes it refuse the change.
            const takesPassword = status === 'available' || status === 'storage-optimization';
            if (!takesPassword && !(unfinished && status === 'resetting-master-credentials'))
                throw new RotationRefused(`${secret.name}: RDS instance ${rds.instanceId} is ${status}; RDS changes the master password only when the instance is available (or storage-optimization) \u2014 run again once it is (aws rds describe-db-instances --db-instance-identifier ${rds.instanceId})`);
            const queued = Object.keys(instance.PendingModifiedValues ?? {}).filter((k) => k !== 'MasterUserPassword');
            if (queued.length > 0)
                deps.logger.info(`  ${rds.instanceId} has pending modifications (${queued.join(', ')}); they stay pending: the password is changed without ApplyImmediately`);
            if (instance.MasterUserSecret)
                throw new RotationRefused(`${secret.name}: RDS instance ${rds.instanceId} manages its master password in Secrets Manager (ManageMasterUserPassword), so RDS rotates it itself; use kind rds-managed for ${secret.name}`);
            const { user } = (0,values/* credentialsOf */.YN)(current, `${secret.name} (AWSCURRENT)`);
            if (instance.MasterUsername && user !== instance.MasterUsername)
                throw new RotationRefused(`${secret.name}: DATABASE_URL logs in as ${user}, not as the master user ${instance.MasterUsername}; use kind database-user for an application role`);
            await currentLogsIn(current, unfinished);
        },
        newValue: async (current) => {
            const { user } = (0,values/* credentialsOf */.YN)(current, secret.name);
            return (0,values/* withCredentials */.tE)(current, user, (0,values/* databasePassword */.rd)(secret.length ?? 32));
        },
        apply: async (pending) => {
            try {
                await rds.set((0,values/* credentialsOf */.YN)(pending, secret.name).password, async () => {
                    const login = await (0,values/* tryLogin */.X)(pending);
                    return login.ok;
                });
            }
            catch (error) {
                // A refusal for the instance's state (another change of the master password being
                // applied, a backup started since preflight): RDS took nothing, the password is as it
                // was, so there is nothing to set back.
                if ((0,call/* awsErrorName */.ZH)(error) !== 'InvalidDBInstanceStateFault')
                    throw error;
                const status = (await rds.describe()).DBInstanceStatus ?? 'unknown';
                const resetting = status === 'resetting-master-credentials';
                throw new ApplyRefused(`RDS refused the new master password: ${rds.instanceId} is ${status}${resetting ? ' (another change of the master password is being applied)' : ''}`, resetting);
            }
        },
        settle: () => rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs),
        works,
        restore: async (value) => {
            // RDS refuses a modification while it applies one (a password it accepted even though
            // its answer was lost): wait for that first.
            await rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs);
            await rds.set((0,values/* credentialsOf */.YN)(value, secret.name).password, async () => {
                const login = await (0,values/* tryLogin */.X)(value);
                return login.ok;
            });
            await rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs);
            if (!(await works(value, true)))
                throw new errors/* DomainFailure */.dY(`${secret.name}: the old master password was set back but does not log in; fix the master password by hand (aws rds modify-db-instance --master-user-password) and run again`);
        },
    };
}
/** AWS's "alternating users": `<user>` and `<user>_clone` take turns; the other keeps working. */
function databaseUserDriver(secret, deps) {
    const works = loginChecker(deps);
    const currentLogsIn = currentLogin(secret, deps);
    const adminId = secret['admin-secret-id'];
    const adminUrl = async (current) => {
        const raw = (await deps.secrets.value(adminId)).value;
        if (/^postgres(ql)?:\/\//.test(raw))
            return raw;
        try {
            const { username, password } = JSON.parse(raw);
            if (username && password)
                return (0,values/* withCredentials */.tE)(current, username, password);
        }
        catch {
            // fall through to the error below
        }
        throw new RotationRefused(`${secret.name}: admin-secret-id ${adminId} holds neither a postgres:// URL nor {"username","password"}`);
    };
    const users = (current) => {
        const { user } = (0,values/* credentialsOf */.YN)(current, secret.name);
        const base = user.replace(/_clone$/, '');
        return { active: user, inactive: user === base ? `${base}_clone` : base };
    };
    const admin = async (current, fn) => {
        const url = await adminUrl(current);
        const client = await (0,pg_client/* pgClient */.Te)({
            connectionString: url,
            connectionTimeoutMillis: 5_000,
            statement_timeout: 10_000,
        });
        try {
            return await (0,pg_client/* usePgClient */.MK)(client, fn);
        }
        catch (error) {
            if (error instanceof errors/* DomainFailure */.dY)
                throw error;
            // pg's errors name users, but a driver error could quote the URL: never pass it on,
            // not even as a cause (a stack trace prints causes).
            // eslint-disable-next-line preserve-caught-error
            throw new Error((0,values/* withoutSecrets */.cT)(error.message, [url, current]));
        }
    };
    /** Table privileges of a role in the URL's database, to compare the two users. */
    const grants = async (c, role) => {
        const out = await c.query(`SELECT c.relname || ':' || p.priv AS grant
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE']) AS p(priv)
        WHERE n.nspname = 'public' AND c.relkind IN ('r','v','m','p')
          AND has_table_privilege($1, c.oid, p.priv)
        ORDER BY 1`, [role]);
        return out.rows.map((r) => r.grant);
    };
    return {
        applySteps: ['alter-role'],
        preflight: async (current, unfinished) => {
            await currentLogsIn(current, unfinished);
            await admin(current, async (c) => {
                await c.query('SELECT 1');
            }).catch((error) => {
                throw new RotationRefused(`${secret.name}: the admin URL in ${adminId} does not log in (${error.message})`);
            });
        },
        newValue: async (current) => (0,values/* withCredentials */.tE)(current, users(current).inactive, (0,values/* databasePassword */.rd)(secret.length ?? 32)),
        apply: async (pending, current) => {
            const { user, password } = (0,values/* credentialsOf */.YN)(pending, secret.name);
            const { active } = users(current);
            await admin(current, async (c) => {
                const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
                if (exists.rowCount === 0) {
                    // The clone inherits the active user's privileges by membership.
                    await c.query(`CREATE ROLE ${ident(user)} LOGIN PASSWORD ${literal((0,values/* scramVerifier */.v0)(password))}`);
                    await c.query(`GRANT ${ident(active)} TO ${ident(user)}`);
                }
                else
                    await c.query(`ALTER ROLE ${ident(user)} WITH LOGIN PASSWORD ${literal((0,values/* scramVerifier */.v0)(password))}`);
                const [mine, theirs] = [await grants(c, user), await grants(c, active)];
                const missing = theirs.filter((g) => !mine.includes(g));
                if (missing.length > 0)
                    throw new errors/* DomainFailure */.dY(`${secret.name}: role ${user} lacks privileges ${active} has (${missing.slice(0, 5).join(', ')}); grant them (or GRANT ${active} TO ${user}) and run again`);
            });
        },
        settle: async () => { },
        works,
        // The old user's password never changed: nothing to put back.
        restore: async () => { },
    };
}
/** RDS rotates its managed master secret itself; DATABASE_URL is rebuilt from it when stale. */
function rdsManagedDriver(secret, deps) {
    const rds = deps.rds;
    if (!rds)
        throw new RotationRefused(`${secret.name}: kind rds-managed needs database.instance in the environment's configuration`);
    const works = loginChecker(deps);
    let managedArn;
    return {
        applySteps: [],
        preflight: async () => {
            const instance = await rds.describe();
            managedArn = instance.MasterUserSecret?.SecretArn;
            if (!managedArn)
                throw new RotationRefused(`${secret.name}: RDS instance ${rds.instanceId} does not manage its master password (no MasterUserSecret); use kind rds-master-password`);
        },
        newValue: async (current) => {
            const raw = (await deps.secrets.value(managedArn)).value;
            const { username, password } = JSON.parse(raw);
            const now = (0,values/* credentialsOf */.YN)(current, secret.name);
            if (now.user === username && now.password === password)
                return undefined;
            return (0,values/* withCredentials */.tE)(current, username, password);
        },
        apply: async () => { },
        settle: async () => { },
        works,
        restore: async () => { },
    };
}

;// CONCATENATED MODULE: ./core/rotation/grace.ts
/**
 * The previous JWT key's grace period. A rotation of a `random` secret with
 * `previous-secret-id` writes the old value there, so tokens signed with it keep verifying.
 * After `grace-days` those tokens have expired and the old key must stop working: the next
 * rotate-secret run retires it.
 *
 * Retiring writes a fresh CSPRNG value nobody has ever seen, not an empty string: an app that
 * does not special-case "empty" would then verify tokens against an empty or publicly known
 * key, which anyone could sign with. An unknowable key verifies nothing. The version id (the
 * ClientRequestToken) starts with `retired-`, which is how the next run knows it is done.
 * App Runner reads secrets only at deployment, so a retirement is followed by a redeploy (the
 * one of a rotation in the same run, or its own).
 */


const DAY = 86_400_000;
const RETIRED_PREFIX = 'retired-';
/** Every `random` secret with previous-secret-id and grace-days: how old its previous key is. */
async function previousKeyAges(secrets, store, clock) {
    const ages = [];
    for (const secret of secrets) {
        const previousSecretId = secret['previous-secret-id'];
        const graceDays = secret['grace-days'];
        if (secret.kind !== 'random' || !previousSecretId || graceDays === undefined)
            continue;
        const current = await store.currentVersion(previousSecretId);
        if (!current)
            continue;
        const ageDays = (clock.now() - current.createdAt.getTime()) / DAY;
        const retired = current.versionId.startsWith(RETIRED_PREFIX);
        ages.push({
            secret,
            previousSecretId,
            graceDays,
            ageDays,
            retired,
            expired: !retired && ageDays >= graceDays,
        });
    }
    return ages;
}
/** The retirement's ClientRequestToken: one per run and previous-secret, so a re-run repeats it. */
function retirementToken(run, environment, previousSecretId) {
    const hex = (0,external_node_crypto_.createHash)('sha256')
        .update(`apprunner-ops retire|${run.repository}|${run.runId}|${environment}|${previousSecretId}`)
        .digest('hex');
    return `${RETIRED_PREFIX}${hex.slice(0, 40)}`;
}
/** Replaces the previous key with an unknowable one (idempotent by its token). */
async function retirePreviousKey(age, store, token) {
    await store.put(age.previousSecretId, token, (0,values/* randomValue */.Z1)(age.secret.length ?? 64), [
        'AWSCURRENT',
    ]);
}
/** A line for people: names and ages, never a value. */
function describeAge(age) {
    const days = Math.floor(age.ageDays);
    return age.retired
        ? `previous key of ${age.secret.name} (${age.previousSecretId}) is retired`
        : age.expired
            ? `previous key of ${age.secret.name} (${age.previousSecretId}) is ${days} days old, past grace-days ${age.graceDays}`
            : `previous key of ${age.secret.name} (${age.previousSecretId}) is ${days} days old, within grace-days ${age.graceDays}`;
}

;// CONCATENATED MODULE: ./core/targets/fly-secrets.ts
const DATABASE_KINDS = new Set(['rds-master-password', 'database-user', 'rds-managed']);
async function flySecretValues(env, store) {
    const ids = [];
    for (const secret of env.secrets ?? []) {
        const id = DATABASE_KINDS.has(secret.kind) && secret['database-url-secret-id']
            ? secret['database-url-secret-id']
            : secret['secret-id'];
        ids.push([secret.name, id]);
        if (secret['previous-secret-id'])
            ids.push([`${secret.name}_PREVIOUS`, secret['previous-secret-id']]);
        if (secret['next-secret-id'])
            ids.push([`${secret.name}_NEXT`, secret['next-secret-id']]);
    }
    const values = {};
    // Every value is read before anything is sent: one unreadable secret changes nothing on Fly.
    for (const [name, id] of ids)
        values[name] = (await store.value(id)).value;
    return values;
}

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
        summary.details(`Every reason ${check.name} failed (${check.attempts} attempts in ${formatDuration(check.durationMs)})`, check.reasons.map((r) => `- ${r.reason} (\u00d7${r.count})`).join('\n'));
    }
    return summary;
}

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
    return buildReport(results, started, deps.clock.now(), params.expectVersion?.values.join(' or '));
}

;// CONCATENATED MODULE: ./core/rotation/redeploy.ts




const BY_DIGEST = /@sha256:[0-9a-f]{64}$/;
/**
 * What a rotation's redeploy must run: the digest that runs now. On a service configured by tag,
 * App Runner's StartDeployment pulls what the tag names now and ECS re-resolves it, so a tag
 * moved to an unreviewed build would ship with the new secret, and its failure would be blamed
 * on the secret and undo the rotation. Asked in preflight, before any change.
 * Returns undefined when the service is configured by digest (a restart runs that digest).
 */
async function runningImagePin(target) {
    const state = await target.describe();
    if (BY_DIGEST.test(state.image))
        return undefined;
    if (state.digest)
        return state.imageByDigest;
    throw new RotationRefused(`the service runs by tag (${state.image}) and ${target.kind === 'app-runner' ? 'App Runner does not report' : 'the platform does not report'} which digest it pulled: a redeploy would pull whatever the tag names now, possibly a build nobody reviewed. Deploy the reviewed version once (apprunner-ops deploy --image <tag>; the service is pinned by digest from then on), then rotate again; nothing was changed`);
}
/**
 * The platform reads secrets only when it starts tasks: a restart (App Runner StartDeployment,
 * a new ECS deployment), followed to the platform's own result (not the service status), then
 * the health checks, the database check included.
 * Returns why it failed, or undefined when the service is healthy on the new values.
 */
async function redeployAndVerify(deps, steps, label, prefix = '') {
    const { timing } = deps;
    const wait = { timeoutMs: timing.operationTimeoutMs, intervalMs: timing.pollIntervalMs };
    const started = await steps.run(label, `${prefix}start-deployment`, async () => {
        const state = await deps.target.waitUntilUpdatable(wait);
        // Fly machines read the app's own secrets, not Secrets Manager: AWSCURRENT goes there first.
        if (deps.target.stageSecrets && deps.secrets)
            await deps.target.stageSecrets(await flySecretValues(deps.env, deps.secrets));
        // Configured by tag: the same configuration with the running digest (which pins it from
        // then on), never what the tag names now.
        if (deps.redeployImage && !BY_DIGEST.test(state.image))
            return deps.target.switchImage(deps.redeployImage, { wait });
        return deps.target.restart(wait);
    });
    try {
        await steps.run(label, `${prefix}follow-operation`, async () => {
            const result = await deps.target.follow(started, wait);
            if (!result.ok)
                throw new RedeployFailed(result.message);
        });
        const health = deps.env.health;
        await steps.run(label, `${prefix}verify-health`, async () => {
            const report = await smokeTest({
                checks: health.checks,
                baseUrl: new URL(health['base-url']),
                timeoutMs: timing.verifyTimeoutMs,
                intervalMs: Math.min(timing.pollIntervalMs, 5_000),
            }, { clock: deps.clock, logger: deps.logger });
            if (!report.passed)
                throw new RedeployFailed(`health checks failed: ${report.checks
                    .filter((c) => !c.passed)
                    .map((c) => `${c.name}: ${c.lastReason}`)
                    .join('; ')}`);
        });
        return undefined;
    }
    catch (error) {
        if (error instanceof RedeployFailed)
            return error.message;
        throw error;
    }
}
class RedeployFailed extends errors/* DomainFailure */.dY {
    name = 'RedeployFailed';
}

// EXTERNAL MODULE: ./core/database/access.ts + 1 modules
var access = __webpack_require__(7915);
// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
;// CONCATENATED MODULE: ./core/rotation/token.ts

/**
 * The ClientRequestToken (and so the VersionId) of a rotation, derived from the secret and the
 * AWSCURRENT version it starts from, not from the run: two rotations of the same secret from the
 * same AWSCURRENT (two runs at once, or a new run after a lost one) ask for the same version,
 * and Secrets Manager lets only one of them make it (the other's value differs: refused). That
 * is the lock Secrets Manager offers. `n` counts fresh rotations from the same AWSCURRENT
 * (after one was undone).
 */
function rotationToken(secretId, baseVersionId, n) {
    const hex = (0,external_node_crypto_.createHash)('sha256')
        .update(`apprunner-ops rotate|${secretId}|${baseVersionId}|${n}`)
        .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
/** The tokens made from `baseVersionId` that already exist among `versionIds`, and the next free one. */
function baseTokens(secretId, baseVersionId, versionIds) {
    const existing = new Set(versionIds);
    const used = [];
    for (let n = 0; n < 100; n++) {
        const token = rotationToken(secretId, baseVersionId, n);
        if (!existing.has(token))
            return { used, next: token };
        used.push(token);
    }
    throw new Error(`${secretId} already holds 100 rotations from version ${baseVersionId}; Secrets Manager keeps at most 100 versions`);
}
/**
 * The label a rotation puts on its version with AWSCURRENT and takes off only once the service
 * was redeployed and verified on it: while it is on AWSCURRENT, the service may still run the
 * previous value (a run lost between the move and the redeploy), whichever run left it.
 */
const UNDEPLOYED = 'APPRUNNER_OPS_UNDEPLOYED';
/**
 * A label a run puts on the version it stages, in the same PutSecretValue, and takes off right
 * after: Secrets Manager ignores a repeated request (same token, same value) with its labels, so
 * the label is on the version only if this run made it. A run lost in between leaves it; the
 * run that resumes the version takes it off.
 */
const STAGING_PREFIX = 'APPRUNNER_OPS_STAGING_';
const stagingLabel = () => `${STAGING_PREFIX}${(0,external_node_crypto_.randomUUID)()}`;

;// CONCATENATED MODULE: ./core/rotation/types.ts
const types_DATABASE_KINDS = [
    'rds-master-password',
    'database-user',
    'rds-managed',
];
/** The secret a rotation writes: DATABASE_URL's secret for database kinds, else secret-id. */
function rotatedSecretId(secret) {
    return types_DATABASE_KINDS.includes(secret.kind)
        ? secret['database-url-secret-id']
        : secret['secret-id'];
}

;// CONCATENATED MODULE: ./core/rotation/rotate.ts
/**
 * Rotation that never loses the working secret (the Secrets Manager rotation contract):
 *   put the new value as AWSPENDING \u2192 apply it (RDS password, role) \u2192 test it (log in) \u2192
 *   move AWSCURRENT (the old version becomes AWSPREVIOUS) \u2192 redeploy (App Runner reads
 *   secrets only at deployment) \u2192 verify health.
 * Any stop leaves AWSCURRENT working: it moves only to a value that was just tested.
 * What a stopped run leaves is read from Secrets Manager, whichever run left it: an AWSPENDING
 * on another version than AWSCURRENT is a rotation under way or lost, and AWSCURRENT still
 * labelled UNDEPLOYED is one whose redeploy did not finish. By default a run stops before any
 * change when it finds either (another run may be at work); told `unfinished: resume` (rotate.yml,
 * whose concurrency group rules out a second run), it finishes or undoes what it found first.
 * The new version's id is derived from the AWSCURRENT it starts from, so of two runs starting
 * from the same AWSCURRENT only one can stage a version (a label of the run's own, put on with
 * the value, tells which when both stage the same value), and every label is moved naming the
 * version it is taken from, so a move never overrides another writer's.
 */








class RotationUndone extends errors/* DomainFailure */.dY {
    name = 'RotationUndone';
}
function driverFor(secret, ctx) {
    const deps = {
        secrets: ctx.secrets,
        rds: ctx.rds,
        clock: ctx.clock,
        logger: ctx.logger,
        loginTimeoutMs: ctx.timing.loginTimeoutMs,
        passwordTimeoutMs: ctx.timing.passwordTimeoutMs,
        pollIntervalMs: ctx.timing.pollIntervalMs,
    };
    switch (secret.kind) {
        case 'random':
            return randomDriver(secret);
        case 'rds-master-password':
            return rdsMasterPasswordDriver(secret, deps);
        case 'database-user':
            return databaseUserDriver(secret, deps);
        case 'rds-managed':
            return rdsManagedDriver(secret, deps);
        case 'external':
            throw new RotationRefused(`${secret.name} is kind external (issued by a third party): rotate it with its issuer, then store it with aws secretsmanager put-secret-value; rotate-secret never generates it`);
    }
}
const ago = (clock, at) => at
    ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.max(0, Math.round((clock.now() - at.getTime()) / 60_000))} min ago`
    : 'at an unknown time';
/** Why a run stops when it finds a rotation under way or lost, and how to go on. */
function inProgress(name, secretId, what, environment) {
    return new RotationRefused(`${name}: a rotation is under way or was lost: ${what}; nothing was changed. If no other rotation of ${name} runs now, finish it (or undo it when its value does not work) with rotate.yml (environment ${environment}, secret ${name}), or apprunner-ops rotate ${environment} ${name} --resume; its concurrency group rules out a second run (secret ${secretId})`);
}
/** Read-only: the secret exists, no rotation under way, the kind's own checks (e.g. login). */
async function preflight(secret, ctx, steps) {
    const driver = driverFor(secret, ctx);
    const secretId = rotatedSecretId(secret);
    return steps.run(secret.name, 'preflight', async () => {
        const described = await ctx.secrets.describe(secretId);
        if (described.rotationEnabled)
            throw new RotationRefused(`${secret.name}: Secrets Manager's own rotation is enabled on ${secretId}; two rotators would fight over AWSPENDING \u2014 turn it off (aws secretsmanager cancel-rotate-secret) or stop rotating ${secret.name} here`);
        // One snapshot of the labels decides which version is current, whether a rotation is under
        // way and the id of this run's version: read apart (the labels by DescribeSecret, the
        // versions later), another run's version staged in between was missed as "under way" yet
        // moved this run's id on to the next free one, so both runs staged a version and the later
        // one took AWSPENDING from the first.
        const versions = await ctx.secrets.versionList(secretId);
        const stages = Object.fromEntries(versions.map((v) => [v.versionId, v.stages]));
        const holder = (label) => versions.find((v) => v.stages.includes(label))?.versionId;
        const currentId = holder('AWSCURRENT');
        const current = await ctx.secrets.value(secretId, currentId ? { versionId: currentId } : { stage: 'AWSCURRENT' });
        if (types_DATABASE_KINDS.includes(secret.kind)) {
            (0,values/* credentialsOf */.YN)(current.value, `${secret.name} (AWSCURRENT of ${secretId})`);
            if (ctx.databaseAccess)
                await (0,access/* preflightDatabases */.O)(ctx.databaseAccess, [{ url: current.value, what: `the database of ${secret.name}` }], ctx.logger);
        }
        const tokens = baseTokens(secretId, current.versionId, versions.map((v) => v.versionId));
        const heldPending = holder('AWSPENDING');
        const pendingId = heldPending !== current.versionId ? heldPending : undefined;
        const unfinished = pendingId
            ? {
                versionId: pendingId,
                stagedAt: versions.find((v) => v.versionId === pendingId)?.createdAt,
                fromCurrent: tokens.used.includes(pendingId),
            }
            : undefined;
        const undeployed = stages[current.versionId]?.includes(UNDEPLOYED) ?? false;
        const pendingOnCurrent = stages[current.versionId]?.includes('AWSPENDING') ?? false;
        const createdAt = versions.find((v) => v.versionId === current.versionId)?.createdAt;
        if (ctx.unfinished === 'stop' && unfinished)
            throw inProgress(secret.name, secretId, `AWSPENDING is on version ${unfinished.versionId}, staged ${ago(ctx.clock, unfinished.stagedAt)}`, ctx.environment);
        if (ctx.unfinished === 'stop' && undeployed)
            throw inProgress(secret.name, secretId, `AWSCURRENT (version ${current.versionId}, made ${ago(ctx.clock, createdAt)}) is not deployed yet`, ctx.environment);
        try {
            await driver.preflight(current.value, unfinished !== undefined);
        }
        catch (error) {
            // Another run may have staged its version and applied it since this one read the
            // labels (RDS is then resetting-master-credentials): say so, not only what RDS says.
            const now = ctx.unfinished === 'stop' ? await ctx.secrets.describe(secretId) : undefined;
            if (now?.unfinishedVersionId && now.unfinishedVersionId !== pendingId)
                throw inProgress(secret.name, secretId, `while this run checked, another run staged version ${now.unfinishedVersionId} (${(0,errors/* errorMessage */.gJ)(error)})`, ctx.environment);
            throw error;
        }
        const nextId = secret['next-secret-id'];
        if (nextId)
            await serviceReadsNextKey(secret.name, nextId, ctx);
        const previousVersionId = holder('AWSPREVIOUS');
        return {
            secret,
            secretId,
            driver,
            current: { ...current, createdAt },
            previousVersionId,
            unfinished,
            undeployed,
            pendingOnCurrent,
            nextToken: tokens.next,
        };
    });
}
/**
 * Two phases help only if the service reads the next-secret: otherwise phase one deploys
 * nothing new, and the second rollout refuses tokens as one phase would. The service's secret
 * references (ARNs, with the 6-character suffix Secrets Manager adds, maybe a JSON key) are
 * compared with next-secret-id (a name or an ARN).
 */
async function serviceReadsNextKey(name, nextId, ctx) {
    const refs = Object.entries((await ctx.target.describe()).secrets);
    const escaped = nextId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const names = new RegExp(`(^|:secret:)${escaped}(-[A-Za-z0-9]{6})?(:|$)`);
    if (refs.some(([, ref]) => ref === nextId || names.test(ref)))
        return;
    throw new RotationRefused(`${name}: next-secret-id ${nextId} is not read by the service (its secrets: ${refs.map(([k]) => k).join(', ') || 'none'}), so its instances would never accept the new key before signing with it; give the service JWT_SECRET_NEXT from ${nextId} and have the app accept it (examples/app/jwt-keys.ts), deploy, then rotate; nothing was changed`);
}
/** Rotates one secret whose preflight passed; throws RotationUndone (red) after an undo. */
async function rotateSecret(p, ctx, steps) {
    const { secret, secretId, driver } = p;
    const name = secret.name;
    const outcome = {
        name,
        kind: secret.kind,
        secretId,
        result: 'unchanged',
        versionId: p.current.versionId,
        notes: [],
    };
    const current = p.current;
    if (p.unfinished) {
        const pendingId = p.unfinished.versionId;
        const pending = await ctx.secrets.value(secretId, { versionId: pendingId });
        // A run lost inside put-pending left its staging label: the version is resumed here.
        const strays = (await ctx.secrets.describe(secretId)).stages[pendingId] ?? [];
        for (const label of strays.filter((l) => l.startsWith(STAGING_PREFIX)))
            await ctx.secrets.removeStage(secretId, label, pendingId);
        await steps.run(name, 'resume-wait-applied', () => driver.settle());
        const works = await steps.run(name, 'resume-test-pending', () => driver.works(pending.value, true));
        const currentWorks = await driver.works(current.value, false);
        // A version staged from another AWSCURRENT is finished only when nothing else works:
        // its previous-secret write and its alternating user belong to that other AWSCURRENT.
        if (works && (p.unfinished.fromCurrent || !currentWorks)) {
            outcome.notes.push(`an unfinished rotation (AWSPENDING on version ${pendingId}, staged ${ago(ctx.clock, p.unfinished.stagedAt)}) was found; its value works, so it was finished`);
            return finish(p, ctx, steps, outcome, pendingId, pending.value, current);
        }
        await steps.run(name, 'resume-undo-pending', async () => {
            if (!currentWorks)
                await driver.restore(current.value);
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', pendingId);
            await ctx.secrets.removeStage(secretId, UNDEPLOYED, pendingId);
        });
        outcome.notes.push(`an unfinished rotation (AWSPENDING on version ${pendingId}) was found; ${works ? 'it was staged from another AWSCURRENT' : 'its value does not work'}, so it was undone (AWSPENDING removed, AWSCURRENT kept)`);
    }
    // A run lost inside move-current left AWSPENDING beside AWSCURRENT: take it off, so the
    // secret shows no rotation under way once this run is done.
    if (p.pendingOnCurrent)
        await steps.run(name, 'resume-clear-pending', () => ctx.secrets.removeStage(secretId, 'AWSPENDING', current.versionId), `version ${current.versionId}`);
    // A run lost after AWSCURRENT moved: the service may still run the previous value.
    if (p.undeployed) {
        outcome.notes.push(`AWSCURRENT (version ${current.versionId}) was not deployed yet: resumed at the redeploy`);
        const old = p.previousVersionId
            ? await ctx.secrets.value(secretId, { versionId: p.previousVersionId })
            : undefined;
        await syncCredentials(p, ctx, steps, current.versionId, current.value);
        return finishTail(p, ctx, steps, outcome, current.versionId, old);
    }
    const token = p.nextToken;
    const value = await steps.run(name, 'new-value', async () => {
        const made = await driver.newValue(current.value);
        if (made !== undefined)
            ctx.mask(made);
        return made;
    });
    if (value === undefined) {
        outcome.notes.push('the value is already up to date: nothing to rotate');
        steps.record(name, 'nothing-to-rotate', 'skipped', 'already up to date', ctx.clock.now());
        return outcome;
    }
    await steps.run(name, 'put-pending', async () => {
        // Staging is the point where two runs exclude each other. Both runs from the same
        // AWSCURRENT ask for the same version id: with different values Secrets Manager refuses
        // the second (VersionExists); with the same value (rds-managed: both rebuild the URL from
        // the managed secret) it ignores the second request, labels included, so a label only
        // this run puts on tells whether this run made the version.
        const mine = stagingLabel();
        try {
            await ctx.secrets.put(secretId, token, value, ['AWSPENDING', UNDEPLOYED, mine]);
        }
        catch (error) {
            if (!(error instanceof secrets_manager/* VersionExists */.NT))
                throw error;
            throw inProgress(name, secretId, `another run started from the same AWSCURRENT (version ${current.versionId}) and staged version ${token} first`, ctx.environment);
        }
        const now = await ctx.secrets.describe(secretId);
        if (!now.stages[token]?.includes(mine))
            throw inProgress(name, secretId, `another run started from the same AWSCURRENT (version ${current.versionId}) and staged version ${token}, with the same value, first`, ctx.environment);
        await ctx.secrets.removeStage(secretId, mine, token);
        // Another writer from another AWSCURRENT may have taken AWSPENDING or moved AWSCURRENT.
        if (now.currentVersionId !== current.versionId ||
            !now.stages[token]?.includes('AWSPENDING')) {
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
            await ctx.secrets.removeStage(secretId, UNDEPLOYED, token);
            throw inProgress(name, secretId, `while this run staged version ${token}, AWSCURRENT moved to ${now.currentVersionId ?? '(none)'} and AWSPENDING is on ${now.unfinishedVersionId ?? '(none)'}; this run's version was withdrawn`, ctx.environment);
        }
    }, `version ${token}`);
    const applied = await applyAndTest(p, steps, value, current.value);
    if (!applied.ok && applied.refused) {
        // Nothing took the new value: take off this run's labels and nothing else (the state that
        // made the system refuse is someone else's, e.g. another change of the master password).
        await steps.run(name, 'withdraw-pending', async () => {
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
            await ctx.secrets.removeStage(secretId, UNDEPLOYED, token);
        });
        const what = `${applied.why}; this run's version ${token} was withdrawn, the database was not touched and AWSCURRENT did not move`;
        if (applied.refused.anotherChange)
            throw inProgress(name, secretId, what, ctx.environment);
        throw new RotationRefused(`${name}: ${what}; run again once it is available`);
    }
    if (!applied.ok) {
        await steps.run(name, 'undo', async () => {
            if (!(await driver.works(current.value, false)))
                await driver.restore(current.value);
            if (!(await driver.works(current.value, true)))
                throw new errors/* DomainFailure */.dY(`${name}: the old value does not log in after the undo`);
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
            await ctx.secrets.removeStage(secretId, UNDEPLOYED, token);
        });
        outcome.result = 'undone';
        throw new RotationUndone(`${name}: the new value did not work (${applied.why}); undone: the old ${types_DATABASE_KINDS.includes(secret.kind) ? 'password' : 'value'} works and AWSCURRENT did not move`);
    }
    return finish(p, ctx, steps, outcome, token, value, current);
}
async function applyAndTest(p, steps, value, current) {
    const { driver } = p;
    const name = p.secret.name;
    const [applyName, settleName] = driver.applySteps;
    try {
        if (applyName)
            await steps.run(name, applyName, () => driver.apply(value, current));
        if (settleName === 'wait-applied')
            await steps.run(name, settleName, () => driver.settle());
    }
    catch (error) {
        return {
            ok: false,
            why: (0,errors/* errorMessage */.gJ)(error),
            refused: error instanceof ApplyRefused ? error : undefined,
        };
    }
    if (!types_DATABASE_KINDS.includes(p.secret.kind))
        return { ok: true };
    const works = await steps.run(name, 'test-login', () => driver.works(value, true));
    return works ? { ok: true } : { ok: false, why: 'the pending DATABASE_URL does not log in' };
}
/** Moves AWSCURRENT to a version whose value was just shown to work, then redeploys. */
async function finish(p, ctx, steps, outcome, versionId, value, old) {
    const { secret, secretId, driver } = p;
    const previousId = secret['previous-secret-id'];
    const nextId = secret['next-secret-id'];
    if (nextId)
        await acceptFirst(p, ctx, steps, outcome, nextId, versionId, value);
    else if (previousId)
        outcome.notes.push(`one phase: while the redeploy rolls out, instances still on the old key refuse tokens the new instances sign; give ${secret.name} a next-secret-id (and the app JWT_SECRET_NEXT as an accepted key) to rotate in two phases`);
    if (previousId)
        await steps.run(secret.name, 'write-previous', 
        // The old value goes to the previous-secret first, so sessions signed with it survive.
        // Its token is the new version's id, so a resumed run writes the same thing again; a
        // repeated request is ignored by Secrets Manager, stages included, hence the move.
        async () => {
            await ctx.secrets.put(previousId, versionId, old.value, ['AWSCURRENT']);
            await ctx.secrets.moveStage(previousId, 'AWSCURRENT', versionId, 'read');
        }, previousId);
    await steps.run(secret.name, 'move-current', async () => {
        try {
            await ctx.secrets.moveStage(secretId, 'AWSCURRENT', versionId, old.versionId);
        }
        catch (error) {
            if (!(error instanceof secrets_manager/* StageMoved */.Ux))
                throw error;
            // Another writer made its own version current meanwhile: give it back its service.
            if (error.holder) {
                const theirs = await ctx.secrets.value(secretId, { versionId: error.holder });
                if (!(await driver.works(theirs.value, false)))
                    await driver.restore(theirs.value);
            }
            await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
            await ctx.secrets.removeStage(secretId, UNDEPLOYED, versionId);
            throw new errors/* DomainFailure */.dY(`${secret.name}: another writer moved AWSCURRENT of ${secretId} to version ${error.holder ?? '(none)'} while this run rotated it; this run's version ${versionId} was withdrawn and AWSCURRENT left as that writer set it`);
        }
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
    }, `version ${versionId}; ${old.versionId} is AWSPREVIOUS`);
    await syncCredentials(p, ctx, steps, versionId, value);
    return finishTail(p, ctx, steps, outcome, versionId, old);
}
/**
 * Phase one of a two-phase key rotation: the new key goes to the next-secret, which the app
 * accepts but never signs with, and a redeploy makes every instance accept it, before any
 * instance signs with it. During that rollout every instance signs with the current key, which
 * all of them accept; during the second one (the new key becomes JWT_SECRET, the old one
 * JWT_SECRET_PREVIOUS) old instances accept the new key as the next one and new instances the
 * old key as the previous one. A one-phase rotation lets new instances sign with a key old
 * instances do not know, so their tokens are refused (401) wherever the rollout still routes to
 * an old instance, and ECS's canary alarm may count those and roll the rotation back.
 * AWSCURRENT has not moved yet: a failure here leaves the signing key as it was.
 */
async function acceptFirst(p, ctx, steps, outcome, nextId, versionId, value) {
    const { secret, secretId } = p;
    // The token is the new version's id, so a resumed run writes the same thing again; Secrets
    // Manager ignores a repeated request, stages included, hence the move.
    await steps.run(secret.name, 'write-next', async () => {
        await ctx.secrets.put(nextId, versionId, value, ['AWSCURRENT']);
        await ctx.secrets.moveStage(nextId, 'AWSCURRENT', versionId, 'read');
    }, nextId);
    // A resumed rotation whose first redeploy ended: a successful deployment that started after
    // the next key was written runs it on every instance.
    const written = await ctx.secrets.currentVersion(nextId);
    const deployedAt = await ctx.target.lastDeployedAt();
    if (written && deployedAt && deployedAt.getTime() > written.createdAt.getTime()) {
        outcome.notes.push(`the new key (version ${versionId}) was already deployed as an accepted key by ${deployedAt.toISOString()}: phase one not repeated`);
        steps.record(secret.name, 'accept-start-deployment', 'skipped', 'already deployed', ctx.clock.now());
        return;
    }
    const failure = await redeployAndVerify(ctx, steps, secret.name, 'accept-');
    if (failure === undefined) {
        outcome.notes.push(`phase one: every instance accepts the new key (${nextId}) before any signs with it`);
        return;
    }
    await steps.run(secret.name, 'undo-pending', async () => {
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
        await ctx.secrets.removeStage(secretId, UNDEPLOYED, versionId);
    });
    outcome.result = 'undone';
    // The next-secret keeps the new key: accepted, never signed with, and replaced by the next
    // rotation; putting it back would take another redeploy of a service that just failed one.
    throw new RotationUndone(`${secret.name}: the redeploy that makes every instance accept the new key failed (${failure}); rotation undone: AWSCURRENT did not move, every instance signs with the old key \u2014 investigate the service, then rotate again`);
}
/**
 * Database kinds: a separate secret-id holding {"username","password"} follows DATABASE_URL,
 * with the DATABASE_URL version's id as token. That token exists already when going back to a
 * version it once followed (an undo): Secrets Manager then ignores the request, stages
 * included, so AWSCURRENT is moved to it explicitly.
 */
async function syncCredentials(p, ctx, steps, versionId, url) {
    const { secret, secretId } = p;
    if (!types_DATABASE_KINDS.includes(secret.kind) || secret['secret-id'] === secretId)
        return;
    const { user, password } = (0,values/* credentialsOf */.YN)(url, secret.name);
    const id = secret['secret-id'];
    await steps.run(secret.name, 'sync-credentials', async () => {
        await ctx.secrets.put(id, versionId, JSON.stringify({ username: user, password }), [
            'AWSCURRENT',
        ]);
        await ctx.secrets.moveStage(id, 'AWSCURRENT', versionId, 'read');
    });
}
async function finishTail(p, ctx, steps, outcome, versionId, old) {
    const { secret, secretId, driver } = p;
    const failure = await redeployAndVerify(ctx, steps, secret.name);
    if (failure === undefined) {
        await steps.run(secret.name, 'mark-deployed', () => ctx.secrets.removeStage(secretId, UNDEPLOYED, versionId));
        outcome.result = 'rotated';
        outcome.versionId = versionId;
        outcome.rotatedAt = new Date(ctx.clock.now()).toISOString();
        return outcome;
    }
    if (!old)
        throw new errors/* DomainFailure */.dY(`${secret.name}: the redeploy failed (${failure}) and there is no AWSPREVIOUS version to go back to; investigate the service`);
    // Undo: the old value must work again before AWSCURRENT goes back to it.
    await steps.run(secret.name, 'undo-restore', async () => {
        if (!(await driver.works(old.value, false)))
            await driver.restore(old.value);
    });
    await steps.run(secret.name, 'undo-move-current', async () => {
        await ctx.secrets.moveStage(secretId, 'AWSCURRENT', old.versionId, versionId);
        await ctx.secrets.moveStage(secretId, UNDEPLOYED, old.versionId, 'read');
    });
    await syncCredentials(p, ctx, steps, old.versionId, old.value);
    const again = await redeployAndVerify(ctx, steps, secret.name, 'undo-');
    if (again === undefined)
        await steps.run(secret.name, 'undo-mark-deployed', () => ctx.secrets.removeStage(secretId, UNDEPLOYED, old.versionId));
    outcome.result = 'undone';
    outcome.versionId = old.versionId;
    throw new RotationUndone(again === undefined
        ? `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone: AWSCURRENT is the old version ${old.versionId} again and the service is healthy on it`
        : `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone (AWSCURRENT is the old version ${old.versionId}) but the service is still unhealthy (${again}) \u2014 investigate now`);
}

;// CONCATENATED MODULE: ./core/rotation/steps.ts

/**
 * Every step of a rotation with its duration, for the summary. `step done: <secret> <step>` is
 * logged after each one: it says where a lost run stopped, and the fault tests kill on it.
 */
class StepLog {
    clock;
    logger;
    steps = [];
    constructor(clock, logger) {
        this.clock = clock;
        this.logger = logger;
    }
    async run(secret, name, fn, detail = '') {
        const startedAt = this.clock.now();
        try {
            const value = await fn();
            this.record(secret, name, 'ok', detail, startedAt);
            return value;
        }
        catch (error) {
            this.record(secret, name, 'failed', (0,errors/* errorMessage */.gJ)(error), startedAt);
            throw error;
        }
    }
    record(secret, name, status, detail, startedAt) {
        this.steps.push({
            secret,
            name,
            status,
            detail,
            startedAt,
            durationMs: this.clock.now() - startedAt,
        });
        this.logger.info(`step ${status === 'ok' ? 'done' : status}: ${secret} ${name}${detail ? ` (${detail})` : ''}`);
    }
}

;// CONCATENATED MODULE: ./core/rotation/run.ts
/**
 * One rotate-secret run: choose the secrets (a name, or `due`), preflight all of them (nothing
 * changes), then rotate them one by one, and record each (audit row, Slack, summary).
 */











/**
 * The secrets a request names, checked against the configuration before any call: an unknown
 * name, an external secret, or a database kind without a database is one clear error.
 */
function selectSecrets(request, secrets, environment, hasDatabase) {
    const names = secrets.map((s) => s.name);
    let chosen;
    if (request.secret === 'due')
        chosen = secrets.filter((s) => s['rotate-every-days'] !== undefined);
    else {
        const found = secrets.find((s) => s.name === request.secret);
        if (!found)
            throw new errors/* InputError */.dz('secret', `"${request.secret}" is not a secret of environment ${environment}; expected one of ${names.length ? names.join(', ') : '(none configured under secrets:)'} or "due"`);
        if (found.kind === 'external')
            throw new errors/* InputError */.dz('secret', `${found.name} is kind external (issued by a third party): rotate-secret never generates it; rotate it with its issuer and store the new value with aws secretsmanager put-secret-value`);
        chosen = [found];
    }
    for (const s of chosen)
        if (types_DATABASE_KINDS.includes(s.kind) && !hasDatabase)
            throw new errors/* InputError */.dz('secret', `${s.name} is kind ${s.kind}, which needs environments.${environment}.database.instance in the configuration`);
    return chosen;
}
const run_DAY = 86_400_000;
/**
 * For `due`: an unfinished rotation (whichever run left it), an AWSCURRENT not deployed yet,
 * an AWSCURRENT older than rotate-every-days (its version's creation date: LastChangedDate
 * moves on any change, an undone rotation or a tag), or, for rds-managed, a managed master
 * secret RDS rotated after DATABASE_URL was built.
 */
async function isDue(secret, ctx) {
    const secretId = rotatedSecretId(secret);
    const d = await ctx.secrets.describe(secretId);
    if (d.unfinishedVersionId)
        return {
            due: true,
            why: `an unfinished rotation (AWSPENDING on version ${d.unfinishedVersionId}) is waiting`,
        };
    if (d.currentVersionId && d.stages[d.currentVersionId]?.includes(UNDEPLOYED))
        return {
            due: true,
            why: `AWSCURRENT (version ${d.currentVersionId}) is not deployed yet: the redeploy is left`,
        };
    const current = await ctx.secrets.currentVersion(secretId);
    const made = current?.createdAt.getTime() ?? d.lastChangedAt?.getTime() ?? 0;
    // A value put after the service last deployed (by hand, or by a run lost before its
    // redeploy that predates the label) is not what the service runs.
    const deployedAt = await lastDeployed(ctx);
    if (secret.kind !== 'external' && current && deployedAt && made > deployedAt.getTime())
        return {
            due: true,
            why: `AWSCURRENT (version ${current.versionId}, made ${current.createdAt.toISOString()}) is newer than the service's last deployment (${deployedAt.toISOString()})`,
        };
    if (secret.kind === 'rds-managed' && ctx.rds) {
        const arn = (await ctx.rds.describe()).MasterUserSecret?.SecretArn;
        const managed = arn ? await ctx.secrets.currentVersion(arn) : undefined;
        if (managed && managed.createdAt.getTime() > made)
            return {
                due: true,
                why: `RDS rotated its managed master secret at ${managed.createdAt.toISOString()}, after DATABASE_URL was built`,
            };
    }
    const ageDays = (ctx.clock.now() - made) / run_DAY;
    const every = secret['rotate-every-days'];
    return {
        due: ageDays >= every,
        why: `AWSCURRENT is ${Math.floor(ageDays)} days old (every ${every} days)`,
    };
}
const deployedAtOf = new WeakMap();
/** The service's last deployment, asked once per run. */
function lastDeployed(ctx) {
    let at = deployedAtOf.get(ctx);
    if (!at) {
        at = ctx.target.lastDeployedAt();
        deployedAtOf.set(ctx, at);
    }
    return at;
}
async function runRotation(request, ctx) {
    const steps = new StepLog(ctx.clock, ctx.logger);
    const candidates = selectSecrets(request, ctx.env.secrets ?? [], ctx.environment, ctx.env.database !== undefined);
    const reminders = [];
    let chosen = candidates;
    if (request.secret === 'due') {
        chosen = [];
        for (const s of candidates) {
            const { due, why } = await isDue(s, ctx);
            if (s.kind === 'external') {
                if (due)
                    reminders.push(`${s.name} (external) is due for rotation with its issuer: ${why}`);
                continue;
            }
            ctx.logger.info(`${s.name}: ${due ? 'due' : 'not due'} (${why})`);
            if (due)
                chosen.push(s);
        }
        for (const r of reminders)
            ctx.logger.warning(r);
    }
    // Nothing changed when a preflight stops the run: it ends here, recorded (summary, commit
    // status) like any other.
    const stopped = async (s, error) => {
        const what = `${error instanceof errors/* DomainFailure */.dY || error instanceof RotationRefused ? '' : `${s.name}: preflight stopped by an error: `}${(0,errors/* errorMessage */.gJ)(error)}${/nothing was changed$/.test((0,errors/* errorMessage */.gJ)(error)) ? '' : '; nothing was changed'}`;
        if (!request.dryRun)
            await commitStatus(request, ctx, false, []);
        return {
            ok: false,
            headline: what,
            outcomes: [
                {
                    name: s.name,
                    kind: s.kind,
                    secretId: rotatedSecretId(s),
                    result: 'failed',
                    notes: [what],
                },
            ],
            reminders,
            retired: [],
            steps,
            plan: [],
        };
    };
    // Preflight every secret before the first change.
    const preflights = [];
    for (const s of chosen) {
        try {
            preflights.push(await preflight(s, ctx, steps));
        }
        catch (error) {
            return stopped(s, error);
        }
    }
    // Previous keys past their grace-days, except those this run rotates (their previous-secret
    // gets the old value anew).
    const expired = (await previousKeyAges(ctx.env.secrets ?? [], ctx.secrets, ctx.clock)).filter((a) => a.expired && !chosen.includes(a.secret));
    // What the redeploy runs: the digest running now, whatever its tag names by then.
    const first = preflights[0]?.secret ?? expired[0]?.secret;
    if (first) {
        try {
            ctx.redeployImage = await steps.run(first.name, 'pin-running-image', () => runningImagePin(ctx.target));
        }
        catch (error) {
            return stopped(first, error);
        }
    }
    const plan = [
        ...(ctx.redeployImage
            ? [
                `the service is configured by tag: every redeploy runs ${ctx.redeployImage} (what runs now) and pins it`,
            ]
            : []),
        ...expired.map((a) => `${describeAge(a)}: replace it with an unknowable key, then ${preflights.length ? 'the rotation\u2019s redeploy' : 'StartDeployment \u2192 follow \u2192 verify health'}`),
        ...preflights.map((p) => `${p.secret.name} (${p.secret.kind}, ${p.secretId}): ${p.undeployed && !p.unfinished
            ? `redeploy and verify (AWSCURRENT ${p.current.versionId} is not deployed yet)`
            : `${p.unfinished ? `finish or undo the unfinished rotation ${p.unfinished.versionId}, then ` : ''}new version ${p.nextToken} as AWSPENDING \u2192 ${[...p.driver.applySteps, ...(types_DATABASE_KINDS.includes(p.secret.kind) ? ['test-login'] : [])].join(' \u2192 ') || 'no apply step'}${p.secret['next-secret-id'] ? ` \u2192 new key to ${p.secret['next-secret-id']} (accepted, not signing) \u2192 StartDeployment \u2192 follow \u2192 verify health` : ''}${p.secret['previous-secret-id'] ? ` \u2192 old value to ${p.secret['previous-secret-id']}` : ''} \u2192 move AWSCURRENT \u2192 StartDeployment \u2192 follow \u2192 verify health`}`),
    ];
    if (request.dryRun) {
        return {
            ok: true,
            headline: `Dry run: ${preflights.length} secret(s) would be rotated${expired.length ? ` and ${expired.length} previous key(s) retired` : ''} in ${ctx.environment}; nothing changed`,
            outcomes: preflights.map((p) => ({
                name: p.secret.name,
                kind: p.secret.kind,
                secretId: p.secretId,
                result: 'planned',
                notes: [],
            })),
            reminders,
            retired: [],
            steps,
            plan,
        };
    }
    const failures = [];
    const retired = [];
    for (const a of expired) {
        await steps.run(a.secret.name, 'retire-previous', () => retirePreviousKey(a, ctx.secrets, retirementToken(ctx.run, ctx.environment, a.previousSecretId)), a.previousSecretId);
        retired.push(`previous key of ${a.secret.name} (${a.previousSecretId}) retired after ${Math.floor(a.ageDays)} days (grace-days ${a.graceDays})`);
    }
    // Nothing else redeploys: the service must stop holding the retired key now.
    if (retired.length > 0 && preflights.length === 0) {
        const failure = await redeployAndVerify(ctx, steps, 'previous keys');
        if (failure)
            failures.push(`redeploy after retiring the previous keys failed: ${failure}`);
    }
    const outcomes = [];
    for (const p of preflights) {
        try {
            const outcome = await rotateSecret(p, ctx, steps);
            outcomes.push(outcome);
            if (outcome.result === 'rotated')
                await record(outcome, request, ctx, steps);
        }
        catch (error) {
            const undone = error instanceof RotationUndone;
            // Whatever stopped it (an AWS error included), the run ends with a summary, a commit
            // status and the state the secret was left in: that is what the next person needs.
            const known = error instanceof errors/* DomainFailure */.dY || error instanceof RotationRefused;
            const left = await stateLeft(p, ctx);
            const what = `${known ? '' : `${p.secret.name}: stopped by an error: `}${(0,errors/* errorMessage */.gJ)(error)}${left ? ` \u2014 ${left}` : ''}`;
            outcomes.push({
                name: p.secret.name,
                kind: p.secret.kind,
                secretId: p.secretId,
                result: undone ? 'undone' : 'failed',
                notes: [what],
            });
            failures.push(what);
            await notify(request, ctx, `:warning: Rotation of ${p.secret.name} in ${ctx.environment} ${undone ? 'was undone' : 'failed'}`, { reason: request.reason, what });
        }
    }
    const rotated = outcomes.filter((o) => o.result === 'rotated').map((o) => o.name);
    await commitStatus(request, ctx, failures.length === 0, rotated);
    const headline = failures.length > 0
        ? failures.join('; ')
        : rotated.length > 0
            ? `Rotated ${rotated.join(', ')} in ${ctx.environment}; the service is healthy on the new values`
            : retired.length > 0
                ? `Retired ${retired.length} previous key(s) in ${ctx.environment}; the service is healthy without them`
                : `Nothing to rotate in ${ctx.environment}${request.secret === 'due' ? ' (no secret is due)' : ''}`;
    return { ok: failures.length === 0, headline, outcomes, reminders, retired, steps, plan };
}
/** The labels a stopped rotation left on its secret, for people (ids only); '' if unreadable. */
async function stateLeft(p, ctx) {
    try {
        const d = await ctx.secrets.describe(p.secretId);
        const undeployed = d.currentVersionId && d.stages[d.currentVersionId]?.includes(UNDEPLOYED);
        return `left: AWSCURRENT is version ${d.currentVersionId ?? '(none)'}${undeployed ? ' (not deployed yet)' : ''}${d.unfinishedVersionId ? `, AWSPENDING on version ${d.unfinishedVersionId} (a re-run with unfinished: resume finishes or undoes it)` : ', no AWSPENDING'}`;
    }
    catch (error) {
        return `the state left could not be read (${(0,errors/* errorMessage */.gJ)(error)})`;
    }
}
async function notify(request, ctx, headline, fields) {
    if (!request.slackWebhookUrl)
        return;
    try {
        await postToSlack(request.slackWebhookUrl, slackMessage(headline, { environment: ctx.environment, ...fields }, {
            text: 'the run',
            url: ctx.run.runUrl,
        }), { clock: ctx.clock, logger: ctx.logger });
    }
    catch (error) {
        ctx.logger.warning(`Slack message not sent: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** The audit row (as the runbook has it) and the Slack message: names and ids, never a value. */
async function record(outcome, request, ctx, steps) {
    const auditUrl = request.auditDatabaseUrl;
    const startedAt = ctx.clock.now();
    if (auditUrl) {
        try {
            await writeAuditEntry(auditUrl, {
                action: 'secret_rotated',
                resourceType: 'secret',
                resourceId: outcome.name,
                details: {
                    rotated_at: outcome.rotatedAt,
                    version_id: outcome.versionId,
                    kind: outcome.kind,
                    reason: request.reason,
                    environment: ctx.environment,
                    secret_id: outcome.secretId,
                },
                actor: ctx.run.actor,
                runUrl: ctx.run.runUrl,
            });
            steps.record(outcome.name, 'audit-row', 'ok', 'audit_log secret_rotated', startedAt);
        }
        catch (error) {
            steps.record(outcome.name, 'audit-row', 'failed', (0,errors/* errorMessage */.gJ)(error), startedAt);
            ctx.logger.warning(`audit_log row not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    await notify(request, ctx, `:key: Rotated ${outcome.name} in ${ctx.environment}`, {
        kind: outcome.kind,
        version: outcome.versionId ?? '',
        reason: request.reason,
        ...(outcome.notes.length ? { notes: outcome.notes.join(' ') } : {}),
    });
}
/** A commit status on the run's commit: the GitHub record of the rotation (names, never values). */
async function commitStatus(request, ctx, ok, rotated) {
    if (!request.githubToken || !ctx.run.sha)
        return;
    const [owner, repo] = ctx.run.repository.split('/');
    try {
        const octokit = createOctokit(request.githubToken, {
            apiUrl: ctx.run.apiUrl,
            logger: ctx.logger,
        });
        await octokit.rest.repos.createCommitStatus({
            owner: owner ?? '',
            repo: repo ?? '',
            sha: ctx.run.sha,
            state: ok ? 'success' : 'failure',
            context: `apprunner-ops/rotate-secret (${ctx.environment})`,
            description: (ok
                ? `Rotated ${rotated.join(', ') || 'nothing'}`
                : 'Rotation failed or was undone').slice(0, 140),
            target_url: ctx.run.runUrl,
        });
    }
    catch (error) {
        ctx.logger.warning(`GitHub commit status not recorded: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 7226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ renderRotation)
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

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/rotation/summary.ts


const ICON = {
    rotated: '\u2705 rotated',
    unchanged: '\u2796 unchanged',
    undone: '\u21a9\ufe0f undone',
    failed: '\u274c failed',
    planned: '\ud83d\udcdd planned',
};
/** The job summary: the outcome per secret, then every step with its duration. Never a value. */
function renderRotation(outcome, environment) {
    const summary = new Summary();
    summary.heading(`Secret rotation \u2014 ${environment}`, 2);
    summary.paragraph(`${outcome.ok ? '\u2705' : '\u274c'} ${outcome.headline}`);
    if (outcome.outcomes.length > 0)
        summary.table(['secret', 'kind', 'result', 'AWSCURRENT version', 'notes'], outcome.outcomes.map((o) => [
            o.name,
            o.kind,
            ICON[o.result] ?? o.result,
            o.versionId ?? '',
            o.notes.join(' '),
        ]));
    if (outcome.retired.length > 0)
        summary.heading('Previous keys retired', 3).list(outcome.retired);
    if (outcome.reminders.length > 0)
        summary.heading('Reminders', 3).list(outcome.reminders);
    if (outcome.plan.length > 0 && outcome.outcomes.every((o) => o.result === 'planned'))
        summary.heading('Plan', 3).list(outcome.plan);
    if (outcome.steps.steps.length > 0)
        summary.heading('Steps', 3).table(['secret', 'step', 'status', 'duration', 'detail'], outcome.steps.steps.map((s) => [
            s.secret,
            s.name,
            s.status,
            (0,duration/* formatDuration */.a3)(s.durationMs),
            s.detail,
        ]));
    return summary;
}


/***/ }),

/***/ 4701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ tryLogin),
/* harmony export */   YN: () => (/* binding */ credentialsOf),
/* harmony export */   Z1: () => (/* binding */ randomValue),
/* harmony export */   cT: () => (/* binding */ withoutSecrets),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   p_: () => (/* binding */ loginWithin),
/* harmony export */   rd: () => (/* binding */ databasePassword),
/* harmony export */   tE: () => (/* binding */ withCredentials),
/* harmony export */   v0: () => (/* binding */ scramVerifier)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5142);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8729);
/**
 * New values and DATABASE_URLs. Values never reach a log line: callers log names and version
 * ids only, and errors from here never quote a URL.
 */



/** `bytes` from the CSPRNG, base64 (like `openssl rand -base64 48`). */
function randomValue(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(bytes).toString('base64');
}
// Printable ASCII without what RDS refuses (/ " @ space) and what AWS's own rotation templates
// leave out (: ' \ `). % # ? & stay in on purpose: they prove the URL encoding.
const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.;<=>?[]^_{|}~';
/** A database password of `length` characters (8\u2013128) from the CSPRNG. */
function databasePassword(length) {
    if (length < 8 || length > 128)
        throw new Error('a database password has 8\u2013128 characters');
    return Array.from({ length }, () => PASSWORD_ALPHABET[(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomInt)(PASSWORD_ALPHABET.length)]).join('');
}
/** Reads user and password from a postgres:// URL; throws a message without the URL. */
function credentialsOf(url, what) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new Error(`${what} is not a URL (expected postgres://user:password@host:port/db)`);
    }
    if (!/^postgres(ql)?:$/.test(parsed.protocol) || !parsed.username)
        throw new Error(`${what} is not a postgres:// URL with a user`);
    return {
        user: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
    };
}
/** The same URL with other credentials, both percent-encoded (`% # ? &` would break it). */
function withCredentials(url, user, password) {
    const parsed = new URL(url);
    parsed.username = encodeURIComponent(user);
    parsed.password = encodeURIComponent(password);
    return parsed.href;
}
/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802/7677, 4096
 * iterations, a random 16-byte salt), computed here so CREATE/ALTER ROLE \u2026 PASSWORD sends the
 * verifier and never the cleartext: a statement is logged with log_statement=ddl or when it
 * fails, and from there exported to CloudWatch. Our passwords are printable ASCII, which
 * SASLprep leaves as it is.
 */
function scramVerifier(password, salt = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16)) {
    const iterations = 4096;
    const salted = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.pbkdf2Sync)(password, salt, iterations, 32, 'sha256');
    const clientKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', salted).update('Client Key').digest();
    const storedKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(clientKey).digest();
    const serverKey = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', salted).update('Server Key').digest();
    return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
/** Every form a value could be printed in: itself, and a URL's or JSON's password. */
function secretForms(value) {
    const forms = [value];
    try {
        const url = new URL(value);
        if (url.password)
            forms.push(url.password, decodeURIComponent(url.password));
    }
    catch {
        // not a URL
    }
    if (value.startsWith('{'))
        try {
            const parsed = JSON.parse(value);
            if (typeof parsed.password === 'string')
                forms.push(parsed.password);
        }
        catch {
            // not JSON
        }
    return [...new Set(forms.filter((f) => f.length >= 6))];
}
/** A message with every form of `values` replaced by ***. */
function withoutSecrets(message, values) {
    let out = message;
    for (const form of values.flatMap(secretForms).sort((a, b) => b.length - a.length))
        out = out.split(form).join('***');
    return out;
}
/** A real connection and `SELECT 1`; the error is pg's (it names the user, never the password). */
async function tryLogin(url) {
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__/* .pgClient */ .Te)({
        connectionString: url,
        connectionTimeoutMillis: 5_000,
        statement_timeout: 5_000,
    });
    try {
        await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__/* .usePgClient */ .MK)(client, (c) => c.query('SELECT 1'));
        return { ok: true };
    }
    catch (error) {
        const message = error.message;
        return { ok: false, error: withoutSecrets(message, [url]) };
    }
}
/** Logs in, trying again until `withinMs` passes (a new password can take a moment). */
async function loginWithin(url, what, withinMs, intervalMs, deps) {
    const deadline = deps.clock.now() + withinMs;
    let last;
    for (let attempt = 1;; attempt++) {
        const result = await tryLogin(url);
        if (result.ok)
            return result;
        last = result;
        if (deps.clock.now() + intervalMs > deadline)
            break;
        deps.logger.info(`  login with ${what} failed (attempt ${attempt}: ${result.error}); trying again`);
        await deps.clock.sleep(intervalMs);
    }
    deps.logger.info(`  login with ${what} still failing after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(withinMs)}`);
    return last;
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

/***/ 8791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, Math.max(0, ms));
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};


/***/ }),

/***/ 676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SS: () => (/* binding */ requestJson),
/* harmony export */   j$: () => (/* binding */ HttpError),
/* harmony export */   vQ: () => (/* binding */ neverSent)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9891);

class HttpError extends Error {
    status;
    url;
    body;
    retryAfterMs;
    name = 'HttpError';
    constructor(status, url, body, 
    /** What a 429 or 503 asked for in Retry-After (seconds), in ms. */
    retryAfterMs) {
        super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
        this.status = status;
        this.url = url;
        this.body = body;
        this.retryAfterMs = retryAfterMs;
    }
}
/** The connection was refused or the host not found: the request never reached the service. */
function neverSent(error) {
    const code = error?.cause?.code;
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}
/**
 * A JSON request to Slack or BetterStack (GitHub goes through Octokit, core/github) with a
 * per-attempt deadline and bounded retries. `label` names the call in logs (never a URL that
 * could hold a secret, such as a Slack webhook).
 *
 * An idempotent request (the default) is retried on 429, 5xx and network errors. One that is
 * not (`idempotent: false`, e.g. posting a message) is retried only when the service cannot
 * have acted on it: a 429, or a connection that was never made. After a 5xx or a lost answer
 * it may have been applied, so it is not sent again.
 */
async function requestJson(label, url, init, deps) {
    const idempotent = init.idempotent ?? true;
    const doFetch = deps.fetch ?? fetch;
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L)(async () => {
        const response = await doFetch(url, {
            method: init.method,
            headers: {
                accept: 'application/json',
                ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
                ...init.headers,
            },
            ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
            signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
        });
        const text = await response.text();
        if (!response.ok)
            throw new HttpError(response.status, label, text, retryAfterMs(response.headers.get('retry-after')));
        if (!text)
            return undefined;
        try {
            return JSON.parse(text);
        }
        catch {
            return text;
        }
    }, {
        label,
        attempts: 4,
        baseDelayMs: 500,
        maxDelayMs: 5_000,
        isRetryable: (error) => error instanceof HttpError
            ? error.status === 429 || (idempotent && error.status >= 500)
            : idempotent
                ? !(error instanceof SyntaxError)
                : neverSent(error),
        delayOf: (error) => (error instanceof HttpError ? error.retryAfterMs : undefined),
        clock: deps.clock,
        logger: deps.logger,
    });
}
/** Retry-After in seconds (the HTTP-date form is not used by the services the suite calls). */
function retryAfterMs(value) {
    if (value === null || !/^\d+$/.test(value.trim()))
        return undefined;
    return Number(value.trim()) * 1000;
}


/***/ }),

/***/ 9891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ retry)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

/** "ThrottlingException: Rate exceeded": the kind of error says more than its message. */
function describeError(error) {
    const name = error instanceof Error && error.name !== 'Error' ? error.name : undefined;
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error);
    return name && !message.startsWith(name) ? `${name}: ${message}` : message;
}
/**
 * The one retry helper: exponential backoff with full jitter, bounded attempts, and a log
 * line per retry saying what failed and when the next attempt is.
 */
async function retry(fn, options) {
    const random = options.random ?? Math.random;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (error) {
            if (attempt >= options.attempts || !options.isRetryable(error))
                throw error;
            const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
            const asked = options.delayOf?.(error);
            const delay = Math.max(Math.round(ceiling / 2 + (random() * ceiling) / 2), Math.min(asked ?? 0, options.maxRetryAfterMs ?? 60_000));
            options.logger.info(`${options.label}: attempt ${attempt}/${options.attempts} failed (${describeError(error)}); retrying in ${delay}ms`);
            await options.clock.sleep(delay, options.signal);
        }
    }
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
