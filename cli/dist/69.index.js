export const id = 69;
export const ids = [69];
export const modules = {

/***/ 7069:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AM: () => (/* binding */ stringFlag),
/* harmony export */   P_: () => (/* binding */ noExtraPositionals),
/* harmony export */   XO: () => (/* binding */ confirmChange),
/* harmony export */   Ye: () => (/* binding */ loadEnvironment),
/* harmony export */   eQ: () => (/* binding */ configPath),
/* harmony export */   lB: () => (/* binding */ boolFlag),
/* harmony export */   lV: () => (/* binding */ missingRecords),
/* harmony export */   n8: () => (/* binding */ positional)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7978);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2586);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7608);




function stringFlag(args, name) {
    const value = args.flags.get(name);
    return typeof value === 'string' ? value : undefined;
}
function boolFlag(args, name) {
    return args.flags.get(name) === true;
}
function configPath(args, io) {
    return node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(io.cwd, stringFlag(args, 'config') ?? '.github/apprunner-ops.yml');
}
async function loadEnvironment(args, io, name) {
    const file = configPath(args, io);
    const config = await (0,_core_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfig */ .Z9)(file);
    return { config, env: (0,_core_config_load_js__WEBPACK_IMPORTED_MODULE_1__/* .selectEnvironment */ .aP)(config, name, file), file };
}
function positional(args, index, what, usage) {
    const value = args.positionals[index];
    if (value === undefined)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`missing ${what}; usage: ${usage}`);
    return value;
}
function noExtraPositionals(args, max, usage) {
    if (args.positionals.length > max)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`unexpected argument "${args.positionals[max]}"; usage: ${usage}`);
}
/**
 * A change to an environment that has required reviewers on GitHub is confirmed by typing its
 * name, as the reviewers would have approved it. `--yes` is for scripts.
 */
async function confirmChange(io, environment, env, what, yes) {
    if (yes || !env['required-reviewers'])
        return;
    const answer = await (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .ask */ .k)(io, `${what} in ${environment}, which has required reviewers on GitHub. Type "${environment}" to go on: `);
    if (answer === undefined)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${environment} has required reviewers: confirm on a terminal, or pass --yes from a script`);
    if (answer !== environment)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`not confirmed ("${answer}"); nothing was changed`);
}
/** Says which records a run from this terminal will not leave, so nobody assumes them. */
function missingRecords(io, kind, commitKnown) {
    const missing = [];
    if (!io.env['GITHUB_TOKEN'])
        missing.push(`GITHUB_TOKEN is not set: the Deployments page will not show this ${kind}`);
    else if (!commitKnown)
        missing.push(`no commit is known (GITHUB_SHA is unset and this is not a git checkout): the Deployments page will not show this ${kind}`);
    if (!io.env['AUDIT_DATABASE_URL'])
        missing.push(`AUDIT_DATABASE_URL is not set: no audit_log row will be written`);
    if (!io.env['SLACK_WEBHOOK_URL'])
        missing.push(`SLACK_WEBHOOK_URL is not set: Slack will not hear of this ${kind}`);
    return missing;
}


/***/ }),

/***/ 3892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e2: () => (/* binding */ DEPLOY_RESOURCE_TYPE),
/* harmony export */   readAuditEntries: () => (/* binding */ readAuditEntries),
/* harmony export */   v3: () => (/* binding */ writeAuditEntry)
/* harmony export */ });
/* unused harmony export AUDIT_TABLE_DDL */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5142);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);



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
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_2__/* .pgClient */ .T)({
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
        const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
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
            throw new Error(`this role may not write audit_log (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}); GRANT INSERT ON audit_log TO ${who.user} (SELECT too, for rollback's history)`, { cause: error });
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
        throw new Error(`audit_log does not exist and this role may not create it: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}; create it once as the schema's owner, or GRANT CREATE ON SCHEMA ${who.schema} TO ${who.user}`, { cause: error });
    }
}
/** Newest first; used by rollback as a second source of history and by the demo. */
async function readAuditEntries(databaseUrl, filter = {}) {
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_2__/* .pgClient */ .T)({
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


/***/ }),

/***/ 2664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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


/***/ }),

/***/ 9750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ createAwsClients),
/* harmony export */   Z: () => (/* binding */ DEFAULT_AWS_REQUEST_TIMEOUT_MS)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2284);
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4085);
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(303);
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8249);
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7202);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2994);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1695);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1279);








const DEFAULT_AWS_REQUEST_TIMEOUT_MS = 30_000;
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
    const config = () => ({
        region,
        maxAttempts: 1,
        requestHandler: new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_0__.NodeHttpHandler({
            requestTimeout: limits.requestTimeoutMs,
            connectionTimeout: Math.min(limits.requestTimeoutMs, 10_000),
            throwOnRequestTimeout: true,
        }),
    });
    return {
        appRunner: new _aws_sdk_client_apprunner__WEBPACK_IMPORTED_MODULE_1__/* .AppRunnerClient */ .fpv(config()),
        ecr: new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ECRClient */ .S70(config()),
        rds: new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .RDSClient */ .rYe(config()),
        sts: new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_4__/* .STSClient */ .iM(config()),
        cloudWatch: new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_5__/* .CloudWatchClient */ .WBn(config()),
        cloudWatchLogs: new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_6__/* .CloudWatchLogsClient */ .TFr(config()),
        secretsManager: new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_7__/* .SecretsManagerClient */ ._H(config()),
    };
}


/***/ }),

/***/ 7148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NP: () => (/* binding */ albDimensions),
/* harmony export */   WV: () => (/* binding */ metricStatistics),
/* harmony export */   bm: () => (/* binding */ appRunnerTraffic),
/* harmony export */   d3: () => (/* binding */ appRunnerDimensions),
/* harmony export */   jH: () => (/* binding */ periodOf),
/* harmony export */   nY: () => (/* binding */ albTraffic)
/* harmony export */ });
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

/***/ 640:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EcrRepository: () => (/* binding */ EcrRepository)
/* harmony export */ });
/* unused harmony export ImageNotFound */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2664);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2435);




class ImageNotFound extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
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
        return (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('DescribeImages', async () => {
            try {
                const out = await this.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .DescribeImagesCommand */ .ji5({
                    registryId: this.location.registryId,
                    repositoryName: this.location.repository,
                    imageIds: [ref.kind === 'tag' ? { imageTag: ref.tag } : { imageDigest: ref.digest }],
                }));
                return out.imageDetails?.[0];
            }
            catch (error) {
                if ((0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(error) === 'ImageNotFoundException')
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
            uri: (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageUri */ .W_)(this.location, { kind: 'digest', digest: detail.imageDigest }),
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
        const images = [];
        let nextToken;
        for (let page = 0; page < 50; page++) {
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('DescribeImages', () => this.client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .DescribeImagesCommand */ .ji5({
                registryId: this.location.registryId,
                repositoryName: this.location.repository,
                filter: { tagStatus: 'TAGGED' },
                nextToken,
            })), this.deps);
            for (const d of out.imageDetails ?? []) {
                if (!d.imageDigest)
                    continue;
                images.push({
                    digest: d.imageDigest,
                    tags: d.imageTags ?? [],
                    ...(d.imagePushedAt ? { pushedAt: d.imagePushedAt } : {}),
                    uri: (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageUri */ .W_)(this.location, { kind: 'digest', digest: d.imageDigest }),
                });
            }
            nextToken = out.nextToken;
            if (!nextToken)
                break;
        }
        return images
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(0, limit);
    }
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
/* unused harmony exports DatabaseNotReady, isValidSnapshotId */
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7202);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4480);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2664);




class DatabaseNotReady extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'DatabaseNotReady';
}
/** RDS snapshot identifiers: letters, digits, hyphens; a letter first; no "--"; no trailing "-"; ≤ 255. */
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
        try {
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DescribeDBInstances', () => this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__.DescribeDBInstancesCommand({ DBInstanceIdentifier: this.instanceId })), this.deps);
            return out.DBInstances?.[0]?.DBInstanceStatus ?? 'unknown';
        }
        catch (error) {
            if ((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBInstanceNotFoundFault' ||
                (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBInstanceNotFound') {
                throw new DatabaseNotReady(`RDS instance ${this.instanceId} does not exist; check database.instance in the configuration`);
            }
            throw error;
        }
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
     * (a second deploy of the same commit within a minute) gets a "-2", "-3"… suffix; but when
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
            if ((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBSnapshotNotFoundFault' ||
                (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) === 'DBSnapshotNotFound')
                return undefined;
            throw error;
        }
    }
    /**
     * Our own bounded wait: the SDK's DBSnapshotCompleted waiter counts "not found" as done,
     * which would report a snapshot that never existed as complete.
     */
    async waitForSnapshot(id, timeoutMs, intervalMs) {
        return (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .waitFor */ .f)({
            what: `RDS snapshot ${id} to be available`,
            timeoutMs,
            intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const snapshot = await this.describeSnapshot(id);
                if (!snapshot)
                    return { done: false, status: 'not listed yet' };
                if (snapshot.Status === 'available')
                    return { done: true, value: snapshot };
                if (snapshot.Status === 'failed' || snapshot.Status === 'error') {
                    throw new DatabaseNotReady(`RDS snapshot ${id} failed (status ${snapshot.Status})`);
                }
                return { done: false, status: `${snapshot.Status} (${snapshot.PercentProgress ?? 0}%)` };
            },
        });
    }
    /** Manual snapshots of this instance whose id matches `own`, newest first. */
    async manualSnapshots(own) {
        const found = [];
        let marker;
        for (let page = 0; page < 100; page++) {
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsCall */ .uF)('DescribeDBSnapshots', () => this.client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBSnapshotsCommand */ .KKI({
                DBInstanceIdentifier: this.instanceId,
                SnapshotType: 'manual',
                Marker: marker,
                MaxRecords: 100,
            })), this.deps);
            found.push(
            // RDS lists identifiers lowercase, whatever case they were created with.
            ...(out.DBSnapshots ?? []).filter((s) => own.test((s.DBSnapshotIdentifier ?? '').toLowerCase())));
            marker = out.Marker;
            if (!marker)
                break;
        }
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
                const name = (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error);
                if (attempt > 1 && (name === 'DBSnapshotNotFoundFault' || name === 'DBSnapshotNotFound'))
                    return;
                throw error;
            }
        }, this.deps);
    }
}


/***/ }),

/***/ 9913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ SecretNotFound),
/* harmony export */   V: () => (/* binding */ SecretsStore)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2994);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2664);



class SecretNotFound extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'SecretNotFound';
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
        return { value: out.SecretString, versionId: out.VersionId ?? '' };
    }
    /** Idempotent by its token: the same token with the same value is accepted again. */
    async put(secretId, token, value, stages) {
        await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('PutSecretValue', () => this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .PutSecretValueCommand */ .cp({
            SecretId: secretId,
            ClientRequestToken: token,
            SecretString: value,
            VersionStages: stages,
        })), this.deps);
    }
    /** Every version (deprecated ones too), following NextToken (bounded: 20 pages). */
    async versions(secretId) {
        const versions = [];
        let next;
        for (let page = 0; page < 20; page++) {
            const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('ListSecretVersionIds', () => this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .ListSecretVersionIdsCommand */ .Af({
                SecretId: secretId,
                IncludeDeprecated: true,
                MaxResults: 100,
                NextToken: next,
            })), this.deps);
            versions.push(...(out.Versions ?? []));
            next = out.NextToken;
            if (!next)
                break;
        }
        return versions;
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
    /**
     * Puts `stage` on `versionId`. Read first, so a retry after a move that took effect (or a
     * re-run) does nothing instead of failing on a RemoveFromVersionId that moved on.
     */
    async moveStage(secretId, stage, versionId) {
        const { stages } = await this.describe(secretId);
        if (stages[versionId]?.includes(stage))
            return;
        const from = Object.entries(stages).find(([, labels]) => labels.includes(stage))?.[0];
        await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('UpdateSecretVersionStage', async (attempt) => {
            if (attempt > 1 && (await this.describe(secretId)).stages[versionId]?.includes(stage))
                return;
            await this.client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .UpdateSecretVersionStageCommand */ .be({
                SecretId: secretId,
                VersionStage: stage,
                MoveToVersionId: versionId,
                ...(from ? { RemoveFromVersionId: from } : {}),
            }));
        }, this.deps);
    }
    async removeStage(secretId, stage, versionId) {
        const { stages } = await this.describe(secretId);
        if (!stages[versionId]?.includes(stage))
            return;
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
}


/***/ }),

/***/ 8829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ percent),
/* harmony export */   z: () => (/* binding */ errorRate)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8816);
/* harmony import */ var _load_balancer_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3161);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9143);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5045);




/** Percent with two decimals, for lines people read. */
const percent = (ratio) => Math.round(ratio * 10_000) / 100;
/**
 * 5xx ÷ requests over a window (the runbooks' SLA "error rate"): App Runner's
 * 5xxStatusResponses ÷ Requests, or on ECS Express the load balancer's
 * HTTPCode_Target_5XX_Count ÷ RequestCount of the service's target groups. 5xx datapoints are
 * absent until the first 5xx: missing means zero, not "no data"; no requests at all is "no data".
 */
const errorRate = (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .defineCheck */ .q)({
    type: 'error-rate',
    description: 'The share of requests answered 5xx over the window stays at or below max-percent (App Runner: AWS/AppRunner 5xxStatusResponses ÷ Requests; ECS Express: AWS/ApplicationELB HTTPCode_Target_5XX_Count ÷ RequestCount of its target groups).',
    shape: {
        'max-percent': zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig().min(0).max(100).default(1),
        window: _fields_js__WEBPACK_IMPORTED_MODULE_1__/* .positiveDurationField */ .cU.default('1h'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const traffic = await (0,_load_balancer_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceTraffic */ .$)(ctx, (0,_fields_js__WEBPACK_IMPORTED_MODULE_1__/* .metricWindow */ .zV)(check.window, ctx.clock.now()));
        const { periods, source } = traffic;
        const requests = periods.reduce((n, p) => n + p.requests, 0);
        const errors = periods.reduce((n, p) => n + p.errors, 0);
        if (requests === 0)
            return {
                status: 'warn',
                line: `no data: no requests reached the service in the last ${check.window}`,
                observed: { requests: 0, errors, metrics: source },
            };
        const rate = percent(errors / requests);
        const observed = {
            requests,
            errors,
            errorPercent: rate,
            window: check.window,
            metrics: source,
        };
        if (rate <= check['max-percent'])
            return {
                status: 'pass',
                line: `${rate} % of ${requests} requests answered 5xx in the last ${check.window} (limit ${check['max-percent']} %)`,
                observed,
            };
        return {
            status: 'fail',
            line: `${rate} % of ${requests} requests answered 5xx in the last ${check.window}, above ${check['max-percent']} %: read the application logs and consider a rollback`,
            observed,
        };
    },
});


/***/ }),

/***/ 9143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $E: () => (/* binding */ databaseInstance),
/* harmony export */   XW: () => (/* binding */ remainingMs),
/* harmony export */   cU: () => (/* binding */ positiveDurationField),
/* harmony export */   zV: () => (/* binding */ metricWindow)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7148);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8729);



/** A duration longer than zero (`max-age: 0s` or `-1h` would make a check meaningless). */
const positiveDurationField = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .refine((text) => ((0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E)(text) ?? 0) > 0, {
    message: 'expected a positive duration like 90s, 24h or 1h30m',
})
    .describe('A duration greater than zero: a number with a unit (ms, s, m, h), e.g. 24h.');
/** The remaining time until a check's deadline, less a margin to answer in. */
function remainingMs(deadline, now, marginMs = 250) {
    return Math.max(0, deadline - now - marginMs);
}
/**
 * The metric window ending now: start, end and a CloudWatch period that keeps the datapoints
 * under the API's limit. The field is validated as a positive duration, so the fallback only
 * keeps the types honest.
 */
function metricWindow(window, now) {
    const windowMs = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E)(window) ?? 3_600_000;
    return { start: now - windowMs, end: now, periodSeconds: (0,_aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_0__/* .periodOf */ .jH)(windowMs) };
}
/** The environment's RDS instance, or the error result a database check gives without one. */
function databaseInstance(env) {
    return (env.database?.instance ?? {
        status: 'error',
        line: 'no database.instance in this environment: say which RDS instance to check',
    });
}


/***/ }),

/***/ 3161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ serviceTraffic),
/* harmony export */   B: () => (/* binding */ latencyRequests)
/* harmony export */ });
/* harmony import */ var _aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7148);
/* harmony import */ var _targets_ecs_express_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1133);
/* harmony import */ var _target_of_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3001);
/**
 * The request metrics of the environment's service, whichever the target: App Runner's own
 * (AWS/AppRunner), or the Application Load Balancer in front of an ECS Express service
 * (AWS/ApplicationELB by LoadBalancer and TargetGroup of the target groups the ECS target
 * finds in its revisions' ECS Managed Resources; the deploy's bake period reads the same).
 */



/** Requests, 5xx and p99 per period of the environment's service, and which metrics said so. */
async function serviceTraffic(ctx, window) {
    const target = (0,_target_of_js__WEBPACK_IMPORTED_MODULE_2__/* .checkTarget */ .e)(ctx);
    return { periods: await target.traffic(window), source: target.trafficMetrics };
}
/**
 * The metric requests whose p99 is the service's latency: App Runner's RequestLatency (ms), or
 * each target group's TargetResponseTime (seconds: `toMs` 1000).
 */
async function latencyRequests(ctx, window) {
    const target = (0,_target_of_js__WEBPACK_IMPORTED_MODULE_2__/* .checkTarget */ .e)(ctx);
    if (!(target instanceof _targets_ecs_express_js__WEBPACK_IMPORTED_MODULE_1__/* .EcsExpressTarget */ .jG))
        return {
            requests: [
                {
                    namespace: 'AWS/AppRunner',
                    metric: 'RequestLatency',
                    dimensions: (0,_aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_0__/* .appRunnerDimensions */ .d3)(ctx.env['service-arn']),
                    ...window,
                    percentiles: ['p99'],
                },
            ],
            toMs: 1,
            metric: 'RequestLatency',
        };
    const groups = await target.loadBalancerTargets();
    return {
        requests: groups.map((group) => ({
            namespace: 'AWS/ApplicationELB',
            metric: 'TargetResponseTime',
            dimensions: (0,_aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_0__/* .albDimensions */ .NP)(group),
            ...window,
            percentiles: ['p99'],
        })),
        toMs: 1000,
        metric: 'TargetResponseTime',
    };
}


/***/ }),

/***/ 3224:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ij: () => (/* binding */ checkId),
  bi: () => (/* binding */ checkItemSchema),
  Bt: () => (/* binding */ checkType),
  M5: () => (/* binding */ targetMismatch)
});

// UNUSED EXPORTS: CHECK_TYPES

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var dist_cjs = __webpack_require__(2284);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/targets/ecs-express.ts
var ecs_express = __webpack_require__(1133);
// EXTERNAL MODULE: ./core/targets/target.ts
var targets_target = __webpack_require__(9056);
// EXTERNAL MODULE: ./core/checks/target-of.ts
var target_of = __webpack_require__(3001);
// EXTERNAL MODULE: ./core/checks/types.ts
var types = __webpack_require__(5045);
;// CONCATENATED MODULE: ./core/checks/service-running.ts






/**
 * ECS Express: the service is ACTIVE and its newest service deployment SUCCESSFUL. A deployment
 * ECS rolled back, or one that failed or was stopped, is a failure even though the service
 * still serves (the old version): the newest change did not land.
 */
async function ecsServiceRunning(ctx) {
    const target = (0,target_of/* checkTarget */.e)(ctx);
    if (!(target instanceof ecs_express/* EcsExpressTarget */.jG))
        throw new Error('service-running: not an ECS target');
    let state;
    try {
        state = await target.describe();
    }
    catch (error) {
        // No active configuration (INACTIVE: deleted): the service is not up, which is this
        // check's failure, not an error; preflight says so in a line.
        if (!(error instanceof targets_target/* TargetNotUpdatable */.dU))
            throw error;
        const { reason } = await target.preflight();
        return { status: 'fail', line: reason, observed: { service: target.serviceName } };
    }
    const newest = await target.newestDeployment();
    const observed = {
        status: state.status,
        service: state.name,
        deployment: newest?.status,
        ...(newest ? { deploymentArn: newest.arn } : {}),
    };
    if (state.status !== 'ACTIVE')
        return { status: 'fail', line: `${state.name} is ${state.status}, expected ACTIVE`, observed };
    if (!newest || newest.status === 'SUCCESSFUL')
        return {
            status: 'pass',
            line: `${state.name} is ACTIVE${newest ? ' and its newest deployment SUCCESSFUL' : ''}`,
            observed,
        };
    const why = newest.reason ? `: ${newest.reason}` : '';
    if ([
        'PENDING',
        'IN_PROGRESS',
        'ROLLBACK_REQUESTED',
        'ROLLBACK_IN_PROGRESS',
        'STOP_REQUESTED',
    ].includes(newest.status))
        return {
            status: 'warn',
            line: `${state.name} is ACTIVE; its newest deployment is ${newest.status} (a change is under way)`,
            observed,
        };
    const id = newest.arn.split('/').at(-1) ?? newest.arn;
    const after = {
        ROLLBACK_SUCCESSFUL: 'the version before it serves; deploy a fixed image',
        ROLLBACK_FAILED: 'ECS could not undo it, so the service may be down: check it now',
        STOPPED: 'it was stopped before it finished: check which version serves',
    };
    return {
        status: 'fail',
        line: `${state.name} is ACTIVE but its newest deployment (${id}) ended ${newest.status}${why}; ${after[newest.status] ?? 'check the service'}`,
        observed,
    };
}
/** The runbook's daily "App Runner status RUNNING" and the go-live gate's first item. */
const serviceRunning = (0,types/* defineCheck */.q)({
    type: 'service-running',
    description: 'The service is up: App Runner RUNNING; ECS Express ACTIVE with its newest deployment SUCCESSFUL.',
    shape: {},
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        if (env.target.kind === 'ecs-express')
            return ecsServiceRunning(ctx);
        const arn = env['service-arn'];
        const out = await (0,call/* awsCall */.uF)('DescribeService', () => aws.appRunner.send(new dist_cjs/* DescribeServiceCommand */.auI({ ServiceArn: arn })), { clock, logger });
        const status = out.Service?.Status ?? 'UNKNOWN';
        const name = out.Service?.ServiceName ?? arn;
        const observed = { status, service: name };
        if (status === 'RUNNING')
            return { status: 'pass', line: `${name} is RUNNING`, observed };
        return {
            status: 'fail',
            line: `${name} is ${status}, expected RUNNING${status === 'PAUSED' ? ' (resume it in the App Runner console or with ResumeService)' : ''}`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/attestation.ts


const DAY = 86_400_000;
/**
 * An item only a person can vouch for (a real BankID login, a regulator notified). It passes
 * while the attestations file holds a current attestation for its id: present, not expired,
 * and not older than the gate's max-attestation-age.
 */
const attestation = (0,types/* defineCheck */.q)({
    type: 'attestation',
    description: 'A person vouches for this item in the attestations file (by, at, evidence, expires).',
    shape: {
        id: schemas/* string */.YjP()
            .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' }),
        text: schemas/* string */.YjP().min(1).describe('What the person vouches for, as the checklist says it.'),
    },
    defaultTimeoutMs: 5_000,
    group: 'External services',
    async run(check, { attestations, clock }) {
        if (!attestations)
            return {
                status: 'error',
                line: 'no attestations file was read; attestation items are judged by the compliance-gate action',
            };
        const found = attestations.find(check.id);
        if (!found)
            return {
                status: 'fail',
                line: `no attestation for "${check.id}" in ${attestations.file}; add one by pull request (id, by, at, evidence, expires)`,
                observed: { id: check.id },
            };
        const now = clock.now();
        const observed = {
            id: check.id,
            by: found.by,
            at: found.at.toISOString(),
            expires: found.expires.toISOString().slice(0, 10),
            evidence: found.evidence,
        };
        const ageDays = Math.floor((now - found.at.getTime()) / DAY);
        if (found.expires.getTime() <= now)
            return {
                status: 'fail',
                line: `attestation "${check.id}" by ${found.by} expired on ${observed.expires}; vouch again with fresh evidence`,
                observed,
            };
        if (ageDays > attestations.maxAgeDays)
            return {
                status: 'fail',
                line: `attestation "${check.id}" by ${found.by} is ${ageDays} days old (limit ${attestations.maxAgeDays}); vouch again`,
                observed,
            };
        return {
            status: 'pass',
            line: `${found.by} vouched on ${observed.at.slice(0, 10)} (until ${observed.expires}): ${check.text}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/checks/rds-instance.ts

/**
 * The configured RDS instance as DescribeDBInstances sees it, or the outcome to report when
 * there is none (not configured: error; not found: fail, with what to fix).
 */
async function describeDatabase(ctx) {
    const id = ctx.env.database?.instance;
    if (!id)
        return {
            outcome: {
                status: 'error',
                line: 'database.instance is not set for this environment; add it to the configuration',
            },
        };
    // Loaded here, not at the top: every action that reads the configuration imports the check
    // registry, and only the ones that run checks should load the RDS client.
    const { DescribeDBInstancesCommand } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7202, 19));
    try {
        const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => ctx.aws.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })), ctx);
        const instance = out.DBInstances?.[0];
        if (instance)
            return { instance };
    }
    catch (error) {
        const name = (0,call/* awsErrorName */.ZH)(error);
        if (name !== 'DBInstanceNotFoundFault' && name !== 'DBInstanceNotFound')
            throw error;
    }
    return {
        outcome: {
            status: 'fail',
            line: `RDS instance ${id} does not exist; check database.instance in the configuration`,
            observed: { instance: id },
        },
    };
}

;// CONCATENATED MODULE: ./core/checks/backups.ts





/** The runbook's "backups running, point-in-time recovery works". */
const backups = (0,types/* defineCheck */.q)({
    type: 'backups',
    description: 'Automated backups are on (retention > 0) and LatestRestorableTime is recent, so point-in-time recovery works.',
    shape: {
        'max-restore-lag': fields/* durationField */.Ti
            .default('15m')
            .describe('How far LatestRestorableTime may lag behind now.'),
        'min-retention-days': schemas/* int */.Whr().min(1).max(35).default(1),
    },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const found = await describeDatabase(ctx);
        if ('outcome' in found)
            return found.outcome;
        const db = found.instance;
        const id = db.DBInstanceIdentifier ?? '';
        const retention = db.BackupRetentionPeriod ?? 0;
        const latest = db.LatestRestorableTime;
        const maxLag = (0,duration/* parseDuration */.E)(check['max-restore-lag']) ?? 900_000;
        const lagMs = latest ? ctx.clock.now() - latest.getTime() : undefined;
        const observed = {
            instance: id,
            backupRetentionPeriod: retention,
            latestRestorableTime: latest?.toISOString() ?? null,
            restoreLagMs: lagMs ?? null,
        };
        const problems = [];
        if (retention < check['min-retention-days'])
            problems.push(retention === 0
                ? 'automated backups are off (BackupRetentionPeriod 0); set a retention period of at least 1 day'
                : `backup retention is ${retention} day(s), below ${check['min-retention-days']}`);
        if (lagMs === undefined)
            problems.push('RDS reports no LatestRestorableTime');
        else if (lagMs > maxLag)
            problems.push(`LatestRestorableTime is ${(0,duration/* formatDuration */.a)(lagMs)} old (limit ${(0,duration/* formatDuration */.a)(maxLag)}): point-in-time recovery is behind; check the instance's backup status`);
        if (problems.length > 0)
            return { status: 'fail', line: `${id}: ${problems.join('; ')}`, observed };
        return {
            status: 'pass',
            line: `${id} keeps ${retention} day(s) of backups; restorable to ${(0,duration/* formatDuration */.a)(lagMs ?? 0)} ago`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/ci-green.ts


/** Names of check runs the gate itself creates (never judged by ci-green). */
const GATE_CHECK_RUN_PREFIX = 'apprunner-ops:';
const OK_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);
/** The runbook's "CI green on main (lint, typecheck, tests, E2E, docker-build)". */
const ciGreen = (0,types/* defineCheck */.q)({
    type: 'ci-green',
    description: 'The commit being launched has only successful check runs and commit statuses (and each required one).',
    shape: {
        required: schemas/* array */.YOg(schemas/* string */.YjP().min(1))
            .default([])
            .describe('Check run or status names that must be present and successful, e.g. lint, e2e.'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const token = ctx.secrets.githubToken;
        const run = ctx.run;
        if (!token || !run?.sha)
            return {
                status: 'error',
                line: !token
                    ? 'ci-green needs the github-token input (checks: read, statuses: read)'
                    : 'ci-green needs the commit (GITHUB_SHA) of the run',
            };
        const [owner, repo] = run.repository.split('/');
        // Loaded on use: the registry is imported by every action that reads the configuration.
        const { createOctokit } = await Promise.all(/* import() */[__webpack_require__.e(392), __webpack_require__.e(279)]).then(__webpack_require__.bind(__webpack_require__, 5279));
        const octokit = createOctokit(token, { apiUrl: run.apiUrl, logger: ctx.logger });
        const runs = await octokit.paginate(octokit.rest.checks.listForRef, {
            owner,
            repo,
            ref: run.sha,
            per_page: 100,
            request: { signal: ctx.signal },
        });
        const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, {
            owner,
            repo,
            ref: run.sha,
            per_page: 100,
            request: { signal: ctx.signal },
        });
        // This run's own jobs are in progress on the same commit: they are not CI.
        const ownRun = `/actions/runs/${run.runId}/`;
        const judged = runs.filter((r) => !r.name.startsWith(GATE_CHECK_RUN_PREFIX) && !(r.details_url ?? '').includes(ownRun));
        // Statuses come newest first; the newest per context counts.
        const latest = new Map();
        for (const s of statuses)
            if (!latest.has(s.context))
                latest.set(s.context, s.state);
        const results = [
            ...judged.map((r) => ({
                name: r.name,
                kind: 'check run',
                result: r.status === 'completed' ? (r.conclusion ?? 'none') : r.status,
                ok: r.status === 'completed' && OK_CONCLUSIONS.has(r.conclusion ?? ''),
            })),
            ...[...latest].map(([name, state]) => ({
                name,
                kind: 'status',
                result: state,
                ok: state === 'success',
            })),
        ];
        const problems = results
            .filter((r) => !r.ok)
            .map((r) => `${r.kind} "${r.name}" is ${r.result}`);
        for (const name of check.required)
            if (!results.some((r) => r.name === name))
                problems.push(`required "${name}" has not reported`);
        if (results.length === 0)
            problems.push('no check runs or statuses at all');
        const observed = {
            commit: run.sha,
            results: results.map(({ name, kind, result }) => ({ name, kind, result })),
        };
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `commit ${run.sha7}: ${problems.join('; ')}; launch a commit whose CI passed`,
                observed,
            };
        return {
            status: 'pass',
            line: `commit ${run.sha7}: ${results.length} check(s) successful`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/custom-domains.ts




/** The runbook's "DNS points at App Runner": each host is linked to the service and active. */
const customDomains = (0,types/* defineCheck */.q)({
    type: 'custom-domains',
    description: 'App Runner DescribeCustomDomains shows each host associated with the service and active.',
    shape: {
        hosts: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^[a-z0-9.-]+$/, { message: 'expected a host name like getdrop.no' }))
            .min(1),
    },
    defaultTimeoutMs: 30_000,
    group: 'Domain & TLS',
    // ECS Express serves on its own endpoint; it has no custom domains to describe.
    targets: ['app-runner'],
    async run(check, ctx) {
        const arn = ctx.env['service-arn'];
        const domains = [];
        let token;
        // Pages of at most 5; bounded so a misbehaving endpoint cannot loop forever.
        for (let page = 0; page < 100; page++) {
            const out = await (0,call/* awsCall */.uF)('DescribeCustomDomains', () => ctx.aws.appRunner.send(new dist_cjs/* DescribeCustomDomainsCommand */.b1e({ ServiceArn: arn, MaxResults: 5, NextToken: token })), ctx);
            domains.push(...(out.CustomDomains ?? []));
            token = out.NextToken;
            if (!token)
                break;
        }
        // A domain linked with EnableWWWSubdomain also serves www.<domain>.
        const statusOf = (host) => {
            const direct = domains.find((d) => d.DomainName === host);
            if (direct)
                return direct.Status;
            const apex = domains.find((d) => d.EnableWWWSubdomain && `www.${d.DomainName}` === host);
            return apex?.Status;
        };
        const observed = Object.fromEntries(check.hosts.map((h) => [h, statusOf(h) ?? 'not linked']));
        const problems = check.hosts
            .filter((h) => statusOf(h) !== 'active')
            .map((h) => statusOf(h) === undefined
            ? `${h} is not linked to the service (App Runner → Custom domains → Link domain)`
            : `${h} is "${statusOf(h)}", expected "active"${statusOf(h) === 'pending_certificate_dns_validation' ? ' (add the certificate validation CNAME records to DNS)' : ''}`);
        if (problems.length > 0)
            return { status: 'fail', line: problems.join('; '), observed: { domains: observed } };
        return {
            status: 'pass',
            line: `${check.hosts.join(', ')} linked and active`,
            observed: { domains: observed },
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/database-available.ts


/** The runbook's "RDS available" (go-live Infrastructure, launch day phase 1). */
const databaseAvailable = (0,types/* defineCheck */.q)({
    type: 'database-available',
    description: 'The RDS instance is available.',
    shape: {},
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const found = await describeDatabase(ctx);
        if ('outcome' in found)
            return found.outcome;
        const id = found.instance.DBInstanceIdentifier ?? '';
        const status = found.instance.DBInstanceStatus ?? 'unknown';
        const observed = { instance: id, status, engine: found.instance.EngineVersion };
        if (status === 'available')
            return { status: 'pass', line: `${id} is available`, observed };
        return {
            status: 'fail',
            line: `${id} is "${status}", expected "available"; wait for the operation on it to finish`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/aws/ec2.ts

/**
 * The EC2 client is large and only the go-live gate needs it, so it is imported on first use
 * (a separate chunk in the bundles) instead of weighing down every action that loads config.
 */
async function ec2Client(aws, region) {
    if (!aws.ec2) {
        const { EC2Client: Client } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
        aws.ec2 = new Client({ region, maxAttempts: 1 });
    }
    return aws.ec2;
}
async function describeSecurityGroups(aws, region, groupIds, deps) {
    if (groupIds.length === 0)
        return [];
    const client = await ec2Client(aws, region);
    const { DescribeSecurityGroupsCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const out = await (0,call/* awsCall */.uF)('DescribeSecurityGroups', () => client.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })), deps);
    return out.SecurityGroups ?? [];
}

;// CONCATENATED MODULE: ./core/checks/database-private.ts



const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);
/** Whether an ingress rule lets `port` in over TCP (protocol -1 is every protocol and port). */
function admitsPort(rule, port) {
    const protocol = rule.IpProtocol ?? '';
    if (protocol === '-1' || protocol === 'all')
        return true;
    if (protocol !== 'tcp' && protocol !== '6')
        return false;
    const from = rule.FromPort ?? 0;
    const to = rule.ToPort ?? 65535;
    return from <= port && port <= to;
}
/** The runbook's "RDS security group locked down (no public access)". */
const databasePrivate = (0,types/* defineCheck */.q)({
    type: 'database-private',
    description: 'The RDS instance is not publicly accessible and no security group admits its port from anywhere.',
    shape: {},
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const found = await describeDatabase(ctx);
        if ('outcome' in found)
            return found.outcome;
        const db = found.instance;
        const id = db.DBInstanceIdentifier ?? '';
        const port = db.Endpoint?.Port ?? db.DbInstancePort ?? 5432;
        const groupIds = (db.VpcSecurityGroups ?? [])
            .map((g) => g.VpcSecurityGroupId)
            .filter((g) => Boolean(g));
        const groups = await describeSecurityGroups(ctx.aws, ctx.env.region, groupIds, ctx);
        const openings = [];
        for (const group of groups)
            for (const rule of group.IpPermissions ?? []) {
                if (!admitsPort(rule, port))
                    continue;
                const cidrs = [
                    ...(rule.IpRanges ?? []).map((r) => r.CidrIp),
                    ...(rule.Ipv6Ranges ?? []).map((r) => r.CidrIpv6),
                ];
                for (const cidr of cidrs)
                    if (cidr && ANYWHERE.has(cidr))
                        openings.push(`${group.GroupId} admits ${port} from ${cidr}`);
            }
        const observed = {
            instance: id,
            publiclyAccessible: db.PubliclyAccessible ?? false,
            port,
            securityGroups: groupIds,
            openToTheInternet: openings,
        };
        const problems = [
            ...(db.PubliclyAccessible
                ? ['PubliclyAccessible is true (modify the instance: --no-publicly-accessible)']
                : []),
            ...openings.map((o) => `${o} (remove that ingress rule)`),
        ];
        if (problems.length === 0)
            return {
                status: 'pass',
                line: `${id} is private: not publicly accessible, ${groupIds.length} security group(s) admit ${port} only from inside`,
                observed,
            };
        return {
            status: 'fail',
            line: `${id} is reachable from the internet: ${problems.join('; ')}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
;// CONCATENATED MODULE: ./core/aws/ecr-images.ts


/** Manifest types that list other manifests (multi-arch images, attestations). */
const INDEX_MEDIA_TYPES = new Set([
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
]);
/** Every manifest type BatchGetImage should hand back as stored, without conversion. */
const ACCEPTED_MEDIA_TYPES = [
    ...INDEX_MEDIA_TYPES,
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.v2+json',
    'application/vnd.docker.distribution.manifest.v1+json',
];
const BATCH = 100;
function chunks(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function parseManifestLinks(body, reportedType) {
    const parsed = JSON.parse(body);
    return {
        mediaType: parsed.mediaType ?? reportedType,
        children: (parsed.manifests ?? []).flatMap((m) => (m.digest ? [m.digest] : [])),
        subject: parsed.subject?.digest,
    };
}
/** Reads images and manifests of one ECR repository; every call goes through awsCall. */
class EcrImages {
    client;
    location;
    deps;
    constructor(client, location, deps) {
        this.client = client;
        this.location = location;
        this.deps = deps;
    }
    get ids() {
        return { registryId: this.location.registryId, repositoryName: this.location.repository };
    }
    /** Every image, tagged and untagged, following nextToken (bounded: 1 000 pages). */
    async list() {
        const images = [];
        let nextToken;
        for (let page = 0; page < 1000; page++) {
            const out = await (0,call/* awsCall */.uF)('DescribeImages', () => this.client.send(new client_ecr_dist_cjs/* DescribeImagesCommand */.ji5({
                ...this.ids,
                filter: { tagStatus: 'ANY' },
                maxResults: 1000,
                nextToken,
            })), this.deps);
            for (const d of out.imageDetails ?? []) {
                if (!d.imageDigest)
                    continue;
                images.push({
                    digest: d.imageDigest,
                    tags: d.imageTags ?? [],
                    pushedAt: d.imagePushedAt,
                    sizeInBytes: d.imageSizeInBytes ?? 0,
                    mediaType: d.imageManifestMediaType,
                });
            }
            nextToken = out.nextToken;
            if (!nextToken)
                return images;
        }
        throw new Error(`DescribeImages of ${this.location.repository} still had more pages after 1000; refusing to plan a clean-up on a partial list`);
    }
    /**
     * The manifests of these digests (BatchGetImage, ≤ 100 per call). A digest that could not
     * be read is in `unreadable` with ECR's failure code.
     */
    async manifests(digests) {
        const links = new Map();
        const unreadable = new Map();
        for (const batch of chunks([...new Set(digests)], BATCH)) {
            const out = await (0,call/* awsCall */.uF)('BatchGetImage', () => this.client.send(new client_ecr_dist_cjs/* BatchGetImageCommand */.P8n({
                ...this.ids,
                imageIds: batch.map((imageDigest) => ({ imageDigest })),
                acceptedMediaTypes: ACCEPTED_MEDIA_TYPES,
            })), this.deps);
            for (const image of out.images ?? []) {
                const digest = image.imageId?.imageDigest;
                if (!digest || !image.imageManifest)
                    continue;
                try {
                    links.set(digest, parseManifestLinks(image.imageManifest, image.imageManifestMediaType));
                }
                catch {
                    unreadable.set(digest, 'manifest is not JSON');
                }
            }
            for (const failure of out.failures ?? []) {
                const digest = failure.imageId?.imageDigest;
                if (digest)
                    unreadable.set(digest, failure.failureCode ?? 'unknown failure');
            }
            for (const digest of batch)
                if (!links.has(digest) && !unreadable.has(digest))
                    unreadable.set(digest, 'not in the answer');
        }
        return { links, unreadable };
    }
    /**
     * BatchDeleteImage by digest, ≤ 100 per call. Per-image failures come back in the answer
     * and are returned, never dropped. Deleting by digest is idempotent, so a retried call
     * that finds an image already gone counts it as deleted.
     */
    async delete(digests) {
        const result = { deleted: [], failures: [] };
        for (const batch of chunks(digests, BATCH)) {
            let attempts = 0;
            const out = await (0,call/* awsCall */.uF)('BatchDeleteImage', () => {
                attempts++;
                return this.client.send(new client_ecr_dist_cjs/* BatchDeleteImageCommand */.wau({
                    ...this.ids,
                    imageIds: batch.map((imageDigest) => ({ imageDigest })),
                }));
            }, this.deps);
            for (const id of out.imageIds ?? [])
                if (id.imageDigest)
                    result.deleted.push(id.imageDigest);
            for (const failure of out.failures ?? []) {
                const digest = failure.imageId?.imageDigest ?? '?';
                if (failure.failureCode === 'ImageNotFound' && attempts > 1) {
                    result.deleted.push(digest);
                    continue;
                }
                result.failures.push({
                    digest,
                    code: failure.failureCode ?? 'unknown',
                    reason: failure.failureReason ?? '',
                });
            }
        }
        result.deleted = [...new Set(result.deleted)];
        return result;
    }
    /** The lifecycle policy text, or undefined when the repository has none. */
    async lifecyclePolicy() {
        return (0,call/* awsCall */.uF)('GetLifecyclePolicy', async () => {
            try {
                const out = await this.client.send(new client_ecr_dist_cjs/* GetLifecyclePolicyCommand */.O0C(this.ids));
                return { text: out.lifecyclePolicyText ?? '', lastEvaluatedAt: out.lastEvaluatedAt };
            }
            catch (error) {
                if ((0,call/* awsErrorName */.ZH)(error) === 'LifecyclePolicyNotFoundException')
                    return undefined;
                throw error;
            }
        }, this.deps);
    }
}

// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
;// CONCATENATED MODULE: ./core/cleanup/ecr-plan.ts


function shortDigest(digest) {
    return digest.slice(0, 19);
}
const mayBeIndex = (image) => !image?.mediaType || INDEX_MEDIA_TYPES.has(image.mediaType);
/**
 * Decides what an untagged-image clean-up may delete. Kept: protected digests, tagged images,
 * anything younger than `minAgeMs` (or of unknown age), every child of a kept index (read
 * with BatchGetImage, transitively), and untagged referrers (signatures, attestations) whose
 * subject is kept. What is left is garbage. Whenever a kept index cannot be read, its
 * children are unknown and nothing may go: if in doubt, keep.
 */
async function planUntaggedCleanup(input) {
    const byDigest = new Map(input.images.map((i) => [i.digest, i]));
    const keep = new Map();
    const blockers = [];
    const label = (digest) => {
        const tags = byDigest.get(digest)?.tags ?? [];
        return tags.length > 0 ? tags.join(', ') : shortDigest(digest);
    };
    const mark = (digest, kind, why) => {
        if (keep.has(digest) || !byDigest.has(digest))
            return false;
        keep.set(digest, { digest, kind, why });
        return true;
    };
    for (const p of input.protect)
        mark(p.digest, p.kind, p.why);
    for (const image of input.images)
        if (image.tags.length > 0)
            mark(image.digest, 'tagged', `tagged ${image.tags.join(', ')}`);
    for (const image of input.images) {
        if (!image.pushedAt)
            mark(image.digest, 'unknown-age', 'push time unknown');
        else {
            const age = input.now - image.pushedAt.getTime();
            if (age < input.minAgeMs)
                mark(image.digest, 'recent', `pushed ${(0,duration/* formatDuration */.a)(Math.max(0, age))} ago, within min-age ${(0,duration/* formatDuration */.a)(input.minAgeMs)}`);
        }
    }
    // Children of every kept index, level by level (an index may list indexes).
    const read = new Set();
    let frontier = [...keep.keys()].filter((d) => mayBeIndex(byDigest.get(d)));
    while (frontier.length > 0) {
        frontier.forEach((d) => read.add(d));
        const { links, unreadable } = await input.readManifests(frontier);
        for (const [digest, code] of unreadable)
            blockers.push(`the manifest of ${label(digest)} (${shortDigest(digest)}) cannot be read (${code}), so the images it references are unknown`);
        const next = [];
        for (const [parent, l] of links)
            for (const child of l.children) {
                if (!byDigest.has(child))
                    continue;
                mark(child, 'index-child', `child of ${label(parent)}`);
                if (!read.has(child) && mayBeIndex(byDigest.get(child)))
                    next.push(child);
            }
        frontier = [...new Set(next)].filter((d) => !read.has(d));
    }
    // Untagged referrers (OCI subject) of kept images stay with them.
    const candidates = input.images.filter((i) => !keep.has(i.digest));
    let candidateLinks = new Map();
    if (candidates.length > 0) {
        const { links, unreadable } = await input.readManifests(candidates.map((c) => c.digest));
        candidateLinks = links;
        for (const [digest, code] of unreadable)
            mark(digest, 'unreadable', `manifest could not be read (${code}); kept, as when in doubt`);
        for (let changed = true; changed;) {
            changed = false;
            for (const c of candidates) {
                const subject = links.get(c.digest)?.subject;
                if (subject && keep.has(subject))
                    changed = mark(c.digest, 'referrer', `refers to ${label(subject)}`) || changed;
            }
        }
    }
    // Indexes go before their children: ECR refuses a child an index still references.
    const isIndex = (i) => Number((candidateLinks.get(i.digest)?.children.length ?? 0) > 0 ||
        INDEX_MEDIA_TYPES.has(i.mediaType ?? ''));
    const remove = input.images
        .filter((i) => !keep.has(i.digest))
        .sort((a, b) => isIndex(b) - isIndex(a) || (a.pushedAt?.getTime() ?? 0) - (b.pushedAt?.getTime() ?? 0));
    const keptCounts = {
        running: 0,
        'rollback-target': 0,
        tagged: 0,
        'index-child': 0,
        referrer: 0,
        recent: 0,
        'unknown-age': 0,
        unreadable: 0,
    };
    for (const k of keep.values())
        keptCounts[k.kind]++;
    return {
        remove,
        keptUntagged: [...keep.values()].filter((k) => !byDigest.get(k.digest)?.tags.length),
        keptCounts,
        blockers,
    };
}

// EXTERNAL MODULE: ./core/deploy/context.ts + 1 modules
var context = __webpack_require__(4831);
// EXTERNAL MODULE: ./core/deploy/history.ts
var deploy_history = __webpack_require__(9574);
// EXTERNAL MODULE: ./core/github/deployments.ts + 1 modules
var deployments = __webpack_require__(4018);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
;// CONCATENATED MODULE: ./core/checks/ecr-untagged.ts












const MiB = 1024 * 1024;
/** Environments whose service pulls from the same repository (same registry and region). */
function sharingEnvironments(ctx) {
    const here = (0,context/* ecrLocation */.Y)(ctx.env);
    const others = Object.entries(ctx.environments ?? {}).filter(([name, env]) => {
        if (name === ctx.environment)
            return false;
        const there = (0,context/* ecrLocation */.Y)(env);
        return (there.repository === here.repository &&
            there.registryId === here.registryId &&
            there.region === here.region);
    });
    return [[ctx.environment, ctx.env], ...others];
}
/** The digest an environment's service runs, or why it cannot be known. */
async function runningDigest(name, env, ctx, byTag, inRepo, deps) {
    let identifier;
    try {
        // What runs, on whichever platform the environment names.
        const target = (0,target_of/* checkTarget */.e)({ env, aws: ctx.aws, clock: deps.clock, logger: deps.logger });
        identifier = (await target.describe()).image;
    }
    catch (error) {
        return { blocker: `the image ${name} runs cannot be read (${(0,errors/* errorMessage */.gJ)(error)})` };
    }
    if (!identifier)
        return { blocker: `${name}'s service reports no image identifier` };
    const parsed = (0,image_ref/* parseImageIdentifier */.aj)(identifier);
    if (!parsed)
        return { blocker: `${name} runs "${identifier}", which is not an ECR image URI` };
    if (parsed.repository !== env['ecr-repository'])
        return { note: `${name} runs ${identifier}, from another repository` };
    if (parsed.ref.kind === 'digest') {
        if (!inRepo(parsed.ref.digest))
            return {
                blocker: `${name} runs ${shortDigest(parsed.ref.digest)}, which the repository no longer lists`,
            };
        return {
            protection: { digest: parsed.ref.digest, kind: 'running', why: `running in ${name}` },
        };
    }
    const digest = byTag(parsed.ref.tag);
    if (!digest)
        return {
            blocker: `${name} runs tag ${parsed.ref.tag}, which no image carries any more, so the image it runs is unknown`,
        };
    return {
        protection: { digest, kind: 'running', why: `running in ${name} (by tag ${parsed.ref.tag})` },
        note: `${name} is pinned by tag ${parsed.ref.tag}: protecting what the tag names now`,
    };
}
/** The last `count` good versions each environment could roll back to, from its history. */
async function rollbackTargets(names, running, count, ctx) {
    if (count === 0)
        return { protections: [], source: 'not asked for' };
    const { githubToken, auditDatabaseUrl } = ctx.secrets;
    const github = githubToken && ctx.run
        ? new deployments/* GitHubDeployments */.C({ ...ctx.run, token: githubToken }, { clock: ctx.clock, logger: ctx.logger })
        : undefined;
    if (!github && !auditDatabaseUrl)
        return {
            protections: [],
            source: 'none',
            blocker: 'the rollback targets are unknown: no deployment history is readable (give the job a github-token, or an audit-database-url)',
        };
    const protections = [];
    const sources = new Set();
    for (const environment of names) {
        try {
            const history = await (0,deploy_history/* readHistory */.Lu)({
                environment,
                env: ctx.environments?.[environment] ?? ctx.env,
                github,
                auditDatabaseUrl,
                logger: ctx.logger,
            });
            sources.add(history.source);
            const bad = (0,deploy_history/* badDigests */.TT)(history.entries);
            const seen = new Set();
            for (const e of history.entries) {
                if (seen.size >= count)
                    break;
                if (!e.succeeded || bad.has(e.digest) || running.has(e.digest) || seen.has(e.digest))
                    continue;
                seen.add(e.digest);
                protections.push({
                    digest: e.digest,
                    kind: 'rollback-target',
                    why: `rollback target of ${environment}${e.tag ? ` (${e.tag})` : ''}`,
                });
            }
        }
        catch (error) {
            return {
                protections,
                source: [...sources].join(', '),
                blocker: `the deployment history of ${environment} cannot be read (${(0,errors/* errorMessage */.gJ)(error)}), so its rollback targets are unknown`,
            };
        }
    }
    if ([...sources].every((source) => source === 'no history'))
        return {
            protections,
            source: 'no history',
            blocker: `no deployment history was found for ${names.join(', ')}, so the rollback targets are unknown (deploy once with apprunner-ops, or set rollback-targets: 0 to clean up without keeping them)`,
        };
    return { protections, source: [...sources].join(', ') };
}
/**
 * The weekly ECR clean-up (runbooks §4, design pitfall 8): untagged images that nothing
 * references. Index children, what runs, the rollback targets and recent pushes are kept;
 * dry run unless `delete: true`.
 */
const ecrUntagged = (0,types/* defineCheck */.q)({
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
    defaultTimeoutMs: 300_000,
    group: 'Infrastructure',
    mutating: (check) => check.delete,
    async run(check, ctx) {
        const deps = { clock: ctx.clock, logger: ctx.logger };
        const location = (0,context/* ecrLocation */.Y)(ctx.env);
        const repo = location.repository;
        const ecr = new EcrImages(ctx.aws.ecr, location, deps);
        const images = await ecr.list();
        const digests = new Set(images.map((i) => i.digest));
        const byTag = (tag) => images.find((i) => i.tags.includes(tag))?.digest;
        const envs = sharingEnvironments(ctx);
        const blockers = [];
        const notes = [];
        const protect = [];
        for (const [name, env] of envs) {
            const r = await runningDigest(name, env, ctx, byTag, (d) => digests.has(d), deps);
            if (r.protection)
                protect.push(r.protection);
            if (r.note)
                notes.push(r.note);
            if (r.blocker)
                blockers.push(r.blocker);
        }
        const running = new Set(protect.map((p) => p.digest));
        const targets = await rollbackTargets(envs.map(([name]) => name), running, check['rollback-targets'], ctx);
        protect.push(...targets.protections);
        if (targets.blocker)
            blockers.push(targets.blocker);
        const minAgeMs = (0,duration/* parseDuration */.E)(check['min-age']) ?? 7 * 86_400_000;
        const plan = await planUntaggedCleanup({
            images,
            protect,
            minAgeMs,
            now: ctx.clock.now(),
            readManifests: (d) => ecr.manifests(d),
        });
        blockers.push(...plan.blockers);
        const bytes = plan.remove.reduce((n, i) => n + i.sizeInBytes, 0);
        const size = `${(bytes / MiB).toFixed(1)} MiB`;
        // The line counts untagged survivors; tagged images survive by definition.
        const counts = plan.keptUntagged.reduce((n, k) => ({ ...n, [k.kind]: (n[k.kind] ?? 0) + 1 }), {});
        const count = (kind) => counts[kind] ?? 0;
        const keptLine = [
            count('index-child') && `${count('index-child')} index children`,
            count('running') && `${count('running')} running`,
            count('rollback-target') && `${count('rollback-target')} rollback targets`,
            count('recent') && `${count('recent')} younger than ${check['min-age']}`,
            count('referrer') && `${count('referrer')} referrers`,
            count('unknown-age') + count('unreadable') &&
                `${count('unknown-age') + count('unreadable')} in doubt`,
        ]
            .filter(Boolean)
            .join(', ');
        const untagged = images.filter((i) => i.tags.length === 0).length;
        const observed = {
            repository: repo,
            images: images.length,
            untagged,
            kept: plan.keptCounts,
            candidates: plan.remove.length,
            candidateBytes: bytes,
            environments: envs.map(([name]) => name),
            historySource: targets.source,
            dryRun: !check.delete,
        };
        const evidence = {
            wouldDelete: plan.remove.map((i) => ({
                digest: i.digest,
                pushedAt: i.pushedAt?.toISOString(),
                sizeInBytes: i.sizeInBytes,
                mediaType: i.mediaType,
                why: 'untagged, referenced by no kept index, not running, not a rollback target, older than min-age',
            })),
            kept: plan.keptUntagged,
            protected: protect,
            notes,
        };
        if (blockers.length > 0) {
            return {
                status: 'warn',
                line: `${repo}: deleting nothing, because ${blockers.join('; ')}`,
                observed: { ...observed, deleted: 0, blockers },
                evidence: { ...evidence, wouldDelete: [], candidatesIfResolved: evidence['wouldDelete'] },
            };
        }
        const kept = `kept ${untagged - plan.remove.length} untagged${keptLine ? ` (${keptLine})` : ''}`;
        if (!check.delete || plan.remove.length === 0) {
            const what = plan.remove.length === 0
                ? 'no untagged image to delete'
                : `${plan.remove.length} untagged image(s) (${size}) would be deleted; set delete: true to delete them`;
            return {
                status: 'pass',
                line: `${repo}: ${what}; ${kept}`,
                observed: { ...observed, deleted: 0 },
                evidence,
            };
        }
        // Indexes first, in calls of their own: ECR refuses a child an index still references.
        const indexes = plan.remove.filter((i) => INDEX_MEDIA_TYPES.has(i.mediaType ?? ''));
        const rest = plan.remove.filter((i) => !indexes.includes(i));
        const result = { deleted: [], failures: [] };
        for (const group of [indexes, rest]) {
            if (group.length === 0)
                continue;
            const r = await ecr.delete(group.map((i) => i.digest));
            result.deleted.push(...r.deleted);
            result.failures.push(...r.failures);
        }
        ctx.logger.info(`${repo}: deleted ${result.deleted.length} untagged image(s); ${result.failures.length} failed`);
        const done = { ...observed, deleted: result.deleted.length, failed: result.failures.length };
        const withResult = { ...evidence, deleted: result.deleted, failures: result.failures };
        if (result.failures.length > 0) {
            const listed = result.failures
                .map((f) => `${shortDigest(f.digest)} ${f.code}${f.reason ? ` (${f.reason})` : ''}`)
                .join('; ');
            return {
                status: 'warn',
                line: `${repo}: deleted ${result.deleted.length} of ${plan.remove.length} untagged images; ${result.failures.length} failed: ${listed}. Run again after fixing the cause`,
                observed: done,
                evidence: withResult,
            };
        }
        return {
            status: 'pass',
            line: `${repo}: deleted ${result.deleted.length} untagged image(s) (${size}); ${kept}`,
            observed: done,
            evidence: withResult,
        };
    },
});

// EXTERNAL MODULE: ./core/checks/error-rate.ts
var error_rate = __webpack_require__(8829);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
// EXTERNAL MODULE: ./core/checks/fields.ts
var checks_fields = __webpack_require__(9143);
;// CONCATENATED MODULE: ./core/checks/free-storage.ts




const GIB = 1024 ** 3;
/** The runbook's weekly "RDS FreeStorageSpace, alert if < 2 GB". */
const freeStorage = (0,types/* defineCheck */.q)({
    type: 'free-storage',
    description: 'RDS FreeStorageSpace (its minimum over the window) stays above min-gib.',
    shape: {
        'min-gib': positiveNumber().default(2),
        window: checks_fields/* positiveDurationField */.cU.default('1h'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger, signal }) {
        const instance = (0,checks_fields/* databaseInstance */.$E)(env);
        if (typeof instance !== 'string')
            return instance;
        const points = await (0,cloudwatch/* metricStatistics */.WV)(aws.cloudWatch, {
            namespace: 'AWS/RDS',
            metric: 'FreeStorageSpace',
            dimensions: { DBInstanceIdentifier: instance },
            ...(0,checks_fields/* metricWindow */.zV)(check.window, clock.now()),
            statistics: ['Minimum'],
        }, { clock, logger, signal });
        const values = points.flatMap((p) => (p.Minimum === undefined ? [] : [p.Minimum]));
        if (values.length === 0)
            return {
                status: 'warn',
                line: `no data: CloudWatch has no FreeStorageSpace for ${instance} in the last ${check.window}`,
                observed: { instance, datapoints: 0 },
            };
        const minBytes = Math.min(...values);
        const gib = Math.round((minBytes / GIB) * 100) / 100;
        const observed = {
            instance,
            minFreeBytes: minBytes,
            minFreeGiB: gib,
            datapoints: values.length,
        };
        if (gib >= check['min-gib'])
            return {
                status: 'pass',
                line: `${instance} has at least ${gib} GiB free (minimum over ${check.window}; limit ${check['min-gib']} GiB)`,
                observed,
            };
        return {
            status: 'fail',
            line: `${instance} went down to ${gib} GiB free in the last ${check.window}, below ${check['min-gib']} GiB: grow the allocated storage or turn on storage autoscaling`,
            observed,
        };
    },
});
function positiveNumber() {
    return schemas/* number */.aig().positive({ message: 'expected a number greater than 0' });
}

// EXTERNAL MODULE: ./core/health/smoke-test.ts + 1 modules
var smoke_test = __webpack_require__(9958);
;// CONCATENATED MODULE: ./core/checks/health.ts



/** The environment's health checks (`health.checks`), through the smoke-test core. */
const health = (0,types/* defineCheck */.q)({
    type: 'health',
    description: 'The environment’s health checks pass (tried again until the check’s deadline).',
    shape: {},
    defaultTimeoutMs: 60_000,
    group: 'Application',
    async run(_check, { env, clock, logger, deadline, signal }) {
        const report = await (0,smoke_test/* smokeTest */.K)({
            checks: env.health.checks,
            baseUrl: new URL(env.health['base-url']),
            timeoutMs: Math.max(1_000, (0,checks_fields/* remainingMs */.XW)(deadline, clock.now(), 500)),
            intervalMs: 1_000,
        }, { clock, logger, signal });
        const failed = report.checks.filter((c) => !c.passed);
        const observed = {
            checks: report.checks.map((c) => ({
                name: c.name,
                url: c.url,
                passed: c.passed,
                status: c.status,
                latencyMs: c.latencyMs,
                attempts: c.attempts,
            })),
        };
        if (failed.length === 0)
            return {
                status: 'pass',
                line: `${report.checks.length} health checks pass (${report.checks.map((c) => `${c.name} ${c.status ?? ''}`.trim()).join(', ')})`,
                observed,
            };
        return {
            status: 'fail',
            line: `${failed.length} of ${report.checks.length} health checks fail: ${failed.map((c) => `${c.name} (${c.lastReason ?? 'failed'})`).join('; ')}`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/health/probe.ts
var probe = __webpack_require__(1137);
;// CONCATENATED MODULE: ./core/checks/web.ts

/** The environment's public base URL (health.base-url), where the web checks look. */
function baseUrl(ctx) {
    return new URL(ctx.env.health['base-url']);
}
/** One GET within the check's own deadline (and at most 15 s). */
function get(url, ctx) {
    const left = Math.max(1_000, Math.min(15_000, ctx.deadline - ctx.clock.now()));
    return (0,probe/* probe */.d)(url, { method: 'GET', timeoutMs: left, signal: ctx.signal });
}

;// CONCATENATED MODULE: ./core/checks/hsts.ts




/** Parses a Strict-Transport-Security value into its directives (case-insensitive names). */
function parseHsts(value) {
    const directives = value.split(';').map((d) => d.trim().toLowerCase());
    const maxAge = directives
        .map((d) => /^max-age\s*=\s*"?(\d+)"?$/.exec(d)?.[1])
        .find((v) => v !== undefined);
    return {
        maxAge: maxAge === undefined ? undefined : Number(maxAge),
        includeSubDomains: directives.includes('includesubdomains'),
        preload: directives.includes('preload'),
    };
}
/** The runbook's "HSTS max-age=63072000; includeSubDomains; preload". */
const hsts = (0,types/* defineCheck */.q)({
    type: 'hsts',
    description: 'Strict-Transport-Security has at least this max-age, includeSubDomains and preload.',
    shape: {
        'min-max-age': schemas/* int */.Whr().min(0).default(63072000),
        'include-subdomains': schemas/* boolean */.zMY().default(true),
        preload: schemas/* boolean */.zMY().default(true),
        url: fields/* httpUrlField */.St.optional().describe('Page to read the header from; default health.base-url.'),
    },
    defaultTimeoutMs: 20_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        const url = check.url ? new URL(check.url) : baseUrl(ctx);
        const response = await get(url, ctx);
        const header = response.headers['strict-transport-security'];
        const observed = { url: url.href, status: response.status, header: header ?? null };
        if (!header)
            return {
                status: 'fail',
                line: `${url.href} sends no Strict-Transport-Security header; add "max-age=${check['min-max-age']}; includeSubDomains; preload"`,
                observed,
            };
        const parsed = parseHsts(header);
        const problems = [];
        if (parsed.maxAge === undefined)
            problems.push('no max-age');
        else if (parsed.maxAge < check['min-max-age'])
            problems.push(`max-age ${parsed.maxAge} is below ${check['min-max-age']}`);
        if (check['include-subdomains'] && !parsed.includeSubDomains)
            problems.push('includeSubDomains missing');
        if (check.preload && !parsed.preload)
            problems.push('preload missing');
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${url.href} HSTS "${header}": ${problems.join(', ')}`,
                observed,
            };
        return { status: 'pass', line: `${url.href} HSTS "${header}"`, observed };
    },
});

// EXTERNAL MODULE: ./core/health/evaluate.ts + 1 modules
var evaluate = __webpack_require__(5454);
;// CONCATENATED MODULE: ./core/checks/https-redirect.ts




/** The runbook's "HTTP → HTTPS redirect". */
const httpsRedirect = (0,types/* defineCheck */.q)({
    type: 'https-redirect',
    description: 'The http:// address redirects to https://.',
    shape: {
        url: fields/* httpUrlField */.St
            .optional()
            .describe('The http:// URL to try; default health.base-url with http://.'),
    },
    defaultTimeoutMs: 20_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        let url;
        if (check.url)
            url = new URL(check.url);
        else {
            url = baseUrl(ctx);
            url.protocol = 'http:';
        }
        const response = await get(url, ctx);
        const observed = {
            url: url.href,
            status: response.status,
            location: response.headers['location'] ?? null,
        };
        const problems = (0,evaluate/* evaluateRedirect */.i)(response, url);
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${problems.join('; ')}; redirect plain HTTP to HTTPS`,
                observed,
            };
        return {
            status: 'pass',
            line: `${url.href} → ${response.status} ${observed.location}`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/image-present.ts


/** The runbook's "ECR holds the latest production-tagged image". */
const imagePresent = (0,types/* defineCheck */.q)({
    type: 'image-present',
    description: 'ECR holds an image with this tag.',
    shape: {
        tag: schemas/* string */.YjP()
            .regex(/^[\w][\w.-]{0,127}$/)
            .default('production'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const repository = ctx.env['ecr-repository'];
        const registryId = ctx.env['ecr-registry-id'] ?? ctx.env['service-arn'].split(':')[4] ?? '';
        // Loaded on use: the registry is imported by every action that reads the configuration.
        const { EcrRepository } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 640));
        const repo = new EcrRepository(ctx.aws.ecr, { registryId, region: ctx.env.region, repository }, ctx);
        const image = await repo.find({ kind: 'tag', tag: check.tag });
        if (!image)
            return {
                status: 'fail',
                line: `${repository} has no image tagged "${check.tag}"; build and push one (build-push action) before launch`,
                observed: { repository, tag: check.tag },
            };
        return {
            status: 'pass',
            line: `${repository}:${check.tag} is ${image.digest.slice(0, 19)}…`,
            observed: {
                repository,
                tag: check.tag,
                digest: image.digest,
                pushedAt: image.pushedAt?.toISOString() ?? null,
            },
        };
    },
});

// EXTERNAL MODULE: ./core/checks/load-balancer.ts
var load_balancer = __webpack_require__(3161);
;// CONCATENATED MODULE: ./core/checks/latency-p99.ts





/**
 * The service's p99 latency over a window, the highest p99 of the window's periods: App
 * Runner's RequestLatency, or on ECS Express the load balancer's TargetResponseTime of each of
 * the service's target groups (seconds, shown in ms).
 */
const latencyP99 = (0,types/* defineCheck */.q)({
    type: 'latency-p99',
    description: 'p99 latency over the window stays at or below max-ms (App Runner: AWS/AppRunner RequestLatency; ECS Express: AWS/ApplicationELB TargetResponseTime of its target groups).',
    shape: {
        'max-ms': schemas/* int */.Whr().positive({ message: 'expected a number of milliseconds greater than 0' }),
        window: checks_fields/* positiveDurationField */.cU.default('1h'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const { clock, logger, signal } = ctx;
        const asked = await (0,load_balancer/* latencyRequests */.B)(ctx, (0,checks_fields/* metricWindow */.zV)(check.window, clock.now()));
        const answers = await Promise.all(asked.requests.map((request) => (0,cloudwatch/* metricStatistics */.WV)(ctx.aws.cloudWatch, request, { clock, logger, signal })));
        const values = answers.flat().flatMap((p) => {
            const v = p.ExtendedStatistics?.['p99'];
            return v === undefined ? [] : [v * asked.toMs];
        });
        if (values.length === 0)
            return {
                status: 'warn',
                line: `no data: no ${asked.metric} in the last ${check.window} (no traffic?)`,
                observed: { datapoints: 0, metric: asked.metric },
            };
        const p99 = Math.round(Math.max(...values));
        const observed = {
            p99Ms: p99,
            datapoints: values.length,
            window: check.window,
            metric: asked.metric,
        };
        if (p99 <= check['max-ms'])
            return {
                status: 'pass',
                line: `p99 latency ${p99} ms in the last ${check.window} (limit ${check['max-ms']} ms)`,
                observed,
            };
        return {
            status: 'fail',
            line: `p99 latency ${p99} ms in the last ${check.window}, above ${check['max-ms']} ms: look for slow queries (pg_stat_statements) and the instance's CPU`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/lifecycle-policy.ts




/**
 * A policy that expires only untagged images. ECR's lifecycle evaluation never expires the
 * untagged children of an index that is still referenced (unlike hand-written scripts), and
 * it does not touch tagged images, so rollback targets stay.
 */
function suggestedLifecyclePolicy(untaggedDays) {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images ${untaggedDays} days after push`,
                selection: {
                    tagStatus: 'untagged',
                    countType: 'sinceImagePushed',
                    countUnit: 'days',
                    countNumber: untaggedDays,
                },
                action: { type: 'expire' },
            },
        ],
    });
}
/** Whether the repository has an ECR lifecycle policy (GetLifecyclePolicy); suggests one if not. */
const lifecyclePolicy = (0,types/* defineCheck */.q)({
    type: 'lifecycle-policy',
    description: 'The ECR repository has a lifecycle policy; without one the report suggests a policy that expires untagged images.',
    shape: {
        'untagged-days': schemas/* int */.Whr()
            .min(1)
            .max(3650)
            .default(14)
            .describe('Age after which the suggested policy expires untagged images.'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger }) {
        const location = (0,context/* ecrLocation */.Y)(env);
        const repo = location.repository;
        const policy = await new EcrImages(aws.ecr, location, { clock, logger }).lifecyclePolicy();
        if (!policy) {
            const suggested = suggestedLifecyclePolicy(check['untagged-days']);
            return {
                status: 'warn',
                line: `${repo} has no ECR lifecycle policy; add one that expires untagged images after ${check['untagged-days']} days (aws ecr put-lifecycle-policy --repository-name ${repo} --lifecycle-policy-text file://policy.json, policy in the evidence); the ecr-untagged clean-up still protects what runs and the rollback targets`,
                observed: { repository: repo, hasPolicy: false },
                evidence: { suggestedPolicy: suggested },
            };
        }
        let rules = [];
        try {
            rules = (JSON.parse(policy.text).rules ?? []).filter((r) => typeof r === 'object' && r !== null);
        }
        catch {
            // ECR validates policies on write; unreadable text is reported as zero rules.
        }
        const summary = rules.map((r) => `${r.rulePriority ?? '?'}: ${r.selection?.tagStatus ?? '?'} ${r.selection?.countType ?? '?'} ${r.selection?.countNumber ?? '?'}${r.description ? ` (${r.description})` : ''}`);
        const expiresUntagged = rules.some((r) => r.selection?.tagStatus === 'untagged');
        return {
            status: 'pass',
            line: `${repo} has a lifecycle policy with ${rules.length} rule(s)${expiresUntagged ? ', untagged images expire' : ', none for untagged images'}`,
            observed: {
                repository: repo,
                hasPolicy: true,
                rules: rules.length,
                expiresUntagged,
                ...(policy.lastEvaluatedAt
                    ? { lastEvaluatedAt: policy.lastEvaluatedAt.toISOString() }
                    : {}),
            },
            evidence: { rules: summary, policy: policy.text },
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(303);
;// CONCATENATED MODULE: ./core/checks/log-errors.ts






const MAX_PAGES = 20;
const SHOWN = 5;
/** The runbook's weekly "recurring error patterns in CloudWatch logs". */
const logErrors = (0,types/* defineCheck */.q)({
    type: 'log-errors',
    description: 'CloudWatch Logs events matching a filter pattern over the window stay at or below max-count.',
    shape: {
        'log-group': schemas/* string */.YjP().min(1).max(512),
        pattern: schemas/* string */.YjP().min(1).describe('A CloudWatch Logs filter pattern, e.g. "?ERROR ?FATAL".'),
        'max-count': schemas/* int */.Whr().min(0).default(0),
        window: checks_fields/* positiveDurationField */.cU.default('24h'),
    },
    defaultTimeoutMs: 60_000,
    group: 'Monitoring',
    async run(check, { aws, clock, logger, signal }) {
        const end = clock.now();
        const start = end - ((0,duration/* parseDuration */.E)(check.window) ?? 86_400_000);
        const events = [];
        let token;
        let pages = 0;
        do {
            const page = await (0,call/* awsCall */.uF)('FilterLogEvents', () => aws.cloudWatchLogs.send(new client_cloudwatch_logs_dist_cjs/* FilterLogEventsCommand */.nsW({
                logGroupName: check['log-group'],
                filterPattern: check.pattern,
                startTime: start,
                endTime: end,
                ...(token ? { nextToken: token } : {}),
            }), { abortSignal: signal }), { clock, logger, signal });
            events.push(...(page.events ?? []));
            token = page.nextToken;
            pages++;
            // Past the limit the answer is known; further pages only make the count exact.
        } while (token && pages < MAX_PAGES && events.length <= check['max-count'] + 1000);
        const count = events.length;
        const first = events.slice(0, SHOWN).map((e) => ({
            at: new Date(e.timestamp ?? 0).toISOString(),
            message: (e.message ?? '').trim().slice(0, 300),
        }));
        const observed = { count, window: check.window, logGroup: check['log-group'], first };
        const more = token ? '+' : '';
        if (count <= check['max-count'])
            return {
                status: 'pass',
                line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window} (limit ${check['max-count']})`,
                observed,
            };
        return {
            status: 'fail',
            line: `${count}${more} events match "${check.pattern}" in ${check['log-group']} over ${check.window}, more than ${check['max-count']}; first: ${first[0]?.message ?? ''}`,
            observed,
            evidence: { pattern: check.pattern, first },
        };
    },
});

// EXTERNAL MODULE: ./core/maintenance/suite-pauses.ts
var suite_pauses = __webpack_require__(78);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
;// CONCATENATED MODULE: ./core/checks/monitors-green.ts






const RANK = { pass: 0, warn: 1, fail: 2, error: 3 };
/**
 * The runbook's daily "BetterStack monitors green". A pause by the suite that outlived its
 * window is ended here as well — the scheduled checks are the run most likely to come after
 * a lost runner — and the check still fails, because alerts were off longer than planned.
 * That resume is the suite finishing its own maintenance window, not a change to what is
 * checked, so the type is not declared mutating (a gate may list it).
 */
const monitorsGreen = (0,types/* defineCheck */.q)({
    type: 'monitors-green',
    description: 'Every configured BetterStack monitor is up; a pause by apprunner-ops past its window is ended.',
    shape: {
        'monitor-ids': schemas/* array */.YOg(schemas/* string */.YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('Monitors to check; default: the environment’s maintenance.monitor-ids.'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Monitoring',
    async run(check, { env, environment, secrets, clock, logger }) {
        const ids = check['monitor-ids'] ?? env.maintenance?.['monitor-ids'];
        if (!ids)
            return {
                status: 'skipped',
                line: `no monitors to check: set environments.${environment}.maintenance.monitor-ids or monitor-ids on this check`,
            };
        const token = secrets.betterstackToken;
        if (!token)
            return {
                status: 'error',
                line: 'no betterstack-token given: the BetterStack monitors cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
            };
        const client = new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), token, { clock, logger });
        const verdicts = await Promise.all(ids.map((id) => judge(client, id, clock.now())));
        return summarise(verdicts);
    },
});
async function judge(client, id, now) {
    let inspected;
    try {
        inspected = await (0,suite_pauses/* inspectMonitor */.pz)(client, id);
    }
    catch (error) {
        return {
            id,
            verdict: 'error',
            line: `monitor ${id} could not be read: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    const { monitor, record } = inspected;
    const owner = (0,suite_pauses/* pauseOwner */.Q$)(monitor, record, now);
    const base = { id, status: monitor.status, pausedAt: monitor.pausedAt };
    if (owner.kind === 'suite' && !owner.expired) {
        return {
            ...base,
            verdict: 'warn',
            line: `${monitor.name} (${id}) is paused by ${(0,suite_pauses/* describeSuitePause */.Cz)(owner.record)}`,
        };
    }
    if (owner.kind === 'suite') {
        const late = (0,duration/* formatDuration */.a)(now - Date.parse(owner.record.until));
        try {
            await client.resume(id);
            await client.removeMetadata(id, suite_pauses/* PAUSE_RECORD_KEY */.nA);
        }
        catch (error) {
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) is still paused by ${(0,suite_pauses/* describeSuitePause */.Cz)(owner.record)}, ${late} past its window, and resuming it failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
            };
        }
        return {
            ...base,
            verdict: 'fail',
            ended: true,
            line: `${monitor.name} (${id}) was paused by ${(0,suite_pauses/* describeSuitePause */.Cz)(owner.record)} and stayed paused ${late} past its window: ended the pause now`,
        };
    }
    if (owner.kind === 'person') {
        return {
            ...base,
            verdict: 'fail',
            line: `${monitor.name} (${id}): ${(0,suite_pauses/* personPauseLine */.g$)(id, owner)}`,
        };
    }
    switch (monitor.status) {
        case 'up':
            return { ...base, verdict: 'pass', line: `${monitor.name} (${id}) is up` };
        case 'down':
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) is down: look at its incident in BetterStack`,
            };
        case 'pending':
        case 'validating':
            return {
                ...base,
                verdict: 'warn',
                line: `${monitor.name} (${id}) is ${monitor.status}: not checked since it was resumed or changed`,
            };
        case 'maintenance':
            return {
                ...base,
                verdict: 'warn',
                line: `${monitor.name} (${id}) is in its BetterStack maintenance window`,
            };
        default:
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) reports status "${monitor.status}", expected up`,
            };
    }
}
function summarise(verdicts) {
    const worst = verdicts.reduce((w, v) => (RANK[v.verdict] > RANK[w] ? v.verdict : w), 'pass');
    const notable = verdicts.filter((v) => v.verdict !== 'pass');
    const line = notable.length === 0
        ? `all ${verdicts.length} monitors are up`
        : notable.map((v) => v.line).join('; ');
    const observed = Object.fromEntries(verdicts.map((v) => [
        v.id,
        'status' in v
            ? { status: v.status, pausedAt: v.pausedAt, ...(v.ended ? { pauseEnded: true } : {}) }
            : { error: v.line },
    ]));
    return {
        status: worst,
        line,
        observed,
        evidence: { monitors: verdicts.map((v) => ({ id: v.id, verdict: v.verdict, line: v.line })) },
    };
}

;// CONCATENATED MODULE: ./core/checks/pages-reachable.ts




/** The runbook's "terms (/vilkaar) and privacy policy (/personvern) reachable". */
const pagesReachable = (0,types/* defineCheck */.q)({
    type: 'pages-reachable',
    description: 'Each page under health.base-url answers 200.',
    shape: { paths: schemas/* array */.YOg(schemas/* string */.YjP().startsWith('/')).min(1) },
    defaultTimeoutMs: 20_000,
    group: 'Compliance',
    async run(check, ctx) {
        const base = baseUrl(ctx);
        const answers = await Promise.all(check.paths.map(async (path) => {
            const url = new URL(path, base);
            try {
                const response = await get(url, ctx);
                return { path, status: response.status, latencyMs: Math.round(response.latencyMs) };
            }
            catch (error) {
                return { path, status: 0, error: (0,errors/* errorMessage */.gJ)(error) };
            }
        }));
        const bad = answers.filter((a) => a.status !== 200);
        const observed = { base: base.href, pages: answers };
        if (bad.length > 0)
            return {
                status: 'fail',
                line: bad
                    .map((a) => `${a.path} ${'error' in a ? `unreachable (${a.error})` : `answered ${a.status}`}, expected 200`)
                    .join('; '),
                observed,
            };
        return { status: 'pass', line: `${check.paths.join(', ')} answer 200`, observed };
    },
});

;// CONCATENATED MODULE: ./core/checks/restore-verified.ts


const restore_verified_DAY = 86_400_000;
const SUCCESS = new Set(['pass', 'passed', 'success', 'succeeded', 'ok', 'verified']);
/** A drill row counts as successful when its details say so (`status`, `outcome` or `result`). */
function succeeded(details) {
    if (details['ok'] === true)
        return true;
    return ['status', 'outcome', 'result'].some((key) => SUCCESS.has(String(details[key] ?? '').toLowerCase()));
}
/**
 * The runbook's "last backup verified, point-in-time recovery tested": the monthly restore
 * drill (snapshot-restore) writes an audit_log row with action 'restore_drill'; this reads them.
 */
const restoreVerified = (0,types/* defineCheck */.q)({
    type: 'restore-verified',
    description: 'A successful restore drill (audit_log action restore_drill) within max-age-days.',
    shape: { 'max-age-days': schemas/* int */.Whr().min(1).max(366).default(35) },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const url = ctx.secrets.databaseUrl;
        if (!url)
            return {
                status: 'error',
                line: 'restore-verified needs the database-url input (read access to audit_log)',
            };
        // Loaded on use: the registry is imported by every action that reads the configuration.
        const { readAuditEntries } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3892));
        const rows = await readAuditEntries(url, { action: 'restore_drill', limit: 50 });
        if (rows.length === 0)
            return {
                status: 'error',
                line: 'no restore drill on record; run the monthly snapshot-restore check first',
                observed: { drills: 0 },
            };
        const good = rows.find((r) => succeeded(r.details));
        const now = ctx.clock.now();
        const observed = {
            drills: rows.length,
            newest: {
                at: rows[0].created_at.toISOString(),
                id: rows[0].id,
                ok: succeeded(rows[0].details),
            },
            newestSuccessful: good ? good.created_at.toISOString() : null,
        };
        if (!good)
            return {
                status: 'fail',
                line: `none of the ${rows.length} restore drill(s) on record succeeded; fix the restore and run the drill again`,
                observed,
            };
        const ageDays = Math.floor((now - good.created_at.getTime()) / restore_verified_DAY);
        if (ageDays > check['max-age-days'])
            return {
                status: 'fail',
                line: `the last successful restore drill was ${ageDays} days ago (limit ${check['max-age-days']}); run it again`,
                observed,
            };
        return {
            status: 'pass',
            line: `restore drill succeeded ${ageDays} day(s) ago (${good.resource_id})`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
// EXTERNAL MODULE: ./core/rotation/grace.ts
var grace = __webpack_require__(2887);
// EXTERNAL MODULE: ./core/rotation/types.ts
var rotation_types = __webpack_require__(4742);
;// CONCATENATED MODULE: ./core/checks/rotation-due.ts





const rotation_due_DAY = 86_400_000;
const WARN_WITHIN_DAYS = 14;
/**
 * Secrets past `rotate-every-days` fail; within 14 days of it they warn. A previous JWT key past
 * its `grace-days` warns: the next rotate-secret run retires it (a check only reads). Ages come from
 * DescribeSecret (LastRotatedDate, else LastChangedDate); the value is never read. External
 * secrets are rotated by their issuer, so they only remind (warn).
 */
const rotationDue = (0,types/* defineCheck */.q)({
    type: 'rotation-due',
    description: 'No configured secret is past its rotation date.',
    shape: {},
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, { env, aws, clock, logger }) {
        const secrets = (env.secrets ?? []).filter((s) => s['rotate-every-days'] !== undefined);
        const withGrace = (env.secrets ?? []).filter((s) => s['grace-days'] !== undefined);
        if (secrets.length === 0 && withGrace.length === 0)
            return { status: 'skipped', line: 'no secret has rotate-every-days or grace-days' };
        const store = new secrets_manager/* SecretsStore */.V(aws.secretsManager, { clock, logger });
        const observed = {};
        const lines = [];
        for (const secret of secrets) {
            const id = (0,rotation_types/* rotatedSecretId */.n)(secret);
            const every = secret['rotate-every-days'];
            try {
                const d = await store.describe(id);
                const last = Math.max(d.lastRotatedAt?.getTime() ?? 0, d.lastChangedAt?.getTime() ?? 0);
                const ageDays = Math.floor((clock.now() - last) / rotation_due_DAY);
                const left = every - ageDays;
                observed[secret.name] = {
                    secretId: id,
                    lastChanged: new Date(last).toISOString(),
                    ageDays,
                    everyDays: every,
                };
                const external = secret.kind === 'external';
                if (left <= 0)
                    lines.push({
                        status: external ? 'warn' : 'fail',
                        text: `${secret.name} is ${ageDays} days old, past its ${every}-day rotation${external ? ' (external: rotate it with its issuer)' : ' (run rotate.yml)'}`,
                    });
                else if (left <= WARN_WITHIN_DAYS)
                    lines.push({ status: 'warn', text: `${secret.name} is due in ${left} days` });
            }
            catch (error) {
                lines.push({ status: 'error', text: `${secret.name} (${id}): ${(0,errors/* errorMessage */.gJ)(error)}` });
            }
        }
        try {
            for (const age of await (0,grace/* previousKeyAges */.B3)(withGrace, store, clock)) {
                observed[`${age.secret.name} previous key`] = {
                    secretId: age.previousSecretId,
                    ageDays: Math.floor(age.ageDays),
                    graceDays: age.graceDays,
                    retired: age.retired,
                };
                if (age.expired)
                    lines.push({
                        status: 'warn',
                        text: `${(0,grace/* describeAge */.HK)(age)}: the next rotate-secret run retires it`,
                    });
            }
        }
        catch (error) {
            lines.push({ status: 'error', text: `previous keys: ${(0,errors/* errorMessage */.gJ)(error)}` });
        }
        const order = ['error', 'fail', 'warn'];
        const worst = order.find((s) => lines.some((l) => l.status === s));
        if (!worst)
            return {
                status: 'pass',
                line: `${secrets.length} secrets within their rotation periods${withGrace.length ? ', previous keys within their grace periods' : ''}`,
                observed,
            };
        return {
            status: worst,
            line: lines.map((l) => l.text).join('; '),
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/secrets-present.ts






/**
 * The go-live gate's "Secrets Manager holds JWT_SECRET (≥ 32 chars), DATABASE_URL, …". The
 * value is read only to measure its length; only the length is reported.
 */
const secretsPresent = (0,types/* defineCheck */.q)({
    type: 'secrets-present',
    description: 'The configured secrets exist and are long enough; values are measured, never shown.',
    shape: { names: schemas/* array */.YOg(fields/* envNameField */.vn).optional() },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger }) {
        const configured = env.secrets ?? [];
        const unknown = (check.names ?? []).filter((n) => !configured.some((s) => s.name === n));
        if (unknown.length > 0)
            return {
                status: 'error',
                line: `names ${unknown.join(', ')} are not under this environment's secrets:`,
            };
        const chosen = check.names
            ? configured.filter((s) => check.names.includes(s.name))
            : configured;
        if (chosen.length === 0)
            return { status: 'error', line: 'no secrets are configured for this environment' };
        const store = new secrets_manager/* SecretsStore */.V(aws.secretsManager, { clock, logger });
        const observed = {};
        const problems = [];
        for (const secret of chosen) {
            const id = (0,rotation_types/* rotatedSecretId */.n)(secret);
            try {
                await store.describe(id);
                const length = (await store.value(id)).value.length;
                const min = secret['min-length'] ?? 1;
                observed[secret.name] = { secretId: id, length, minLength: min };
                if (length < min)
                    problems.push(`${secret.name} has ${length} characters, fewer than ${min}`);
            }
            catch (error) {
                observed[secret.name] = { secretId: id, exists: false };
                problems.push(error instanceof secrets_manager/* SecretNotFound */.M
                    ? `${secret.name} (${id}) does not exist`
                    : `${secret.name} (${id}): ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        return problems.length === 0
            ? {
                status: 'pass',
                line: `${chosen.length} secrets present and long enough`,
                observed,
            }
            : { status: 'fail', line: problems.join('; '), observed };
    },
});

;// CONCATENATED MODULE: ./core/checks/service-env.ts




/**
 * The runbook's "NODE_ENV=production, BANKID_MOCK NOT set" and "Secrets Manager holds …":
 * plain variables are compared (their values are configuration, not secrets); secrets are
 * only checked to be referenced, never read.
 */
const serviceEnv = (0,types/* defineCheck */.q)({
    type: 'service-env',
    description: "The service's environment variables have these values, these are absent, and every configured secret is referenced (App Runner RuntimeEnvironmentSecrets; ECS Express the active configuration's container secrets).",
    shape: {
        equals: schemas/* record */.g1P(fields/* envNameField */.vn, schemas/* string */.YjP()).default({}),
        absent: schemas/* array */.YOg(fields/* envNameField */.vn).default([]),
        'secrets-referenced': schemas/* boolean */.zMY()
            .default(true)
            .describe("Every name under the environment's secrets must be in RuntimeEnvironmentSecrets."),
    },
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        // What runs: App Runner's configuration, or ECS Express's active configuration.
        const state = await (0,target_of/* checkTarget */.e)(ctx).describe();
        const vars = state.environment;
        const secrets = state.secrets;
        const secretsIn = ctx.env.target.kind === 'app-runner'
            ? 'RuntimeEnvironmentSecrets'
            : "the container's secrets";
        const problems = [];
        for (const [name, want] of Object.entries(check.equals)) {
            if (!(name in vars))
                problems.push(`${name} is not set (want "${want}")`);
            else if (vars[name] !== want)
                problems.push(`${name} is "${vars[name]}", want "${want}"`);
        }
        for (const name of check.absent)
            if (name in vars || name in secrets)
                problems.push(`${name} is set and must be absent (deploy with env-unset: ${name})`);
        const missingSecrets = check['secrets-referenced']
            ? (ctx.env.secrets ?? []).map((s) => s.name).filter((name) => !(name in secrets))
            : [];
        for (const name of missingSecrets)
            problems.push(`secret ${name} is not in ${secretsIn}`);
        const observed = {
            variables: Object.keys(vars).sort(),
            secretsReferenced: Object.keys(secrets).sort(),
            checked: { equals: Object.keys(check.equals), absent: check.absent },
        };
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${state.name}: ${problems.join('; ')}`,
                observed,
            };
        return {
            status: 'pass',
            line: `${state.name}: ${Object.keys(check.equals).length} variable(s) as expected, ${check.absent.length} absent, ${Object.keys(secrets).length} secret(s) referenced`,
            observed,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7202);
;// CONCATENATED MODULE: ./core/checks/snapshot-fresh.ts





const snapshot_fresh_MAX_PAGES = 50;
/**
 * The runbook's daily "last night's automated snapshot exists and is < 24 h old" (design
 * pitfall 6): automated snapshots only, every page (Marker), and a snapshot still `creating`
 * has no SnapshotCreateTime, so it cannot be the fresh one yet.
 */
const snapshotFresh = (0,types/* defineCheck */.q)({
    type: 'snapshot-fresh',
    description: 'The newest automated RDS snapshot is younger than max-age.',
    shape: { 'max-age': checks_fields/* positiveDurationField */.cU.default('24h') },
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger, signal }) {
        const instance = (0,checks_fields/* databaseInstance */.$E)(env);
        if (typeof instance !== 'string')
            return instance;
        const snapshots = [];
        let marker;
        let pages = 0;
        do {
            const page = await (0,call/* awsCall */.uF)('DescribeDBSnapshots', () => aws.rds.send(new client_rds_dist_cjs/* DescribeDBSnapshotsCommand */.KKI({
                DBInstanceIdentifier: instance,
                SnapshotType: 'automated',
                MaxRecords: 100,
                ...(marker ? { Marker: marker } : {}),
            }), { abortSignal: signal }), { clock, logger, signal });
            snapshots.push(...(page.DBSnapshots ?? []));
            marker = page.Marker;
            pages++;
        } while (marker && pages < snapshot_fresh_MAX_PAGES);
        const maxAgeMs = (0,duration/* parseDuration */.E)(check['max-age']) ?? 86_400_000;
        const creating = snapshots.filter((s) => !s.SnapshotCreateTime).length;
        const dated = snapshots
            .filter((s) => !!s.SnapshotCreateTime)
            .sort((a, b) => b.SnapshotCreateTime.getTime() - a.SnapshotCreateTime.getTime());
        const newest = dated[0];
        const observed = { instance, automatedSnapshots: snapshots.length, creating, pages };
        if (!newest)
            return {
                status: 'fail',
                line: `${instance} has no finished automated snapshot${creating ? ` (${creating} still creating)` : ''}: check that automated backups are on (BackupRetentionPeriod > 0)`,
                observed,
            };
        const ageMs = clock.now() - newest.SnapshotCreateTime.getTime();
        const full = {
            ...observed,
            newest: newest.DBSnapshotIdentifier,
            newestAt: newest.SnapshotCreateTime.toISOString(),
            ageMs,
        };
        const evidence = { snapshot: newest.DBSnapshotIdentifier, createdAt: full.newestAt };
        if (ageMs <= maxAgeMs)
            return {
                status: 'pass',
                line: `newest automated snapshot of ${instance} is ${(0,duration/* formatDuration */.a)(ageMs)} old (${newest.DBSnapshotIdentifier})`,
                observed: full,
                evidence,
            };
        return {
            status: 'fail',
            line: `newest automated snapshot of ${instance} is ${(0,duration/* formatDuration */.a)(ageMs)} old, more than ${check['max-age']}: check the backup window and the RDS events of the instance`,
            observed: full,
            evidence,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var client_secrets_manager_dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./core/audit/audit-log.ts
var audit_log = __webpack_require__(3892);
;// CONCATENATED MODULE: ./core/drill/record.ts

/**
 * A restore drill as the audit log keeps it: `action='restore_drill'`,
 * `resource_type='rds_db_instance'`, `resource_id=<source instance>`. The go-live gate's
 * `restore-verified` check and the monthly summary read these rows (readRestoreDrills).
 */
const RESTORE_DRILL_ACTION = 'restore_drill';
const RESTORE_DRILL_RESOURCE = 'rds_db_instance';
async function recordRestoreDrill(databaseUrl, record, who) {
    return (0,audit_log/* writeAuditEntry */.v3)(databaseUrl, {
        action: RESTORE_DRILL_ACTION,
        resourceType: RESTORE_DRILL_RESOURCE,
        resourceId: record.instance,
        details: {
            environment: record.environment,
            result: record.result,
            snapshot: record.snapshot,
            snapshot_time: record.snapshotTime,
            drill_instance: record.drillInstance,
            restore_ms: record.restoreMs,
            delete_ms: record.deleteMs,
            values: record.values,
            finished_at: record.finishedAt,
            ...(record.problem ? { problem: record.problem } : {}),
        },
        actor: who.actor,
        runUrl: who.runUrl,
    });
}
/** The last drills of an instance, newest first (for restore-verified and the summary). */
async function readRestoreDrills(databaseUrl, instance, limit = 12) {
    const rows = await (0,audit_log.readAuditEntries)(databaseUrl, {
        action: RESTORE_DRILL_ACTION,
        resourceType: RESTORE_DRILL_RESOURCE,
        limit: 500,
    });
    return rows
        .filter((r) => r.resource_id === instance)
        .slice(0, limit)
        .map((r) => {
        const d = r.details;
        const num = (v) => (typeof v === 'number' ? v : undefined);
        return {
            at: r.created_at,
            instance: r.resource_id,
            environment: String(d['environment'] ?? ''),
            result: d['result'] === 'pass' ? 'pass' : 'fail',
            snapshot: String(d['snapshot'] ?? ''),
            snapshotTime: String(d['snapshot_time'] ?? ''),
            drillInstance: String(d['drill_instance'] ?? ''),
            restoreMs: num(d['restore_ms']),
            deleteMs: num(d['delete_ms']),
            values: (d['values'] ?? {}),
            finishedAt: String(d['finished_at'] ?? ''),
            problem: typeof d['problem'] === 'string' ? d['problem'] : undefined,
        };
    });
}

// EXTERNAL MODULE: ./core/util/retry.ts
var retry = __webpack_require__(9891);
// EXTERNAL MODULE: ./core/util/wait.ts
var wait = __webpack_require__(4480);
;// CONCATENATED MODULE: ./core/drill/rds-drill.ts





/** The tag every drill instance carries; cleanup deletes only instances that have it. */
const DRILL_TAG = { Key: 'apprunner-ops:drill', Value: 'true' };
class DrillFailed extends errors/* DomainFailure */.dY {
    name = 'DrillFailed';
}
/** States a restoring instance does not come back from. */
const BROKEN = new Set([
    'failed',
    'incompatible-restore',
    'incompatible-parameters',
    'incompatible-network',
    'inaccessible-encryption-credentials',
    'restore-error',
    'storage-full',
]);
const notFound = (error) => ['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes((0,call/* awsErrorName */.ZH)(error) ?? '');
/** `<instance>-drill-<YYYYMMDD>`, shortened on the left to RDS's 63 characters. */
function drillInstanceId(source, at) {
    const day = at.toISOString().slice(0, 10).replace(/-/g, '');
    const suffix = `-drill-${day}`;
    return `${source.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`.toLowerCase();
}
/** Whether an instance is one of this source's drills: the name pattern AND the tag. */
function isDrillOf(source, instance) {
    const id = instance.DBInstanceIdentifier ?? '';
    const stem = drillInstanceId(source, new Date(0)).slice(0, -8);
    return (id.startsWith(stem) &&
        /^\d{8}$/.test(id.slice(stem.length)) &&
        (instance.TagList ?? []).some((t) => t.Key === DRILL_TAG.Key && t.Value === DRILL_TAG.Value));
}
/** The RDS side of a restore drill. Never sends a mutating call naming the source. */
class RdsDrill {
    client;
    source;
    deps;
    signal;
    constructor(client, source, deps, signal) {
        this.client = client;
        this.source = source;
        this.deps = deps;
        this.signal = signal;
    }
    async describe(id) {
        try {
            const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => this.client.send(new client_rds_dist_cjs.DescribeDBInstancesCommand({ DBInstanceIdentifier: id })), this.deps);
            return out.DBInstances?.[0];
        }
        catch (error) {
            if (notFound(error))
                return undefined;
            throw error;
        }
    }
    /** Every instance of the account and region, following Marker (bounded). */
    async all() {
        const out = [];
        let marker;
        for (let page = 0; page < 200; page++) {
            const res = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => this.client.send(new client_rds_dist_cjs.DescribeDBInstancesCommand({ Marker: marker, MaxRecords: 100 })), this.deps);
            out.push(...(res.DBInstances ?? []));
            marker = res.Marker;
            if (!marker)
                return out;
        }
        throw new Error('DescribeDBInstances still had more pages after 200; giving up the scan');
    }
    /** Drill instances of this source (tagged and named as drills), e.g. left by a killed run. */
    async leftovers() {
        return (await this.all()).filter((i) => isDrillOf(this.source, i));
    }
    /**
     * The newest available snapshot of the source: automated, or manual with the pre-deploy
     * prefix. Creating snapshots have no SnapshotCreateTime and are skipped.
     */
    async newestSnapshot(kind) {
        const found = [];
        let marker;
        for (let page = 0; page < 200; page++) {
            const res = await (0,call/* awsCall */.uF)('DescribeDBSnapshots', () => this.client.send(new client_rds_dist_cjs/* DescribeDBSnapshotsCommand */.KKI({
                DBInstanceIdentifier: this.source,
                SnapshotType: kind === 'automated' ? 'automated' : 'manual',
                Marker: marker,
                MaxRecords: 100,
            })), this.deps);
            found.push(...(res.DBSnapshots ?? []));
            marker = res.Marker;
            if (!marker)
                break;
        }
        const usable = found
            .filter((s) => s.Status === 'available' && s.SnapshotCreateTime)
            .filter((s) => kind === 'automated' || (s.DBSnapshotIdentifier ?? '').startsWith(kind.prefix))
            .sort((a, b) => b.SnapshotCreateTime.getTime() - a.SnapshotCreateTime.getTime());
        const newest = usable[0];
        if (!newest)
            throw new DrillFailed(kind === 'automated'
                ? `${this.source} has no available automated snapshot to restore; check its backup retention (BackupRetentionPeriod > 0)`
                : `${this.source} has no available snapshot named ${kind.prefix}*; deploy once with snapshots on, or choose snapshot: newest-automated`);
        return newest;
    }
    /**
     * RestoreDBInstanceFromDBSnapshot with the source's network and parameter group, private,
     * tagged as a drill. Not idempotent: a retry that finds the instance already there adopts it
     * only when it is our drill (same tag and snapshot), else it fails.
     */
    async restore(input) {
        const { like } = input;
        const securityGroups = (like.VpcSecurityGroups ?? []).flatMap((g) => g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : []);
        const subnetGroup = like.DBSubnetGroup?.DBSubnetGroupName;
        const parameterGroup = like.DBParameterGroups?.[0]?.DBParameterGroupName;
        if (!subnetGroup || securityGroups.length === 0 || !parameterGroup)
            throw new DrillFailed(`${this.source} does not report its subnet group, security groups and parameter group; a restore without them lands in the default (possibly open) network, so the drill does not start`);
        let attempts = 0;
        await (0,retry/* retry */.L)(async () => {
            attempts++;
            try {
                await this.client.send(new client_rds_dist_cjs/* RestoreDBInstanceFromDBSnapshotCommand */.dX$({
                    DBInstanceIdentifier: input.id,
                    DBSnapshotIdentifier: input.snapshotId,
                    DBSubnetGroupName: subnetGroup,
                    VpcSecurityGroupIds: securityGroups,
                    DBParameterGroupName: parameterGroup,
                    PubliclyAccessible: false,
                    MultiAZ: false,
                    DBInstanceClass: input.instanceClass,
                    DeletionProtection: false,
                    CopyTagsToSnapshot: false,
                    Tags: [{ ...DRILL_TAG }, { Key: 'apprunner-ops:source', Value: this.source }],
                }));
            }
            catch (error) {
                if (attempts > 1 && (0,call/* awsErrorName */.ZH)(error) === 'DBInstanceAlreadyExistsFault') {
                    const there = await this.describe(input.id);
                    if (there && isDrillOf(this.source, there))
                        return;
                }
                throw error;
            }
        }, {
            label: 'RestoreDBInstanceFromDBSnapshot',
            ...call/* AWS_RETRY */.pN,
            // Only answers that mean "not done": throttling. A 5xx may have created it: the
            // retry then meets DBInstanceAlreadyExists and adopts our own drill.
            isRetryable: (e) => ['Throttling', 'ThrottlingException', 'InternalFailure', 'ServiceUnavailable'].includes((0,call/* awsErrorName */.ZH)(e) ?? ''),
            clock: this.deps.clock,
            logger: this.deps.logger,
        });
    }
    /** Waits for `available`; a state it cannot leave is a failure at once. */
    async waitAvailable(id, timing) {
        return (0,wait/* waitFor */.f)({
            what: `drill instance ${id} to be available`,
            timeoutMs: timing.restoreTimeoutMs,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(this.signal ? { signal: this.signal } : {}),
            probe: async () => {
                const instance = await this.describe(id);
                const status = instance?.DBInstanceStatus ?? 'not listed yet';
                if (instance && status === 'available')
                    return { done: true, value: instance };
                if (BROKEN.has(status))
                    throw new DrillFailed(`drill instance ${id} ended in state "${status}"; the restore failed`);
                return { done: false, status };
            },
        });
    }
    /**
     * Deletes a drill instance (SkipFinalSnapshot) and waits until it is gone. Refuses anything
     * that is not a tagged drill of this source. An instance RDS will not delete yet (e.g. still
     * in a state that refuses it) is waited for and asked again, within the same deadline.
     */
    async deleteDrill(id, timing, signal) {
        const started = this.deps.clock.now();
        const instance = await this.describe(id);
        if (!instance)
            return;
        if (!isDrillOf(this.source, instance))
            throw new Error(`refusing to delete ${id}: it is not a drill instance of ${this.source} (name and tag ${DRILL_TAG.Key}=true)`);
        await (0,wait/* waitFor */.f)({
            what: `drill instance ${id} to accept DeleteDBInstance`,
            timeoutMs: timing.deleteTimeoutMs,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(signal ? { signal } : {}),
            probe: async () => {
                try {
                    await (0,call/* awsCall */.uF)('DeleteDBInstance', () => this.client.send(new client_rds_dist_cjs/* DeleteDBInstanceCommand */.Yvh({
                        DBInstanceIdentifier: id,
                        SkipFinalSnapshot: true,
                        DeleteAutomatedBackups: true,
                    })), this.deps);
                    return { done: true, value: undefined };
                }
                catch (error) {
                    if (notFound(error))
                        return { done: true, value: undefined };
                    const name = (0,call/* awsErrorName */.ZH)(error);
                    if (name === 'InvalidDBInstanceStateFault') {
                        const now = await this.describe(id);
                        if (!now || now.DBInstanceStatus === 'deleting')
                            return { done: true, value: undefined };
                        return { done: false, status: `${now.DBInstanceStatus} (${name})` };
                    }
                    throw error;
                }
            },
        });
        const left = Math.max(1, timing.deleteTimeoutMs - (this.deps.clock.now() - started));
        await (0,wait/* waitFor */.f)({
            what: `drill instance ${id} to be deleted`,
            timeoutMs: left,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(signal ? { signal } : {}),
            probe: async () => {
                const now = await this.describe(id);
                return now
                    ? { done: false, status: now.DBInstanceStatus ?? 'unknown' }
                    : { done: true, value: undefined };
            },
        });
    }
}
/**
 * For a post step (or the next run): finds this source's drill instances by tag and deletes
 * them, waiting until they are gone. Returns their ids. Never touches anything else.
 */
async function cleanupDrill(client, source, timing, deps) {
    const drill = new RdsDrill(client, source, deps);
    const found = await drill.leftovers();
    for (const instance of found) {
        const id = instance.DBInstanceIdentifier;
        deps.logger.warning(`Deleting drill instance ${id} (status ${instance.DBInstanceStatus ?? 'unknown'}), left by an earlier or cancelled drill`);
        await drill.deleteDrill(id, timing);
    }
    return found.map((i) => i.DBInstanceIdentifier);
}

// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
;// CONCATENATED MODULE: ./core/drill/verify.ts



/**
 * Credentials from a DATABASE_URL-style URL: its user, password, database and sslmode; the
 * host and port are the restored instance's, not the URL's.
 */
function credentialsFromUrl(databaseUrl) {
    const url = new URL(databaseUrl);
    const sslmode = url.searchParams.get('sslmode');
    return {
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
        ssl: sslmode === null || sslmode === 'disable' || sslmode === 'allow' || sslmode === 'prefer'
            ? false
            : { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' },
    };
}
function expectation(q) {
    const e = q.expect;
    if (e['greater-than'] !== undefined)
        return `> ${e['greater-than']}`;
    if (e['at-least'] !== undefined)
        return `>= ${e['at-least']}`;
    if (e.equals !== undefined)
        return `= ${String(e.equals)}`;
    return `not older than the snapshot by more than ${e['not-older-than-snapshot-by']}`;
}
function verify_judge(q, raw, snapshotTime) {
    const e = q.expect;
    if (e['not-older-than-snapshot-by'] !== undefined) {
        if (raw === null || raw === undefined)
            return { value: null, ok: false, problem: 'no value (empty table?)' };
        const at = raw instanceof Date ? raw : new Date(String(raw));
        if (Number.isNaN(at.getTime()))
            return { value: String(raw), ok: false, problem: 'not a timestamp' };
        const limit = (0,duration/* parseDuration */.E)(e['not-older-than-snapshot-by']) ?? 0;
        const lag = snapshotTime.getTime() - at.getTime();
        return {
            value: at.toISOString(),
            ok: lag <= limit,
            ...(lag > limit ? { problem: `${(0,duration/* formatDuration */.a)(lag)} older than the snapshot` } : {}),
        };
    }
    if (e.equals !== undefined) {
        const value = typeof raw === 'number' || typeof raw === 'boolean'
            ? raw
            : raw === null || raw === undefined
                ? null
                : String(raw);
        return { value, ok: String(value) === String(e.equals) };
    }
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (raw === null || raw === undefined || Number.isNaN(n))
        return {
            value: raw === undefined ? null : raw,
            ok: false,
            problem: 'not a number',
        };
    const ok = e['greater-than'] !== undefined ? n > e['greater-than'] : n >= (e['at-least'] ?? 0);
    return { value: n, ok };
}
/**
 * Logs in to the restored instance and runs the verification queries, read-only, each with
 * a statement timeout. A login failure is a failed drill (a restore you cannot log in to
 * does not restore service).
 */
async function verifyRestore(input) {
    const { credentials: c } = input;
    const client = await (0,pg_client/* pgClient */.T)({
        host: input.host,
        port: input.port,
        user: c.user,
        password: c.password,
        database: c.database,
        ssl: c.ssl,
        connectionTimeoutMillis: input.timeoutMs,
        statement_timeout: input.timeoutMs,
        query_timeout: input.timeoutMs,
    });
    try {
        await client.connect();
    }
    catch (error) {
        // The message may name the user, never the password (pg does not echo it).
        return {
            connected: false,
            results: [],
            problem: `cannot log in to the restored instance as ${c.user}: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    const results = [];
    try {
        await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
        for (const q of input.queries) {
            try {
                const res = await client.query({ text: q.sql, rowMode: 'array' });
                const raw = res.rows[0]?.[0];
                const verdict = verify_judge(q, typeof raw === 'bigint' ? Number(raw) : raw, input.snapshotTime);
                results.push({ name: q.name, sql: q.sql, expected: expectation(q), ...verdict });
            }
            catch (error) {
                results.push({
                    name: q.name,
                    sql: q.sql,
                    expected: expectation(q),
                    value: null,
                    ok: false,
                    problem: (0,errors/* errorMessage */.gJ)(error),
                });
            }
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
    return { connected: true, results };
}

;// CONCATENATED MODULE: ./core/drill/restore-drill.ts



/**
 * The monthly restore drill (runbooks §4): delete leftovers of earlier drills, restore the
 * chosen snapshot into `<source>-drill-<YYYYMMDD>` with the source's network and parameter
 * group, wait until available, verify with real SQL, and delete it again whatever happened.
 * The source instance is only ever described.
 */
async function runRestoreDrill(client, plan, deps, signal) {
    const { clock, logger } = deps;
    const drill = new RdsDrill(client, plan.source, deps, signal);
    const report = { ok: false, leftoversDeleted: [], results: [] };
    for (const leftover of await drill.leftovers()) {
        const id = leftover.DBInstanceIdentifier;
        logger.warning(`Deleting ${id}, a drill instance left by an earlier run, before starting`);
        await drill.deleteDrill(id, plan.timing);
        report.leftoversDeleted.push(id);
    }
    const like = await drill.describe(plan.source);
    if (!like)
        return {
            ...report,
            problem: `RDS instance ${plan.source} does not exist; check database.instance in the configuration`,
        };
    let restoreCalled = false;
    try {
        const snapshot = await drill.newestSnapshot(plan.snapshot);
        const snapshotId = snapshot.DBSnapshotIdentifier;
        report.snapshot = { id: snapshotId, time: snapshot.SnapshotCreateTime };
        const id = drillInstanceId(plan.source, new Date(clock.now()));
        report.drillInstance = id;
        logger.info(`Restoring ${snapshotId} (${snapshot.SnapshotCreateTime.toISOString()}) into ${id} (${plan.instanceClass})`);
        const started = clock.now();
        restoreCalled = true;
        await drill.restore({ id, snapshotId, instanceClass: plan.instanceClass, like });
        const instance = await drill.waitAvailable(id, plan.timing);
        report.restoreMs = clock.now() - started;
        const address = instance.Endpoint?.Address;
        const port = instance.Endpoint?.Port;
        if (!address || !port)
            throw new DrillFailed(`${id} is available but reports no endpoint`);
        const verified = await verifyRestore({
            host: address,
            port,
            credentials: {
                ...plan.credentials,
                database: plan.credentials.database || instance.DBName || 'postgres',
            },
            queries: plan.queries,
            snapshotTime: report.snapshot.time,
            timeoutMs: 30_000,
        });
        report.results = verified.results;
        const failed = verified.results.filter((r) => !r.ok);
        if (verified.problem)
            report.problem = verified.problem;
        else if (failed.length > 0)
            report.problem = failed
                .map((r) => `${r.name} = ${String(r.value)}, expected ${r.expected}${r.problem ? ` (${r.problem})` : ''}`)
                .join('; ');
        report.ok = !report.problem;
    }
    catch (error) {
        report.problem = (0,errors/* errorMessage */.gJ)(error);
    }
    finally {
        if (restoreCalled && report.drillInstance) {
            const started = clock.now();
            try {
                // Its own deadline, not the check's signal: cleaning up must happen after an abort too.
                await drill.deleteDrill(report.drillInstance, plan.timing);
                report.deleteMs = clock.now() - started;
            }
            catch (error) {
                report.ok = false;
                report.leftBehind = `${report.drillInstance} could not be deleted (${(0,errors/* errorMessage */.gJ)(error)}); delete it by hand: aws rds delete-db-instance --db-instance-identifier ${report.drillInstance} --skip-final-snapshot`;
            }
        }
    }
    return report;
}

;// CONCATENATED MODULE: ./core/drill/schema.ts


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
    name: schemas/* string */.YjP()
        .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'expected a short lowercase name like users' })
        .describe('Name in the report, e.g. users.'),
    sql: schemas/* string */.YjP()
        .min(1)
        .describe('A read-only query; its first column of the first row is the value checked.'),
    expect: drillExpectSchema,
});
/** The keys of a `snapshot-restore` check (the monthly restore drill). */
const snapshotRestoreShape = {
    snapshot: schemas/* enum */.k5n(['newest-automated', 'newest-pre-deploy'])
        .default('newest-automated')
        .describe('Which snapshot to restore: the newest automated one, or the newest pre-deploy snapshot (database.snapshot-prefix).'),
    'instance-class': schemas/* string */.YjP()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'expected an RDS class like db.t4g.micro' })
        .default('db.t4g.micro')
        .describe('Class of the drill instance: the smallest that restores your data.'),
    deadline: fields/* durationField */.Ti
        .default('60m')
        .describe('How long the restored instance may take to become available.'),
    'delete-deadline': fields/* durationField */.Ti
        .default('30m')
        .describe('How long deleting the drill instance may take.'),
    'poll-interval': fields/* durationField */.Ti
        .default('30s')
        .describe('How often the drill instance’s status is read while waiting.'),
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

;// CONCATENATED MODULE: ./core/checks/snapshot-restore.ts









/** Master credentials from Secrets Manager (the RDS-managed secret's JSON). */
async function secretCredentials(secretId, ssl, ctx, deps) {
    // createAwsClients gains a Secrets Manager client on main; until then make one here.
    const client = ctx.aws.secretsManager ??
        new client_secrets_manager_dist_cjs/* SecretsManagerClient */._H({ region: ctx.env.region, maxAttempts: 1 });
    const out = await (0,call/* awsCall */.uF)('GetSecretValue', () => client.send(new client_secrets_manager_dist_cjs/* GetSecretValueCommand */.d2({ SecretId: secretId })), deps);
    let parsed;
    try {
        parsed = JSON.parse(out.SecretString ?? '');
    }
    catch {
        throw new Error(`secret ${secretId} is not JSON with username and password (as RDS-managed master secrets are)`);
    }
    if (typeof parsed.username !== 'string' || typeof parsed.password !== 'string')
        throw new Error(`secret ${secretId} has no username and password keys`);
    return {
        user: parsed.username,
        password: parsed.password,
        database: typeof parsed.dbname === 'string' ? parsed.dbname : '',
        ssl: ssl ? { rejectUnauthorized: false } : false,
    };
}
function summary(report) {
    const values = report.results.map((r) => `${r.name} = ${String(r.value)}`).join(', ');
    return [
        report.snapshot && `restored ${report.snapshot.id}`,
        report.drillInstance && `into ${report.drillInstance}`,
        report.restoreMs !== undefined && `in ${(0,duration/* formatDuration */.a)(report.restoreMs)} (measured RTO)`,
        values && `verified ${values}`,
    ]
        .filter(Boolean)
        .join(' ');
}
/**
 * The monthly restore drill as a check: restore, verify with real SQL, delete, record.
 * It creates and deletes an instance, so it is `mutating` (the go-live gate refuses it and
 * reads its record through restore-verified instead).
 */
const snapshotRestore = (0,types/* defineCheck */.q)({
    type: 'snapshot-restore',
    description: 'Restores the newest snapshot into a temporary private drill instance, verifies it with SQL, deletes it and records the restore time.',
    shape: snapshotRestoreShape,
    // Restore (deadline 60m) plus delete (30m) plus the rest.
    defaultTimeoutMs: 100 * 60_000,
    group: 'Infrastructure',
    mutating: () => true,
    async run(check, ctx) {
        const deps = { clock: ctx.clock, logger: ctx.logger };
        const db = ctx.env.database;
        if (!db)
            return {
                status: 'error',
                line: `snapshot-restore needs environments.${ctx.environment}.database.instance in the configuration`,
            };
        const source = db.instance;
        // Every input is checked before the first change.
        let credentials;
        try {
            if (check['master-secret'])
                credentials = await secretCredentials(check['master-secret'], check.ssl, ctx, deps);
            else if (ctx.secrets.databaseUrl)
                credentials = credentialsFromUrl(ctx.secrets.databaseUrl);
            else
                return {
                    status: 'error',
                    line: 'snapshot-restore needs credentials to verify the restore: set master-secret on the check, or give the job a database-url (its host is replaced by the drill instance’s)',
                };
        }
        catch (error) {
            return { status: 'error', line: `snapshot-restore: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        const ms = (text, fallback) => (0,duration/* parseDuration */.E)(text) ?? fallback;
        const report = await runRestoreDrill(ctx.aws.rds, {
            source,
            snapshot: check.snapshot === 'newest-automated'
                ? 'automated'
                : { prefix: db['snapshot-prefix'] ?? `${source}-pre-deploy` },
            instanceClass: check['instance-class'],
            queries: check.queries,
            credentials,
            timing: {
                restoreTimeoutMs: ms(check.deadline, 3_600_000),
                deleteTimeoutMs: ms(check['delete-deadline'], 1_800_000),
                pollIntervalMs: ms(check['poll-interval'], 30_000),
            },
        }, deps, ctx.signal);
        const values = Object.fromEntries(report.results.map((r) => [r.name, r.value]));
        const observed = {
            instance: source,
            snapshot: report.snapshot?.id,
            snapshotTime: report.snapshot?.time.toISOString(),
            drillInstance: report.drillInstance,
            restoreMs: report.restoreMs,
            deleteMs: report.deleteMs,
            values,
            leftoversDeleted: report.leftoversDeleted,
        };
        let recorded = 'not recorded (no audit-database-url)';
        const audit = ctx.secrets.auditDatabaseUrl;
        if (audit && report.drillInstance) {
            try {
                const previous = await readRestoreDrills(audit, source, 5);
                observed['previousRestoreMs'] = previous.map((p) => ({
                    at: p.at.toISOString(),
                    restoreMs: p.restoreMs,
                    result: p.result,
                }));
                await recordRestoreDrill(audit, {
                    instance: source,
                    environment: ctx.environment,
                    result: report.ok ? 'pass' : 'fail',
                    snapshot: report.snapshot?.id ?? '',
                    snapshotTime: report.snapshot?.time.toISOString() ?? '',
                    drillInstance: report.drillInstance,
                    restoreMs: report.restoreMs,
                    deleteMs: report.deleteMs,
                    values,
                    finishedAt: new Date(ctx.clock.now()).toISOString(),
                    problem: report.problem ?? report.leftBehind,
                }, { actor: ctx.run?.actor ?? 'apprunner-ops', runUrl: ctx.run?.runUrl ?? '' });
                const earlier = previous.flatMap((p) => p.restoreMs !== undefined ? [(0,duration/* formatDuration */.a)(p.restoreMs)] : []);
                recorded = `recorded in audit_log (restore_drill)${earlier.length > 0 ? `; earlier restores took ${earlier.join(', ')}` : ''}`;
            }
            catch (error) {
                recorded = `not recorded: ${(0,errors/* errorMessage */.gJ)(error)}`;
            }
        }
        const evidence = { results: report.results, recorded };
        const leftovers = report.leftoversDeleted.length > 0
            ? `; first deleted leftover drill instance(s) ${report.leftoversDeleted.join(', ')}`
            : '';
        const deleted = report.deleteMs !== undefined
            ? `; drill instance deleted in ${(0,duration/* formatDuration */.a)(report.deleteMs)}`
            : '';
        if (report.leftBehind)
            return {
                status: 'fail',
                line: `${source}: ${report.problem ? `drill failed (${report.problem}); ` : ''}${report.leftBehind}${leftovers}`,
                observed,
                evidence,
            };
        if (!report.ok)
            return {
                status: 'fail',
                line: `${source}: restore drill failed: ${report.problem ?? 'unknown'}${deleted}${leftovers}; nothing is left running`,
                observed,
                evidence,
            };
        return {
            status: recorded.startsWith('recorded') ? 'pass' : 'warn',
            line: `${source}: ${summary(report)}${deleted}${leftovers}; ${recorded}`,
            observed,
            evidence,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/sql.ts





const LISTED = 20;
/** What PostgreSQL's error means for the person reading the report (never the URL). */
function explain(error) {
    const code = error.code;
    const message = (0,errors/* errorMessage */.gJ)(error);
    if (code === '25006')
        return `PostgreSQL refused the query in the READ ONLY transaction (${message}): sql checks may only read`;
    if (code === '57014')
        return `the query ran past its statement timeout (${message})`;
    if (code === '28P01' || code === '28000')
        return `the database refused the login (${message})`;
    return `the query failed: ${message}`;
}
/**
 * A read-only query (the runbook's open AML alerts, stuck KYC applicants, pending STR filings):
 * more rows than max-rows is a fail, and the report lists the first rows' ids. It runs in a
 * READ ONLY transaction with a statement timeout and is rolled back, so it can change nothing.
 */
const sql = (0,types/* defineCheck */.q)({
    type: 'sql',
    description: 'A read-only query; more rows than max-rows is a failure, listing the first ids.',
    shape: {
        name: schemas/* string */.YjP()
            .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase name like open-aml-alerts' }),
        query: schemas/* string */.YjP().min(1),
        'max-rows': schemas/* int */.Whr().min(0).default(0).describe('Fail when the query returns more rows.'),
        'id-column': schemas/* string */.YjP().min(1).default('id').describe('Column listed for the first rows.'),
    },
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, { secrets, clock, deadline, signal }) {
        if (!secrets.databaseUrl)
            return {
                status: 'error',
                line: 'database-url is empty: sql checks need a read-only database URL (set the database-url input from a secret)',
            };
        const timeoutMs = Math.max(1_000, (0,checks_fields/* remainingMs */.XW)(deadline, clock.now(), 1_000));
        const client = await (0,pg_client/* pgClient */.T)({
            connectionString: secrets.databaseUrl,
            connectionTimeoutMillis: timeoutMs,
            application_name: 'apprunner-ops sql check',
        });
        const onAbort = () => void client.end().catch(() => { });
        signal.addEventListener('abort', onAbort, { once: true });
        const evidence = { query: check.query };
        try {
            await client.connect();
            await client.query('BEGIN READ ONLY');
            await client.query(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
            let result;
            try {
                result = await client.query(check.query);
            }
            finally {
                await client.query('ROLLBACK').catch(() => { });
            }
            const rows = result.rows;
            const ids = rows.slice(0, LISTED).map((r) => String(r[check['id-column']] ?? '?'));
            const observed = { rows: rows.length, ids, maxRows: check['max-rows'] };
            if (rows.length <= check['max-rows'])
                return {
                    status: 'pass',
                    line: `${check.name}: ${rows.length} rows (limit ${check['max-rows']})`,
                    observed,
                    evidence,
                };
            return {
                status: 'fail',
                line: `${check.name}: ${rows.length} rows, more than ${check['max-rows']}; ${check['id-column']}s ${ids.join(', ')}${rows.length > LISTED ? ', …' : ''}`,
                observed,
                evidence,
            };
        }
        catch (error) {
            return { status: 'error', line: `${check.name}: ${explain(error)}`, evidence };
        }
        finally {
            signal.removeEventListener('abort', onAbort);
            await client.end().catch(() => { });
        }
    },
});

// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
;// CONCATENATED MODULE: ./core/checks/tls.ts




/** `host` or `host:port` (a test server, a staging port); 443 by default. */
function parseTarget(target) {
    const match = /^(.+?)(?::(\d+))?$/.exec(target);
    return { host: match?.[1] ?? target, port: Number(match?.[2] ?? 443) };
}
function inspect(target, connectTo, minDays, now, timeoutMs, signal) {
    const { host, port: targetPort } = parseTarget(target);
    const address = connectTo ? parseTarget(connectTo) : { host, port: targetPort };
    return new Promise((resolve, reject) => {
        // Not rejecting untrusted certificates here so the report can say everything that is
        // wrong at once (expired, wrong host, untrusted), not only the first.
        const socket = external_node_tls_default().connect({
            host: address.host,
            port: address.port,
            ...(external_node_net_default().isIP(host) ? {} : { servername: host }),
            rejectUnauthorized: false,
            timeout: timeoutMs,
        });
        const abort = () => void socket.destroy(new Error(`TLS check of ${target} cut off by its deadline`));
        signal.addEventListener('abort', abort, { once: true });
        socket.once('timeout', () => socket.destroy(new Error(`no TLS handshake from ${target} within ${timeoutMs} ms`)));
        socket.once('error', (error) => {
            signal.removeEventListener('abort', abort);
            reject(error);
        });
        socket.once('secureConnect', () => {
            signal.removeEventListener('abort', abort);
            const cert = socket.getPeerCertificate();
            socket.end();
            const validTo = new Date(cert.valid_to);
            const daysLeft = Math.floor((validTo.getTime() - now) / 86_400_000);
            const problems = [];
            if (daysLeft < minDays)
                problems.push(daysLeft < 0
                    ? `certificate expired on ${validTo.toISOString().slice(0, 10)}`
                    : `certificate expires in ${daysLeft} day(s) (${validTo.toISOString().slice(0, 10)}), want at least ${minDays}; renew it`);
            const mismatch = external_node_tls_default().checkServerIdentity(host, cert);
            if (mismatch)
                problems.push(`certificate does not cover ${host} (it names ${cert.subjectaltname ?? cert.subject?.CN ?? 'nothing'})`);
            if (!socket.authorized)
                problems.push(`certificate is not trusted (${String(socket.authorizationError ?? 'unknown reason')})`);
            resolve({
                host: target,
                validTo: validTo.toISOString(),
                daysLeft,
                subject: String(cert.subject?.CN ?? ''),
                altNames: cert.subjectaltname ?? '',
                trusted: socket.authorized,
                problems,
            });
        });
    });
}
/** The runbook's "certificate valid for apex and www, expiry > 90 days from go-live". */
const tlsCheck = (0,types/* defineCheck */.q)({
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
    defaultTimeoutMs: 20_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        const timeoutMs = Math.max(1_000, ctx.deadline - ctx.clock.now());
        const seen = await Promise.all(check.hosts.map((host) => inspect(host, check.resolve[host], check['min-days'], ctx.clock.now(), timeoutMs, ctx.signal).catch((error) => ({
            host,
            validTo: '',
            daysLeft: -1,
            subject: '',
            altNames: '',
            trusted: false,
            problems: [`no TLS connection: ${error.message}`],
        }))));
        const observed = {
            certificates: seen.map(({ problems: _p, ...rest }) => rest),
            minDays: check['min-days'],
        };
        const problems = seen.flatMap((s) => s.problems.map((p) => `${s.host}: ${p}`));
        if (problems.length > 0)
            return { status: 'fail', line: problems.join('; '), observed };
        const soonest = Math.min(...seen.map((s) => s.daysLeft));
        return {
            status: 'pass',
            line: `${check.hosts.join(', ')}: trusted, covered, ${soonest} day(s) left at least`,
            observed,
        };
    },
});

;// CONCATENATED MODULE: ./core/checks/registry.ts





























/**
 * Every check type, once. The configuration's `checks.*` and `gates.*` lists, the ops-check
 * action, the go-live gate and the deploy's bake period all select from this list.
 * A new type: one file exporting `defineCheck({...})`, and one line here.
 */
const CHECK_TYPES = [
    serviceRunning,
    attestation,
    backups,
    ciGreen,
    customDomains,
    databaseAvailable,
    databasePrivate,
    ecrUntagged,
    error_rate/* errorRate */.z,
    freeStorage,
    health,
    hsts,
    httpsRedirect,
    imagePresent,
    latencyP99,
    lifecyclePolicy,
    logErrors,
    monitorsGreen,
    pagesReachable,
    restoreVerified,
    rotationDue,
    secretsPresent,
    serviceEnv,
    snapshotFresh,
    snapshotRestore,
    sql,
    tlsCheck,
];
function checkType(type) {
    return CHECK_TYPES.find((t) => t.type === type);
}
/** Why a check type cannot run on a deploy target (custom-domains on ECS Express), if it cannot. */
function targetMismatch(type, kind) {
    if (!type?.targets || type.targets.includes(kind))
        return undefined;
    return `${type.type} reads what only ${type.targets.join(' and ')} has, and this environment's target is ${kind}: remove it from the environment's lists`;
}
function itemSchema(t) {
    return schemas/* strictObject */.rej({ type: schemas/* literal */.euz(t.type), ...types/* commonCheckFields */.d, ...t.schema.shape })
        .describe(t.description);
}
const [first, ...rest] = CHECK_TYPES.map(itemSchema);
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


/***/ }),

/***/ 3001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ checkTarget)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9750);
/* harmony import */ var _targets_create_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1577);
/** The deploy target of the environment a check reads (core/targets/), with the check's clients. */


function checkTarget(ctx) {
    return (0,_targets_create_js__WEBPACK_IMPORTED_MODULE_0__/* .targetOf */ .$)(ctx.env, ctx.aws, 
    // The check's signal stops the target's retries when the check's timeout passes.
    { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal }, { requestTimeoutMs: _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_AWS_REQUEST_TIMEOUT_MS */ .Z });
}


/***/ }),

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ commonCheckFields),
/* harmony export */   q: () => (/* binding */ defineCheck)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);


/** Keys every configured check may carry, whatever its type. */
const commonCheckFields = {
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like open-aml-alerts' })
        .optional()
        .describe('Stable id for waivers and reports; default: the type (plus name, when given).'),
    group: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .optional()
        .describe('Section of the report, e.g. Infrastructure or Domain & TLS.'),
    timeout: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti.optional().describe('Deadline for this check; default per type.'),
};
/** Declares a check type; the type literal goes into the schema so the union can discriminate. */
function defineCheck(definition) {
    return {
        type: definition.type,
        description: definition.description,
        schema: zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej(definition.shape),
        defaultTimeoutMs: definition.defaultTimeoutMs,
        group: definition.group,
        ...(definition.mutating ? { mutating: definition.mutating } : {}),
        ...(definition.targets ? { targets: definition.targets } : {}),
        run: definition.run,
    };
}


/***/ }),

/***/ 670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Al: () => (/* binding */ regexField),
/* harmony export */   D_: () => (/* binding */ accountIdField),
/* harmony export */   GG: () => (/* binding */ ecsServiceArnField),
/* harmony export */   JL: () => (/* binding */ snapshotPrefixField),
/* harmony export */   Qq: () => (/* binding */ ECS_SERVICE_ARN),
/* harmony export */   St: () => (/* binding */ httpUrlField),
/* harmony export */   Ti: () => (/* binding */ durationField),
/* harmony export */   UV: () => (/* binding */ appRunnerServiceArnField),
/* harmony export */   VO: () => (/* binding */ rdsInstanceField),
/* harmony export */   Vt: () => (/* binding */ APP_RUNNER_SERVICE_ARN),
/* harmony export */   rG: () => (/* binding */ ecrRepositoryField),
/* harmony export */   vn: () => (/* binding */ envNameField),
/* harmony export */   yh: () => (/* binding */ awsRegionField)
/* harmony export */ });
/* unused harmony export RDS_INSTANCE_ID */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);


/** Field types shared by the config file and action inputs; each error says the accepted form. */
const durationField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine((text) => (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(text) !== undefined, {
    message: 'expected a duration like 90s, 5m or 1h30m',
})
    .describe('A duration: a number with a unit (ms, s, m, h, d), e.g. 90s, 5m, 1h30m, 7d.');
const httpUrlField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine((text) => {
    try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:';
    }
    catch {
        return false;
    }
}, { message: 'expected an http(s) URL like https://example.com' })
    .describe('An absolute http:// or https:// URL.');
const regexField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().refine((text) => {
    try {
        new RegExp(text);
        return true;
    }
    catch {
        return false;
    }
}, { message: 'expected a valid regular expression' });
const awsRegionField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'expected an AWS region like eu-west-1' });
const accountIdField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^\d{12}$/, { message: 'expected a 12-digit AWS account id' });
const APP_RUNNER_SERVICE_ARN = /^arn:aws[a-z-]*:apprunner:[a-z0-9-]+:\d{12}:service\/[A-Za-z0-9][A-Za-z0-9_-]{3,39}\/[0-9a-f]{32}$/;
/** An ECS service ARN (the long format): arn:aws:ecs:<region>:<account>:service/<cluster>/<name>. */
const ECS_SERVICE_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service\/([A-Za-z0-9_-]{1,255})\/([A-Za-z0-9_-]{1,255})$/;
const APP_RUNNER_ARN_MESSAGE = 'expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service/<name>/<32 hex id>';
/** An App Runner service ARN; an ECS ARN here is a mix-up of platforms, said as such. */
const appRunnerServiceArnField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(APP_RUNNER_SERVICE_ARN, {
    error: (issue) => typeof issue.input === 'string' && ECS_SERVICE_ARN.test(issue.input)
        ? 'this is an Amazon ECS service ARN, and service-arn alone means App Runner; for an ECS Express service write target: { kind: ecs-express, service-arn: <this ARN> }'
        : APP_RUNNER_ARN_MESSAGE,
});
const ecsServiceArnField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(ECS_SERVICE_ARN, {
    error: (issue) => typeof issue.input === 'string' && APP_RUNNER_SERVICE_ARN.test(issue.input)
        ? 'this is an App Runner service ARN, but the target kind is ecs-express; write kind: app-runner (or service-arn alone), or give the ECS service ARN'
        : 'expected an ECS service ARN like arn:aws:ecs:eu-west-1:123456789012:service/<cluster>/<name>',
});
/** RDS DB instance identifiers: 1–63 letters, digits, hyphens; start with a letter; no "--"; no trailing "-". */
const RDS_INSTANCE_ID = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{0,62}(?<!-)$/;
/**
 * RDS stores DB instance and snapshot identifiers lowercase ("stored as a lowercase string"):
 * a capital in the configuration would never equal what RDS lists, so it is refused.
 */
function lowercaseOnly(text, ctx) {
    if (text !== text.toLowerCase())
        ctx.addIssue({
            code: 'custom',
            message: `RDS stores identifiers in lowercase, so capitals never match what RDS lists: write "${text.toLowerCase()}"`,
        });
}
const rdsInstanceField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(RDS_INSTANCE_ID, {
    message: 'expected an RDS instance identifier (lowercase letters, digits, hyphens; starts with a letter; no "--" or trailing "-")',
})
    .superRefine(lowercaseOnly);
/** The start of the snapshot ids the suite makes (it adds `-<UTC time>[-<sha7>]`). */
const snapshotPrefixField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, {
    message: 'expected lowercase letters, digits and hyphens, starting with a letter',
})
    .max(200)
    .superRefine(lowercaseOnly);
const ecrRepositoryField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, {
    message: 'expected an ECR repository name like drop-web (lowercase letters, digits, . _ - /)',
})
    .max(256);
/** Environment variable style names, as App Runner and the runbooks use them. */
const envNameField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'expected an UPPER_SNAKE_CASE name' });


/***/ }),

/***/ 7978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z9: () => (/* binding */ loadConfig),
  o4: () => (/* binding */ parseConfig),
  Iu: () => (/* binding */ parseYamlDocument),
  aP: () => (/* binding */ selectEnvironment)
});

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
// EXTERNAL MODULE: ./core/checks/registry.ts + 36 modules
var registry = __webpack_require__(3224);
// EXTERNAL MODULE: ./core/deploy/bake.ts
var bake = __webpack_require__(4177);
// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
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
        .describe('This check’s JSON body reports the running version (see version-path).'),
})
    .refine((check) => (check.path === undefined) !== (check.url === undefined), {
    message: 'give exactly one of "path" or "url"',
});
const healthChecksSchema = schemas/* array */.YOg(healthCheckSchema)
    .min(1, { message: 'expected at least one check' });

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
})
    .describe('The RDS PostgreSQL instance behind the service.');
const healthSchema = schemas/* strictObject */.rej({
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
            message: 'must be at most 128 for a database password (RDS allows 8–128 characters)',
        });
    if (secret['previous-secret-id'] && secret.kind !== 'random')
        ctx.addIssue({
            code: 'custom',
            path: ['previous-secret-id'],
            message: 'only applies to kind random (JWT keys the app verifies with current or previous)',
        });
    if (secret['grace-days'] !== undefined && !secret['previous-secret-id'])
        ctx.addIssue({
            code: 'custom',
            path: ['grace-days'],
            message: 'needs previous-secret-id (it is how long the previous value stays)',
        });
});
const TARGET_KINDS = ['app-runner', 'ecs-express'];
/** Where the service runs: App Runner or Amazon ECS Express Mode (core/targets/). */
const targetSchema = schemas/* strictObject */.rej({
    kind: schemas/* enum */.k5n(TARGET_KINDS).describe('app-runner or ecs-express (Amazon ECS Express Mode).'),
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
})
    .describe('The deploy target: { kind: ecs-express, service-arn: arn:aws:ecs:… } for Amazon ECS Express Mode; service-arn alone means App Runner.');
const environmentFields = schemas/* strictObject */.rej({
    region: fields/* awsRegionField */.yh,
    'service-arn': fields/* appRunnerServiceArnField */.UV
        .optional()
        .describe('App Runner service ARN (version 1 files); an ECS Express service is named in target.'),
    target: targetSchema.optional(),
    'ecr-repository': fields/* ecrRepositoryField */.rG.describe('ECR repository name, e.g. drop-web.'),
    'ecr-registry-id': fields/* accountIdField */.D_
        .optional()
        .describe('Account of the registry; default: the service ARN’s account.'),
    'required-reviewers': schemas/* boolean */.zMY()
        .default(false)
        .describe('The GitHub environment of this name has required reviewers; the command line then asks before changing it.'),
    url: fields/* httpUrlField */.St
        .optional()
        .describe('Public URL shown on the GitHub Deployments page; default health.base-url.'),
    database: databaseSchema.optional(),
    health: healthSchema,
    maintenance: maintenanceSchema.optional(),
    notify: notifySchema.optional(),
    secrets: schemas/* array */.YOg(secretSchema).optional(),
    bake: bake/* bakeConfigSchema */.LH.optional(),
    gates: schemas/* record */.g1P(schemas/* string */.YjP()
        .regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lowercase gate name like go-live' }), schemas/* array */.YOg(registry/* checkItemSchema */.bi).min(1))
        .optional()
        .describe('Named gates (go-live, …): checks and attestations that must all pass.'),
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
    })
        .optional()
        .describe('Rules for the attestations file read by the gates of this environment.'),
    checks: schemas/* strictObject */.rej({
        daily: schemas/* array */.YOg(registry/* checkItemSchema */.bi).optional(),
        weekly: schemas/* array */.YOg(registry/* checkItemSchema */.bi).optional(),
        monthly: schemas/* array */.YOg(registry/* checkItemSchema */.bi).optional(),
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
            message: 'is required: give service-arn (an App Runner service) or target: { kind: ecs-express, service-arn: … }',
        });
    if (env['service-arn'] !== undefined && env.target !== undefined)
        ctx.addIssue({
            code: 'custom',
            path: ['target'],
            message: 'give either service-arn (App Runner) or target, not both: move the ARN into target.service-arn',
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
            const mismatch = (0,registry/* targetMismatch */.M5)((0,registry/* checkType */.Bt)(item.type), kind);
            if (mismatch)
                ctx.addIssue({ code: 'custom', path: [...path, index, 'type'], message: mismatch });
        }
})
    .transform(({ target, ...env }) => {
    const resolved = target ?? {
        kind: 'app-runner',
        'service-arn': env['service-arn'],
    };
    return { ...env, 'service-arn': resolved['service-arn'], target: resolved };
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
    // every object in it) costs more than it saves, ≈ 20 ms of a deploy's start-up.
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

/***/ 4177:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ assertTrafficReadable),
/* harmony export */   LH: () => (/* binding */ bakeConfigSchema),
/* harmony export */   Wq: () => (/* binding */ bake),
/* harmony export */   YI: () => (/* binding */ bakeLine)
/* harmony export */ });
/* unused harmony exports judgeMinutes, bakeConfigOf */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8816);
/* harmony import */ var _checks_error_rate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8829);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4494);
/**
 * The bake period after a verified deploy: the runbook's automatic rollback trigger, "error
 * rate > X % for N consecutive minutes". It watches the new version's traffic as the deploy
 * target reports it (the platform's request metrics in CloudWatch, read the same way as the
 * error-rate and latency-p99 checks); a sustained breach is reported like a failed
 * verification, so deploy rolls back the same way.
 */




/** `environments.<name>.bake`: the thresholds; the length is deploy's `bake` input. */
const bakeConfigSchema = zod__WEBPACK_IMPORTED_MODULE_3__/* .strictObject */ .rej({
    'error-rate': zod__WEBPACK_IMPORTED_MODULE_3__/* .number */ .aig()
        .min(0)
        .max(100)
        .default(5)
        .describe('Percent of requests answered 5xx in a minute that counts as a bad minute.'),
    'latency-p99': zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr()
        .positive()
        .optional()
        .describe('RequestLatency p99 in ms above which a minute counts as bad; default: not watched.'),
    'consecutive-minutes': zod__WEBPACK_IMPORTED_MODULE_3__/* .int */ .Whr()
        .min(1)
        .max(60)
        .default(3)
        .describe('Bad minutes in a row that roll the deploy back.'),
})
    .describe('Bake period thresholds: deploy watches the new version this way for its bake input.');
/** CloudWatch is a minute or two behind; a bake waits this much longer for its last minutes. */
const CLOUDWATCH_DELAY_MS = 5 * 60_000;
function badMinute(m, config) {
    if (m.requests <= 0)
        return undefined;
    const rate = (0,_checks_error_rate_js__WEBPACK_IMPORTED_MODULE_0__/* .percent */ .K)(m.errors / m.requests);
    if (rate > config['error-rate'])
        return `${rate} % 5xx`;
    const limit = config['latency-p99'];
    if (limit !== undefined && m.p99 !== undefined && m.p99 > limit)
        return `p99 ${Math.round(m.p99)} ms`;
    return undefined;
}
/** Judges the minutes seen so far: a breach once `consecutive-minutes` bad ones follow each other. */
function judgeMinutes(minutes, config) {
    let run = [];
    for (const m of minutes) {
        const bad = badMinute(m, config);
        run = bad ? [...run, bad] : [];
        if (run.length >= config['consecutive-minutes'])
            return `${run.length} consecutive bad minutes (${run.join(', ')}; limits ${config['error-rate']} % 5xx${config['latency-p99'] !== undefined ? `, p99 ${config['latency-p99']} ms` : ''})`;
    }
    return undefined;
}
function bakeConfigOf(env) {
    return env.bake ?? bakeConfigSchema.parse({});
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
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('bake', `needs the service's request metrics (${ctx.target.trafficMetrics}), which could not be read: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}. Allow cloudwatch:GetMetricStatistics to the deploy role (docs/setup.md §3), or deploy with bake: 0s`);
    }
}
/** Watches the service for `bakeMs` of metrics; resolves with the verdict (never throws on a breach). */
async function bake(ctx, bakeMs) {
    const config = bakeConfigOf(ctx.env);
    const planned = Math.max(1, Math.round(bakeMs / 60_000));
    // CloudWatch takes whole seconds: start on one, so the first query has EndTime > StartTime.
    const start = Math.ceil(ctx.clock.now() / 1000) * 1000;
    const deadline = start + bakeMs + CLOUDWATCH_DELAY_MS;
    ctx.logger.info(`Baking for ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(bakeMs)}: rolling back after ${config['consecutive-minutes']} consecutive minutes above ${config['error-rate']} % 5xx${config['latency-p99'] !== undefined ? ` or p99 ${config['latency-p99']} ms` : ''}`);
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
                line: `watched ${watched} of ${planned} minutes (CloudWatch had no more traffic data by ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(bakeMs + CLOUDWATCH_DELAY_MS)}); no sustained breach`,
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


/***/ }),

/***/ 4831:
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
// EXTERNAL MODULE: ./core/aws/ecr.ts
var aws_ecr = __webpack_require__(640);
// EXTERNAL MODULE: ./core/aws/rds.ts
var rds = __webpack_require__(7561);
// EXTERNAL MODULE: ./core/targets/create.ts + 3 modules
var create = __webpack_require__(1577);
// EXTERNAL MODULE: ./core/github/deployments.ts + 1 modules
var deployments = __webpack_require__(4018);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/deploy/context.ts








function ecrLocation(env) {
    const account = env['service-arn'].split(':')[4];
    return {
        registryId: env['ecr-registry-id'] ?? account,
        region: env.region,
        repository: env['ecr-repository'],
    };
}
function createOpsContext(options) {
    const { env, clock, logger } = options;
    // A call is retried (after a throttle, a 5xx or a hung request) within the action's timeout.
    const deps = { clock, logger, retryBudgetMs: options.timing.operationTimeoutMs };
    const clients = options.clients ??
        (0,aws_clients/* createAwsClients */.G)(env.region, { requestTimeoutMs: options.timing.awsRequestTimeoutMs });
    const maintenance = env.maintenance;
    const ecr = new aws_ecr.EcrRepository(clients.ecr, ecrLocation(env), deps);
    const target = (0,create/* targetOf */.$)(env, clients, deps, {
        requestTimeoutMs: options.timing.awsRequestTimeoutMs,
    });
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
        checkAccount: () => assertAccount(clients.sts, env['service-arn'], options.configPath, options.environment, deps),
        env,
        target,
        ecr,
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
                windowMs: (0,duration/* parseDuration */.E)(maintenance.window) ?? 1_800_000,
            }
            : undefined,
        slackWebhookUrl: options.slackWebhookUrl,
        auditDatabaseUrl: options.auditDatabaseUrl,
        run: options.run,
        timing: {
            ...options.timing,
            snapshotTimeoutMs: (0,duration/* parseDuration */.E)(env.database?.['snapshot-timeout'] ?? '30m') ?? 1_800_000,
        },
        clock,
        logger,
        state: options.state,
    };
}


/***/ }),

/***/ 4737:
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
;// CONCATENATED MODULE: ./core/deploy/env-changes.ts


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
/** "set NEXT_PUBLIC_APP_URL, unset BANKID_MOCK" — names only: values may be sensitive. */
function describeEnvChanges(c) {
    return [
        ...(Object.keys(c.set).length ? [`set ${Object.keys(c.set).join(', ')}`] : []),
        ...(c.unset.length ? [`unset ${c.unset.join(', ')}`] : []),
    ].join('; ');
}


/***/ }),

/***/ 9574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   TT: () => (/* binding */ badDigests),
/* harmony export */   vx: () => (/* binding */ choosePrevious)
/* harmony export */ });
/* unused harmony exports fromGitHub, ofService */
/* harmony import */ var _audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3892);
/* harmony import */ var _aws_image_ref_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2435);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4494);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4831);




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
                serviceArn: stringOf(r.payload['serviceArn']),
                sha: r.sha || undefined,
            },
        ];
    });
}
async function fromAudit(ctx) {
    if (!ctx.auditDatabaseUrl)
        return [];
    const rows = await (0,_audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__.readAuditEntries)(ctx.auditDatabaseUrl, {
        resourceType: _audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__/* .DEPLOY_RESOURCE_TYPE */ .e2,
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
    const location = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .ecrLocation */ .Y)(ctx.env);
    const scope = (entries) => ofService(entries, ctx.env['service-arn'], `${(0,_aws_image_ref_js__WEBPACK_IMPORTED_MODULE_1__/* .registryHost */ .U$)(location)}/${location.repository}`);
    if (ctx.github) {
        try {
            const entries = scope(fromGitHub(await ctx.github.history(ctx.environment, 100)));
            if (entries.length > 0)
                return { entries: sortNewestFirst(entries), source: 'GitHub deployments' };
        }
        catch (error) {
            ctx.logger.warning(`could not read GitHub deployments (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); using the audit log`);
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
 * away from (those stay reachable by name only).
 */
function choosePrevious(entries, runningDigest) {
    const bad = badDigests(entries);
    const successes = entries.filter((e) => e.succeeded);
    const current = successes.find((e) => e.digest === runningDigest);
    const older = current
        ? successes.filter((e) => e.createdAt < current.createdAt ||
            (e.createdAt === current.createdAt && Number(e.id) < Number(current.id)))
        : successes;
    return older.find((e) => e.digest !== runningDigest && !bad.has(e.digest));
}
function badDigests(entries) {
    return new Set(entries.flatMap((e) => (e.rolledBackFrom ? [e.rolledBackFrom] : [])));
}


/***/ }),

/***/ 4018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ GitHubDeployments)
});

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/retry.ts
var retry = __webpack_require__(9891);
;// CONCATENATED MODULE: ./core/github/status.ts
/**
 * The HTTP status of an Octokit error; 0 when none was received. Apart from octokit.ts so that
 * reading it does not load Octokit.
 */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : 0;
}

;// CONCATENATED MODULE: ./core/github/deployments.ts




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
        const status = statusOf(error);
        if (/rate limit/i.test((0,errors/* errorMessage */.gJ)(error)))
            return new errors/* DomainFailure */.dY(`GitHub's rate limit kept refusing to ${what} in ${this.ctx.repository}: ${firstLine(error)}`);
        if (status === 401 || status === 403 || status === 404)
            return new errors/* DomainFailure */.dY(`the token cannot ${what} in ${this.ctx.repository}: give the job \`${permission}\` (GitHub answered ${status}: ${firstLine(error)})`);
        return new errors/* DomainFailure */.dY(`GitHub could not ${what} in ${this.ctx.repository}: ${firstLine(error)}`);
    }
    /**
     * Creates the deployment once. Creating is not idempotent: after a 5xx or a lost answer the
     * deployment may exist all the same, so before each new attempt the environment's newest
     * deployments are searched for this run's key.
     */
    async create(environment, payload, description) {
        const keyed = { ...payload, runKey: this.runKey };
        return (0,retry/* retry */.L)(async (attempt) => {
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
                    throw new errors/* DomainFailure */.dY(`GitHub did not create a deployment of ${environment}: ${'message' in created.data ? String(created.data.message) : `answer ${created.status}`}`);
                return created.data.id;
            }
            catch (error) {
                const status = statusOf(error);
                // A 5xx or no answer at all: GitHub may or may not have created it.
                if (status === 0 || status >= 500)
                    throw new CreateLost(firstLine(error));
                throw error instanceof errors/* DomainFailure */.dY
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
                throw new errors/* DomainFailure */.dY(`GitHub did not confirm creating a deployment of ${environment} after ${CREATE_ATTEMPTS} attempts (${error.message}), and none of this run was found`);
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
     * Deployments of an environment made by apprunner-ops, newest first, with their statuses.
     *
     * Two requests per 100 deployments: the REST list (exact ids, payload as an object), then
     * every listed deployment's statuses in one GraphQL `nodes` query by their `node_id`. The
     * GraphQL `databaseId` is a 32-bit Int that deployment ids outgrow, so ids come from REST.
     * Should GraphQL be refused, statuses are read one deployment at a time, as before.
     */
    async history(environment, limit = 50) {
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
                if (pages >= 5 || seen >= limit)
                    done();
                return ours;
            });
            const wanted = deployments.slice(0, limit);
            let statuses = new Map();
            for (let i = 0; statuses && i < wanted.length; i += NODES_PER_QUERY) {
                requests++;
                const found = await this.statusesByGraphQL(wanted.slice(i, i + NODES_PER_QUERY).map((d) => d.node_id)).catch((error) => {
                    if (/rate limit/i.test((0,errors/* errorMessage */.gJ)(error)))
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
        this.deps.logger.debug(`GitHub deployment history of ${environment}: ${records.length} records in ${requests} requests, ${(0,duration/* formatDuration */.a)(this.deps.clock.now() - started)}`);
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
            if (statusOf(error) === 404)
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
function firstLine(error) {
    return ((0,errors/* errorMessage */.gJ)(error).split('\n')[0] ?? '').slice(0, 200);
}


/***/ }),

/***/ 5454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ evaluateRedirect),
  L: () => (/* binding */ evaluateResponse)
});

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


/***/ }),

/***/ 1137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ probe)
/* harmony export */ });
/* unused harmony export ProbeError */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);


class ProbeError extends Error {
    name = 'ProbeError';
}
const BODY_LIMIT = 1024 * 1024;
/**
 * One HTTP request with a deadline, on a fresh connection (so TLS is negotiated and the
 * certificate seen every time), without following redirects.
 */
function probe(url, options) {
    const transport = url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
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


/***/ }),

/***/ 2973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Yx: () => (/* binding */ addChecksToSummary)
/* harmony export */ });
/* unused harmony export writeReport */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8729);



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
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${name}-${Date.now()}-${process.pid}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    return file;
}
/** Adds the checks table (and each failure's history) to a summary. */
function addChecksToSummary(summary, report, title = 'Smoke test') {
    const verdict = report.passed
        ? '✅ passed'
        : `❌ ${report.failedChecks} of ${report.checks.length} failed`;
    summary.heading(`${title}: ${verdict}`, 3);
    if (report.expectVersion !== undefined)
        summary.paragraph(`Expected version: \`${report.expectVersion}\``);
    summary.table(['Check', 'Result', 'Status', 'Latency', 'Attempts', 'Reason'], report.checks.map((c) => [
        `${c.name} (${c.url})`,
        c.passed ? '✅ pass' : '❌ fail',
        c.status ?? '—',
        c.latencyMs !== undefined ? `${c.latencyMs} ms` : '—',
        c.attempts,
        c.lastReason ?? '',
    ]));
    const failed = report.checks.filter((c) => !c.passed);
    for (const check of failed) {
        summary.details(`Every reason ${check.name} failed (${check.attempts} attempts in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(check.durationMs)})`, check.reasons.map((r) => `- ${r.reason} (×${r.count})`).join('\n'));
    }
    return summary;
}


/***/ }),

/***/ 9958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ smokeTest)
});

// EXTERNAL MODULE: ./core/health/report.ts
var report = __webpack_require__(2973);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/health/evaluate.ts + 1 modules
var evaluate = __webpack_require__(5454);
// EXTERNAL MODULE: ./core/health/probe.ts
var probe = __webpack_require__(1137);
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
    logger.info(`Running ${checks.length} check${checks.length === 1 ? '' : 's'} (deadline ${(0,duration/* formatDuration */.a)(options.timeoutMs)}, retry every ${(0,duration/* formatDuration */.a)(options.intervalMs)})`);
    return Promise.all(checks.map((check, index) => runOne(check, {
        ...options,
        deadline,
        version: carriers.has(index) ? options.expectVersion : undefined,
    })));
}
async function runOne(check, options) {
    const { clock, logger } = options;
    const doProbe = options.probe ?? probe/* probe */.d;
    const url = resolveCheckUrl(check, options.baseUrl);
    const attemptTimeout = (0,duration/* parseDuration */.E)(check.timeout) ?? 10_000;
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
            lastReasons = (0,evaluate/* evaluateResponse */.L)(last, {
                check,
                ...(options.version ? { version: options.version } : {}),
                now: new Date(clock.now()),
            });
        }
        catch (error) {
            lastReasons = [(0,errors/* errorMessage */.gJ)(error)];
        }
        if (redirectUrl) {
            try {
                const plain = await doProbe(redirectUrl, {
                    method: 'GET',
                    timeoutMs,
                    signal: options.signal,
                });
                lastReasons.push(...(0,evaluate/* evaluateRedirect */.i)(plain, redirectUrl));
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
        });
        if (lastReasons.length === 0) {
            logger.info(`✓ ${check.name}: ${last?.status} in ${Math.round(last?.latencyMs ?? 0)} ms (attempt ${attempts})`);
            return result();
        }
        const remainingAfter = options.deadline - clock.now();
        if (remainingAfter <= options.intervalMs || options.signal?.aborted) {
            logger.info(`✗ ${check.name}: ${lastReasons.join('; ')} (gave up after ${attempts} attempts)`);
            return result();
        }
        // Log a failing attempt when its reason changes, not every poll: a warming service
        // would otherwise fill the log with the same line.
        const line = lastReasons.join('; ');
        if (line !== lastLogged) {
            logger.info(`… ${check.name}: ${line} (attempt ${attempts}; retrying every ${(0,duration/* formatDuration */.a)(options.intervalMs)})`);
            lastLogged = line;
        }
        await clock.sleep(options.intervalMs, options.signal).catch(() => undefined);
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
        clock: deps.clock,
        logger: deps.logger,
        ...(deps.probe ? { probe: deps.probe } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return (0,report/* buildReport */.FK)(results, started, deps.clock.now(), params.expectVersion?.values.join(' or '));
}


/***/ }),

/***/ 78:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cz: () => (/* binding */ describeSuitePause),
/* harmony export */   On: () => (/* binding */ endExpiredSuitePauses),
/* harmony export */   Q$: () => (/* binding */ pauseOwner),
/* harmony export */   g$: () => (/* binding */ personPauseLine),
/* harmony export */   nA: () => (/* binding */ PAUSE_RECORD_KEY),
/* harmony export */   pz: () => (/* binding */ inspectMonitor),
/* harmony export */   qR: () => (/* binding */ closeMaintenanceWindow),
/* harmony export */   qS: () => (/* binding */ openMaintenanceWindow)
/* harmony export */ });
/* unused harmony export parsePauseRecord */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);


/** The metadata key on a monitor under which the suite records its own pause. */
const PAUSE_RECORD_KEY = 'apprunner-ops pause';
function parsePauseRecord(text) {
    if (text === undefined)
        return undefined;
    try {
        const value = JSON.parse(text);
        if (value.tool === 'apprunner-ops' &&
            typeof value.pauseId === 'string' &&
            typeof value.until === 'string' &&
            !Number.isNaN(Date.parse(value.until)) &&
            (value.pausedAt === null || typeof value.pausedAt === 'string'))
            return value;
    }
    catch {
        // Not ours (someone else's text under our key): treated as no record.
    }
    return undefined;
}
function pauseOwner(monitor, record, now) {
    if (!monitor.paused)
        return { kind: 'running', staleRecord: record };
    if (record?.pausedAt && record.pausedAt === monitor.pausedAt)
        return { kind: 'suite', record, expired: now >= Date.parse(record.until) };
    return {
        kind: 'person',
        pausedAt: monitor.pausedAt,
        unfinishedRecord: record && record.pausedAt === null ? record : undefined,
    };
}
async function inspectMonitor(client, id) {
    const [monitor, text] = await Promise.all([
        client.get(id),
        client.readMetadata(id, PAUSE_RECORD_KEY),
    ]);
    return { monitor, record: parsePauseRecord(text) };
}
/** "deploy of production at 09:00:00Z until 09:30:00Z (run …)": who paused, for people. */
function describeSuitePause(record) {
    return `apprunner-ops ${record.action} of ${record.environment} at ${record.at}, window until ${record.until} (${record.runUrl})`;
}
function personPauseLine(id, owner) {
    const since = owner.pausedAt ? ` since ${owner.pausedAt}` : '';
    return owner.unfinishedRecord
        ? `monitor ${id} is paused${since}; apprunner-ops ${owner.unfinishedRecord.action} (${owner.unfinishedRecord.runUrl}) was pausing it when its runner was lost, so the pause cannot be proven its own and is left as a person's: resume it in BetterStack if nobody needs it paused`
        : `monitor ${id} is paused${since}, not by apprunner-ops: a person's pause, left as it is (resume it in BetterStack when that work is done)`;
}
/**
 * Resumes a suite pause, then removes its record. If the second call fails, the record stays
 * on a running monitor: harmless, and removed by the next run that sees it.
 */
async function endSuitePause(client, id) {
    const resumed = await client.resume(id);
    await client.removeMetadata(id, PAUSE_RECORD_KEY);
    return resumed;
}
/**
 * Finds the suite's own pauses among `ids` whose window has passed and ends them. Any action
 * for an environment calls this first, so a pause whose runner was lost ends with the next
 * run after its window. A person's pause is reported, never touched. Never throws: a monitor
 * that cannot be read is reported in `failed`.
 */
async function endExpiredSuitePauses(client, ids, options, deps) {
    const report = { ended: [], open: [], person: [], failed: [] };
    await Promise.all(ids.map(async (id) => {
        try {
            const { monitor, record } = await inspectMonitor(client, id);
            const owner = pauseOwner(monitor, record, deps.clock.now());
            if (owner.kind === 'suite' && owner.expired) {
                const line = `${options.dryRun ? 'would end' : 'ended'} the pause of monitor ${id} (paused by ${describeSuitePause(owner.record)}; the window passed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(deps.clock.now() - Date.parse(owner.record.until))} ago)`;
                if (!options.dryRun)
                    await endSuitePause(client, id);
                report.ended.push(line);
            }
            else if (owner.kind === 'suite') {
                report.open.push(`monitor ${id} is paused by ${describeSuitePause(owner.record)}: left open`);
            }
            else if (owner.kind === 'person') {
                report.person.push(personPauseLine(id, owner));
            }
            else if (owner.staleRecord && !options.dryRun) {
                // Resumed by a person while the suite's window was open: the record is spent.
                await client.removeMetadata(id, PAUSE_RECORD_KEY);
            }
        }
        catch (error) {
            report.failed.push(`monitor ${id}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }));
    for (const line of report.ended)
        deps.logger.warning(`Expired maintenance: ${line}`);
    return report;
}
/**
 * Pauses the monitors among `ids` that run, recording each pause on the monitor before and
 * after the PATCH, with its end. A monitor a person paused is left alone; one the suite paused
 * in an earlier run is taken over (its record now names this run, and its end is the later one).
 */
async function openMaintenanceWindow(client, ids, run, deps) {
    const result = { paused: [], takenOver: [], leftAlone: [] };
    const now = deps.clock.now();
    const base = {
        tool: 'apprunner-ops',
        environment: run.environment,
        action: run.action,
        pauseId: run.pauseId,
        runUrl: run.runUrl,
        at: new Date(now).toISOString(),
        until: new Date(now + run.windowMs).toISOString(),
    };
    await Promise.all(ids.map(async (id) => {
        const { monitor, record } = await inspectMonitor(client, id);
        const owner = pauseOwner(monitor, record, now);
        if (owner.kind === 'person') {
            result.leftAlone.push(`${id} was already paused${owner.pausedAt ? ` (since ${owner.pausedAt})` : ''}, not by this run: left as it is`);
            return;
        }
        if (owner.kind === 'suite') {
            const until = Date.parse(owner.record.until) > Date.parse(base.until) ? owner.record.until : base.until;
            const taken = { ...base, until, pausedAt: owner.record.pausedAt };
            await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify(taken));
            deps.logger.info(`  monitor ${id} was paused by ${describeSuitePause(owner.record)}; this run takes it over`);
            result.takenOver.push(id);
            return;
        }
        // Recorded first, so a runner lost right after the PATCH leaves a trace of whose it was.
        await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify({ ...base, pausedAt: null }));
        let paused = await client.pause(id);
        if (!paused.pausedAt)
            paused = await client.get(id);
        const complete = { ...base, pausedAt: paused.pausedAt };
        await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify(complete));
        result.paused.push(id);
    }));
    result.paused.sort();
    result.takenOver.sort();
    return result;
}
/**
 * Resumes the monitors this run paused (its `pauseId` in the record), at the end of the run or
 * in its post step. Monitors paused by anyone else stay paused.
 */
async function closeMaintenanceWindow(client, ids, pauseId, deps) {
    const resumed = [];
    const leftAlone = [];
    await Promise.all(ids.map(async (id) => {
        const { monitor, record } = await inspectMonitor(client, id);
        if (record?.pauseId !== pauseId) {
            if (monitor.paused)
                leftAlone.push(`${id} stays paused: not paused by this run`);
            return;
        }
        const owner = pauseOwner(monitor, record, deps.clock.now());
        // This run's own unfinished record: it sent the PATCH itself, so the pause is its own.
        const ownUnfinished = owner.kind === 'person' && owner.unfinishedRecord !== undefined;
        if (owner.kind === 'suite' || ownUnfinished) {
            await endSuitePause(client, id);
            resumed.push(id);
        }
        else if (owner.kind === 'person') {
            leftAlone.push(`${id} was paused again by a person during the run: left as it is`);
            await client.removeMetadata(id, PAUSE_RECORD_KEY);
        }
        else {
            await client.removeMetadata(id, PAUSE_RECORD_KEY);
        }
    }));
    resumed.sort();
    return { resumed, leftAlone };
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
 * key on a resource, an empty list removes the key; `GET /api/v3/metadata?owner_id=…`
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


/***/ }),

/***/ 2887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B3: () => (/* binding */ previousKeyAges),
/* harmony export */   HK: () => (/* binding */ describeAge),
/* harmony export */   QA: () => (/* binding */ retirePreviousKey),
/* harmony export */   n6: () => (/* binding */ retirementToken)
/* harmony export */ });
/* unused harmony export RETIRED_PREFIX */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4701);
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
    const hex = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`apprunner-ops retire|${run.repository}|${run.runId}|${environment}|${previousSecretId}`)
        .digest('hex');
    return `${RETIRED_PREFIX}${hex.slice(0, 40)}`;
}
/** Replaces the previous key with an unknowable one (idempotent by its token). */
async function retirePreviousKey(age, store, token) {
    await store.put(age.previousSecretId, token, (0,_values_js__WEBPACK_IMPORTED_MODULE_1__/* .randomValue */ .Z1)(age.secret.length ?? 64), [
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


/***/ }),

/***/ 4742:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ rotatedSecretId),
/* harmony export */   w: () => (/* binding */ DATABASE_KINDS)
/* harmony export */ });
const DATABASE_KINDS = [
    'rds-master-password',
    'database-user',
    'rds-managed',
];
/** The secret a rotation writes: DATABASE_URL's secret for database kinds, else secret-id. */
function rotatedSecretId(secret) {
    return DATABASE_KINDS.includes(secret.kind)
        ? secret['database-url-secret-id']
        : secret['secret-id'];
}


/***/ }),

/***/ 4701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ tryLogin),
/* harmony export */   YN: () => (/* binding */ credentialsOf),
/* harmony export */   Z1: () => (/* binding */ randomValue),
/* harmony export */   p_: () => (/* binding */ loginWithin),
/* harmony export */   rd: () => (/* binding */ databasePassword),
/* harmony export */   tE: () => (/* binding */ withCredentials)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5142);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8729);
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
/** A database password of `length` characters (8–128) from the CSPRNG. */
function databasePassword(length) {
    if (length < 8 || length > 128)
        throw new Error('a database password has 8–128 characters');
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
/** A real connection and `SELECT 1`; the error is pg's (it names the user, never the password). */
async function tryLogin(url) {
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_2__/* .pgClient */ .T)({
        connectionString: url,
        connectionTimeoutMillis: 5_000,
        statement_timeout: 5_000,
    });
    client.on('error', () => { });
    try {
        await client.connect();
        await client.query('SELECT 1');
        return { ok: true };
    }
    catch (error) {
        const message = error.message;
        return { ok: false, error: message.includes(url) ? 'connection failed' : message };
    }
    finally {
        await client.end().catch(() => undefined);
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
    deps.logger.info(`  login with ${what} still failing after ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(withinMs)}`);
    return last;
}


/***/ }),

/***/ 1577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ targetOf)
});

// UNUSED EXPORTS: createTarget

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var client_apprunner_dist_cjs = __webpack_require__(2284);
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
        return (0,util_wait/* waitFor */.f)({
            what: `App Runner service ${this.arn.split('/')[1] ?? this.arn} to be RUNNING`,
            timeoutMs,
            intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
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
                        throw new ServiceNotUpdatable(`service ${state.name} is PAUSED; resume it (aws apprunner resume-service or the console) and run again — a paused service would not serve the new version`);
                    case 'CREATE_FAILED':
                        throw new ServiceNotUpdatable(`service ${state.name} is CREATE_FAILED; it never came up, so there is nothing to deploy over — fix its creation (see its event log) or delete and create it, then run again`);
                    default:
                        throw new ServiceNotUpdatable(`service ${state.name} is ${state.status}; only a RUNNING service can be updated`);
                }
            },
        });
    }
    /**
     * Read-modify-write: starts from the service's own SourceConfiguration and changes only
     * the image identifier, because UpdateService replaces what it is given and a payload
     * built from scratch would drop environment variables and secrets.
     *
     * Called once per switch. UpdateService is not idempotent: when an attempt fails after the
     * request may have reached App Runner (a reset, a 5xx, a timeout), what happened is read
     * from App Runner itself before anything is sent again — see `settleLostUpdate`. Clocks are
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
     * itself — DescribeService shows the new identifier configured (OPERATION_IN_PROGRESS while
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
            const op = await (0,util_wait/* waitFor */.f)({
                what: `the UpdateService operation for ${identifier} to be listed`,
                timeoutMs: wait.timeoutMs,
                intervalMs: Math.min(wait.intervalMs, 1_000),
                clock: this.deps.clock,
                logger: this.deps.logger,
                probe: async () => {
                    const found = await newer();
                    return found ? { done: true, value: found } : { done: false, status: 'not listed yet' };
                },
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
            throw new ServiceNotUpdatable(`App Runner is busy with an operation that is not this update (${configured ?? 'unknown image'} configured); the update was not applied — run again once it has finished`);
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
    async newestOperation(type) {
        const out = await (0,call/* awsCall */.uF)('ListOperations', () => this.client.send(new client_apprunner_dist_cjs/* ListOperationsCommand */.K6t({ ServiceArn: this.arn, MaxResults: 20 })), this.deps);
        return out.OperationSummaryList?.find((op) => op.Type === type);
    }
    async findOperation(operationId) {
        let nextToken;
        for (let page = 0; page < 20; page++) {
            const out = await (0,call/* awsCall */.uF)('ListOperations', () => this.client.send(new client_apprunner_dist_cjs/* ListOperationsCommand */.K6t({
                ServiceArn: this.arn,
                MaxResults: 20,
                NextToken: nextToken,
            })), this.deps);
            const found = out.OperationSummaryList?.find((op) => op.Id === operationId);
            if (found)
                return found;
            nextToken = out.NextToken;
            if (!nextToken)
                return undefined;
        }
        return undefined;
    }
    /**
     * Follows an operation to a terminal state. The operation, not the service status, says
     * whether a deploy worked: after a failed health check App Runner restores the previous
     * image and the service is RUNNING again.
     */
    async followOperation(operationId, timeoutMs, intervalMs) {
        return (0,util_wait/* waitFor */.f)({
            what: `App Runner operation ${operationId} to finish`,
            timeoutMs,
            intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const operation = await this.findOperation(operationId);
                const status = operation?.Status ?? 'NOT_LISTED_YET';
                if (operation && TERMINAL.has(status))
                    return { done: true, value: { status: status, operation } };
                return { done: false, status };
            },
        });
    }
}

// EXTERNAL MODULE: ./core/deploy/env-changes.ts + 1 modules
var env_changes = __webpack_require__(4737);
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
        return `App Runner UpdateService ${this.arn}: ImageIdentifier ${from} → ${to} (nothing else changes), follow the operation`;
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
    async restart() {
        const before = await this.updatableState();
        const id = await this.service.startDeployment();
        return { id, kind: 'restart', image: before.image, previous: before.imageByDigest };
    }
    async traffic(window) {
        const client = this.options.cloudWatch ??
            new dist_cjs/* CloudWatchClient */.WBn({ region: this.arn.split(':')[3], maxAttempts: 1 });
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
                    message: `App Runner could not roll ${deployment.names?.image ?? deployment.image} back (operation ${id} ROLLBACK_FAILED): the service may be down — check it now`,
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

// EXTERNAL MODULE: ./core/targets/ecs-express.ts
var ecs_express = __webpack_require__(1133);
;// CONCATENATED MODULE: ./core/targets/create.ts


function createTarget(target, clients, deps, options = {}) {
    switch (target.kind) {
        case 'app-runner':
            if (!clients.appRunner)
                throw new Error('createTarget: an App Runner target needs an App Runner client');
            return new AppRunnerTarget(clients.appRunner, target['service-arn'], deps, options);
        case 'ecs-express':
            if (!clients.ecs)
                throw new Error('createTarget: an ECS Express target needs an ECS client');
            return new ecs_express/* EcsExpressTarget */.jG(clients.ecs, target['service-arn'], deps, {
                cloudWatch: options.cloudWatch,
            });
    }
}
/**
 * The target of an environment, with the clients it needs: an ECS client is made only for an
 * ECS Express environment (and only then is its module's client used).
 */
function targetOf(env, clients, deps, limits) {
    return createTarget(env.target, {
        appRunner: clients.appRunner,
        ...(env.target.kind === 'ecs-express'
            ? { ecs: (clients.ecs ??= (0,ecs_express/* createEcsClient */.DJ)(env.region, limits)) }
            : {}),
    }, deps, { cloudWatch: clients.cloudWatch });
}


/***/ }),

/***/ 1133:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DJ: () => (/* binding */ createEcsClient),
/* harmony export */   jG: () => (/* binding */ EcsExpressTarget)
/* harmony export */ });
/* unused harmony export sameEntries */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(212);
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4085);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1279);
/* harmony import */ var _aws_call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2664);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9750);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(670);
/* harmony import */ var _aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7148);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4494);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9891);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4480);
/* harmony import */ var _target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9056);
/**
 * Amazon ECS Express Mode as a deploy target (@aws-sdk/client-ecs ≥ 3.937.0).
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
function createEcsClient(region, limits = { requestTimeoutMs: _aws_clients_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_AWS_REQUEST_TIMEOUT_MS */ .Z }) {
    return new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .ECSClient */ .Zgc({
        region,
        maxAttempts: 1,
        requestHandler: new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_9__.NodeHttpHandler({
            requestTimeout: limits.requestTimeoutMs,
            connectionTimeout: Math.min(limits.requestTimeoutMs, 10_000),
            throwOnRequestTimeout: true,
        }),
    });
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
    async unfinished() {
        const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ListServiceDeployments', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .ListServiceDeploymentsCommand */ .jz8({
            service: this.arn,
            cluster: this.cluster,
            status: UNFINISHED,
            maxResults: 1,
        })), this.deps);
        return out.serviceDeployments?.[0];
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
    async preflight() {
        const service = await this.service();
        const status = service.status?.statusCode ?? 'UNKNOWN';
        if (status !== 'ACTIVE')
            return {
                updatable: false,
                busy: false,
                paused: false,
                reason: `ECS Express service ${this.serviceName} is ${status}${status === 'DRAINING' || status === 'INACTIVE' ? ': it is being deleted or was deleted; ECS refuses updates to it — deploy to an ACTIVE service (create a new one) and update the configuration' : ''}`,
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
        return (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitFor */ .f)({
            what: `ECS Express service ${this.serviceName} to be ACTIVE with no deployment under way`,
            timeoutMs: wait.timeoutMs,
            intervalMs: wait.intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const check = await this.preflight();
                if (check.updatable)
                    return { done: true, value: await this.describe() };
                if (!check.busy)
                    throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(check.reason);
                return { done: false, status: check.reason };
            },
        });
    }
    /**
     * Every deployment listed now, to tell a new one from the old ones. The documentation does
     * not say in which order ListServiceDeployments answers, so all pages are read (bounded).
     */
    async listDeployments() {
        const all = [];
        let nextToken;
        for (let page = 0; page < 20; page++) {
            const token = nextToken;
            const out = await (0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('ListServiceDeployments', () => this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .ListServiceDeploymentsCommand */ .jz8({
                service: this.arn,
                cluster: this.cluster,
                maxResults: 100,
                ...(token ? { nextToken: token } : {}),
            })), this.deps);
            all.push(...(out.serviceDeployments ?? []));
            nextToken = out.nextToken;
            if (!nextToken)
                break;
        }
        return all;
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
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`${error.message} after ${wait.timeoutMs} ms: ECS accepted the change, so a deployment may be under way — look at the service's deployments before running again`, { cause: error });
        });
    }
    /**
     * After an update whose answer was lost: a revision made since (not among `known`) whose
     * image is ours means it took effect. Read from ECS, never guessed from clocks.
     */
    async revisionMadeSince(image, known) {
        const service = await this.service();
        const fresh = new Set([
            ...(service.activeConfigurations ?? []).map((c) => c.serviceRevisionArn),
            ...(await this.listDeployments()).map((d) => d.targetServiceRevisionArn),
        ].filter((a) => !!a && !known.has(a)));
        if (fresh.size === 0)
            return undefined;
        const images = await this.revisionImages([...fresh].slice(0, 20));
        return [...images.entries()].find(([, r]) => r.image === image)?.[0];
    }
    describeSwitch(from, to) {
        return `ECS UpdateExpressGatewayService ${this.arn}: primaryContainer.image ${from} → ${to} (the rest of the container kept), follow the service deployment`;
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
        const known = new Set([
            ...(service.activeConfigurations ?? []).map((c) => c.serviceRevisionArn),
            ...(await this.listDeployments()).map((d) => d.targetServiceRevisionArn),
        ].filter((a) => !!a));
        let sent = false;
        const revisionArn = await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L)(async () => {
            if (sent) {
                const adopted = await this.revisionMadeSince(image, known);
                if (adopted) {
                    this.deps.logger.info(`UpdateExpressGatewayService: the call whose answer was lost had taken effect (revision ${adopted})`);
                    return adopted;
                }
                this.deps.logger.info('UpdateExpressGatewayService: the failed call did not take effect; sending it again');
            }
            sent = true;
            try {
                const out = await this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .UpdateExpressGatewayServiceCommand */ .omG({ serviceArn: this.arn, primaryContainer }));
                const target = out.service?.targetConfiguration;
                if (!target?.serviceRevisionArn)
                    throw new Error('UpdateExpressGatewayService returned no service revision');
                this.checkKept(expected, target.primaryContainer);
                return target.serviceRevisionArn;
            }
            catch (error) {
                if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryableAwsError */ .ag)(error))
                    throw new AnswerLost(error.message, { cause: error });
                throw error;
            }
        }, {
            ..._aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS_RETRY */ .pN,
            label: 'UpdateExpressGatewayService',
            isRetryable: (error) => error instanceof AnswerLost,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(this.deps.random ? { random: this.deps.random } : {}),
        }).catch((error) => {
            if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(error) === 'ServiceNotActiveException')
                throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS refused the update: ${error.message}`, {
                    cause: error,
                });
            throw error;
        });
        const deployment = await this.findDeployment((d) => d.targetServiceRevisionArn === revisionArn, `revision ${revisionArn}`, wait);
        return {
            id: deployment.serviceDeploymentArn,
            kind: 'switch',
            image,
            previous: before.imageByDigest,
        };
    }
    /** The update kept every variable and secret reference (compared as sets). */
    checkKept(before, after) {
        if (!after)
            return;
        const env = sameEntries(before.environment, envOf(after));
        const secrets = sameEntries(before.secrets, secretsOf(after));
        if (!env.same || !secrets.same)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DomainFailure */ .dY(`ECS changed more than the image: ${[...env.differing.map((n) => `environment ${n}`), ...secrets.differing.map((n) => `secret ${n}`)].join(', ')} differ from what ran before — check the service's configuration`);
    }
    async restart(wait = DEFAULT_WAIT) {
        const before = await this.describe();
        if (before.status !== 'ACTIVE')
            throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS Express service ${this.serviceName} is ${before.status}; ECS refuses to restart it`);
        const known = new Set((await this.listDeployments()).map((d) => d.serviceDeploymentArn));
        let sent = false;
        await (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L)(async () => {
            if (sent && (await this.listDeployments()).some((d) => !known.has(d.serviceDeploymentArn)))
                return; // the lost call had started a deployment: do not start a second one
            sent = true;
            try {
                await this.client.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_8__/* .UpdateServiceCommand */ .kZr({
                    cluster: this.cluster,
                    service: this.arn,
                    forceNewDeployment: true,
                }));
            }
            catch (error) {
                if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryableAwsError */ .ag)(error))
                    throw new AnswerLost(error.message, { cause: error });
                throw error;
            }
        }, {
            ..._aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .AWS_RETRY */ .pN,
            label: 'UpdateService forceNewDeployment',
            isRetryable: (error) => error instanceof AnswerLost,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(this.deps.random ? { random: this.deps.random } : {}),
        }).catch((error) => {
            if ((0,_aws_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(error) === 'ServiceNotActiveException')
                throw new _target_js__WEBPACK_IMPORTED_MODULE_6__/* .TargetNotUpdatable */ .dU(`ECS refused the restart: ${error.message}`, {
                    cause: error,
                });
            throw error;
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
        const revisions = (service.activeConfigurations ?? [])
            .map((c) => c.serviceRevisionArn)
            .filter((r) => !!r)
            // DescribeServiceRevisions takes at most 20 ARNs.
            .slice(0, 20);
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
        const client = this.options.cloudWatch ??
            new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_10__/* .CloudWatchClient */ .WBn({ region: this.arn.split(':')[3], maxAttempts: 1 });
        return (0,_aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_2__/* .albTraffic */ .nY)(client, targets, window, this.deps);
    }
    async follow(deployment, wait) {
        const id = deployment.id;
        const found = await (0,_util_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitFor */ .f)({
            what: `ECS service deployment ${id.split('/').at(-1) ?? id} of ${deployment.image} to finish`,
            timeoutMs: wait.timeoutMs,
            intervalMs: wait.intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
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
            },
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
                    message: `ECS could not roll ${deployment.names?.image ?? deployment.image} back (ROLLBACK_FAILED: ${reason}): the service may be down — check it now`,
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


/***/ }),

/***/ 9056:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GV: () => (/* binding */ withScheme),
/* harmony export */   _W: () => (/* binding */ byDigest),
/* harmony export */   dU: () => (/* binding */ TargetNotUpdatable)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

/** A service the target cannot update now (DRAINING, INACTIVE, PAUSED, CREATE_FAILED …). */
class TargetNotUpdatable extends _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'TargetNotUpdatable';
}
/** `https://` in front of a bare host name; an URL with a scheme is kept. */
function withScheme(endpoint) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
}
/** `<registry>/<repo>@sha256:…` from an image reference (tag or digest) and its digest. */
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

/***/ 8729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
/**
 * Parses `90s`, `5m`, `1h30m`, `250ms`, `7d` into milliseconds. A bare number is refused: a
 * timeout of "300" is ambiguous (seconds? milliseconds?) and the error asks for a unit.
 * Returns undefined when the text is not a duration.
 */
function parseDuration(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    let total = 0;
    let consumed = 0;
    for (const match of trimmed.matchAll(PART)) {
        if (match.index !== consumed)
            return undefined;
        total += Number(match[1]) * UNIT_MS[match[2]];
        consumed += match[0].length;
    }
    return consumed === trimmed.length && consumed > 0 ? Math.round(total) : undefined;
}
/** 93_000 → "1m33s"; 450 → "450ms". For logs and summaries. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    // No unit is skipped between two shown ones: 5h29s read as five and a half minutes' worth
    // of something; 5h0m29s cannot be misread.
    return `${h ? `${h}h` : ''}${m || (h && s) ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}


/***/ }),

/***/ 676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SS: () => (/* binding */ requestJson),
/* harmony export */   j$: () => (/* binding */ HttpError)
/* harmony export */ });
/* unused harmony export neverSent */
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9891);

class HttpError extends Error {
    status;
    url;
    body;
    name = 'HttpError';
    constructor(status, url, body) {
        super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
        this.status = status;
        this.url = url;
        this.body = body;
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
            throw new HttpError(response.status, label, text);
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
        clock: deps.clock,
        logger: deps.logger,
    });
}


/***/ }),

/***/ 5142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ pgClient)
/* harmony export */ });
/**
 * A pg client, with the driver imported on first use (a separate chunk in the bundles). Every
 * action's configuration schema reaches the sql check, the drill and the audit log, but most
 * runs never connect to a database, and loading pg is a tenth of a bundle's start-up.
 */
async function pgClient(config) {
    const { default: driver } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 3849));
    return new driver.Client(config);
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
            const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
            options.logger.info(`${options.label}: attempt ${attempt}/${options.attempts} failed (${describeError(error)}); retrying in ${delay}ms`);
            await options.clock.sleep(delay, options.signal);
        }
    }
}


/***/ }),

/***/ 4480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ waitFor)
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
    logger.info(`Waiting up to ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(options.timeoutMs)} for ${options.what}`);
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
            logger.info(`  ${options.what}: ${result.status} (after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(clock.now() - started)})`);
            lastStatus = result.status;
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new WaitTimeout(`gave up after ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(options.timeoutMs)} waiting for ${options.what}; last seen: ${lastStatus}`);
        }
        await clock.sleep(Math.min(options.intervalMs, remaining), options.signal);
    }
}


/***/ })

};
