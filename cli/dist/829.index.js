export const id = 829;
export const ids = [829];
export const modules = {

/***/ 4587:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ terminalRunInfo)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);


function git(args, cwd) {
    try {
        return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
    }
    catch {
        return undefined;
    }
}
/**
 * What a workflow run knows about itself, for a person at a terminal: the repository from
 * GITHUB_REPOSITORY or the origin remote, the commit (GITHUB_SHA or the checkout's HEAD), and
 * who ran it. The run id
 * is unique per invocation, so records made from a terminal never merge with a run's.
 */
function terminalRunInfo(env, cwd, now) {
    const remote = git(['remote', 'get-url', 'origin'], cwd);
    const fromRemote = remote ? /[:/]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1] : undefined;
    const repository = env['GITHUB_REPOSITORY'] || fromRemote || 'local/unknown';
    const serverUrl = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const sha = env['GITHUB_SHA'] || git(['rev-parse', 'HEAD'], cwd) || '';
    const user = env['USER'] || node_os__WEBPACK_IMPORTED_MODULE_1___default().userInfo().username || 'unknown';
    return {
        repository,
        sha,
        sha7: sha.slice(0, 7),
        ref: git(['symbolic-ref', '-q', 'HEAD'], cwd) ?? '',
        actor: `${user} (terminal)`,
        runId: String(now),
        runAttempt: '1',
        job: 'terminal',
        serverUrl,
        apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, ''),
        runUrl: `${serverUrl}/${repository}/deployments`,
    };
}


/***/ }),

/***/ 4607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   aX: () => (/* binding */ mermaidTimeline)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, escapeCell */
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
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5142);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4494);



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
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__/* .pgClient */ .Te)({
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
            throw new Error(`this role may not write audit_log (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); GRANT INSERT ON audit_log TO ${who.user} (SELECT too, for rollback's history)`, { cause: error });
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
        throw new Error(`audit_log does not exist and this role may not create it: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}; create it once as the schema's owner, or GRANT CREATE ON SCHEMA ${who.schema} TO ${who.user}`, { cause: error });
    }
}
/** Newest first; used by rollback as a second source of history and by the demo. */
async function readAuditEntries(databaseUrl, filter = {}) {
    const client = await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_1__/* .pgClient */ .Te)({
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
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(303);
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

/***/ 9913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ SecretNotFound),
/* harmony export */   NT: () => (/* binding */ VersionExists),
/* harmony export */   Ux: () => (/* binding */ StageMoved),
/* harmony export */   Vb: () => (/* binding */ SecretsStore)
/* harmony export */ });
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

/***/ 1577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $r: () => (/* binding */ targetOf)
});

// UNUSED EXPORTS: createTarget, flyClientOf

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
// EXTERNAL MODULE: ./core/aws/clients.ts
var clients = __webpack_require__(9750);
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
        const client = (0,clients/* cloudWatchForArn */.PM)(this.arn, this.options.cloudWatch);
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


/***/ }),

/***/ 2132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   nI: () => (/* binding */ paint)
/* harmony export */ });
/* unused harmony exports wantsColor, stripAnsi, displayWidth, padEnd, padStart, wrap, inline, fitColumns, renderTable, renderGantt */
/* harmony import */ var _core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/**
 * Renders a job summary (the GitHub-flavoured Markdown our actions write to
 * GITHUB_STEP_SUMMARY) for a terminal: headings, tables with aligned and wrapped columns,
 * lists, `<details>` as an indented block, and the Mermaid gantt of a deploy as a text
 * timeline. Only what our summaries use is supported; anything else passes through as text.
 */
/* eslint-disable no-control-regex -- ANSI escape sequences are what this module writes and measures */

/** Colour only on a terminal, unless NO_COLOR or FORCE_COLOR says otherwise (no-color.org). */
function wantsColor(stream = process.stdout, env = process.env) {
    if (env['NO_COLOR'])
        return false;
    if (env['FORCE_COLOR'] !== undefined)
        return env['FORCE_COLOR'] !== '0';
    return stream.isTTY === true && env['TERM'] !== 'dumb';
}
const SGR = {
    bold: ['\x1b[1m', '\x1b[22m'],
    dim: ['\x1b[2m', '\x1b[22m'],
    underline: ['\x1b[4m', '\x1b[24m'],
    red: ['\x1b[31m', '\x1b[39m'],
    green: ['\x1b[32m', '\x1b[39m'],
    yellow: ['\x1b[33m', '\x1b[39m'],
    cyan: ['\x1b[36m', '\x1b[39m'],
};
function paint(color, style, text) {
    if (!color || text === '')
        return text;
    const [open, close] = SGR[style];
    return `${open}${text}${close}`;
}
const ANSI = /\x1b\[[0-9;]*m/g;
function stripAnsi(text) {
    return text.replace(ANSI, '');
}
// East Asian wide and fullwidth blocks; emoji are caught by Emoji_Presentation below.
const WIDE = [
    [0x1100, 0x115f],
    [0x2e80, 0xa4cf],
    [0xac00, 0xd7a3],
    [0xf900, 0xfaff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xff60],
    [0xffe0, 0xffe6],
    [0x1f300, 0x1f64f],
    [0x1f900, 0x1f9ff],
    [0x20000, 0x3fffd],
];
/** Columns a string takes in a terminal: ANSI codes 0, marks 0, emoji and CJK 2. */
function displayWidth(text) {
    const chars = [...stripAnsi(text)];
    let width = 0;
    for (let i = 0; i < chars.length; i++) {
        const ch = chars[i];
        const code = ch.codePointAt(0);
        if (/[\p{Mn}\p{Me}\p{Cf}]/u.test(ch) || code < 0x20)
            continue;
        // A text-style pictograph followed by VS16 (\u26a0\ufe0f) is drawn as an emoji, two columns.
        const emojiVariant = chars[i + 1] === '\ufe0f' && /\p{Extended_Pictographic}/u.test(ch);
        const wide = emojiVariant ||
            /\p{Emoji_Presentation}/u.test(ch) ||
            WIDE.some(([from, to]) => code >= from && code <= to);
        width += wide ? 2 : 1;
    }
    return width;
}
function padEnd(text, width) {
    return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
function padStart(text, width) {
    return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
/** The SGR codes still open after `code`, so a wrapped line can close and reopen them. */
function applySgr(active, code) {
    const n = Number(/\x1b\[([0-9;]*)m/.exec(code)?.[1] || '0');
    if (n === 0)
        return [];
    const closes = {
        22: (o) => o === 1 || o === 2,
        24: (o) => o === 4,
        39: (o) => (o >= 30 && o <= 37) || (o >= 90 && o <= 97),
    };
    const closing = closes[n];
    if (closing)
        return active.filter((a) => !closing(Number(/\d+/.exec(a)?.[0])));
    return [...active, code];
}
/**
 * Wraps text (which may hold ANSI styles) to `width` columns at spaces; words longer than a
 * line (image URIs, digests) are broken. Styles are closed at each line end and reopened on
 * the next line, so indentation and table padding never pick them up.
 */
function wrap(text, width) {
    const limit = Math.max(1, width);
    const lines = [];
    let line = '';
    let lineWidth = 0;
    let active = [];
    const breakLine = () => {
        lines.push(active.length > 0 ? `${line}\x1b[0m` : line);
        line = active.join('');
        lineWidth = 0;
    };
    for (const word of text.split(/ +/)) {
        const pieces = word.match(/\x1b\[[0-9;]*m|[^\x1b]/gu) ?? [];
        const wordWidth = displayWidth(word);
        if (lineWidth > 0 && lineWidth + 1 + wordWidth > limit)
            breakLine();
        else if (lineWidth > 0) {
            line += ' ';
            lineWidth += 1;
        }
        for (const piece of pieces) {
            if (piece.startsWith('\x1b')) {
                line += piece;
                active = applySgr(active, piece);
                continue;
            }
            const w = displayWidth(piece);
            if (lineWidth + w > limit && lineWidth > 0)
                breakLine();
            line += piece;
            lineWidth += w;
        }
    }
    lines.push(line);
    return lines;
}
function decodeEntities(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&');
}
/** Inline Markdown: `code`, **bold**, [text](url), <br> and stray tags, entities. */
function inline(text, color) {
    const codes = [];
    // Code spans first, so nothing inside them is taken for Markdown.
    let out = text.replace(/`([^`]+)`/g, (_m, code) => {
        codes.push(code);
        return `\ue000${codes.length - 1}\ue000`;
    });
    out = out
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<\/?[a-z][^>]*>/gi, '')
        .replace(/\\([|`*_[\]\\])/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, (_m, bold) => paint(color, 'bold', bold))
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_m, label, url) => label === url ? url : `${label} (${url})`);
    out = decodeEntities(out);
    return out.replace(/\ue000(\d+)\ue000/g, (_m, i) => paint(color, 'cyan', codes[Number(i)]));
}
/** Cells of a Markdown table row; `\|` inside a cell is a literal pipe. */
function tableCells(line) {
    const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
    const cells = [];
    let cell = '';
    for (let i = 0; i < body.length; i++) {
        const ch = body[i];
        if (ch === '\\' && body[i + 1] === '|') {
            cell += '\\|';
            i++;
        }
        else if (ch === '|') {
            cells.push(cell.trim());
            cell = '';
        }
        else
            cell += ch;
    }
    cells.push(cell.trim());
    return cells;
}
/**
 * Column widths that fit `available`. Columns keep their natural width when everything fits.
 * Otherwise each column keeps at least its longest word (`minimal`, so a URL is not cut
 * mid-way while there is room), and the widest columns are capped at one common width, so
 * short columns such as Result and Duration stay on one line and long details wrap.
 */
function fitColumns(natural, available, minimal = []) {
    const total = natural.reduce((a, b) => a + b, 0);
    if (total <= available)
        return [...natural];
    let floor = natural.map((w, i) => Math.min(w, Math.max(6, minimal[i] ?? 0)));
    // Words too long for any layout: give up on keeping them whole.
    if (floor.reduce((a, b) => a + b, 0) > available)
        floor = natural.map((w) => Math.min(w, 6));
    const width = (cap) => natural.map((w, i) => Math.max(floor[i], Math.min(w, cap)));
    let cap = Math.max(...natural);
    while (cap > 1 && width(cap).reduce((a, b) => a + b, 0) > available)
        cap--;
    return width(cap);
}
/** An aligned table: header, a rule, rows; cells wrap within their column. */
function renderTable(rows, options) {
    const { color, header } = options;
    const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
    const all = header ? [header, ...rows] : rows;
    const natural = Array.from({ length: columns }, (_, c) => Math.max(1, ...all.map((r) => displayWidth(r[c] ?? ''))));
    const gap = 2;
    const longestWord = Array.from({ length: columns }, (_, c) => Math.max(0, ...all.flatMap((r) => (r[c] ?? '').split(' ').map(displayWidth))));
    const widths = fitColumns(natural, options.width - gap * (columns - 1), longestWord);
    const renderRow = (cells, style) => {
        const wrapped = widths.map((w, c) => wrap(cells[c] ?? '', w));
        const height = Math.max(...wrapped.map((w) => w.length));
        const lines = [];
        for (let i = 0; i < height; i++) {
            const parts = widths.map((w, c) => {
                const text = style ? style(c, wrapped[c]?.[i] ?? '') : (wrapped[c]?.[i] ?? '');
                const align = options.align?.[c] ?? 'left';
                if (align === 'right')
                    return padStart(text, w);
                if (align === 'center')
                    return padEnd(padStart(text, (w + displayWidth(text)) >> 1), w);
                return padEnd(text, w);
            });
            lines.push(parts.join(' '.repeat(gap)).trimEnd());
        }
        return lines;
    };
    const out = [];
    if (header) {
        out.push(...renderRow(header, (_c, text) => paint(color, 'bold', text)));
        out.push(paint(color, 'dim', widths.map((w) => '\u2500'.repeat(w)).join(' '.repeat(gap))));
    }
    const keyStyle = options.keyStyle;
    for (const row of rows)
        out.push(...renderRow(row, (c, text) => (c === 0 && keyStyle ? paint(color, keyStyle, text) : text)));
    return out;
}
function renderMarkdownTable(lines, options) {
    const rows = lines.map(tableCells);
    const isRule = (cells) => cells.every((c) => /^:?-+:?$/.test(c));
    const ruleAt = rows.findIndex(isRule);
    const rule = ruleAt >= 0 ? rows[ruleAt] : [];
    const align = rule.map((c) => c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : 'left');
    const styled = (cells) => cells.map((c) => inline(c, options.color));
    const headerCells = ruleAt === 1 ? rows[0] : undefined;
    const body = rows.filter((_, i) => i !== ruleAt && !(ruleAt === 1 && i === 0)).map(styled);
    // `|  |  |` headers (our key\u2013value tables) have nothing to say: no header, bold keys.
    const emptyHeader = headerCells?.every((c) => c === '') ?? true;
    return renderTable(body, {
        ...options,
        align,
        ...(emptyHeader ? { keyStyle: 'bold' } : { header: styled(headerCells ?? []) }),
    });
}
/**
 * A Mermaid gantt with `dateFormat x` (milliseconds, what our deploy summary writes) as bars
 * on a shared time axis; any other diagram becomes a one-line note.
 */
function renderGantt(source, options) {
    const note = [paint(options.color, 'dim', '(a Mermaid diagram; GitHub draws it)')];
    if (source[0]?.trim() !== 'gantt')
        return note;
    let title = '';
    let epochMs = false;
    const tasks = [];
    for (const raw of source.slice(1)) {
        const line = raw.trim();
        if (line.startsWith('title '))
            title = line.slice(6);
        else if (line === 'dateFormat x')
            epochMs = true;
        else if (/^(axisFormat|section|todayMarker|excludes)\b/.test(line) || line === '')
            continue;
        else {
            const match = /^(.+?)\s*:(.*)$/.exec(line);
            if (!match)
                return note;
            const fields = match[2].split(',').map((f) => f.trim());
            const [start, end] = fields.slice(-2).map(Number);
            if (!Number.isFinite(start) || !Number.isFinite(end))
                return note;
            tasks.push({ name: match[1], start, end, crit: fields.includes('crit') });
        }
    }
    if (!epochMs || tasks.length === 0)
        return note;
    const origin = Math.min(...tasks.map((t) => t.start));
    const total = Math.max(1, Math.max(...tasks.map((t) => t.end)) - origin);
    const nameWidth = Math.max(...tasks.map((t) => displayWidth(t.name)));
    const barWidth = Math.max(10, Math.min(60, options.width - nameWidth - 12));
    const out = [
        paint(options.color, 'dim', `${title ? `${title}: ` : ''}0 to ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(total)}, one column \u2248 ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(total / barWidth)}`),
    ];
    for (const task of tasks) {
        const from = Math.min(barWidth - 1, Math.floor(((task.start - origin) / total) * barWidth));
        const to = Math.max(from + 1, Math.round(((task.end - origin) / total) * barWidth));
        const bar = paint(options.color, task.crit ? 'red' : 'green', '\u2588'.repeat(to - from));
        const track = `${' '.repeat(from)}${bar}${' '.repeat(Math.max(0, barWidth - to))}`;
        const mark = task.crit ? ' \u2717' : '';
        out.push(`${padEnd(task.name, nameWidth)} ${paint(options.color, 'dim', '\u2502')}${track}${paint(options.color, 'dim', '\u2502')} ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(task.end - task.start)}${mark}`);
    }
    return out;
}
/** Renders a job summary for the terminal; returns lines without trailing newlines. */
function renderSummary(markdown, options) {
    const { color } = options;
    const source = markdown.replace(/\r\n/g, '\n').split('\n');
    const out = [];
    let indent = '';
    const width = () => Math.max(20, options.width - indent.length);
    const emit = (lines) => {
        for (const l of lines)
            out.push(l === '' ? '' : indent + l);
    };
    const blank = () => {
        if (out.length > 0 && out.at(-1) !== '')
            out.push('');
    };
    for (let i = 0; i < source.length; i++) {
        const line = source[i];
        const trimmed = line.trim();
        const fence = /^```\s*(\S*)/.exec(trimmed);
        if (fence) {
            const body = [];
            for (i++; i < source.length && !source[i].trim().startsWith('```'); i++)
                body.push(source[i]);
            blank();
            if (fence[1] === 'mermaid')
                emit(renderGantt(body, { ...options, width: width() }));
            else
                emit(body.map((b) => `  ${paint(color, 'cyan', b)}`));
            blank();
            continue;
        }
        const details = /^<details[^>]*>\s*(?:<summary>(.*?)<\/summary>)?(.*)$/i.exec(trimmed);
        if (details) {
            blank();
            emit([`${paint(color, 'bold', '\u25b8')} ${inline(details[1] ?? 'Details', color)}`]);
            indent += '    ';
            const rest = (details[2] ?? '').trim();
            if (rest)
                emit(wrap(inline(rest, color), width()));
            continue;
        }
        if (/^<\/details>/i.test(trimmed)) {
            indent = indent.slice(4);
            blank();
            continue;
        }
        const heading = /^(#{1,6})\s+(.*)$/.exec(trimmed);
        if (heading) {
            const text = inline(heading[2], color);
            blank();
            if (heading[1].length <= 2) {
                emit([paint(color, 'bold', text)]);
                emit([paint(color, 'dim', '\u2550'.repeat(Math.min(width(), displayWidth(text))))]);
            }
            else
                emit([paint(color, 'bold', paint(color, 'underline', text))]);
            continue;
        }
        if (trimmed.startsWith('|')) {
            const block = [];
            for (; i < source.length && source[i].trim().startsWith('|'); i++)
                block.push(source[i]);
            i--;
            emit(renderMarkdownTable(block, { ...options, width: width() }));
            continue;
        }
        const item = /^(\s*)([-*+]|\d+\.)\s+(.*)$/.exec(line);
        if (item) {
            const depth = Math.floor(item[1].length / 2);
            const bullet = /\d/.test(item[2]) ? item[2] : '\u2022';
            const lead = `${'  '.repeat(depth)}${bullet} `;
            const lines = wrap(inline(item[3], color), width() - lead.length);
            emit(lines.map((l, n) => (n === 0 ? lead : ' '.repeat(lead.length)) + l));
            continue;
        }
        if (trimmed === '') {
            blank();
            continue;
        }
        emit(wrap(inline(trimmed, color), width()));
    }
    while (out.at(-1) === '')
        out.pop();
    return out;
}


/***/ })

};
