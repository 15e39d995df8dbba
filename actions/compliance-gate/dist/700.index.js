export const id = 700;
export const ids = [700];
export const modules = {

/***/ 4956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ readGateInputs)
/* harmony export */ });
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

const NAME = /^[a-z][a-z0-9-]*$/;
/** Reads and validates every input once, before anything is called. */
function readGateInputs(inputs) {
    const environment = inputs.required('environment');
    if (!NAME.test(environment))
        throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('environment', `expected a lowercase name like production, got "${environment}"`);
    const gate = inputs.required('gate');
    if (!NAME.test(gate))
        throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('gate', `expected a lowercase gate name like go-live, got "${gate}"`);
    return Object.freeze({
        configFile: inputs.required('config'),
        environment,
        gate,
        attestationsFile: inputs.required('attestations'),
        evidenceDir: inputs.required('evidence-dir'),
        secrets: {
            githubToken: inputs.secret('github-token'),
            betterstackToken: inputs.secret('betterstack-token'),
            databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
        },
        slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
    });
}


/***/ }),

/***/ 3700:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_action_github_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(366);
/* harmony import */ var _core_action_runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(711);
/* harmony import */ var _core_aws_clients_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9750);
/* harmony import */ var _core_gate_gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5807);
/* harmony import */ var _core_gate_render_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(624);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8791);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4956);








await (0,_core_action_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .C)('compliance-gate', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    const request = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readGateInputs */ .r)(inputs);
    const outcome = await (0,_core_gate_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .runGate */ .Rg)(request, {
        run: (0,_core_action_github_context_js__WEBPACK_IMPORTED_MODULE_6__/* .readRunInfo */ .m)(),
        clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_4__/* .systemClock */ .m,
        logger,
        aws: _core_aws_clients_js__WEBPACK_IMPORTED_MODULE_7__/* .createAwsClients */ .Gv,
        saveState,
    });
    setOutput('passed', outcome.passed);
    setOutput('failed', outcome.failed);
    setOutput('not-checked', outcome.notChecked);
    setOutput('waived', outcome.waived);
    setOutput('evidence', node_path__WEBPACK_IMPORTED_MODULE_0___default().join(request.evidenceDir, 'evidence.json'));
    await writeSummary((0,_core_gate_render_js__WEBPACK_IMPORTED_MODULE_3__/* .renderGate */ .eh)(outcome.evidence));
    if (!outcome.evidence.passed)
        throw new _core_gate_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .GateFailed */ .jG((0,_core_gate_render_js__WEBPACK_IMPORTED_MODULE_3__/* .headline */ .Pl)(outcome.evidence));
    logger.info((0,_core_gate_render_js__WEBPACK_IMPORTED_MODULE_3__/* .headline */ .Pl)(outcome.evidence));
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

/***/ 4607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary)
/* harmony export */ });
/* unused harmony exports SUMMARY_LIMIT_BYTES, escapeCell, mermaidTimeline */
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
/* harmony export */   EcrRepository: () => (/* binding */ EcrRepository),
/* harmony export */   S: () => (/* binding */ describeImages)
/* harmony export */ });
/* unused harmony export ImageNotFound */
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8249);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2664);
/* harmony import */ var _image_ref_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2435);




/**
 * The repository's images (DescribeImages) with a digest, following nextToken for at most
 * `maxPages` pages; then an error, unless `more: 'stop'`.
 */
async function describeImages(client, location, deps, options) {
    const details = await (0,_call_js__WEBPACK_IMPORTED_MODULE_1__/* .awsPages */ .A_)('DescribeImages', async (nextToken) => {
        const out = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_3__/* .DescribeImagesCommand */ .ji5({
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
            uri: (0,_image_ref_js__WEBPACK_IMPORTED_MODULE_2__/* .imageUri */ .W_)(this.location, { kind: 'digest', digest: d.imageDigest }),
        }));
        return images
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(0, limit);
    }
}


/***/ }),

/***/ 2435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   W_: () => (/* binding */ imageUri),
/* harmony export */   aj: () => (/* binding */ parseImageIdentifier)
/* harmony export */ });
/* unused harmony export parseImageRef */
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
            throw new InputError(inputName, `"${input}" is not in the configured repository ${registryHost(location)}/${location.repository}; name a tag or digest of that repository`);
        }
        return tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest };
    }
    if (TAG.test(input))
        return { kind: 'tag', tag: input };
    throw new InputError(inputName, `expected a tag (e.g. 3f9c2ab), a digest (sha256:<64 hex>) or an ECR URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), got "${input}"`);
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
/* harmony export */   Af: () => (/* binding */ networkOf),
/* harmony export */   Qm: () => (/* binding */ sendInstanceRestore),
/* harmony export */   RK: () => (/* binding */ isInstanceNotFound),
/* harmony export */   describeDbInstance: () => (/* binding */ describeDbInstance),
/* harmony export */   gI: () => (/* binding */ allDbInstances),
/* harmony export */   nv: () => (/* binding */ BROKEN_INSTANCE_STATES),
/* harmony export */   rt: () => (/* binding */ dbSnapshotsOf)
/* harmony export */ });
/* unused harmony exports DatabaseNotReady, isValidSnapshotId, snapshotId, RdsInstance */
/* harmony import */ var _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7202);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4480);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2664);




/** RDS's answer for an instance that is not there (the name differs by protocol version). */
const isInstanceNotFound = (error) => ['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes((0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsErrorName */ .ZH)(error) ?? '');
/** RDS's answer for a snapshot that is not there (the name differs by protocol version). */
const isSnapshotNotFound = (error) => ['DBSnapshotNotFoundFault', 'DBSnapshotNotFound'].includes(awsErrorName(error) ?? '');
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
    return (0,_call_js__WEBPACK_IMPORTED_MODULE_2__/* .awsPages */ .A_)('DescribeDBInstances', async (marker) => {
        const res = await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .DescribeDBInstancesCommand */ .hhJ({ Marker: marker, MaxRecords: 100 }));
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
        await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .RestoreDBInstanceToPointInTimeCommand */ .i4({
            SourceDBInstanceIdentifier: input.source,
            TargetDBInstanceIdentifier: input.id,
            RestoreTime: input.from.time,
            ...input.settings,
        }));
    else
        await client.send(new _aws_sdk_client_rds__WEBPACK_IMPORTED_MODULE_3__/* .RestoreDBInstanceFromDBSnapshotCommand */ .dX$({
            DBInstanceIdentifier: input.id,
            DBSnapshotIdentifier: input.from.snapshot,
            ...input.snapshotOnly,
            ...input.settings,
        }));
}
class DatabaseNotReady extends (/* unused pure expression or super */ null && (DomainFailure)) {
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
            const created = await awsCall('CreateDBSnapshot', async (attempt) => {
                retried = attempt > 1;
                try {
                    await this.client.send(new CreateDBSnapshotCommand({
                        DBInstanceIdentifier: this.instanceId,
                        DBSnapshotIdentifier: candidate,
                    }));
                    return true;
                }
                catch (error) {
                    if (awsErrorName(error) === 'DBSnapshotAlreadyExistsFault' ||
                        awsErrorName(error) === 'DBSnapshotAlreadyExists')
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
            const out = await awsCall('DescribeDBSnapshots', () => this.client.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id })), this.deps);
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
        return waitWith(this.deps, `RDS snapshot ${id} to be available`, { timeoutMs, intervalMs }, async () => {
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
        await awsCall('DeleteDBSnapshot', async (attempt) => {
            try {
                await this.client.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: id }));
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

/***/ 7377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ar: () => (/* binding */ groupRank),
/* harmony export */   zA: () => (/* binding */ byGroup)
/* harmony export */ });
/* unused harmony exports GROUP_ORDER, evidenceItemSchema, evidenceSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);

/**
 * The evidence bundle of one gate run: what an auditor reads to see that every item of the
 * go-live checklist was checked or vouched for, when, by whom, on which commit and with which
 * configuration. Written as JSON (this schema, committed as schema/gate-evidence.schema.json)
 * and as Markdown with the same content.
 */
const GROUP_ORDER = [
    'Infrastructure',
    'Application',
    'Domain & TLS',
    'Monitoring',
    'External services',
    'Compliance',
];
const status = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pass', 'fail', 'warn', 'error', 'skipped', 'waived']);
const evidenceItemSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    id: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    group: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    status,
    /** What the check said; for a waived item, its own failing line. */
    line: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    observed: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    evidence: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J()).optional(),
    checkedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('ISO time the check started.'),
    durationMs: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(),
    attestation: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        by: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        at: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        expires: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        evidence: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    })
        .optional()
        .describe('Who vouched for an attestation item, and until when.'),
    waiver: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
        owner: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        ticket: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        expires: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
        expired: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    })
        .optional()
        .describe('The waiver that applied to this item (or had expired).'),
});
const evidenceSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    $schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    kind: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz('apprunner-ops/gate-evidence'),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .literal */ .euz(1),
    gate: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    environment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    passed: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    counts: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(status, zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig()),
    repository: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    commit: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    ref: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    ranBy: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().describe('GitHub login that started the run.'),
    runUrl: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    startedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    finishedAt: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    config: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), sha256: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }),
    attestationsFile: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ file: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), sha256: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullable() }),
    items: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(evidenceItemSchema),
})
    .describe('apprunner-ops gate evidence bundle');
function groupRank(group) {
    const i = GROUP_ORDER.indexOf(group);
    return i === -1 ? GROUP_ORDER.length : i;
}
/** Groups in the runbook's order, then any others by name. */
function byGroup(items) {
    const groups = new Map();
    for (const item of items)
        groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
    return [...groups].sort(([a], [b]) => groupRank(a) - groupRank(b) || a.localeCompare(b));
}


/***/ }),

/***/ 5807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jG: () => (/* binding */ GateFailed),
  Rg: () => (/* binding */ runGate)
});

// UNUSED EXPORTS: GATE_CHECK_RUN_NAME, applyWaivers, blocks, prepareGate

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
    const out = await (0,call/* awsCall */.uF)('DescribeSecurityGroups', () => client.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })), deps);
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

;// CONCATENATED MODULE: ./core/checks/database-access.ts

/** Check types that connect to the database (a new database check appends its type here). */
const DATABASE_CHECK_TYPES = [
    'sql',
    'snapshot-restore',
    'restore-verified',
    'pitr-tested',
    // reads deploys, rotations and drills from the audit database
    'report',
    // the database diagnostics read pg_stat_activity through database-url
    'connections',
    'long-queries',
    'blocking',
];
async function prepareDatabaseForChecks(items, where, secrets, deps) {
    const access = await openDatabaseAccess(where.env, where, deps);
    if (!items.some((item) => DATABASE_CHECK_TYPES.includes(item.type)))
        return;
    await preflightDatabases(access, [
        { url: secrets.databaseUrl, what: 'the database (database-url)' },
        { url: secrets.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
    ], deps.logger);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var dist_cjs = __webpack_require__(2284);
// EXTERNAL MODULE: ./core/targets/target.ts
var targets_target = __webpack_require__(9056);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
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
            imageByDigest: (0,targets_target/* byDigest */._W)(state.imageIdentifier, digest),
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
                throw new targets_target/* TargetNotUpdatable */.dU(error.message, { cause: error });
            throw error;
        }
    }
    /** What preflight would refuse is refused here too, before anything is sent. */
    async updatableState() {
        const before = await this.describe();
        if (before.status !== 'RUNNING') {
            const { reason } = await this.preflight();
            throw new targets_target/* TargetNotUpdatable */.dU(`${reason}; only a RUNNING service can be updated`);
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
                throw new targets_target/* TargetNotUpdatable */.dU(error.message, { cause: error });
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
async function create_targetOf(env, clients, deps, limits, platform = {}) {
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

;// CONCATENATED MODULE: ./core/checks/target-of.ts
/** The deploy target of the environment a check reads (core/targets/), with the check's clients. */


function checkTarget(ctx) {
    return create_targetOf(ctx.env, ctx.aws, 
    // The check's signal stops the target's retries when the check's timeout passes.
    { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal }, { requestTimeoutMs: aws_clients/* DEFAULT_AWS_REQUEST_TIMEOUT_MS */.Z7 }, 
    // The fly-api-token input; without it FLY_API_TOKEN (the command line), else an input error.
    { flyApiToken: ctx.secrets?.flyApiToken });
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
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

;// CONCATENATED MODULE: ./core/checks/types.ts

/** Declares a check type; the type literal goes into the schema so the union can discriminate. */
function defineCheck(definition) {
    return {
        type: definition.type,
        description: definition.description,
        schema: schemas/* strictObject */.rej(definition.shape),
        defaultTimeoutMs: definition.defaultTimeoutMs,
        group: definition.group,
        ...(definition.mutating ? { mutating: definition.mutating } : {}),
        ...(definition.targets ? { targets: definition.targets } : {}),
        ...(definition.preflight ? { preflight: definition.preflight } : {}),
        run: definition.run,
    };
}

;// CONCATENATED MODULE: ./core/checks/service-running.ts






/**
 * ECS Express: the service is ACTIVE and its newest service deployment SUCCESSFUL. A deployment
 * ECS rolled back, or one that failed or was stopped, is a failure even though the service
 * still serves (the old version): the newest change did not land.
 */
async function ecsServiceRunning(ctx) {
    const target = await checkTarget(ctx);
    // Imported with the target (core/targets/create.ts): only an ECS environment loads it.
    const { EcsExpressTarget } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 1133));
    if (!(target instanceof EcsExpressTarget))
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
/**
 * Fly: every machine of the process group started with its health checks passing. A machine
 * stopped or suspended by Fly's auto-stop is not a failure while another one serves; a failed
 * machine, or none serving, is.
 */
async function flyMachinesRunning(ctx) {
    const target = await checkTarget(ctx);
    const { FlyTarget } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.bind(__webpack_require__, 752));
    if (!(target instanceof FlyTarget))
        throw new Error('service-running: not a Fly target');
    const machines = await target.machineHealth();
    const observed = Object.fromEntries(machines.map((m) => [m.id, m.state]));
    const serving = machines.filter((m) => m.state === 'started' && m.failing.length === 0);
    const bad = machines.filter((m) => m.state === 'failed' || (m.state === 'started' && m.failing.length > 0));
    const named = bad
        .map((m) => `${m.id} (${m.region}) ${m.state === 'failed' ? 'failed' : m.failing.join(', ')}`)
        .join('; ');
    if (serving.length === 0)
        return {
            status: 'fail',
            line: `${target.arn}: no machine started with its checks passing (${machines.map((m) => `${m.id} ${m.state}`).join(', ')})${named ? `; ${named}` : ''}`,
            observed,
        };
    if (bad.length > 0)
        return {
            status: 'fail',
            line: `${target.arn}: ${serving.length} of ${machines.length} machines serve; ${named}`,
            observed,
        };
    return {
        status: 'pass',
        line: `${target.arn}: ${serving.length} of ${machines.length} machines started, checks passing`,
        observed,
    };
}
/**
 * The runbook's daily "App Runner status RUNNING" and the go-live gate's first item; on the
 * other targets, what the target says of itself (DeployTarget.serviceStatus).
 */
const serviceRunning = defineCheck({
    ...serviceRunningSchema,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        if (env.target.kind === 'ecs-express')
            return ecsServiceRunning(ctx);
        if (env.target.kind === 'fly')
            return flyMachinesRunning(ctx);
        if (env.target.kind !== 'app-runner') {
            // A target with no one status word (Auto Scaling behind a load balancer) says itself.
            const target = await checkTarget(ctx);
            if (!target.serviceStatus)
                throw new Error(`service-running cannot read a ${env.target.kind} target yet; remove it from the environment's lists`);
            return target.serviceStatus();
        }
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

;// CONCATENATED MODULE: ./core/checks/attestation.ts


const DAY = 86_400_000;
/**
 * An item only a person can vouch for (a real BankID login, a regulator notified). It passes
 * while the attestations file holds a current attestation for its id: present, not expired,
 * and not older than the gate's max-attestation-age.
 */
const attestation = defineCheck({
    ...attestationSchema,
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

;// CONCATENATED MODULE: ./core/checks/fields.ts


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
    const windowMs = (0,duration/* parseDuration */.E9)(window) ?? 3_600_000;
    return { start: now - windowMs, end: now, periodSeconds: (0,cloudwatch/* periodOf */.jH)(windowMs) };
}
/** The environment's RDS instance, or the error result a database check gives without one. */
function databaseInstance(env) {
    return (env.database?.instance ?? {
        status: 'error',
        line: 'no database.instance in this environment: say which RDS instance to check',
    });
}

;// CONCATENATED MODULE: ./core/checks/rds-instance.ts


/**
 * The configured RDS instance as DescribeDBInstances sees it, or the outcome to report when
 * there is none (not configured: error; not found: fail, with what to fix).
 */
async function describeDatabase(ctx) {
    const id = databaseInstance(ctx.env);
    if (typeof id !== 'string')
        return { outcome: id };
    // Loaded here, not at the top: every action that reads the configuration imports the check
    // registry, and only the ones that run checks should load the RDS client.
    const { describeDbInstance } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7561));
    const instance = await describeDbInstance(ctx.aws.rds, id, ctx);
    if (instance)
        return { instance };
    return {
        outcome: {
            status: 'fail',
            line: `RDS instance ${id} does not exist; check database.instance in the configuration`,
            observed: { instance: id },
        },
    };
}
/**
 * One statistic of an RDS instance's CloudWatch metric (AWS/RDS by DBInstanceIdentifier) over a
 * window: the datapoints that carry it, oldest first.
 */
async function rdsStatistic(ctx, request) {
    const { aws, clock, logger, signal } = ctx;
    const points = await (0,cloudwatch/* metricStatistics */.WV)(aws.cloudWatch, {
        namespace: 'AWS/RDS',
        metric: request.metric,
        dimensions: { DBInstanceIdentifier: request.instance },
        ...request.window,
        statistics: [request.statistic],
    }, { clock, logger, signal });
    return points.flatMap((p) => {
        const value = p[request.statistic];
        return value === undefined ? [] : [{ at: p.Timestamp, value }];
    });
}

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

;// CONCATENATED MODULE: ./core/checks/backups.ts




/** The runbook's "backups running, point-in-time recovery works". */
const backups = defineCheck({
    ...backupsSchema,
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
        const maxLag = (0,duration/* parseDuration */.E9)(check['max-restore-lag']) ?? 900_000;
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
            problems.push(`LatestRestorableTime is ${(0,duration/* formatDuration */.a3)(lagMs)} old (limit ${(0,duration/* formatDuration */.a3)(maxLag)}): point-in-time recovery is behind; check the instance's backup status`);
        if (problems.length > 0)
            return { status: 'fail', line: `${id}: ${problems.join('; ')}`, observed };
        return {
            status: 'pass',
            line: `${id} keeps ${retention} day(s) of backups; restorable to ${(0,duration/* formatDuration */.a3)(lagMs ?? 0)} ago`,
            observed,
        };
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

;// CONCATENATED MODULE: ./core/checks/ci-green.ts


/** Names of check runs the gate itself creates (never judged by ci-green). */
const GATE_CHECK_RUN_PREFIX = 'apprunner-ops:';
const OK_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);
/** The runbook's "CI green on main (lint, typecheck, tests, E2E, docker-build)". */
const ciGreen = defineCheck({
    ...ciGreenSchema,
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
        const { createOctokit } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5279));
        const octokit = createOctokit(token, { apiUrl: run.apiUrl, logger: ctx.logger });
        // Check runs (GitHub Actions, apps) and commit statuses (older CI) of the same commit.
        const forRef = { owner, repo, ref: run.sha, per_page: 100, request: { signal: ctx.signal } };
        const runs = await octokit.paginate(octokit.rest.checks.listForRef, forRef);
        const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, forRef);
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

;// CONCATENATED MODULE: ./core/checks/custom-domains.ts




/** The runbook's "DNS points at App Runner": each host is linked to the service and active. */
const customDomains = defineCheck({
    ...customDomainsSchema,
    defaultTimeoutMs: 30_000,
    group: 'Domain & TLS',
    async run(check, ctx) {
        const arn = ctx.env['service-arn'];
        // Pages of at most 5; bounded so a misbehaving endpoint cannot loop forever.
        const domains = await (0,call/* awsPages */.A_)('DescribeCustomDomains', async (token) => {
            const out = await ctx.aws.appRunner.send(new dist_cjs/* DescribeCustomDomainsCommand */.b1e({ ServiceArn: arn, MaxResults: 5, NextToken: token }));
            return { items: out.CustomDomains, next: out.NextToken };
        }, ctx, { maxPages: 100, of: arn });
        // A domain linked with EnableWWWSubdomain also serves www.<domain>.
        const statusOf = (host) => {
            const direct = domains.find((d) => d.DomainName === host);
            // App Runner answers this in lower case though its model lists upper case: accept both.
            if (direct)
                return direct.Status?.toLowerCase();
            const apex = domains.find((d) => d.EnableWWWSubdomain && `www.${d.DomainName}` === host);
            return apex?.Status?.toLowerCase();
        };
        const observed = Object.fromEntries(check.hosts.map((h) => [h, statusOf(h) ?? 'not linked']));
        const problems = check.hosts
            .filter((h) => statusOf(h) !== 'active')
            .map((h) => statusOf(h) === undefined
            ? `${h} is not linked to the service (App Runner \u2192 Custom domains \u2192 Link domain)`
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

;// CONCATENATED MODULE: ./core/checks/schemas/database-available.ts

const databaseAvailableSchema = defineCheckSchema({
    type: 'database-available',
    description: 'The RDS instance is available.',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/database-available.ts



/** The runbook's "RDS available" (go-live Infrastructure, launch day phase 1). */
const databaseAvailable = defineCheck({
    ...databaseAvailableSchema,
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

;// CONCATENATED MODULE: ./core/checks/schemas/database-private.ts

const databasePrivateSchema = defineCheckSchema({
    type: 'database-private',
    description: 'The RDS instance is not publicly accessible and no security group admits its port from anywhere.',
    shape: {},
});

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
const databasePrivate = defineCheck({
    ...databasePrivateSchema,
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
// EXTERNAL MODULE: ./core/aws/ecr.ts
var ecr = __webpack_require__(640);
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
        const details = await (0,ecr/* describeImages */.S)(this.client, this.location, this.deps, {
            tagStatus: 'ANY',
            maxPages: 1000,
            maxResults: 1000,
        });
        return details.map((d) => ({
            digest: d.imageDigest,
            tags: d.imageTags ?? [],
            pushedAt: d.imagePushedAt,
            sizeInBytes: d.imageSizeInBytes ?? 0,
            mediaType: d.imageManifestMediaType,
        }));
    }
    /**
     * The manifests of these digests (BatchGetImage, \u2264 100 per call). A digest that could not
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
     * BatchDeleteImage by digest, \u2264 100 per call. Per-image failures come back in the answer
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
                mark(image.digest, 'recent', `pushed ${(0,duration/* formatDuration */.a3)(Math.max(0, age))} ago, within min-age ${(0,duration/* formatDuration */.a3)(input.minAgeMs)}`);
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

;// CONCATENATED MODULE: ./core/aws/account.ts



/**
 * The credentials must belong to the account of the service: a workflow that assumed the
 * staging role for production would otherwise fail later with a confusing "not found".
 */
async function account_assertAccount(sts, serviceArn, configPath, environment, deps) {
    const expected = serviceArn.split(':')[4];
    const identity = await awsCall('GetCallerIdentity', () => sts.send(new GetCallerIdentityCommand({})), deps);
    if (identity.Account && identity.Account !== expected) {
        throw new ConfigError(configPath, [
            `environments.${environment}.service-arn is in account ${expected}, but the AWS credentials are for account ${identity.Account} (${identity.Arn ?? 'unknown principal'}); assume the role of the service's account`,
        ]);
    }
}

// EXTERNAL MODULE: ./core/aws/rds.ts
var rds = __webpack_require__(7561);
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
class deployments_GitHubDeployments {
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
        this.octokitMade ??= Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5279)).then(({ createOctokit }) => createOctokit(this.ctx.token, {
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
                throw new errors/* DomainFailure */.dY(`GitHub's workflow run ${this.ctx.runId} has no start time (run_started_at ${String(data.run_started_at)})`);
            return at;
        }
        catch (error) {
            throw error instanceof errors/* DomainFailure */.dY
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
        this.deps.logger.debug(`GitHub deployment history of ${environment}: ${records.length} records in ${requests} requests, ${(0,duration/* formatDuration */.a3)(this.deps.clock.now() - started)}`);
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
    return ((0,errors/* errorMessage */.gJ)(error).split('\n')[0] ?? '').slice(0, 200);
}

// EXTERNAL MODULE: ./core/util/http-json.ts
var http_json = __webpack_require__(676);
;// CONCATENATED MODULE: ./core/notify/betterstack.ts

/** BetterStack Uptime API base; overridable so tests and the demo talk to the local sim. */
function betterstack_betterStackApiUrl(env = process.env) {
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
class betterstack_BetterStackMonitors {
    apiUrl;
    token;
    deps;
    constructor(apiUrl, token, deps) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.deps = deps;
    }
    request(label, url, method, body) {
        return (0,http_json/* requestJson */.SS)(label, url, {
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
        createAwsClients(env.region, { requestTimeoutMs: options.timing.awsRequestTimeoutMs });
    const maintenance = env.maintenance;
    const ecr = new EcrRepository(clients.ecr, ecrLocation(env), deps);
    const target = await targetOf(env, clients, deps, { requestTimeoutMs: options.timing.awsRequestTimeoutMs }, { flyApiToken: options.flyApiToken });
    const token = options.githubToken;
    function githubAt(sha) {
        return token
            ? new GitHubDeployments({
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
        rds: env.database ? new RdsInstance(clients.rds, env.database.instance, deps) : undefined,
        github: githubAt(options.run.sha),
        githubAt,
        monitors: options.betterstackToken && maintenance
            ? {
                client: new BetterStackMonitors(betterStackApiUrl(), options.betterstackToken, {
                    clock,
                    logger,
                }),
                ids: maintenance['monitor-ids'],
                windowMs: parseDuration(maintenance.window) ?? 1_800_000,
            }
            : undefined,
        slackWebhookUrl: options.slackWebhookUrl,
        auditDatabaseUrl: options.auditDatabaseUrl,
        run: options.run,
        timing: {
            ...options.timing,
            snapshotTimeoutMs: parseDuration(env.database?.['snapshot-timeout'] ?? '30m') ?? 1_800_000,
        },
        clock,
        logger,
        state: options.state,
    };
}

// EXTERNAL MODULE: ./core/audit/audit-log.ts
var audit_log = __webpack_require__(3892);
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
    const rows = await (0,audit_log.readAuditEntries)(ctx.auditDatabaseUrl, {
        resourceType: audit_log/* DEPLOY_RESOURCE_TYPE */.e2,
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
    const location = ecrLocation(ctx.env);
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

;// CONCATENATED MODULE: ./core/checks/ecr-untagged.ts











const MiB = 1024 * 1024;
/** Environments whose service pulls from the same repository (same registry and region). */
function sharingEnvironments(ctx) {
    const here = ecrLocation(ctx.env);
    const others = Object.entries(ctx.environments ?? {}).filter(([name, env]) => {
        if (name === ctx.environment)
            return false;
        const there = ecrLocation(env);
        return (there.repository === here.repository &&
            there.registryId === here.registryId &&
            there.region === here.region);
    });
    return [[ctx.environment, ctx.env], ...others];
}
/**
 * Every digest an environment's service may start from, or why it cannot be known. ECS resolves
 * a tag once per revision and starts every later task from that digest (each active
 * revision's `imageDigest`), so a tag that moved since does not say what runs. App Runner names
 * only the configured identifier: a digest is that digest; for a tag, what the tag names now
 * (pulled on the next deployment) and every digest the deployment history recorded for that
 * tag (what it pulled when deployed, which stays in use after the tag moves).
 */
async function runningDigests(name, env, ctx, byTag, inRepo, history, deps) {
    const out = { protections: [], notes: [], blockers: [] };
    let images;
    try {
        // What runs, on whichever platform the environment names.
        const target = await checkTarget({
            env,
            aws: ctx.aws,
            clock: deps.clock,
            logger: deps.logger,
            secrets: ctx.secrets,
        });
        images = await target.runningImages();
    }
    catch (error) {
        out.blockers.push(`the image ${name} runs cannot be read (${(0,errors/* errorMessage */.gJ)(error)})`);
        return out;
    }
    if (images.length === 0)
        out.blockers.push(`${name}'s service reports no image identifier`);
    for (const { image, digest: resolved } of images) {
        const parsed = (0,image_ref/* parseImageIdentifier */.aj)(image);
        if (!parsed) {
            out.blockers.push(`${name} runs "${image}", which is not an ECR image URI`);
            continue;
        }
        if (parsed.repository !== env['ecr-repository']) {
            out.notes.push(`${name} runs ${image}, from another repository`);
            continue;
        }
        const digest = resolved ?? (parsed.ref.kind === 'digest' ? parsed.ref.digest : undefined);
        if (digest) {
            if (!inRepo(digest)) {
                out.blockers.push(`${name} runs ${shortDigest(digest)}, which the repository no longer lists`);
                continue;
            }
            const tag = parsed.ref.kind === 'tag' ? parsed.ref.tag : undefined;
            out.protections.push({
                digest,
                kind: 'running',
                why: `running in ${name}${tag ? ` (resolved from tag ${tag} when deployed)` : ''}`,
            });
            if (tag && byTag(tag) !== digest)
                out.notes.push(`${name} is pinned by tag ${tag}, which now names another image; the digest it runs (${shortDigest(digest)}) is kept`);
            continue;
        }
        if (parsed.ref.kind !== 'tag')
            continue;
        const tag = parsed.ref.tag;
        // App Runner reports no digest: it pulled what the tag named when it last deployed. The
        // deployment history recorded that digest; what the tag names now is what it pulls next.
        let deployed;
        try {
            const h = await history(name);
            deployed = (h?.entries ?? [])
                .filter((e) => e.succeeded && e.tag === tag)
                .map((e) => ({ digest: e.digest, at: e.createdAt, source: h.source }));
        }
        catch (error) {
            out.blockers.push(`${name} is pinned by tag ${tag} and reports no digest, and its deployment history, which records the digest it was deployed with, cannot be read (${(0,errors/* errorMessage */.gJ)(error)})`);
            continue;
        }
        const now = byTag(tag);
        if (now)
            out.protections.push({
                digest: now,
                kind: 'running',
                why: `running in ${name} (by tag ${tag}, which names it now)`,
            });
        const seen = new Set(now ? [now] : []);
        for (const d of deployed) {
            if (seen.has(d.digest) || !inRepo(d.digest))
                continue;
            seen.add(d.digest);
            out.protections.push({
                digest: d.digest,
                kind: 'running',
                why: `running in ${name}: deployed as ${tag} on ${new Date(d.at).toISOString().slice(0, 10)} (${d.source}); the tag names another image now`,
            });
        }
        if (!now && seen.size === 0) {
            out.blockers.push(`${name} runs tag ${tag}, which no image carries any more and no deployment history names, so the image it runs is unknown`);
            continue;
        }
        out.notes.push(seen.size > 1
            ? `${name} is pinned by tag ${tag}, which moved since it was deployed: keeping what the tag names now and the digest(s) its deployment history recorded for ${tag}`
            : `${name} is pinned by tag ${tag}: protecting what the tag names now and what its deployment history says was deployed`);
    }
    return out;
}
function historyReader(ctx) {
    const { githubToken, auditDatabaseUrl } = ctx.secrets;
    const github = githubToken && ctx.run
        ? new deployments_GitHubDeployments({ ...ctx.run, token: githubToken }, { clock: ctx.clock, logger: ctx.logger })
        : undefined;
    const read = new Map();
    return (environment) => {
        if (!github && !auditDatabaseUrl)
            return Promise.resolve(undefined);
        let r = read.get(environment);
        if (!r) {
            r = readHistory({
                environment,
                env: ctx.environments?.[environment] ?? ctx.env,
                github,
                auditDatabaseUrl,
                logger: ctx.logger,
            });
            read.set(environment, r);
        }
        return r;
    };
}
/** The last `count` good versions each environment could roll back to, from its history. */
async function rollbackTargets(names, running, count, ctx, history) {
    if (count === 0)
        return { protections: [], source: 'not asked for' };
    const { githubToken, auditDatabaseUrl } = ctx.secrets;
    if (!(githubToken && ctx.run) && !auditDatabaseUrl)
        return {
            protections: [],
            source: 'none',
            blocker: 'the rollback targets are unknown: no deployment history is readable (give the job a github-token, or an audit-database-url)',
        };
    const protections = [];
    const sources = new Set();
    for (const environment of names) {
        try {
            const h = await history(environment);
            if (!h)
                continue;
            sources.add(h.source);
            const bad = badDigests(h.entries);
            const seen = new Set();
            for (const e of h.entries) {
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
 * The digests nothing may delete or expire: what every environment sharing the repository
 * runs (each active ECS revision's digest, App Runner's image) and the last
 * `rollbackCount` good versions of each from its deployment history.
 */
async function protectedDigests(ctx, images, rollbackCount) {
    const deps = { clock: ctx.clock, logger: ctx.logger };
    const digests = new Set(images.map((i) => i.digest));
    const byTag = (tag) => images.find((i) => i.tags.includes(tag))?.digest;
    const envs = sharingEnvironments(ctx);
    const blockers = [];
    const notes = [];
    const protect = [];
    const history = historyReader(ctx);
    for (const [name, env] of envs) {
        const r = await runningDigests(name, env, ctx, byTag, (d) => digests.has(d), history, deps);
        protect.push(...r.protections);
        notes.push(...r.notes);
        blockers.push(...r.blockers);
    }
    const running = new Set(protect.map((p) => p.digest));
    const targets = await rollbackTargets(envs.map(([name]) => name), running, rollbackCount, ctx, history);
    protect.push(...targets.protections);
    if (targets.blocker)
        blockers.push(targets.blocker);
    return { protect, notes, blockers, historySource: targets.source };
}
/**
 * The weekly ECR clean-up (runbooks \u00a74, design pitfall 8): untagged images that nothing
 * references. Index children, what runs, the rollback targets and recent pushes are kept;
 * dry run unless `delete: true`.
 */
const ecrUntagged = defineCheck({
    ...ecrUntaggedSchema,
    defaultTimeoutMs: 300_000,
    group: 'Infrastructure',
    mutating: (check) => check.delete,
    async run(check, ctx) {
        const deps = { clock: ctx.clock, logger: ctx.logger };
        const location = ecrLocation(ctx.env);
        const repo = location.repository;
        const ecr = new EcrImages(ctx.aws.ecr, location, deps);
        const images = await ecr.list();
        const envs = sharingEnvironments(ctx);
        const { protect, notes, blockers, historySource } = await protectedDigests(ctx, images, check['rollback-targets']);
        const minAgeMs = (0,duration/* parseDuration */.E9)(check['min-age']) ?? 7 * 86_400_000;
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
            historySource,
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

;// CONCATENATED MODULE: ./core/util/percent.ts
/** Percent with two decimals, for lines people read (the error-rate check, the bake period). */
const percent = (ratio) => Math.round(ratio * 10_000) / 100;

;// CONCATENATED MODULE: ./core/checks/load-balancer.ts
/**
 * The request metrics of the environment's service, whichever the target: App Runner's own
 * (AWS/AppRunner), or the Application Load Balancer in front of an ECS Express service
 * (AWS/ApplicationELB by LoadBalancer and TargetGroup of the target groups the ECS target
 * finds in its revisions' ECS Managed Resources; the deploy's bake period reads the same).
 */


/** Requests, 5xx and p99 per period of the environment's service, and which metrics said so. */
async function serviceTraffic(ctx, window) {
    const target = await checkTarget(ctx);
    return { periods: await target.traffic(window), source: target.trafficMetrics };
}
/**
 * The metric requests whose p99 is the service's latency: App Runner's RequestLatency (ms), or
 * each target group's TargetResponseTime (seconds: `toMs` 1000).
 */
async function latencyRequests(ctx, window) {
    const target = await checkTarget(ctx);
    // Imported with the target (core/targets/create.ts): only an ECS environment loads it.
    const { EcsExpressTarget } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 1133));
    if (!(target instanceof EcsExpressTarget))
        return {
            requests: [
                {
                    namespace: 'AWS/AppRunner',
                    metric: 'RequestLatency',
                    dimensions: (0,cloudwatch/* appRunnerDimensions */.d3)(ctx.env['service-arn']),
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
            dimensions: (0,cloudwatch/* albDimensions */.NP)(group),
            ...window,
            percentiles: ['p99'],
        })),
        toMs: 1000,
        metric: 'TargetResponseTime',
    };
}

;// CONCATENATED MODULE: ./core/checks/schemas/error-rate.ts



const errorRateSchema = defineCheckSchema({
    type: 'error-rate',
    description: 'The share of requests answered 5xx over the window stays at or below max-percent (App Runner: AWS/AppRunner 5xxStatusResponses \u00f7 Requests; ECS Express: AWS/ApplicationELB HTTPCode_Target_5XX_Count \u00f7 RequestCount of its target groups).',
    shape: {
        'max-percent': schemas/* number */.aig().min(0).max(100).default(1),
        window: fields/* positiveDurationField */.cU.default('1h'),
    },
});

;// CONCATENATED MODULE: ./core/checks/error-rate.ts





/**
 * 5xx \u00f7 requests over a window (the runbooks' SLA "error rate"): App Runner's
 * 5xxStatusResponses \u00f7 Requests, or on ECS Express the load balancer's
 * HTTPCode_Target_5XX_Count \u00f7 RequestCount of the service's target groups. 5xx datapoints are
 * absent until the first 5xx: missing means zero, not "no data"; no requests at all is "no data".
 */
const errorRate = defineCheck({
    ...errorRateSchema,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const traffic = await serviceTraffic(ctx, metricWindow(check.window, ctx.clock.now()));
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

;// CONCATENATED MODULE: ./core/checks/free-storage.ts




const GIB = 1024 ** 3;
/** The runbook's weekly "RDS FreeStorageSpace, alert if < 2 GB". */
const freeStorage = defineCheck({
    ...freeStorageSchema,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, ctx) {
        const instance = databaseInstance(ctx.env);
        if (typeof instance !== 'string')
            return instance;
        const points = await rdsStatistic(ctx, {
            instance,
            metric: 'FreeStorageSpace',
            statistic: 'Minimum',
            window: metricWindow(check.window, ctx.clock.now()),
        });
        const values = points.map((p) => p.value);
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

;// CONCATENATED MODULE: ./core/checks/schemas/health.ts

const healthSchema = defineCheckSchema({
    type: 'health',
    description: 'The environment\u2019s health checks pass (tried again until the check\u2019s deadline).',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/health.ts




/** The environment's health checks (`health.checks`), through the smoke-test core. */
const health = defineCheck({
    ...healthSchema,
    defaultTimeoutMs: 60_000,
    group: 'Application',
    async run(_check, { env, clock, logger, deadline, signal }) {
        const report = await smokeTest({
            checks: env.health.checks,
            baseUrl: new URL(env.health['base-url']),
            timeoutMs: Math.max(1_000, remainingMs(deadline, clock.now(), 500)),
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

;// CONCATENATED MODULE: ./core/checks/web.ts

/** The environment's public base URL (health.base-url), where the web checks look. */
function baseUrl(ctx) {
    return new URL(ctx.env.health['base-url']);
}
/** One GET within the check's own deadline (and at most 15 s). */
function get(url, ctx) {
    const left = Math.max(1_000, Math.min(15_000, ctx.deadline - ctx.clock.now()));
    return probe(url, { method: 'GET', timeoutMs: left, signal: ctx.signal });
}

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
const hsts = defineCheck({
    ...hstsSchema,
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

;// CONCATENATED MODULE: ./core/checks/https-redirect.ts




/** The runbook's "HTTP \u2192 HTTPS redirect". */
const httpsRedirect = defineCheck({
    ...httpsRedirectSchema,
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
        const problems = evaluateRedirect(response, url);
        if (problems.length > 0)
            return {
                status: 'fail',
                line: `${problems.join('; ')}; redirect plain HTTP to HTTPS`,
                observed,
            };
        return {
            status: 'pass',
            line: `${url.href} \u2192 ${response.status} ${observed.location}`,
            observed,
        };
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

;// CONCATENATED MODULE: ./core/checks/image-present.ts


/** The runbook's "ECR holds the latest production-tagged image". */
const imagePresent = defineCheck({
    ...imagePresentSchema,
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
            line: `${repository}:${check.tag} is ${image.digest.slice(0, 19)}\u2026`,
            observed: {
                repository,
                tag: check.tag,
                digest: image.digest,
                pushedAt: image.pushedAt?.toISOString() ?? null,
            },
        };
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

;// CONCATENATED MODULE: ./core/checks/latency-p99.ts





/**
 * The service's p99 latency over a window, the highest p99 of the window's periods: App
 * Runner's RequestLatency, or on ECS Express the load balancer's TargetResponseTime of each of
 * the service's target groups (seconds, shown in ms).
 */
const latencyP99 = defineCheck({
    ...latencyP99Schema,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        const { clock, logger, signal } = ctx;
        const asked = await latencyRequests(ctx, metricWindow(check.window, clock.now()));
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

;// CONCATENATED MODULE: ./core/checks/schemas/lifecycle-policy.ts

const lifecyclePolicySchema = defineCheckSchema({
    type: 'lifecycle-policy',
    description: 'The ECR repository has no lifecycle rule that can expire an image a service runs or a rollback target (untagged or any images; tagged rules are evaluated against what is protected today).',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/lifecycle-policy.ts






const lifecycle_policy_DAY_MS = 86_400_000;
/** ECR's tagPatternList wildcard: `*` matches any run of characters, nothing else is special. */
function tagPattern(pattern) {
    return new RegExp(`^${pattern
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`);
}
/** Whether a rule's selection takes the image, before counting (ECR lifecycle rule semantics). */
function selects(rule, image) {
    const sel = rule.selection ?? {};
    if (sel.tagStatus === 'untagged')
        return image.tags.length === 0;
    if (sel.tagStatus === 'any')
        return true;
    if (sel.tagStatus !== 'tagged')
        return false;
    const prefixes = sel.tagPrefixList ?? [];
    const patterns = (sel.tagPatternList ?? []).map(tagPattern);
    return image.tags.some((t) => prefixes.some((p) => t.startsWith(p)) || patterns.some((p) => p.test(t)));
}
/** The images a rule expires today: past its age, or beyond its count (newest kept). */
function expiresNow(rule, images, now) {
    const sel = rule.selection ?? {};
    const chosen = images.filter((i) => selects(rule, i));
    const n = sel.countNumber ?? 0;
    if (sel.countType === 'sinceImagePushed')
        return chosen.filter((i) => !i.pushedAt || now - i.pushedAt.getTime() > n * lifecycle_policy_DAY_MS);
    if (sel.countType === 'imageCountMoreThan')
        return [...chosen]
            .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
            .slice(n);
    return [];
}
const describeRule = (r) => `rule ${r.rulePriority ?? '?'} (${r.selection?.tagStatus ?? '?'} ${r.selection?.countType ?? '?'} ${r.selection?.countNumber ?? '?'}${r.description ? `: ${r.description}` : ''})`;
/**
 * What the repository's ECR lifecycle policy may expire. No lifecycle rule can spare the image
 * a service runs: ECS resolves a tag to a digest once and keeps starting tasks from it, so once
 * the tag moves the running image is untagged, and a rule on untagged (or any) images expires it
 * regardless. No policy is therefore what this check asks for; the `ecr-untagged` clean-up
 * removes untagged images and keeps what runs and the rollback targets. A tagged rule is
 * evaluated against today's images and warns when it would expire a protected one.
 */
const lifecyclePolicy = defineCheck({
    ...lifecyclePolicySchema,
    defaultTimeoutMs: 60_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        const location = ecrLocation(env);
        const repo = location.repository;
        const ecr = new EcrImages(aws.ecr, location, { clock, logger });
        const policy = await ecr.lifecyclePolicy();
        if (!policy)
            return {
                status: 'pass',
                line: `${repo} has no ECR lifecycle policy: nothing expires an image a service runs; the ecr-untagged clean-up removes untagged images and keeps what runs and the rollback targets`,
                observed: { repository: repo, hasPolicy: false },
            };
        let rules;
        try {
            rules = (JSON.parse(policy.text).rules ?? []).filter((r) => typeof r === 'object' && r !== null);
        }
        catch (error) {
            return {
                status: 'error',
                line: `${repo}'s lifecycle policy text is not JSON (${String(error)}); it cannot be checked`,
                observed: { repository: repo, hasPolicy: true },
            };
        }
        const expiring = rules.filter((r) => (r.action?.type ?? 'expire') === 'expire');
        const structural = expiring.filter((r) => ['untagged', 'any'].includes(r.selection?.tagStatus ?? ''));
        const images = await ecr.list();
        const { protect, blockers } = await protectedDigests(ctx, images, 5);
        const now = clock.now();
        const hits = expiring.flatMap((rule) => expiresNow(rule, images, now)
            .flatMap((image) => protect.filter((p) => p.digest === image.digest))
            .map((p) => `${describeRule(rule)} would expire ${shortDigest(p.digest)} (${p.why})`));
        const observed = {
            repository: repo,
            hasPolicy: true,
            rules: rules.length,
            expiresUntagged: structural.length > 0,
            protectedImages: protect.length,
            ...(policy.lastEvaluatedAt ? { lastEvaluatedAt: policy.lastEvaluatedAt.toISOString() } : {}),
        };
        const evidence = {
            rules: rules.map(describeRule),
            policy: policy.text,
            protected: protect,
            ...(blockers.length > 0 ? { unknown: blockers } : {}),
        };
        if (blockers.length > 0 && expiring.length > 0)
            hits.push(`what must be kept is not known for certain (${blockers.join('; ')})`);
        if (structural.length > 0 || hits.length > 0) {
            const why = [
                ...structural.map((r) => `${describeRule(r)} expires untagged images, and the image a service pinned by a tag runs is untagged once the tag moves (ECS keeps starting tasks from that digest)`),
                ...hits,
            ];
            return {
                status: 'warn',
                line: `${repo}'s lifecycle policy can expire an image a service runs or a rollback target: ${why.join('; ')}. Remove those rules (aws ecr delete-lifecycle-policy --repository-name ${repo}, or put a policy without them) and clean up with ecr-untagged, which keeps what runs and the rollback targets`,
                observed,
                evidence,
            };
        }
        return {
            status: 'pass',
            line: `${repo} has a lifecycle policy with ${rules.length} rule(s), none of which expires an untagged image, what runs or a rollback target`,
            observed,
            evidence,
        };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(2684);
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

;// CONCATENATED MODULE: ./core/checks/log-errors.ts







const SHOWN = 5;
/** Time kept back from the check's deadline to answer in (the runner's timer wins after it). */
const ANSWER_MARGIN_MS = 1_500;
/**
 * A log line made fit for an issue or Slack: e-mail addresses, runs of 6+ digits (account,
 * card, phone and document numbers) and token-like strings (JWTs, long base64/hex, values of
 * key=\u2026 / token: \u2026) are masked, and the text is cut to 300 characters.
 */
function maskLogMessage(message) {
    return message
        .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
        .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<token>')
        .replace(/\b((?:api[_-]?key|token|secret|password|passwd|authorization|bearer)(?:\s*[=:]\s*|\s+))\S+/gi, '$1<masked>')
        .replace(/\b[A-Za-z0-9+/_-]{24,}={0,2}/g, (m) => (/\d/.test(m) ? '<token>' : m))
        .replace(/\d[\d -]{4,}\d/g, (m) => (m.replace(/\D/g, '').length >= 6 ? '<digits>' : m))
        .trim()
        .slice(0, 300);
}
/** The CloudWatch Logs Insights console for the group and window (the console's URL encoding). */
function logsInsightsUrl(input) {
    // The console's query-detail value: a JSURL-like `~(key~'value\u2026)` with `*` for `%`.
    const str = (v) => `'${encodeURIComponent(v).replace(/%/g, '*')}`;
    const detail = `~(end~${str(new Date(input.end).toISOString())}~start~${str(new Date(input.start).toISOString())}~timeType~'ABSOLUTE~tz~'UTC~editorString~${str(`fields @timestamp, @message | filter @message like /${input.pattern.replace(/[?"-]/g, '')}/ | sort @timestamp desc`)}~source~(~${str(input.logGroup)}))`;
    const fragment = encodeURIComponent(`?queryDetail=${detail}`).replace(/%/g, '$');
    return `https://${input.region}.console.aws.amazon.com/cloudwatch/home?region=${input.region}#logsV2:logs-insights${fragment}`;
}
/**
 * The runbook's weekly "recurring error patterns in CloudWatch logs". FilterLogEvents searches
 * part of the range per call and may answer an empty page with a `nextToken`: the token is
 * followed to its end, and a scan the deadline cuts short is an error, never a pass. Log lines
 * carry personal data, so by default the report holds the count, the pattern and a link to
 * CloudWatch Logs Insights; the messages only with `show-messages: true`, masked.
 */
const logErrors = defineCheck({
    ...logErrorsSchema,
    defaultTimeoutMs: 60_000,
    group: 'Monitoring',
    async run(check, { aws, clock, logger, signal, deadline, env }) {
        const end = clock.now();
        const start = end - ((0,duration/* parseDuration */.E9)(check.window) ?? 86_400_000);
        const link = logsInsightsUrl({
            region: env.region,
            logGroup: check['log-group'],
            start,
            end,
            pattern: check.pattern,
        });
        let count = 0;
        const first = [];
        let scannedTo = start;
        let token;
        let pages = 0;
        // Each page's own deadline: the check answers before the runner's timer would.
        const stop = new AbortController();
        const timer = setTimeout(() => stop.abort(new Error('deadline')), remainingMs(deadline, clock.now(), ANSWER_MARGIN_MS));
        const pageSignal = AbortSignal.any([signal, stop.signal]);
        try {
            do {
                const page = await (0,call/* awsCall */.uF)('FilterLogEvents', () => aws.cloudWatchLogs.send(new client_cloudwatch_logs_dist_cjs/* FilterLogEventsCommand */.nsW({
                    logGroupName: check['log-group'],
                    filterPattern: check.pattern,
                    startTime: start,
                    endTime: end,
                    ...(token ? { nextToken: token } : {}),
                }), { abortSignal: pageSignal }), { clock, logger, signal: pageSignal });
                const events = page.events ?? [];
                count += events.length;
                for (const e of events)
                    if (first.length < SHOWN)
                        first.push(e);
                const latest = Math.max(...events.map((e) => e.timestamp ?? 0), scannedTo);
                scannedTo = latest;
                token = page.nextToken;
                pages++;
            } while (token);
        }
        catch (error) {
            if (!stop.signal.aborted && !signal.aborted)
                throw error;
            return {
                status: 'error',
                line: `${check['log-group']}: scanned up to ${new Date(scannedTo).toISOString()}, not to the end of the ${check.window} window, before the check's deadline (${pages} pages, ${count} events matching "${check.pattern}" so far; raise "timeout" or shorten "window"): ${link}`,
                observed: { count, pages, scannedTo: new Date(scannedTo).toISOString(), complete: false },
                evidence: { logsInsights: link, stoppedBy: (0,errors/* errorMessage */.gJ)(error) },
            };
        }
        finally {
            clearTimeout(timer);
        }
        const shown = check['show-messages']
            ? first.map((e) => ({
                at: new Date(e.timestamp ?? 0).toISOString(),
                message: maskLogMessage(e.message ?? ''),
            }))
            : undefined;
        const observed = {
            count,
            pages,
            window: check.window,
            logGroup: check['log-group'],
            complete: true,
            ...(shown ? { first: shown } : {}),
        };
        const evidence = {
            pattern: check.pattern,
            logsInsights: link,
            ...(shown ? { first: shown } : {}),
        };
        if (count <= check['max-count'])
            return {
                status: 'pass',
                line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window} (limit ${check['max-count']}; ${pages} pages, read to the end)`,
                observed,
                evidence,
            };
        return {
            status: 'fail',
            line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window}, more than ${check['max-count']}; ${shown ? `first: ${shown[0]?.message ?? ''}; ` : ''}read them in CloudWatch Logs Insights: ${link}`,
            observed,
            evidence,
        };
    },
});

;// CONCATENATED MODULE: ./core/maintenance/suite-pauses.ts


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
/** "deploy of production at 09:00:00Z until 09:30:00Z (run \u2026)": who paused, for people. */
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
                const line = `${options.dryRun ? 'would end' : 'ended'} the pause of monitor ${id} (paused by ${describeSuitePause(owner.record)}; the window passed ${formatDuration(deps.clock.now() - Date.parse(owner.record.until))} ago)`;
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
            report.failed.push(`monitor ${id}: ${errorMessage(error)}`);
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

;// CONCATENATED MODULE: ./core/checks/monitors-green.ts






const RANK = { pass: 0, warn: 1, fail: 2, error: 3 };
/**
 * The runbook's daily "BetterStack monitors green". A pause by the suite that outlived its
 * window is ended here as well \u2014 the scheduled checks are the run most likely to come after
 * a lost runner \u2014 and the check still fails, because alerts were off longer than planned.
 * That resume is the suite finishing its own maintenance window, not a change to what is
 * checked, so the type is not declared mutating (a gate may list it).
 */
const monitorsGreen = defineCheck({
    ...monitorsGreenSchema,
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
        const client = new betterstack_BetterStackMonitors(betterstack_betterStackApiUrl(), token, { clock, logger });
        const verdicts = await Promise.all(ids.map((id) => judge(client, id, clock.now())));
        return summarise(verdicts);
    },
});
async function judge(client, id, now) {
    let inspected;
    try {
        inspected = await inspectMonitor(client, id);
    }
    catch (error) {
        return {
            id,
            verdict: 'error',
            line: `monitor ${id} could not be read: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    const { monitor, record } = inspected;
    const owner = pauseOwner(monitor, record, now);
    const base = { id, status: monitor.status, pausedAt: monitor.pausedAt };
    if (owner.kind === 'suite' && !owner.expired) {
        return {
            ...base,
            verdict: 'warn',
            line: `${monitor.name} (${id}) is paused by ${describeSuitePause(owner.record)}`,
        };
    }
    if (owner.kind === 'suite') {
        const late = (0,duration/* formatDuration */.a3)(now - Date.parse(owner.record.until));
        try {
            await client.resume(id);
            await client.removeMetadata(id, PAUSE_RECORD_KEY);
        }
        catch (error) {
            return {
                ...base,
                verdict: 'fail',
                line: `${monitor.name} (${id}) is still paused by ${describeSuitePause(owner.record)}, ${late} past its window, and resuming it failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
            };
        }
        return {
            ...base,
            verdict: 'fail',
            ended: true,
            line: `${monitor.name} (${id}) was paused by ${describeSuitePause(owner.record)} and stayed paused ${late} past its window: ended the pause now`,
        };
    }
    if (owner.kind === 'person') {
        return {
            ...base,
            verdict: 'fail',
            line: `${monitor.name} (${id}): ${personPauseLine(id, owner)}`,
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

;// CONCATENATED MODULE: ./core/checks/schemas/pages-reachable.ts


const pagesReachableSchema = defineCheckSchema({
    type: 'pages-reachable',
    description: 'Each page under health.base-url answers 200.',
    shape: { paths: schemas/* array */.YOg(schemas/* string */.YjP().startsWith('/')).min(1) },
});

;// CONCATENATED MODULE: ./core/checks/pages-reachable.ts




/** The runbook's "terms (/vilkaar) and privacy policy (/personvern) reachable". */
const pagesReachable = defineCheck({
    ...pagesReachableSchema,
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
 * The verdict on the drills on record for this environment's database: the newest successful
 * one among those `kind` accepts must be at most `maxAgeDays` old.
 */
async function drillVerdict(ctx, maxAgeDays, kind) {
    const url = ctx.secrets.databaseUrl;
    if (!url)
        return {
            status: 'error',
            line: `${kind.check} needs the database-url input (read access to audit_log)`,
        };
    // Loaded on use: the registry is imported by every action that reads the configuration.
    const { readAuditEntries } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 3892));
    // Every drill on record (the table is read whole), then this environment's database only:
    // a green drill of another instance says nothing about this one.
    const instance = ctx.env.database?.instance;
    const rows = (await readAuditEntries(url, { action: 'restore_drill', limit: Number.MAX_SAFE_INTEGER })).filter((r) => (!instance || r.resource_id === instance) && kind.accepts(r.details));
    if (rows.length === 0)
        return {
            status: 'error',
            line: `no ${kind.what}${instance ? ` of ${instance}` : ''} on record; ${kind.howTo}`,
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
            line: `none of the ${rows.length} ${kind.what}(s) on record succeeded; fix the restore and run the drill again`,
            observed,
        };
    const ageDays = Math.floor((now - good.created_at.getTime()) / restore_verified_DAY);
    if (ageDays > maxAgeDays)
        return {
            status: 'fail',
            line: `the last successful ${kind.what} was ${ageDays} days ago (limit ${maxAgeDays}); run it again`,
            observed,
        };
    return {
        status: 'pass',
        line: `${kind.what} succeeded ${ageDays} day(s) ago (${good.resource_id})`,
        observed,
    };
}
/**
 * The runbook's "last backup verified": the monthly restore drill (snapshot-restore) writes an
 * audit_log row with action 'restore_drill'; this reads them.
 */
const restoreVerified = defineCheck({
    ...restoreVerifiedSchema,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    run: (check, ctx) => drillVerdict(ctx, check['max-age-days'], {
        check: 'restore-verified',
        what: 'restore drill',
        accepts: () => true,
        howTo: 'run the monthly snapshot-restore check first',
    }),
});
/** A point-in-time drill's record: snapshot-restore with from: pitr records `pitr:<time>`. */
const isPitrDrill = (details) => String(details['snapshot'] ?? '').startsWith('pitr:');
/**
 * The go-live item "point-in-time recovery tested": a snapshot-restore drill with `from: pitr`
 * passed within max-age-days.
 */
const pitrTested = defineCheck({
    ...pitrTestedSchema,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    run: (check, ctx) => drillVerdict(ctx, check['max-age-days'], {
        check: 'pitr-tested',
        what: 'point-in-time restore drill',
        accepts: isPitrDrill,
        howTo: 'run the monthly snapshot-restore check with from: pitr first',
    }),
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

;// CONCATENATED MODULE: ./core/checks/db-diagnostics.ts






const LISTED = 10;
/** The checks of this file; each names its session after itself (application_name). */
const DIAGNOSTIC_TYPES = ['connections', 'long-queries', 'blocking'];
/**
 * Every client session but the diagnostics' own, read in one query. An error answer says why (never the
 * URL); a session list that could not be read is an error, not a pass.
 */
async function sessions(ctx, check) {
    const url = ctx.secrets.databaseUrl;
    if (!url)
        return {
            status: 'error',
            line: `${check} needs the database-url input (a role that may read pg_stat_activity, e.g. the master user or one with pg_monitor)`,
        };
    const timeoutMs = Math.max(1_000, remainingMs(ctx.deadline, ctx.clock.now(), 1_000));
    const client = await (0,pg_client/* pgClient */.Te)({
        connectionString: url,
        connectionTimeoutMillis: timeoutMs,
        application_name: `apprunner-ops ${check}`,
        options: `-c default_transaction_read_only=on -c statement_timeout=${Math.floor(timeoutMs)}`,
    });
    try {
        await client.connect();
        const max = await client.query(`SELECT current_setting('max_connections') AS max`);
        const res = await client.query(`SELECT pid, usename, state, state_change, query_start, left(query, 200) AS query,
              pg_blocking_pids(pid) AS blockers
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
          AND application_name NOT IN ($1, $2, $3)`, 
        // The diagnostics run side by side: one's session reading pg_stat_activity is not a
        // query of the application's, so none counts the others' (or itself).
        DIAGNOSTIC_TYPES.map((type) => `apprunner-ops ${type}`));
        return { rows: res.rows, maxConnections: Number(max.rows[0].max) };
    }
    catch (error) {
        return {
            status: 'error',
            line: `${check}: reading pg_stat_activity failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
const ageMs = (ctx, since) => since ? Math.max(0, ctx.clock.now() - since.getTime()) : 0;
const who = (s) => `pid ${s.pid} (${s.usename ?? 'unknown user'})`;
const connections = defineCheck({
    ...connectionsSchema,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const read = await sessions(ctx, 'connections');
        if ('status' in read)
            return read;
        const limit = (0,duration/* parseDuration */.E9)(check['idle-in-transaction']) ?? 300_000;
        const byState = new Map();
        for (const s of read.rows)
            byState.set(s.state ?? 'unknown', (byState.get(s.state ?? 'unknown') ?? 0) + 1);
        // This check's own session counts too: it is one of max_connections.
        const used = read.rows.length + 1;
        const percent = Math.round((used / read.maxConnections) * 100);
        const idle = read.rows
            .filter((s) => (s.state ?? '').startsWith('idle in transaction'))
            .map((s) => ({ s, age: ageMs(ctx, s.state_change) }))
            .filter((x) => x.age > limit)
            .sort((a, b) => b.age - a.age);
        const states = [...byState].map(([state, n]) => `${n} ${state}`).join(', ');
        const observed = {
            used,
            maxConnections: read.maxConnections,
            byState: Object.fromEntries(byState),
            idleInTransaction: idle.map((x) => ({ pid: x.s.pid, user: x.s.usename, ageMs: x.age })),
        };
        const problems = [];
        if (percent > check['max-used-percent'])
            problems.push(`${used} of ${read.maxConnections} connections in use (${percent}% > ${check['max-used-percent']}%)`);
        if (idle.length > 0)
            problems.push(`${idle.length} session(s) idle in transaction longer than ${check['idle-in-transaction']}: ${idle
                .slice(0, LISTED)
                .map((x) => `${who(x.s)} for ${(0,duration/* formatDuration */.a3)(x.age)}`)
                .join(', ')}`);
        return problems.length > 0
            ? { status: 'fail', line: `${problems.join('; ')} (${states})`, observed }
            : {
                status: 'pass',
                line: `${used} of ${read.maxConnections} connections in use (${percent}%): ${states || 'none'}`,
                observed,
            };
    },
});
const longQueries = defineCheck({
    ...longQueriesSchema,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const read = await sessions(ctx, 'long-queries');
        if ('status' in read)
            return read;
        const limit = (0,duration/* parseDuration */.E9)(check['longer-than']) ?? 300_000;
        const long = read.rows
            .filter((s) => s.state === 'active')
            .map((s) => ({ s, age: ageMs(ctx, s.query_start) }))
            .filter((x) => x.age > limit)
            .sort((a, b) => b.age - a.age);
        const describe = (x) => `${who(x.s)} running ${(0,duration/* formatDuration */.a3)(x.age)}${check['show-text'] ? `: ${x.s.query ?? ''}` : ''}`;
        const observed = {
            queries: long.map((x) => ({
                pid: x.s.pid,
                user: x.s.usename,
                ageMs: x.age,
                ...(check['show-text'] ? { query: x.s.query } : {}),
            })),
        };
        return long.length > 0
            ? {
                status: 'fail',
                line: `${long.length} query(ies) running longer than ${check['longer-than']}: ${long.slice(0, LISTED).map(describe).join('; ')}`,
                observed,
            }
            : { status: 'pass', line: `no query running longer than ${check['longer-than']}`, observed };
    },
});
const blocking = defineCheck({
    ...blockingSchema,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const read = await sessions(ctx, 'blocking');
        if ('status' in read)
            return read;
        const limit = (0,duration/* parseDuration */.E9)(check['waiting-longer-than']) ?? 30_000;
        const byPid = new Map(read.rows.map((s) => [s.pid, s]));
        const waits = read.rows
            .filter((s) => (s.blockers ?? []).length > 0)
            .map((s) => ({ s, age: ageMs(ctx, s.state_change ?? s.query_start) }))
            .filter((x) => x.age >= limit)
            .sort((a, b) => b.age - a.age);
        const blocker = (pid) => {
            const b = byPid.get(pid);
            return b ? `${who(b)}, ${b.state ?? 'unknown state'}` : `pid ${pid}`;
        };
        const observed = {
            waits: waits.map((x) => ({
                pid: x.s.pid,
                user: x.s.usename,
                waitingMs: x.age,
                blockedBy: x.s.blockers,
            })),
        };
        return waits.length > 0
            ? {
                status: 'fail',
                line: `${waits.length} session(s) waiting for a lock: ${waits
                    .slice(0, LISTED)
                    .map((x) => `${who(x.s)} waits ${(0,duration/* formatDuration */.a3)(x.age)} on ${(x.s.blockers ?? []).map(blocker).join(' and ')}`)
                    .join('; ')}`,
                observed,
            }
            : { status: 'pass', line: 'no session waits for a lock', observed };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7202);
;// CONCATENATED MODULE: ./core/checks/replication-lag.ts






/**
 * The runbooks' "replication lag": the replicas RDS lists for the environment's database, each
 * one's CloudWatch ReplicaLag. A replica without datapoints is an error (its lag is unknown),
 * never a pass; no replica at all passes and says so.
 */
const replicationLag = defineCheck({
    ...replicationLagSchema,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, { env, aws, clock, logger, signal }) {
        const instance = databaseInstance(env);
        if (typeof instance !== 'string')
            return instance;
        const deps = { clock, logger, signal };
        const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => aws.rds.send(new client_rds_dist_cjs/* DescribeDBInstancesCommand */.hhJ({ DBInstanceIdentifier: instance }), {
            abortSignal: signal,
        }), deps);
        const replicas = out.DBInstances?.[0]?.ReadReplicaDBInstanceIdentifiers ?? [];
        if (replicas.length === 0)
            return {
                status: 'pass',
                line: `${instance} has no read replica`,
                observed: { replicas: [] },
            };
        const lags = await Promise.all(replicas.map(async (replica) => {
            const points = await rdsStatistic({ aws, ...deps }, {
                instance: replica,
                metric: 'ReplicaLag',
                statistic: 'Maximum',
                window: metricWindow(check.window, clock.now()),
            });
            const values = points.map((p) => p.value);
            return { replica, max: values.length > 0 ? Math.max(...values) : undefined };
        }));
        const observed = {
            replicas: lags.map((l) => ({ id: l.replica, maxLagSeconds: l.max ?? null })),
        };
        const unknown = lags.filter((l) => l.max === undefined);
        if (unknown.length > 0)
            return {
                status: 'error',
                line: `no ReplicaLag datapoints in the last ${check.window} for ${unknown.map((l) => l.replica).join(', ')}: its lag is unknown`,
                observed,
            };
        const behind = lags.filter((l) => l.max > check['max-seconds']);
        const all = lags.map((l) => `${l.replica} ${l.max}s`).join(', ');
        return behind.length > 0
            ? {
                status: 'fail',
                line: `replication lag above ${check['max-seconds']}s in the last ${check.window}: ${behind.map((l) => `${l.replica} ${l.max}s`).join(', ')}`,
                observed,
            }
            : {
                status: 'pass',
                line: `replication lag at most ${check['max-seconds']}s: ${all}`,
                observed,
            };
    },
});

;// CONCATENATED MODULE: ./core/checks/storage-growth.ts




const storage_growth_DAY = 86_400_000;
const storage_growth_GIB = 1024 ** 3;
/**
 * The runbooks' storage forecast: FreeStorageSpace's daily minimum over the last 7 days, its
 * least-squares slope, and the days left at that rate. Fewer than three days of data is an
 * error (no trend can be read from it); free space that is not shrinking passes.
 */
const storageGrowth = defineCheck({
    ...storageGrowthSchema,
    defaultTimeoutMs: 30_000,
    group: 'Database',
    async run(check, ctx) {
        const instance = databaseInstance(ctx.env);
        if (typeof instance !== 'string')
            return instance;
        const now = ctx.clock.now();
        const points = await rdsStatistic(ctx, {
            instance,
            metric: 'FreeStorageSpace',
            statistic: 'Minimum',
            window: { start: now - 7 * storage_growth_DAY, end: now, periodSeconds: 86_400 },
        });
        const series = points.flatMap((p) => p.at ? [{ day: p.at.getTime() / storage_growth_DAY, free: p.value }] : []);
        if (series.length < 3)
            return {
                status: 'error',
                line: `only ${series.length} day(s) of FreeStorageSpace for ${instance} in the last 7 days: no growth can be read`,
                observed: { instance, days: series.length },
            };
        const meanDay = series.reduce((a, p) => a + p.day, 0) / series.length;
        const meanFree = series.reduce((a, p) => a + p.free, 0) / series.length;
        const slope = series.reduce((a, p) => a + (p.day - meanDay) * (p.free - meanFree), 0) /
            series.reduce((a, p) => a + (p.day - meanDay) ** 2, 0);
        const free = series.at(-1).free;
        const usedPerDayGiB = Math.round((-slope / storage_growth_GIB) * 100) / 100;
        const freeGiB = Math.round((free / storage_growth_GIB) * 100) / 100;
        const observed = { instance, freeGiB, usedPerDayGiB, days: series.length };
        if (slope >= 0)
            return {
                status: 'pass',
                line: `${instance}: ${freeGiB} GiB free, not shrinking over the last 7 days`,
                observed,
            };
        const daysLeft = Math.floor(free / -slope);
        const line = `${instance}: ${freeGiB} GiB free, ${usedPerDayGiB} GiB used a day over the last 7 days: full in about ${daysLeft} days`;
        return daysLeft < check['min-days']
            ? {
                status: 'fail',
                line: `${line} (< ${check['min-days']}): grow the allocated storage or turn on storage autoscaling`,
                observed: { ...observed, daysLeft },
            }
            : { status: 'pass', line, observed: { ...observed, daysLeft } };
    },
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var client_secrets_manager_dist_cjs = __webpack_require__(2994);
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
            const out = await (0,call/* awsCall */.uF)('DescribeSecret', () => this.client.send(new client_secrets_manager_dist_cjs/* DescribeSecretCommand */.X5({ SecretId: secretId })), this.deps);
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
        const out = await (0,call/* awsCall */.uF)('GetSecretValue', () => this.client.send(new client_secrets_manager_dist_cjs/* GetSecretValueCommand */.d2({
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
            await (0,call/* awsCall */.uF)('PutSecretValue', () => this.client.send(new client_secrets_manager_dist_cjs/* PutSecretValueCommand */.cp({
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
            const out = await this.client.send(new client_secrets_manager_dist_cjs/* ListSecretVersionIdsCommand */.Af({
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
                await this.client.send(new client_secrets_manager_dist_cjs/* UpdateSecretVersionStageCommand */.be({
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
                await this.client.send(new client_secrets_manager_dist_cjs/* UpdateSecretVersionStageCommand */.be({
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

;// CONCATENATED MODULE: ./core/rotation/values.ts
/**
 * New values and DATABASE_URLs. Values never reach a log line: callers log names and version
 * ids only, and errors from here never quote a URL.
 */



/** `bytes` from the CSPRNG, base64 (like `openssl rand -base64 48`). */
function values_randomValue(bytes) {
    return randomBytes(bytes).toString('base64');
}
// Printable ASCII without what RDS refuses (/ " @ space) and what AWS's own rotation templates
// leave out (: ' \ `). % # ? & stay in on purpose: they prove the URL encoding.
const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.;<=>?[]^_{|}~';
/** A database password of `length` characters (8\u2013128) from the CSPRNG. */
function databasePassword(length) {
    if (length < 8 || length > 128)
        throw new Error('a database password has 8\u2013128 characters');
    return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
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
function scramVerifier(password, salt = randomBytes(16)) {
    const iterations = 4096;
    const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
    const clientKey = createHmac('sha256', salted).update('Client Key').digest();
    const storedKey = createHash('sha256').update(clientKey).digest();
    const serverKey = createHmac('sha256', salted).update('Server Key').digest();
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
    const client = await pgClient({
        connectionString: url,
        connectionTimeoutMillis: 5_000,
        statement_timeout: 5_000,
    });
    try {
        await usePgClient(client, (c) => c.query('SELECT 1'));
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
    deps.logger.info(`  login with ${what} still failing after ${formatDuration(withinMs)}`);
    return last;
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


const grace_DAY = 86_400_000;
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
        const ageDays = (clock.now() - current.createdAt.getTime()) / grace_DAY;
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
    const hex = createHash('sha256')
        .update(`apprunner-ops retire|${run.repository}|${run.runId}|${environment}|${previousSecretId}`)
        .digest('hex');
    return `${RETIRED_PREFIX}${hex.slice(0, 40)}`;
}
/** Replaces the previous key with an unknowable one (idempotent by its token). */
async function retirePreviousKey(age, store, token) {
    await store.put(age.previousSecretId, token, randomValue(age.secret.length ?? 64), [
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
    const hex = createHash('sha256')
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
const stagingLabel = () => `${STAGING_PREFIX}${randomUUID()}`;

;// CONCATENATED MODULE: ./core/rotation/types.ts
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

;// CONCATENATED MODULE: ./core/checks/schemas/rotation-due.ts

const rotationDueSchema = defineCheckSchema({
    type: 'rotation-due',
    description: 'No configured secret is past its rotation date.',
    shape: {},
});

;// CONCATENATED MODULE: ./core/checks/rotation-due.ts









const rotation_due_DAY = 86_400_000;
const WARN_WITHIN_DAYS = 14;
/**
 * Secrets past `rotate-every-days` fail; within 14 days of it they warn. A previous JWT key past
 * its `grace-days` warns: the next rotate-secret run retires it (a check only reads). Ages come from
 * the AWSCURRENT version's creation date (LastChangedDate moves on any change: an undone
 * rotation, a tag); the value is never read. External secrets are rotated by their issuer, so
 * they only remind (warn).
 * A value the service does not run fails too: an AWSCURRENT still labelled as not deployed (a
 * rotation lost before its redeploy), one made after the service's last deployment, or for
 * rds-managed a master secret RDS rotated after DATABASE_URL was built. The next rotate-secret
 * run (`due`) redeploys it.
 */
const rotationDue = defineCheck({
    ...rotationDueSchema,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(_check, ctx) {
        const { env, aws, clock, logger } = ctx;
        const secrets = (env.secrets ?? []).filter((s) => s['rotate-every-days'] !== undefined);
        const withGrace = (env.secrets ?? []).filter((s) => s['grace-days'] !== undefined);
        if (secrets.length === 0 && withGrace.length === 0)
            return { status: 'skipped', line: 'no secret has rotate-every-days or grace-days' };
        const store = new SecretsStore(aws.secretsManager, { clock, logger });
        // When the configuration that serves was deployed: a version made after it is not running.
        let deployedAt;
        try {
            if (secrets.length > 0)
                deployedAt = await (await checkTarget(ctx)).lastDeployedAt();
        }
        catch (error) {
            return { status: 'error', line: `the service's last deployment: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        let managed;
        if (secrets.some((s) => s.kind === 'rds-managed') && env.database)
            try {
                const arn = (await new RdsMasterPassword(aws.rds, env.database.instance, { clock, logger }).describe()).MasterUserSecret?.SecretArn;
                const version = arn ? await store.currentVersion(arn) : undefined;
                if (arn && version)
                    managed = { arn, createdAt: version.createdAt };
                else
                    return {
                        status: 'error',
                        line: `rds-managed: ${env.database.instance} has no managed master secret with an AWSCURRENT version`,
                    };
            }
            catch (error) {
                return { status: 'error', line: `rds-managed: ${(0,errors/* errorMessage */.gJ)(error)}` };
            }
        const observed = {};
        const lines = [];
        for (const secret of secrets) {
            const id = rotatedSecretId(secret);
            const every = secret['rotate-every-days'];
            try {
                const d = await store.describe(id);
                const current = await store.currentVersion(id);
                if (!current) {
                    lines.push({ status: 'error', text: `${secret.name} (${id}) has no AWSCURRENT version` });
                    continue;
                }
                const last = current.createdAt.getTime();
                const ageDays = Math.floor((clock.now() - last) / rotation_due_DAY);
                const left = every - ageDays;
                observed[secret.name] = {
                    secretId: id,
                    currentVersion: current.versionId,
                    currentCreated: new Date(last).toISOString(),
                    ageDays,
                    everyDays: every,
                    ...(deployedAt ? { serviceDeployed: deployedAt.toISOString() } : {}),
                    ...(managed ? { managedSecretRotated: managed.createdAt.toISOString() } : {}),
                };
                const external = secret.kind === 'external';
                const stale = staleness(secret.name, {
                    undeployed: d.stages[current.versionId]?.includes(UNDEPLOYED) ?? false,
                    versionId: current.versionId,
                    created: current.createdAt,
                    deployedAt,
                    managed: secret.kind === 'rds-managed' ? managed : undefined,
                });
                if (stale)
                    lines.push({
                        status: external ? 'warn' : 'fail',
                        text: `${stale}; the next rotate-secret run (due) redeploys it`,
                    });
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
            for (const age of await previousKeyAges(withGrace, store, clock)) {
                observed[`${age.secret.name} previous key`] = {
                    secretId: age.previousSecretId,
                    ageDays: Math.floor(age.ageDays),
                    graceDays: age.graceDays,
                    retired: age.retired,
                };
                if (age.expired)
                    lines.push({
                        status: 'warn',
                        text: `${describeAge(age)}: the next rotate-secret run retires it`,
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
/** Why the service may not run the value AWSCURRENT holds, or undefined. */
function staleness(name, v) {
    if (v.undeployed)
        return `${name}: AWSCURRENT (version ${v.versionId}) is labelled ${UNDEPLOYED}: a rotation stopped before its redeploy, and the service still runs the old value`;
    if (v.deployedAt && v.created.getTime() > v.deployedAt.getTime())
        return `${name}: AWSCURRENT (version ${v.versionId}, made ${v.created.toISOString()}) is newer than the service's last deployment (${v.deployedAt.toISOString()}): the service still runs the old value`;
    if (v.managed && v.managed.createdAt.getTime() > v.created.getTime())
        return `${name}: RDS rotated its managed master secret at ${v.managed.createdAt.toISOString()}, after DATABASE_URL was built (${v.created.toISOString()}): the service's DATABASE_URL has a password the database no longer takes`;
    if (v.managed && v.deployedAt && v.managed.createdAt.getTime() > v.deployedAt.getTime())
        return `${name}: RDS rotated its managed master secret at ${v.managed.createdAt.toISOString()}, after the service's last deployment (${v.deployedAt.toISOString()})`;
    return undefined;
}

;// CONCATENATED MODULE: ./core/checks/schemas/secrets-present.ts



const secretsPresentSchema = defineCheckSchema({
    type: 'secrets-present',
    description: 'The configured secrets exist and are long enough; values are measured, never shown.',
    shape: { names: schemas/* array */.YOg(fields/* envNameField */.vn).optional() },
});

;// CONCATENATED MODULE: ./core/checks/secrets-present.ts





/**
 * The go-live gate's "Secrets Manager holds JWT_SECRET (\u2265 32 chars), DATABASE_URL, \u2026". The
 * value is read only to measure its length; only the length is reported.
 */
const secretsPresent = defineCheck({
    ...secretsPresentSchema,
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
        const store = new SecretsStore(aws.secretsManager, { clock, logger });
        const observed = {};
        const problems = [];
        for (const secret of chosen) {
            const id = rotatedSecretId(secret);
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
                problems.push(error instanceof SecretNotFound
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

;// CONCATENATED MODULE: ./core/checks/service-env.ts



/**
 * The runbook's "NODE_ENV=production, BANKID_MOCK NOT set" and "Secrets Manager holds \u2026":
 * plain variables are compared (their values are configuration, not secrets); secrets are
 * only checked to be referenced, never read.
 */
const serviceEnv = defineCheck({
    ...serviceEnvSchema,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, ctx) {
        // What runs: App Runner's configuration, or ECS Express's active configuration.
        const state = await (await checkTarget(ctx)).describe();
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

;// CONCATENATED MODULE: ./core/checks/schemas/snapshot-fresh.ts


const snapshotFreshSchema = defineCheckSchema({
    type: 'snapshot-fresh',
    description: 'The newest automated RDS snapshot is younger than max-age.',
    shape: { 'max-age': fields/* positiveDurationField */.cU.default('24h') },
});

;// CONCATENATED MODULE: ./core/checks/snapshot-fresh.ts






const MAX_PAGES = 50;
/**
 * The runbook's daily "last night's automated snapshot exists and is < 24 h old" (design
 * pitfall 6): automated snapshots only, every page (Marker), and a snapshot still `creating`
 * has no SnapshotCreateTime, so it cannot be the fresh one yet.
 */
const snapshotFresh = defineCheck({
    ...snapshotFreshSchema,
    defaultTimeoutMs: 30_000,
    group: 'Infrastructure',
    async run(check, { env, aws, clock, logger, signal }) {
        const instance = databaseInstance(env);
        if (typeof instance !== 'string')
            return instance;
        // The one pager (awsPages) reads up to MAX_PAGES; a Marker left after them is said here.
        let pages = 0;
        let marker;
        const snapshots = await (0,call/* awsPages */.A_)('DescribeDBSnapshots', async (token) => {
            const page = await aws.rds.send(new client_rds_dist_cjs/* DescribeDBSnapshotsCommand */.KKI({
                DBInstanceIdentifier: instance,
                SnapshotType: 'automated',
                MaxRecords: 100,
                ...(token ? { Marker: token } : {}),
            }), { abortSignal: signal });
            pages++;
            marker = page.Marker;
            return { items: page.DBSnapshots, next: page.Marker };
        }, { clock, logger, signal }, { maxPages: MAX_PAGES, more: 'stop', of: instance });
        if (marker)
            return {
                status: 'error',
                line: `${instance}: DescribeDBSnapshots still had more pages after ${MAX_PAGES} (${snapshots.length} automated snapshots read); the newest is not known`,
                observed: { instance, automatedSnapshots: snapshots.length, pages, complete: false },
            };
        const maxAgeMs = (0,duration/* parseDuration */.E9)(check['max-age']) ?? 86_400_000;
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
                line: `newest automated snapshot of ${instance} is ${(0,duration/* formatDuration */.a3)(ageMs)} old (${newest.DBSnapshotIdentifier})`,
                observed: full,
                evidence,
            };
        return {
            status: 'fail',
            line: `newest automated snapshot of ${instance} is ${(0,duration/* formatDuration */.a3)(ageMs)} old, more than ${check['max-age']}: check the backup window and the RDS events of the instance`,
            observed: full,
            evidence,
        };
    },
});

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

;// CONCATENATED MODULE: ./core/drill/rds-drill.ts






/** The tag every drill instance carries; cleanup deletes only instances that have it. */
const DRILL_TAG = { Key: 'apprunner-ops:drill', Value: 'true' };
class DrillFailed extends errors/* DomainFailure */.dY {
    name = 'DrillFailed';
}
const notFound = rds/* isInstanceNotFound */.RK;
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
    /**
     * One wait on RDS: the timing's poll interval, the deps' clock and logger, and the signal
     * given (deleting passes its own, possibly none: cleaning up must run after an abort too).
     */
    wait(what, timeoutMs, timing, signal, probe) {
        return (0,util_wait/* waitFor */.fm)({
            what,
            timeoutMs,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(signal ? { signal } : {}),
            probe,
        });
    }
    describe(id) {
        return (0,rds.describeDbInstance)(this.client, id, this.deps);
    }
    /** Every instance of the account and region, following Marker (bounded). */
    all() {
        return (0,rds/* allDbInstances */.gI)(this.client, this.deps);
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
        const found = await (0,rds/* dbSnapshotsOf */.rt)(this.client, this.source, kind === 'automated' ? 'automated' : 'manual', this.deps, { maxPages: 200, of: `${this.source} (the newest snapshot is not known)` });
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
        const { subnetGroup, securityGroups, parameterGroup } = (0,rds/* networkOf */.Af)(input.like);
        if (!subnetGroup || securityGroups.length === 0 || !parameterGroup)
            throw new DrillFailed(`${this.source} does not report its subnet group, security groups and parameter group; a restore without them lands in the default (possibly open) network, so the drill does not start`);
        let attempts = 0;
        await (0,retry/* retry */.L)(async () => {
            attempts++;
            try {
                await (0,rds/* sendInstanceRestore */.Qm)(this.client, {
                    id: input.id,
                    source: this.source,
                    from: 'time' in input.from ? input.from : { snapshot: input.from.snapshotId },
                    settings: {
                        DBSubnetGroupName: subnetGroup,
                        VpcSecurityGroupIds: securityGroups,
                        DBParameterGroupName: parameterGroup,
                        PubliclyAccessible: false,
                        DBInstanceClass: input.instanceClass,
                        DeletionProtection: false,
                        Tags: [{ ...DRILL_TAG }, { Key: 'apprunner-ops:source', Value: this.source }],
                    },
                    snapshotOnly: { MultiAZ: false, CopyTagsToSnapshot: false },
                });
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
            label: 'time' in input.from
                ? 'RestoreDBInstanceToPointInTime'
                : 'RestoreDBInstanceFromDBSnapshot',
            ...call/* AWS_RETRY */.pN,
            // Only answers that mean "not done": throttling. A 5xx may have created it: the
            // retry then meets DBInstanceAlreadyExists and adopts our own drill.
            isRetryable: (e) => ['Throttling', 'ThrottlingException', 'InternalFailure', 'ServiceUnavailable'].includes((0,call/* awsErrorName */.ZH)(e) ?? ''),
            clock: this.deps.clock,
            logger: this.deps.logger,
        });
    }
    /**
     * Gives the drill instance a master password of its own (ModifyDBInstance, applied at once)
     * and waits until RDS applied it. A restore has the snapshot's passwords, which a rotation
     * since has made stale; the drill logs in with this one. Refuses any instance that is not a
     * tagged drill of this source: the source's password is never touched.
     */
    async setMasterPassword(id, password, timing) {
        const instance = await this.describe(id);
        if (!instance || !isDrillOf(this.source, instance))
            throw new DrillFailed(`refusing to set the master password of ${id}: it is not a drill instance of ${this.source}`);
        await (0,call/* awsCall */.uF)('ModifyDBInstance', () => this.client.send(new client_rds_dist_cjs/* ModifyDBInstanceCommand */.R1U({
            DBInstanceIdentifier: id,
            MasterUserPassword: password,
            ApplyImmediately: true,
        })), 
        // Setting the same password twice is harmless: retried like a read.
        this.deps);
        return this.wait(`drill instance ${id} to apply its new master password`, timing.restoreTimeoutMs, timing, this.signal, async () => {
            const now = await this.describe(id);
            const status = now?.DBInstanceStatus ?? 'not listed';
            if (now && status === 'available' && !now.PendingModifiedValues?.MasterUserPassword)
                return { done: true, value: now };
            if (rds/* BROKEN_INSTANCE_STATES */.nv.has(status))
                throw new DrillFailed(`drill instance ${id} ended in state "${status}"`);
            return { done: false, status };
        });
    }
    /** Waits for `available`; a state it cannot leave is a failure at once. */
    async waitAvailable(id, timing) {
        return this.wait(`drill instance ${id} to be available`, timing.restoreTimeoutMs, timing, this.signal, async () => {
            const instance = await this.describe(id);
            const status = instance?.DBInstanceStatus ?? 'not listed yet';
            if (instance && status === 'available')
                return { done: true, value: instance };
            if (rds/* BROKEN_INSTANCE_STATES */.nv.has(status))
                throw new DrillFailed(`drill instance ${id} ended in state "${status}"; the restore failed`);
            return { done: false, status };
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
        await this.wait(`drill instance ${id} to accept DeleteDBInstance`, timing.deleteTimeoutMs, timing, signal, async () => {
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
        });
        const left = Math.max(1, timing.deleteTimeoutMs - (this.deps.clock.now() - started));
        await this.wait(`drill instance ${id} to be deleted`, left, timing, signal, async () => {
            const now = await this.describe(id);
            return now
                ? { done: false, status: now.DBInstanceStatus ?? 'unknown' }
                : { done: true, value: undefined };
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
/**
 * A client of the database at `host`:`port` with `c`, every wait (connecting, a statement, a
 * query) bounded by `timeoutMs`.
 */
function clientAt(host, port, c, timeoutMs) {
    return (0,pg_client/* pgClient */.Te)({
        host,
        port,
        user: c.user,
        password: c.password,
        database: c.database,
        ssl: c.ssl,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        query_timeout: timeoutMs,
    });
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
        const limit = (0,duration/* parseDuration */.E9)(e['not-older-than-snapshot-by']) ?? 0;
        const lag = snapshotTime.getTime() - at.getTime();
        return {
            value: at.toISOString(),
            ok: lag <= limit,
            ...(lag > limit ? { problem: `${(0,duration/* formatDuration */.a3)(lag)} older than the snapshot` } : {}),
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
    const client = await clientAt(input.host, input.port, c, input.timeoutMs);
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
 * The monthly restore drill (runbooks \u00a74): delete leftovers of earlier drills, restore the
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
        let from;
        if (typeof plan.snapshot === 'object' && 'pitrAgeMs' in plan.snapshot) {
            const time = new Date(clock.now() - plan.snapshot.pitrAgeMs);
            const latest = like.LatestRestorableTime;
            const retentionDays = like.BackupRetentionPeriod ?? 0;
            const earliest = Math.max(like.InstanceCreateTime?.getTime() ?? 0, clock.now() - retentionDays * 86_400_000);
            if (retentionDays === 0 || !latest)
                throw new DrillFailed(`${plan.source} keeps no automated backups (BackupRetentionPeriod 0): it has no point in time to restore`);
            if (time.getTime() > latest.getTime() || time.getTime() < earliest)
                throw new DrillFailed(`${time.toISOString()} (pitr-age ago) is outside the restore window of ${plan.source}, ${new Date(earliest).toISOString()} to ${latest.toISOString()}; choose another pitr-age`);
            from = { time };
            report.snapshot = { id: `pitr:${time.toISOString()}`, time };
        }
        else {
            const snapshot = await drill.newestSnapshot(plan.snapshot);
            from = { snapshotId: snapshot.DBSnapshotIdentifier };
            report.snapshot = { id: snapshot.DBSnapshotIdentifier, time: snapshot.SnapshotCreateTime };
        }
        const id = drillInstanceId(plan.source, new Date(clock.now()));
        report.drillInstance = id;
        logger.info(`Restoring ${report.snapshot.id} (${report.snapshot.time.toISOString()}) into ${id} (${plan.instanceClass})`);
        // Today's name may be held by an instance the drill did not make: it is never touched.
        const taken = await drill.describe(id);
        if (taken && !isDrillOf(plan.source, taken))
            throw new DrillFailed(`the drill instance name ${id} is taken by an instance that is not a drill (no ${DRILL_TAG.Key}=true tag); nothing was restored and ${id} was left alone: rename that instance if it is in the way, or run the drill again tomorrow`);
        const started = clock.now();
        restoreCalled = true;
        await drill.restore({ id, from, instanceClass: plan.instanceClass, like });
        await drill.waitAvailable(id, plan.timing);
        report.restoreMs = clock.now() - started;
        // The restore has the snapshot's passwords (stale after a rotation): a fresh one of its own,
        // kept in memory only, for the verification.
        const password = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
        const instance = await drill.setMasterPassword(id, password, plan.timing);
        const address = instance.Endpoint?.Address;
        const port = instance.Endpoint?.Port;
        if (!address || !port)
            throw new DrillFailed(`${id} is available but reports no endpoint`);
        const verified = await verifyRestore({
            host: address,
            port,
            credentials: {
                ...plan.credentials,
                user: instance.MasterUsername ?? plan.credentials.user,
                password,
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
                // Only an instance the drill made (tagged as a drill) is ever suggested for deletion.
                const there = await drill.describe(report.drillInstance).catch(() => undefined);
                report.leftBehind =
                    there && !isDrillOf(plan.source, there)
                        ? `${report.drillInstance} is not a drill instance (no ${DRILL_TAG.Key}=true tag) and was left alone`
                        : `${report.drillInstance} could not be deleted (${(0,errors/* errorMessage */.gJ)(error)}); it is a drill instance (tag ${DRILL_TAG.Key}=true), so the next drill deletes it, or delete it by hand: aws rds delete-db-instance --db-instance-identifier ${report.drillInstance} --skip-final-snapshot`;
            }
        }
    }
    return report;
}

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
        report.restoreMs !== undefined && `in ${(0,duration/* formatDuration */.a3)(report.restoreMs)} (measured RTO)`,
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
const snapshotRestore = defineCheck({
    ...snapshotRestoreSchema,
    // Restore (deadline 60m) plus delete (30m) plus the rest; the job's timeout is derived from it.
    defaultTimeoutMs: DRILL_DEFAULTS.checkTimeoutMinutes * 60_000,
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
                    line: 'snapshot-restore needs credentials to verify the restore: set master-secret on the check, or give the job a database-url (its host is replaced by the drill instance\u2019s)',
                };
        }
        catch (error) {
            return { status: 'error', line: `snapshot-restore: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        const ms = (text, fallback) => (0,duration/* parseDuration */.E9)(text) ?? fallback;
        const report = await runRestoreDrill(ctx.aws.rds, {
            source,
            snapshot: check.from === 'pitr'
                ? { pitrAgeMs: ms(check['pitr-age'], 3_600_000) }
                : check.snapshot === 'newest-automated'
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
                const earlier = previous.flatMap((p) => p.restoreMs !== undefined ? [(0,duration/* formatDuration */.a3)(p.restoreMs)] : []);
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
            ? `; drill instance deleted in ${(0,duration/* formatDuration */.a3)(report.deleteMs)}`
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

;// CONCATENATED MODULE: ./core/checks/sql.ts





const sql_LISTED = 20;
/**
 * Cancels what a backend runs (pg_cancel_backend over a second connection, allowed for one's
 * own role): closing the first connection's socket leaves its query running on the server.
 * Bounded by its own connect and query timeouts; a failure is logged, not thrown.
 */
async function cancelBackend(config, pid, logger) {
    const canceller = await (0,pg_client/* pgClient */.Te)({
        ...config,
        connectionTimeoutMillis: 5_000,
        query_timeout: 5_000,
    });
    try {
        await canceller.connect();
        await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
    }
    catch (error) {
        logger.warning(`sql check: cancelling backend ${pid} failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    finally {
        await canceller.end().catch(() => { });
    }
}
/** The connection's own settings, which a single statement cannot undo for itself. */
function sessionOptions(timeoutMs) {
    const ms = Math.floor(timeoutMs);
    return `-c default_transaction_read_only=on -c statement_timeout=${ms} -c idle_in_transaction_session_timeout=${ms}`;
}
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
 * more rows than max-rows is a fail, and the report lists the first rows' ids. The session is
 * read only with a statement timeout from its start (connection options), the query goes by
 * the extended protocol (one statement, so it cannot end its transaction and write after), and
 * at the deadline its backend is cancelled: it can change nothing and outlive nothing.
 */
const sql = defineCheck({
    ...sqlSchema,
    defaultTimeoutMs: 30_000,
    group: 'Application',
    async run(check, { secrets, clock, deadline, signal, logger }) {
        if (!secrets.databaseUrl)
            return {
                status: 'error',
                line: 'database-url is empty: sql checks need a read-only database URL (set the database-url input from a secret)',
            };
        const timeoutMs = Math.max(1_000, remainingMs(deadline, clock.now(), 1_000));
        const config = {
            connectionString: secrets.databaseUrl,
            connectionTimeoutMillis: timeoutMs,
            application_name: 'apprunner-ops sql check',
            // Read only and the timeout are the session's, set before the query: a statement can
            // end a transaction it is in, but not change what the next one starts with for itself.
            options: sessionOptions(timeoutMs),
        };
        const client = await (0,pg_client/* pgClient */.Te)(config);
        let pid;
        let cancelled;
        // At the deadline the backend itself is cancelled (a closed socket leaves it running).
        const onAbort = () => {
            cancelled ??= (pid === undefined ? Promise.resolve() : cancelBackend(config, pid, logger)).finally(() => client.end().catch(() => { }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const evidence = { query: check.query };
        try {
            await client.connect();
            const mode = await client.query("SELECT current_setting('default_transaction_read_only') AS on, pg_backend_pid() AS pid");
            pid = mode.rows[0]?.pid;
            if (mode.rows[0]?.on !== 'on')
                return {
                    status: 'error',
                    line: `${check.name}: the session is not read only (default_transaction_read_only is ${mode.rows[0]?.on ?? 'unknown'}); remove "options" from the database-url`,
                    evidence,
                };
            // The extended protocol: PostgreSQL refuses more than one statement in it.
            // (`queryMode` is pg's since 8.12; its type declarations do not list it yet.)
            const extended = { text: check.query, queryMode: 'extended' };
            const result = await client.query(extended);
            const rows = result.rows;
            const ids = rows.slice(0, sql_LISTED).map((r) => String(r[check['id-column']] ?? '?'));
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
                line: `${check.name}: ${rows.length} rows, more than ${check['max-rows']}; ${check['id-column']}s ${ids.join(', ')}${rows.length > sql_LISTED ? ', \u2026' : ''}`,
                observed,
                evidence,
            };
        }
        catch (error) {
            return { status: 'error', line: `${check.name}: ${explain(error)}`, evidence };
        }
        finally {
            signal.removeEventListener('abort', onAbort);
            await cancelled;
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
const tlsCheck = defineCheck({
    ...tlsCheckSchema,
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

// EXTERNAL MODULE: ./core/github/octokit.ts
var github_octokit = __webpack_require__(5279);
;// CONCATENATED MODULE: ./core/notify/betterstack-incidents.ts

/** More pages of incidents than this for one range is not a month: stop, loudly. */
const MAX_INCIDENT_PAGES = 100;
const PER_PAGE = 50;
const str = (v) => (typeof v === 'string' ? v : null);
function incidentOf(item, label) {
    const a = item.attributes;
    if (!a || item.id === undefined)
        throw new Error(`${label}: an incident without id or attributes`);
    const started = str(a['started_at']);
    if (!started)
        throw new Error(`${label}: incident ${String(item.id)} has no started_at`);
    const monitor = item.relationships?.monitor?.data?.id;
    return {
        id: String(item.id),
        name: str(a['name']) ?? '',
        cause: str(a['cause']) ?? '',
        monitorId: monitor === undefined || monitor === null ? undefined : String(monitor),
        startedAt: started,
        acknowledgedAt: str(a['acknowledged_at']),
        resolvedAt: str(a['resolved_at']),
        status: str(a['status']) ?? 'unknown',
    };
}
/**
 * BetterStack Uptime's SLA figures and incidents. Reads are idempotent and retried by the
 * shared HTTP retry (429 waits for Retry-After); creating an incident is not, so it is sent
 * again only when BetterStack cannot have acted on it (a 429 or a connection never made).
 * A paginated read follows `pagination.next` to the end or fails: a partial list is never
 * returned as if whole.
 */
class betterstack_incidents_BetterStackIncidents {
    apiUrl;
    token;
    deps;
    constructor(apiUrl, token, deps) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.deps = deps;
    }
    request(label, url, method, body, idempotent = true) {
        return (0,http_json/* requestJson */.SS)(label, url, {
            method,
            headers: { authorization: `Bearer ${this.token}` },
            idempotent,
            ...(body !== undefined ? { body } : {}),
        }, this.deps);
    }
    /** SLA of a monitor from the first to the last day given (both inclusive, UTC). */
    async sla(monitorId, from, to) {
        const label = `BetterStack SLA of monitor ${monitorId}`;
        const url = `${this.apiUrl}/api/v2/monitors/${encodeURIComponent(monitorId)}/sla?from=${from}&to=${to}`;
        const response = await this.request(label, url, 'GET');
        const a = response?.data?.attributes;
        const num = (key) => {
            const v = a?.[key];
            if (typeof v !== 'number' || !Number.isFinite(v))
                throw new Error(`${label}: the answer has no number ${key}`);
            return v;
        };
        return {
            monitorId,
            availability: num('availability'),
            downtimeSeconds: num('total_downtime'),
            incidents: num('number_of_incidents'),
            longestIncidentSeconds: num('longest_incident'),
        };
    }
    /** Every incident matching the filter, all pages. */
    async list(filter) {
        const label = 'BetterStack incidents';
        const origin = new URL(this.apiUrl).origin;
        const q = new URLSearchParams({ per_page: String(PER_PAGE) });
        if (filter.from)
            q.set('from', filter.from);
        if (filter.to)
            q.set('to', filter.to);
        if (filter.monitorId)
            q.set('monitor_id', filter.monitorId);
        if (filter.resolved !== undefined)
            q.set('resolved', String(filter.resolved));
        let url = `${this.apiUrl}/api/v3/incidents?${q.toString()}`;
        const out = [];
        for (let page = 1; url; page++) {
            if (page > MAX_INCIDENT_PAGES)
                throw new Error(`${label}: more than ${MAX_INCIDENT_PAGES} pages of ${PER_PAGE}; stopped reading, so the list is incomplete`);
            const response = await this.request(label, url, 'GET');
            if (!Array.isArray(response?.data))
                throw new Error(`${label}: the answer has no data list`);
            for (const item of response.data)
                out.push(incidentOf(item, label));
            const next = response.pagination?.next;
            if (next === null || next === undefined)
                url = undefined;
            else if (typeof next === 'string' && new URL(next).origin === origin)
                url = next;
            else
                // The token goes only to the API it was given for; an unreadable next page is an error.
                throw new Error(`${label}: pagination.next points elsewhere (${String(next)}); stopped`);
        }
        return out;
    }
    async get(id) {
        const label = `BetterStack incident ${id}`;
        const response = await this.request(label, `${this.apiUrl}/api/v3/incidents/${encodeURIComponent(id)}`, 'GET');
        return incidentOf(response?.data ?? {}, label);
    }
    /** Creates an incident that escalates by `policyId`. Not retried after a possible success. */
    async create(request) {
        const label = 'BetterStack create incident';
        const response = await this.request(label, `${this.apiUrl}/api/v3/incidents`, 'POST', {
            summary: request.summary,
            name: request.name,
            description: request.description,
            requester_email: request.requesterEmail,
            policy_id: request.policyId,
        }, false);
        return incidentOf(response?.data ?? {}, label);
    }
    async timeline(id) {
        const label = `BetterStack timeline of incident ${id}`;
        const response = await this.request(label, `${this.apiUrl}/api/v3/incidents/${encodeURIComponent(id)}/timeline`, 'GET');
        if (!Array.isArray(response?.data))
            throw new Error(`${label}: the answer has no data list`);
        return response.data.map((item) => {
            const a = item.attributes ?? {};
            const data = (a['data'] ?? {});
            return {
                at: str(a['at']) ?? '',
                itemType: str(a['item_type']) ?? '',
                title: str(data['title']) ?? '',
            };
        });
    }
    /**
     * Resolves an incident; one already resolved (409) counts as resolved, so the post step may
     * call this after the main step did.
     */
    async resolve(id, by) {
        try {
            await this.request(`BetterStack resolve incident ${id}`, `${this.apiUrl}/api/v3/incidents/${encodeURIComponent(id)}/resolve`, 'POST', { resolved_by: by });
            return 'resolved';
        }
        catch (error) {
            if (error instanceof http_json/* HttpError */.j$ && error.status === 409) {
                const incident = await this.get(id);
                if (incident.resolvedAt)
                    return 'already resolved';
            }
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./core/report/delivery.ts
const DEPLOY_ACTIONS = ['deploy_succeeded', 'deploy_rolled_back', 'deploy_failed'];
const ROLLBACK_ACTIONS = ['rollback_succeeded', 'rollback_failed'];
const WEEK = 7 * 86_400_000;
const isDeploy = (r) => DEPLOY_ACTIONS.includes(r.action);
const isRollback = (r) => ROLLBACK_ACTIONS.includes(r.action);
/** Monday 00:00 UTC of the week holding `t`. */
function weekStart(t) {
    const d = new Date(t);
    const day = (d.getUTCDay() + 6) % 7;
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}
function median(values) {
    if (values.length === 0)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const round1 = (n) => Math.round(n * 10) / 10;
/**
 * The figures of one period from an environment's deploy and rollback rows (any order; rows
 * after the period are read to see whether its last deploy was rolled back). A change failed
 * when its deploy did not succeed (its own verification rolled it back, or it failed) or when a
 * rollback came before the next deploy; it was restored when a rollback succeeded.
 */
function deliveryFigures(rows, period) {
    const events = rows
        .filter((r) => isDeploy(r) || isRollback(r))
        .sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
    const inPeriod = (r) => r.created_at.getTime() >= period.start && r.created_at.getTime() < period.end;
    const deploys = events.filter((r) => isDeploy(r) && inPeriod(r));
    const failures = [];
    for (const deploy of deploys) {
        const at = events.indexOf(deploy);
        const after = events.slice(at + 1);
        const nextDeploy = after.findIndex(isDeploy);
        const rollbacks = (nextDeploy < 0 ? after : after.slice(0, nextDeploy)).filter(isRollback);
        const tag = String(deploy.details['tag'] ?? deploy.details['image'] ?? '?');
        const restored = rollbacks.find((r) => r.action === 'rollback_succeeded');
        const failedItself = deploy.action !== 'deploy_succeeded';
        if (!failedItself && rollbacks.length === 0)
            continue;
        const restoredAt = failedItself && deploy.action === 'deploy_rolled_back' ? deploy : restored;
        failures.push({
            at: deploy.created_at.toISOString(),
            tag,
            how: failedItself
                ? deploy.action === 'deploy_rolled_back'
                    ? 'rolled back by the deploy'
                    : 'deploy failed'
                : 'followed by a rollback',
            restoredAt: restoredAt?.created_at.toISOString(),
            restoreMinutes: restoredAt
                ? round1((restoredAt.created_at.getTime() - deploy.created_at.getTime()) / 60_000)
                : undefined,
        });
    }
    const weeks = new Map();
    for (let w = weekStart(period.start); w < period.end; w += WEEK)
        weeks.set(w, 0);
    for (const d of deploys) {
        const w = weekStart(d.created_at.getTime());
        weeks.set(w, (weeks.get(w) ?? 0) + 1);
    }
    const measured = failures.flatMap((f) => f.restoreMinutes !== undefined && f.how !== 'rolled back by the deploy'
        ? [f.restoreMinutes]
        : []);
    return {
        period: { from: period.from, to: period.to },
        deploys: deploys.length,
        deploysPerWeek: round1((deploys.length * WEEK) / (period.end - period.start)),
        perWeek: [...weeks].map(([w, n]) => ({
            week: new Date(w).toISOString().slice(0, 10),
            deploys: n,
        })),
        failures,
        changeFailurePercent: deploys.length === 0 ? undefined : round1((100 * failures.length) / deploys.length),
        medianRestoreMinutes: median(measured),
        rollbacks: events.filter((r) => isRollback(r) && inPeriod(r)).length,
        leadTime: undefined,
    };
}

;// CONCATENATED MODULE: ./core/report/github-records.ts





class ChecksRefused extends Error {
    name = 'ChecksRefused';
}
/** The gate's check run name (core/gate/gate.ts GATE_CHECK_RUN_NAME) read back. */
const GATE_RUN = /^apprunner-ops: (.+) gate \((.+)\)$/;
/** Pages of 100 check runs read per commit before the read counts as unbounded. */
const MAX_CHECK_RUN_PAGES = 10;
/** Commits read side by side. */
const CONCURRENT_COMMITS = 8;
const github_records_round1 = (n) => Math.round(n * 10) / 10;
/**
 * Every deployment of `environment` made since `since`, the committer date of each deployed
 * commit, and the gate runs on those commits.
 */
async function readGithubRecords(request, deps) {
    const { run, token } = deps;
    const github = new deployments_GitHubDeployments({ ...run, token }, deps);
    const deployments = await github.history(request.environment, 0, { since: request.since });
    const octokit = (0,github_octokit.createOctokit)(token, { apiUrl: run.apiUrl, logger: deps.logger });
    const [owner = '', repo = ''] = run.repository.split('/');
    const shas = [
        ...new Set(deployments.filter((d) => d.payload.kind === 'deploy').map((d) => d.sha)),
    ].filter((sha) => /^[0-9a-f]{40}$/.test(sha));
    const committedAt = new Map();
    const runsOf = new Map();
    let gateRunsUnread;
    const readOne = async (sha) => {
        try {
            const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: 1 });
            const date = data.commit.committer?.date ?? data.commit.author?.date;
            if (date)
                committedAt.set(sha, Date.parse(date));
        }
        catch (error) {
            // GitHub answers 422 (or 404) for a commit it does not hold: counted as unknown.
            if (statusOf(error) !== 422 && statusOf(error) !== 404)
                throw new Error(`GitHub could not read commit ${sha.slice(0, 7)} of ${run.repository}: ${(0,errors/* errorMessage */.gJ)(error)}${statusOf(error) === 403 ? ' (give the job contents: read)' : ''}`, { cause: error });
        }
        if (gateRunsUnread)
            return;
        try {
            runsOf.set(sha, await gateRunsOf(octokit, { owner, repo, sha }, request.environment));
        }
        catch (error) {
            if (!(error instanceof ChecksRefused))
                throw error;
            gateRunsUnread = error.message;
        }
    };
    // A few commits at a time: a month of deploys reads in seconds, within GitHub's limits.
    const queue = [...shas];
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_COMMITS, queue.length) }, async () => {
        try {
            for (let sha = queue.shift(); sha !== undefined; sha = queue.shift())
                await readOne(sha);
        }
        catch (error) {
            // The report is not made: the other readers stop after their current commit.
            queue.length = 0;
            throw error;
        }
    }));
    const gateRuns = gateRunsUnread ? [] : shas.flatMap((sha) => runsOf.get(sha) ?? []);
    return { repository: run.repository, deployments, committedAt, gateRuns, gateRunsUnread };
}
async function gateRunsOf(octokit, where, environment) {
    const runs = [];
    let read = 0;
    for (let page = 1;; page++) {
        let data;
        try {
            // filter: all \u2014 GitHub's default (latest) keeps only the newest run of each name.
            ({ data } = await octokit.rest.checks.listForRef({
                ...where,
                ref: where.sha,
                filter: 'all',
                per_page: 100,
                page,
            }));
        }
        catch (error) {
            if (statusOf(error) === 403)
                throw new ChecksRefused(`the token may not read check runs (GitHub answered 403 for ${where.sha.slice(0, 7)}); give the job checks: read`);
            throw new Error(`GitHub could not list the check runs of ${where.sha.slice(0, 7)}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
        }
        read += data.check_runs.length;
        for (const c of data.check_runs) {
            const m = GATE_RUN.exec(c.name);
            if (!m || m[2] !== environment || !c.completed_at)
                continue;
            runs.push({
                gate: m[1],
                sha: where.sha,
                conclusion: c.conclusion ?? 'none',
                at: c.completed_at,
                url: c.html_url ?? undefined,
            });
        }
        if (read >= data.total_count || data.check_runs.length === 0) {
            if (read < data.total_count)
                throw new Error(`GitHub listed ${read} of the ${data.total_count} check runs of ${where.sha.slice(0, 7)}`);
            return runs;
        }
        if (page >= MAX_CHECK_RUN_PAGES)
            throw new Error(`${where.sha.slice(0, 7)} has ${data.total_count} check runs; read ${read} in ${MAX_CHECK_RUN_PAGES} pages and stopped`);
    }
}
/** When a deployment went live: its first `success` status. */
function wentLive(d) {
    const times = d.statuses.filter((s) => s.state === 'success').map((s) => Date.parse(s.createdAt));
    return times.length ? Math.min(...times) : undefined;
}
/**
 * Lead time for changes: for each deploy that went live in the period, from its commit's
 * committer date to the deployment's first success, in minutes; the median of them.
 */
function leadTimes(records, period) {
    const items = [];
    const unknownCommits = [];
    let deployments = 0;
    for (const d of records.deployments) {
        if (d.payload.kind !== 'deploy')
            continue;
        const live = wentLive(d);
        if (live === undefined || live < period.start || live >= period.end)
            continue;
        deployments++;
        const committed = records.committedAt.get(d.sha);
        if (committed === undefined) {
            unknownCommits.push(d.sha);
            continue;
        }
        items.push({
            sha: d.sha,
            tag: d.payload.tag,
            committedAt: new Date(committed).toISOString(),
            deployedAt: new Date(live).toISOString(),
            minutes: github_records_round1((live - committed) / 60_000),
        });
    }
    items.sort((a, b) => a.deployedAt.localeCompare(b.deployedAt));
    return {
        deployments,
        items,
        unknownCommits,
        medianMinutes: median(items.map((i) => i.minutes)),
    };
}
/** The gate runs that ended in the period, and per gate how many passed. */
function gateRunFigures(records, period) {
    if (records.gateRunsUnread)
        return undefined;
    const runs = records.gateRuns
        .filter((r) => Date.parse(r.at) >= period.start && Date.parse(r.at) < period.end)
        .sort((a, b) => a.at.localeCompare(b.at));
    const gates = [...new Set(runs.map((r) => r.gate))].sort();
    return {
        runs,
        byGate: gates.map((gate) => {
            const mine = runs.filter((r) => r.gate === gate);
            return {
                gate,
                runs: mine.length,
                passed: mine.filter((r) => r.conclusion === 'success').length,
                failed: mine.filter((r) => r.conclusion !== 'success').length,
            };
        }),
    };
}

;// CONCATENATED MODULE: ./core/report/period.ts
const period_DAY = 86_400_000;
const MAX_DAYS = 366;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (t) => new Date(t).toISOString().slice(0, 10);
/** The period's days, YYYY-MM-DD each. */
function daysOf(period) {
    const out = [];
    for (let t = period.start; t < period.end; t += period_DAY)
        out.push(dayOf(t));
    return out;
}
function monthOf(year, monthIndex) {
    const start = Date.UTC(year, monthIndex, 1);
    const end = Date.UTC(year, monthIndex + 1, 1);
    const month = new Date(start).toISOString().slice(0, 7);
    return {
        from: dayOf(start),
        to: dayOf(end - period_DAY),
        start,
        end,
        month,
        label: new Date(start).toLocaleString('en-GB', {
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
        }),
    };
}
/**
 * A calendar month (`YYYY-MM`), by default the one before `now`'s. `what` names the input in
 * errors (`--month`, `month`). A month not over yet has no whole figures: refused.
 */
function monthPeriod(month, now, what = 'month') {
    if (month === undefined) {
        const d = new Date(now);
        return monthOf(d.getUTCFullYear(), d.getUTCMonth() - 1);
    }
    const m = MONTH.exec(month);
    if (!m)
        throw new Error(`${what}: "${month}" is not a month; give it as YYYY-MM, e.g. 2026-11`);
    const period = monthOf(Number(m[1]), Number(m[2]) - 1);
    if (period.start > now)
        throw new Error(`${what}: ${month} is in the future; give a month that is over, e.g. ${monthPeriod(undefined, now).month}`);
    if (period.end > now)
        throw new Error(`${what}: ${month} is not over yet (its report needs every day); give ${monthPeriod(undefined, now).month} or a range of days that are over`);
    return period;
}
/** A range of whole days, both included: over, in order, at most a year. */
function rangePeriod(from, to, now, what = 'range') {
    for (const [name, value] of [
        ['from', from],
        ['to', to],
    ])
        // The round trip refuses days a calendar does not have (2026-11-31), which Date.parse rolls on.
        if (!DATE.test(value) || dayOf(Date.parse(`${value}T00:00:00Z`) || 0) !== value)
            throw new Error(`${what}: ${name} "${value}" is not a day; give it as YYYY-MM-DD`);
    const start = Date.parse(`${from}T00:00:00Z`);
    const end = Date.parse(`${to}T00:00:00Z`) + period_DAY;
    if (end <= start)
        throw new Error(`${what}: ${to} is before ${from}; give the earlier day first`);
    if (start > now)
        throw new Error(`${what}: ${from} is in the future`);
    if (end > now)
        throw new Error(`${what}: ${to} is not over yet (the report needs whole days); end it at ${dayOf(now - period_DAY)} at the latest`);
    const days = (end - start) / period_DAY;
    if (days > MAX_DAYS)
        throw new Error(`${what}: ${from} to ${to} is ${days} days, longer than a year (${MAX_DAYS} days); report a shorter range`);
    return { from, to, start, end, label: `${from} \u2013 ${to}` };
}
/** The period just before, to compare with: the month before a month, else as many days. */
function previousPeriod(period) {
    if (period.month) {
        const d = new Date(period.start);
        return monthOf(d.getUTCFullYear(), d.getUTCMonth() - 1);
    }
    const length = period.end - period.start;
    const start = period.start - length;
    return {
        from: dayOf(start),
        to: dayOf(period.start - period_DAY),
        start,
        end: period.start,
        label: `${dayOf(start)} \u2013 ${dayOf(period.start - period_DAY)}`,
    };
}

;// CONCATENATED MODULE: ./core/report/ops-report.ts
/**
 * The runbooks' monthly SLA report, made from what the suite can read: BetterStack's SLA
 * figures and incidents per monitor, the service's requests, 5xx and p99 per day (CloudWatch,
 * through the deploy target), the deploy and rollback rows of the audit log (delivery
 * figures, with the period before), GitHub's deployments, commits and check runs (lead time
 * from commit to production, the compliance gate's runs), rotations against the rotation
 * schedule, restore drills.
 *
 * Every source is read to the end or the report is not made: a report with holes would look
 * greener than production was. Missing secrets or settings are errors that say what to pass.
 */











const ops_report_DAY = 86_400_000;
const DUE_SOON_DAYS = 14;
/** Why GitHub is not read, or undefined when it is. */
function githubUnread(ctx) {
    if (!ctx.secrets.githubToken)
        return 'no github-token given (pass one with deployments: read, contents: read, checks: read)';
    if (!ctx.run || ctx.run.repository === 'local/unknown')
        return 'no repository known (set GITHUB_REPOSITORY)';
    return undefined;
}
async function githubRecords(ctx, period) {
    if (githubUnread(ctx))
        return undefined;
    // A day more: a deployment made just before the period may go live in it.
    const since = previousPeriod(period).start - ops_report_DAY;
    return readGithubRecords({ environment: ctx.environment, since }, { run: ctx.run, token: ctx.secrets.githubToken, clock: ctx.clock, logger: ctx.logger });
}
/** Refuses thresholds that cannot be met or mean nothing, naming the setting. */
function validateThresholds(t, where = 'report') {
    if (!(t.slaTarget > 0 && t.slaTarget < 100))
        throw new Error(`${where}: sla-target ${t.slaTarget} is outside (0, 100); give a percent such as 99.9`);
    if (!(t.maxErrorPercent >= 0 && t.maxErrorPercent <= 100))
        throw new Error(`${where}: max-error-percent ${t.maxErrorPercent} is outside [0, 100]`);
    if (!(t.maxP99Ms > 0))
        throw new Error(`${where}: max-p99-ms must be above 0`);
}
const round = (n, digits) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Minutes of each day of the period an incident list covers (open ones up to `until`). */
function dailyDowntime(incidents, period, until) {
    const days = daysOf(period);
    const ms = days.map(() => 0);
    for (const i of incidents) {
        const from = Math.max(Date.parse(i.startedAt), period.start);
        const to = Math.min(i.resolvedAt ? Date.parse(i.resolvedAt) : until, period.end);
        for (let t = from; t < to;) {
            const index = Math.floor((t - period.start) / ops_report_DAY);
            const dayEnd = period.start + (index + 1) * ops_report_DAY;
            const piece = Math.min(to, dayEnd) - t;
            ms[index] = (ms[index] ?? 0) + piece;
            t += piece;
        }
    }
    return ms;
}
async function availability(ctx, request) {
    const ids = request.monitorIds ?? ctx.env.maintenance?.['monitor-ids'];
    if (!ids || ids.length === 0)
        throw new Error(`no BetterStack monitors: set environments.${ctx.environment}.maintenance.monitor-ids or monitor-ids on the report`);
    const token = ctx.secrets.betterstackToken;
    if (!token)
        throw new Error('no betterstack-token given: availability cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)');
    const deps = { clock: ctx.clock, logger: ctx.logger };
    const api = new betterstack_incidents_BetterStackIncidents(betterstack_betterStackApiUrl(), token, deps);
    const monitors = new betterstack_BetterStackMonitors(betterstack_betterStackApiUrl(), token, deps);
    const { period } = request;
    // An incident that began before the period may still run into it.
    const listFrom = dayOf(period.start - 7 * ops_report_DAY);
    const out = [];
    const incidents = [];
    for (const id of ids) {
        const [sla, monitor, list] = await Promise.all([
            api.sla(id, period.from, period.to),
            monitors.get(id),
            api.list({ from: listFrom, to: period.to, monitorId: id }),
        ]);
        const touching = list.filter((i) => Date.parse(i.startedAt) < period.end &&
            (i.resolvedAt === null || Date.parse(i.resolvedAt) > period.start));
        const perDay = dailyDowntime(touching, period, ctx.clock.now());
        out.push({
            id,
            name: monitor.name,
            availability: sla.availability,
            downtimeMinutes: round(sla.downtimeSeconds / 60, 1),
            incidents: sla.incidents,
            longestIncidentMinutes: round(sla.longestIncidentSeconds / 60, 1),
            met: sla.availability >= request.thresholds.slaTarget,
            daily: perDay.map((ms) => round(100 * (1 - ms / ops_report_DAY), 3)),
        });
        for (const i of touching) {
            const from = Math.max(Date.parse(i.startedAt), period.start);
            const to = Math.min(i.resolvedAt ? Date.parse(i.resolvedAt) : period.end, period.end);
            incidents.push({
                id: i.id,
                monitorId: i.monitorId,
                name: i.name,
                cause: i.cause,
                startedAt: i.startedAt,
                resolvedAt: i.resolvedAt,
                minutes: round((to - from) / 60_000, 1),
            });
        }
    }
    incidents.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
    return { monitors: out, incidents };
}
async function traffic(ctx, request) {
    const { period, thresholds } = request;
    const { periods, source } = await serviceTraffic(ctx, {
        start: period.start,
        end: period.end,
        periodSeconds: 86_400,
    });
    const byDay = new Map(periods.map((p) => [dayOf(p.at), p]));
    const days = daysOf(period).map((day) => {
        const p = byDay.get(day);
        if (!p || p.requests === 0)
            return { day, requests: 0, errors: 0, errorPercent: undefined, p99Ms: undefined };
        return {
            day,
            requests: p.requests,
            errors: p.errors,
            errorPercent: round((100 * p.errors) / p.requests, 3),
            p99Ms: p.p99 === undefined ? undefined : Math.round(p.p99),
        };
    });
    return {
        metrics: source,
        days,
        errorBreaches: days
            .filter((d) => d.errorPercent !== undefined && d.errorPercent > thresholds.maxErrorPercent)
            .map((d) => d.day),
        p99Breaches: days
            .filter((d) => d.p99Ms !== undefined && d.p99Ms > thresholds.maxP99Ms)
            .map((d) => d.day),
        daysWithoutData: days.filter((d) => d.errorPercent === undefined).map((d) => d.day),
    };
}
function auditUrl(ctx) {
    const url = ctx.secrets.auditDatabaseUrl;
    if (!url)
        throw new Error('no audit-database-url given: deploys, rotations and drills cannot be read (pass the AUDIT_DATABASE_URL secret as audit-database-url)');
    return url;
}
async function auditRows(ctx) {
    return (0,audit_log.readAuditEntries)(auditUrl(ctx), { limit: Number.MAX_SAFE_INTEGER });
}
async function rotations(ctx, rows, period) {
    const mine = rows.filter((r) => r.action === 'secret_rotated' &&
        (r.details['environment'] === undefined || r.details['environment'] === ctx.environment));
    const done = mine
        .filter((r) => r.created_at.getTime() >= period.start && r.created_at.getTime() < period.end)
        .map((r) => ({ name: r.resource_id, at: r.created_at.toISOString() }))
        .sort((a, b) => a.at.localeCompare(b.at));
    const now = ctx.clock.now();
    const store = new SecretsStore(ctx.aws.secretsManager, { clock: ctx.clock, logger: ctx.logger });
    const schedule = [];
    for (const secret of ctx.env.secrets ?? []) {
        const secretId = rotatedSecretId(secret);
        const every = secret['rotate-every-days'];
        const logged = mine
            .filter((r) => r.resource_id === secret.name)
            .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
        let last = logged?.created_at.getTime();
        let source = logged ? 'audit log' : 'never';
        if (last === undefined) {
            const current = await store.currentVersion(secretId);
            if (current) {
                last = current.createdAt.getTime();
                source = 'Secrets Manager';
            }
        }
        const due = every !== undefined && last !== undefined ? last + every * ops_report_DAY : undefined;
        schedule.push({
            name: secret.name,
            kind: secret.kind,
            secretId,
            everyDays: every,
            lastRotated: last === undefined ? undefined : new Date(last).toISOString(),
            source,
            nextDue: due === undefined ? undefined : new Date(due).toISOString(),
            status: every === undefined
                ? 'no schedule'
                : due === undefined || due <= now
                    ? 'overdue'
                    : due - now <= DUE_SOON_DAYS * ops_report_DAY
                        ? 'due soon'
                        : 'ok',
        });
    }
    return { done, schedule };
}
function drills(ctx, rows, period) {
    const instance = ctx.env.database?.instance;
    return rows
        .filter((r) => r.action === RESTORE_DRILL_ACTION &&
        r.resource_type === RESTORE_DRILL_RESOURCE &&
        (instance === undefined || r.resource_id === instance) &&
        r.created_at.getTime() >= period.start &&
        r.created_at.getTime() < period.end)
        .map((r) => {
        const ms = r.details['restore_ms'];
        return {
            at: r.created_at.toISOString(),
            result: String(r.details['result'] ?? 'unknown'),
            restoreMinutes: typeof ms === 'number' ? round(ms / 60_000, 1) : undefined,
        };
    })
        .sort((a, b) => a.at.localeCompare(b.at));
}
function findings(report) {
    const out = [];
    const t = report.thresholds;
    for (const m of report.availability.monitors)
        if (!m.met)
            out.push({
                level: 'fail',
                text: `${m.name} (${m.id}) was available ${m.availability} %, below the ${t.slaTarget} % target (${m.downtimeMinutes} min down)`,
            });
    if (report.traffic.p99Breaches.length)
        out.push({
            level: 'warn',
            text: `p99 above ${t.maxP99Ms} ms on ${report.traffic.p99Breaches.length} days: ${report.traffic.p99Breaches.join(', ')}`,
        });
    if (report.traffic.errorBreaches.length)
        out.push({
            level: 'warn',
            text: `5xx above ${t.maxErrorPercent} % on ${report.traffic.errorBreaches.length} days: ${report.traffic.errorBreaches.join(', ')}`,
        });
    for (const r of report.rotations.schedule.filter((s) => s.status === 'overdue'))
        out.push({ level: 'warn', text: `${r.name} is overdue for rotation (run rotate.yml)` });
    const github = report.delivery.github;
    if (!github.read)
        out.push({ level: 'warn', text: `lead time and gate runs: GitHub ${github.source}` });
    if (github.read && report.gateRunsUnread)
        out.push({ level: 'warn', text: `gate runs: ${report.gateRunsUnread}` });
    const unknown = report.delivery.current.leadTime?.unknownCommits ?? [];
    if (unknown.length)
        out.push({
            level: 'warn',
            text: `lead time of ${unknown.length} deploys not measured: GitHub does not hold their commits (${unknown.map((s) => s.slice(0, 7)).join(', ')})`,
        });
    for (const g of report.gateRuns?.byGate.filter((x) => x.failed > 0) ?? [])
        out.push({
            level: 'warn',
            text: `the ${g.gate} gate failed ${g.failed} of its ${g.runs} runs`,
        });
    for (const d of report.drills.filter((x) => x.result !== 'pass'))
        out.push({ level: 'warn', text: `the restore drill of ${d.at} did not pass` });
    return out;
}
/** Reads every source and makes the report; throws when any source cannot be read whole. */
async function buildOpsReport(ctx, request) {
    validateThresholds(request.thresholds);
    const { period } = request;
    const step = async (what, read) => {
        try {
            return await read();
        }
        catch (error) {
            throw new Error(`${what}: ${(0,errors/* errorMessage */.gJ)(error)}`, { cause: error });
        }
    };
    // allSettled: the other reads finish (and close their connections) before a failure is told.
    const settled = await Promise.allSettled([
        step('availability (BetterStack)', () => availability(ctx, request)),
        step('error rate and p99 (CloudWatch)', () => traffic(ctx, request)),
        step('audit log', () => auditRows(ctx)),
        step('GitHub deployments, commits and check runs', () => githubRecords(ctx, period)),
    ]);
    const failed = settled.flatMap((s) => (s.status === 'rejected' ? [(0,errors/* errorMessage */.gJ)(s.reason)] : []));
    if (failed.length)
        throw new Error(failed.join('; '));
    const [avail, traf, rows, github] = settled.map((s) => s.value);
    const deploys = rows.filter((r) => r.resource_type === audit_log/* DEPLOY_RESOURCE_TYPE */.e2 && r.resource_id === ctx.environment);
    const body = {
        environment: ctx.environment,
        period: { from: period.from, to: period.to, label: period.label },
        generatedAt: new Date(ctx.clock.now()).toISOString(),
        thresholds: request.thresholds,
        availability: avail,
        traffic: traf,
        delivery: {
            current: {
                ...deliveryFigures(deploys, period),
                leadTime: github && leadTimes(github, period),
            },
            previous: {
                ...deliveryFigures(deploys, previousPeriod(period)),
                leadTime: github && leadTimes(github, previousPeriod(period)),
            },
            github: github
                ? { read: true, source: `GitHub ${github.repository}` }
                : { read: false, source: `not read: ${githubUnread(ctx)}` },
        },
        gateRuns: github && gateRunFigures(github, period),
        gateRunsUnread: github ? github.gateRunsUnread : `GitHub ${githubUnread(ctx)}`,
        rotations: await step('rotation schedule', () => rotations(ctx, rows, period)),
        drills: drills(ctx, rows, period),
    };
    return { ...body, findings: findings(body) };
}

// EXTERNAL MODULE: ./core/action/summary.ts
var action_summary = __webpack_require__(4607);
;// CONCATENATED MODULE: ./core/report/render.ts
/**
 * The report drawn for people: Markdown with Mermaid `xychart-beta` charts (GitHub renders
 * them in job summaries, issues and files) and the same tables for a terminal.
 */

const render_show = (n, unit = '') => (n === undefined ? '\u2013' : `${n}${unit}`);
/** A Mermaid xychart; values that are missing are drawn as 0 (a chart has no holes). */
function xyChart(options) {
    const quote = (s) => `"${s.replace(/"/g, "'")}"`;
    const values = (v) => `[${v.map((x) => (x === undefined ? 0 : x)).join(', ')}]`;
    const out = [
        'xychart-beta',
        `  title ${quote(options.title)}`,
        `  x-axis [${options.labels.map(quote).join(', ')}]`,
        `  y-axis ${quote(options.yTitle)}${options.range ? ` ${options.range[0]} --> ${options.range[1]}` : ''}`,
    ];
    if (options.bars)
        out.push(`  bar ${values(options.bars)}`);
    for (const line of options.lines ?? [])
        out.push(`  line ${values(line)}`);
    return out.join('\n');
}
/** The three charts: uptime per day, p99 per day against its threshold, deploys per week. */
function reportCharts(report) {
    const days = report.traffic.days.map((d) => d.day.slice(8));
    const worstUptime = days.map((_, i) => Math.min(100, ...report.availability.monitors.map((m) => m.daily[i] ?? 100)));
    const low = Math.floor(Math.min(report.thresholds.slaTarget, ...worstUptime));
    const p99 = report.traffic.days.map((d) => d.p99Ms);
    return [
        {
            title: 'Uptime per day (lowest of the monitors, %)',
            chart: xyChart({
                title: `Uptime per day, ${report.period.label}`,
                labels: days,
                yTitle: 'uptime %',
                range: [Math.max(0, low), 100],
                lines: [worstUptime],
            }),
        },
        {
            title: `p99 latency per day (ms; the flat line is the ${report.thresholds.maxP99Ms} ms threshold)`,
            chart: xyChart({
                title: `p99 per day, ${report.period.label}`,
                labels: days,
                yTitle: 'ms',
                bars: p99,
                lines: [days.map(() => report.thresholds.maxP99Ms)],
            }),
        },
        {
            title: 'Deploys per week (bars; the line is the period before)',
            chart: xyChart({
                title: 'Deploys per week',
                labels: report.delivery.current.perWeek.map((w) => w.week.slice(5)),
                yTitle: 'deploys',
                bars: report.delivery.current.perWeek.map((w) => w.deploys),
                lines: [
                    report.delivery.current.perWeek.map((_, i) => report.delivery.previous.perWeek[i]?.deploys ?? 0),
                ],
            }),
        },
    ];
}
/** Minutes as a person reads them: 95 min, 26.5 h, 3.2 days. */
function minutesText(minutes) {
    if (minutes === undefined)
        return '\u2013';
    if (minutes < 120)
        return `${minutes} min`;
    if (minutes < 48 * 60)
        return `${Math.round(minutes / 6) / 10} h`;
    return `${Math.round(minutes / 144) / 10} days`;
}
function leadTimeCell(figures) {
    const lead = figures.leadTime;
    if (!lead)
        return 'not read';
    if (lead.items.length === 0)
        return '\u2013';
    return `${minutesText(lead.medianMinutes)} (${lead.items.length} deploys)`;
}
function deliveryRows(current, previous) {
    return [
        ['Deploys', String(current.deploys), String(previous.deploys)],
        [
            'Deployment frequency',
            `${current.deploysPerWeek} a week`,
            `${previous.deploysPerWeek} a week`,
        ],
        ['Median lead time, commit to production', leadTimeCell(current), leadTimeCell(previous)],
        [
            'Change failure rate',
            render_show(current.changeFailurePercent, ' %'),
            render_show(previous.changeFailurePercent, ' %'),
        ],
        ['Failed changes', String(current.failures.length), String(previous.failures.length)],
        ['Rollbacks', String(current.rollbacks), String(previous.rollbacks)],
        [
            'Median time to restore',
            render_show(current.medianRestoreMinutes, ' min'),
            render_show(previous.medianRestoreMinutes, ' min'),
        ],
    ];
}
/** The whole report as a Summary (job summary, Markdown file, GitHub issue body). */
function reportSummary(report, summary = new action_summary/* Summary */.BD()) {
    const verdict = report.findings.some((f) => f.level === 'fail')
        ? '\u274c'
        : report.findings.length
            ? '\u26a0\ufe0f'
            : '\u2705';
    summary.heading(`${verdict} Ops report of ${report.environment}: ${report.period.label}`, 2);
    if (report.findings.length)
        summary.list(report.findings.map((f) => f.text));
    else
        summary.paragraph('Every monitor met its target; no day above a threshold.');
    summary.heading(`Availability (target ${report.thresholds.slaTarget} %)`, 3);
    summary.table(['Monitor', 'Availability', 'Downtime', 'Incidents', 'Longest', 'Target met'], report.availability.monitors.map((m) => [
        `${m.name} (${m.id})`,
        `${m.availability} %`,
        `${m.downtimeMinutes} min`,
        m.incidents,
        `${m.longestIncidentMinutes} min`,
        m.met ? '\u2705' : '\u274c',
    ]));
    if (report.availability.incidents.length)
        summary.table(['Incident', 'Monitor', 'Cause', 'Started', 'Resolved', 'Minutes'], report.availability.incidents.map((i) => [
            i.name,
            i.monitorId ?? '\u2013',
            i.cause,
            i.startedAt,
            i.resolvedAt ?? 'open',
            i.minutes,
        ]));
    const [uptime, p99, deploys] = reportCharts(report);
    summary.paragraph(`_${uptime.title}_`).mermaid(uptime.chart);
    summary.heading(`Error rate and p99 per day (limits ${report.thresholds.maxErrorPercent} %, ${report.thresholds.maxP99Ms} ms; ${report.traffic.metrics})`, 3);
    summary.paragraph(`_${p99.title}_`).mermaid(p99.chart);
    const t = report.traffic;
    summary.paragraph(`p99 above the limit: ${t.p99Breaches.length ? t.p99Breaches.join(', ') : 'no day'}. 5xx above the limit: ${t.errorBreaches.length ? t.errorBreaches.join(', ') : 'no day'}.${t.daysWithoutData.length ? ` No requests: ${t.daysWithoutData.join(', ')}.` : ''}`);
    summary.details('Every day', [
        '| Day | Requests | 5xx | 5xx % | p99 ms |',
        '| --- | --- | --- | --- | --- |',
        ...t.days.map((d) => `| ${d.day} | ${d.requests} | ${d.errors} | ${render_show(d.errorPercent)} | ${render_show(d.p99Ms)} |`),
    ].join('\n'));
    const { current, previous } = report.delivery;
    summary.heading('Delivery', 3);
    summary.table(['Figure', `${current.period.from} \u2013 ${current.period.to}`, 'Period before'], deliveryRows(current, previous));
    if (current.failures.length)
        summary.table(['Failed change', 'Deployed', 'How', 'Restored', 'Minutes'], current.failures.map((f) => [
            f.tag,
            f.at,
            f.how,
            f.restoredAt ?? 'not restored',
            render_show(f.restoreMinutes),
        ]));
    summary.paragraph(`_${deploys.title}_`).mermaid(deploys.chart);
    const lead = current.leadTime;
    summary.paragraph(`Deploys, failures and time to restore from the audit log; lead time and gate runs: ${report.delivery.github.source}.`);
    if (lead?.items.length)
        summary.details(`Lead time of each deploy (median ${minutesText(lead.medianMinutes)})`, [
            '| Commit | Tag | Committed | Live | Lead time |',
            '| --- | --- | --- | --- | --- |',
            ...lead.items.map((i) => `| ${i.sha.slice(0, 7)} | ${i.tag ?? '\u2013'} | ${i.committedAt} | ${i.deployedAt} | ${minutesText(i.minutes)} |`),
        ].join('\n'));
    summary.heading('Gate runs', 3);
    const gates = report.gateRuns;
    if (!gates)
        summary.paragraph(`Not read: ${report.gateRunsUnread ?? 'unknown'}.`);
    else if (gates.runs.length === 0)
        summary.paragraph('No gate ran on a deployed commit in the period.');
    else {
        summary.table(['Gate', 'Runs', 'Passed', 'Failed'], gates.byGate.map((g) => [g.gate, g.runs, g.passed, g.failed]));
        summary.details('Every gate run', [
            '| Gate | Commit | Ended | Conclusion |',
            '| --- | --- | --- | --- |',
            ...gates.runs.map((r) => `| ${r.gate} | ${r.sha.slice(0, 7)} | ${r.at} | ${r.url ? `[${r.conclusion}](${r.url})` : r.conclusion} |`),
        ].join('\n'));
    }
    summary.heading('Rotation schedule', 3);
    summary.table(['Secret', 'Kind', 'Every', 'Last rotated', 'Next due', 'Status'], report.rotations.schedule.map((r) => [
        r.name,
        r.kind,
        r.everyDays === undefined ? '\u2013' : `${r.everyDays} days`,
        r.lastRotated ? `${r.lastRotated.slice(0, 10)} (${r.source})` : 'never',
        r.nextDue?.slice(0, 10) ?? '\u2013',
        r.status,
    ]));
    summary.paragraph(`Rotated in the period: ${report.rotations.done.length ? report.rotations.done.map((r) => `${r.name} (${r.at.slice(0, 10)})`).join(', ') : 'none'}.`);
    summary.heading('Restore drills', 3);
    if (report.drills.length)
        summary.table(['When', 'Result', 'Restore time'], report.drills.map((d) => [d.at, d.result, render_show(d.restoreMinutes, ' min')]));
    else
        summary.paragraph('No restore drill in the period.');
    return summary;
}
/** Fixed-width tables for a terminal. */
function reportText(report) {
    const table = (header, rows) => {
        const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
        const line = (cells) => cells
            .map((c, i) => c.padEnd(widths[i]))
            .join('  ')
            .trimEnd();
        return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
    };
    const out = [`Ops report of ${report.environment}: ${report.period.label}`, ''];
    for (const f of report.findings)
        out.push(`${f.level === 'fail' ? '\u2717' : '!'} ${f.text}`);
    if (report.findings.length === 0)
        out.push('\u2713 every monitor met its target; no day above a threshold');
    out.push('', `Availability (target ${report.thresholds.slaTarget} %)`);
    out.push(table(['monitor', 'availability', 'downtime', 'incidents', 'met'], report.availability.monitors.map((m) => [
        `${m.name} (${m.id})`,
        `${m.availability} %`,
        `${m.downtimeMinutes} min`,
        String(m.incidents),
        m.met ? 'yes' : 'NO',
    ])));
    out.push('', `Per day (${report.traffic.metrics})`);
    out.push(table(['day', 'requests', '5xx %', 'p99 ms'], report.traffic.days.map((d) => [
        d.day,
        String(d.requests),
        render_show(d.errorPercent),
        `${render_show(d.p99Ms)}${report.traffic.p99Breaches.includes(d.day) ? ' !' : ''}`,
    ])));
    out.push('', 'Delivery');
    out.push(table(['figure', 'period', 'period before'], deliveryRows(report.delivery.current, report.delivery.previous)));
    out.push(`(lead time and gate runs: ${report.delivery.github.source})`);
    out.push('', 'Gate runs');
    out.push(!report.gateRuns
        ? `not read: ${report.gateRunsUnread ?? 'unknown'}`
        : report.gateRuns.runs.length === 0
            ? 'none in the period'
            : table(['gate', 'runs', 'passed', 'failed'], report.gateRuns.byGate.map((g) => [
                g.gate,
                String(g.runs),
                String(g.passed),
                String(g.failed),
            ])));
    out.push('', 'Rotation schedule');
    out.push(table(['secret', 'kind', 'last rotated', 'next due', 'status'], report.rotations.schedule.map((r) => [
        r.name,
        r.kind,
        r.lastRotated?.slice(0, 10) ?? 'never',
        r.nextDue?.slice(0, 10) ?? '\u2013',
        r.status,
    ])));
    out.push('', 'Restore drills');
    out.push(report.drills.length
        ? table(['when', 'result', 'restore'], report.drills.map((d) => [d.at, d.result, render_show(d.restoreMinutes, ' min')]))
        : 'none in the period');
    return out.join('\n');
}

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

;// CONCATENATED MODULE: ./core/checks/report-check.ts
/**
 * The `report` check type (its file is not `report.ts`, which holds the check report every
 * run writes): the monthly ops report of core/report/ as one item of a check list, so the
 * monthly schedule makes it, shows it in the job summary and keeps it as files.
 */









/** Where the Markdown and JSON go, relative to the workspace: the workflow uploads it. */
const REPORT_DIRECTORY = 'apprunner-ops-report';
function reportPeriodOf(item, now) {
    if (item.month !== undefined && (item.from !== undefined || item.to !== undefined))
        throw new Error('report: give month or from and to, not both');
    if ((item.from === undefined) !== (item.to === undefined))
        throw new Error('report: from and to go together; give both days of the range');
    if (item.from !== undefined)
        return rangePeriod(item.from, item.to, now, 'report: from/to');
    return monthPeriod(item.month, now, 'report: month');
}
async function writeReportFiles(report, markdown, directory = external_node_path_default().resolve(process.env['GITHUB_WORKSPACE'] ?? '.', REPORT_DIRECTORY)) {
    await (0,promises_.mkdir)(directory, { recursive: true });
    const base = external_node_path_default().join(directory, `ops-report-${report.environment}-${report.period.from}-${report.period.to}`);
    await (0,promises_.writeFile)(`${base}.md`, markdown);
    await (0,promises_.writeFile)(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
    return { markdown: `${base}.md`, json: `${base}.json` };
}
function headline(report) {
    const monitors = report.availability.monitors
        .map((m) => `${m.name} ${m.availability} %`)
        .join(', ');
    const d = report.delivery.current;
    const cfr = d.changeFailurePercent === undefined ? 'no deploys' : `${d.changeFailurePercent} %`;
    return `${report.period.label}: availability ${monitors} (target ${report.thresholds.slaTarget} %); ${d.deploys} deploys, change failure rate ${cfr}`;
}
const reportCheck = defineCheck({
    ...reportSchema,
    defaultTimeoutMs: 120_000,
    group: 'Monitoring',
    preflight(check, now) {
        try {
            reportPeriodOf(check, now);
            return undefined;
        }
        catch (error) {
            // The configuration path names the item; the message names its key.
            return (0,errors/* errorMessage */.gJ)(error).replace(/^report: /, '');
        }
    },
    async run(check, ctx) {
        let period;
        try {
            period = reportPeriodOf(check, ctx.clock.now());
        }
        catch (error) {
            return { status: 'error', line: (0,errors/* errorMessage */.gJ)(error) };
        }
        let report;
        try {
            report = await buildOpsReport(ctx, {
                period,
                thresholds: {
                    slaTarget: check['sla-target'],
                    maxErrorPercent: check['max-error-percent'],
                    maxP99Ms: check['max-p99-ms'],
                },
                monitorIds: check['monitor-ids'],
            });
        }
        catch (error) {
            return {
                status: 'error',
                line: `the ops report of ${period.label} was not made, because a source could not be read to the end: ${(0,errors/* errorMessage */.gJ)(error)}`,
            };
        }
        const markdown = reportSummary(report).toMarkdown();
        const files = await writeReportFiles(report, markdown);
        const evidence = { files, summary: markdown };
        if (check['open-issue']) {
            const token = ctx.secrets.githubToken;
            if (!token || !ctx.run)
                return {
                    status: 'error',
                    line: 'open-issue: true needs github-token (issues: write) and a GitHub run',
                    evidence,
                };
            const octokit = (0,github_octokit.createOctokit)(token, { apiUrl: ctx.run.apiUrl, logger: ctx.logger });
            const [owner = '', repo = ''] = ctx.run.repository.split('/');
            const created = await octokit.rest.issues.create({
                owner,
                repo,
                title: `Ops report of ${report.environment}: ${report.period.label}`,
                body: `${markdown}\n\nRun: ${ctx.run.runUrl}`,
            });
            evidence['issue'] = { number: created.data.number, url: created.data.html_url };
        }
        const worst = report.findings.some((f) => f.level === 'fail')
            ? 'fail'
            : report.findings.length
                ? 'warn'
                : 'pass';
        const outcome = {
            status: worst,
            line: [headline(report), ...report.findings.map((f) => f.text)].join('; '),
            observed: {
                period: report.period,
                availability: Object.fromEntries(report.availability.monitors.map((m) => [m.id, m.availability])),
                downtimeMinutes: Object.fromEntries(report.availability.monitors.map((m) => [m.id, m.downtimeMinutes])),
                deploys: report.delivery.current.deploys,
                changeFailurePercent: report.delivery.current.changeFailurePercent,
                p99Breaches: report.traffic.p99Breaches,
                errorBreaches: report.traffic.errorBreaches,
            },
            evidence,
        };
        return outcome;
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

;// CONCATENATED MODULE: ./core/checks/incidents-resolved.ts






/**
 * The runbook's daily "no unresolved critical alerts in 24 h", in BetterStack's terms: an
 * incident (what a failing monitor or a person opens, and what pages people) that is still
 * not resolved after `max-age`. Acknowledged is not resolved: someone looked, nobody closed it.
 * Every page of unresolved incidents is read; a list cut short is an error.
 */
const incidentsResolved = defineCheck({
    ...incidentsResolvedSchema,
    defaultTimeoutMs: 60_000,
    group: 'Monitoring',
    async run(check, { secrets, clock, logger }) {
        const token = secrets.betterstackToken;
        if (!token)
            return {
                status: 'error',
                line: 'no betterstack-token given: incidents cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
            };
        const maxAgeMs = (0,duration/* parseDuration */.E9)(check['max-age']);
        const api = new betterstack_incidents_BetterStackIncidents(betterstack_betterStackApiUrl(), token, { clock, logger });
        let open;
        try {
            open = await api.list({ resolved: false });
        }
        catch (error) {
            return { status: 'error', line: `unresolved incidents: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        const ids = check['monitor-ids'];
        const mine = ids ? open.filter((i) => i.monitorId && ids.includes(i.monitorId)) : open;
        const now = clock.now();
        const old = mine.filter((i) => now - Date.parse(i.startedAt) > maxAgeMs);
        const observed = {
            unresolved: mine.length,
            olderThanMaxAge: old.map((i) => ({
                id: i.id,
                name: i.name,
                startedAt: i.startedAt,
                status: i.status,
            })),
        };
        if (old.length)
            return {
                status: 'fail',
                line: `${old.length} BetterStack incident(s) unresolved for more than ${check['max-age']}: ${old
                    .map((i) => `${i.name} (${i.id}, ${i.status.toLowerCase()} for ${(0,duration/* formatDuration */.a3)(now - Date.parse(i.startedAt))})`)
                    .join(', ')}; resolve them in BetterStack or fix what they report`,
                observed,
            };
        return {
            status: 'pass',
            line: mine.length
                ? `${mine.length} incident(s) open, none for more than ${check['max-age']}`
                : 'no unresolved BetterStack incident',
            observed,
        };
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

;// CONCATENATED MODULE: ./core/checks/escalation-test.ts






/** The name every test incident of an environment carries: the post step finds them by it. */
const escalationTestName = (environment) => `apprunner-ops escalation test (${environment})`;
/** A timeline item that says BetterStack escalated (notified someone by the policy). */
const ESCALATED = /escalat/i;
/**
 * The runbook's monthly "test BetterStack escalation": a test incident for the policy, then
 * its timeline until BetterStack reports an escalation, then resolve it. It is resolved in a
 * `finally` whatever happened (deadline, abort, error), and the ops-check post step resolves
 * any left by a cancelled run (`resolveEscalationTests`), so no test incident keeps paging.
 */
const escalationTest = defineCheck({
    ...escalationTestSchema,
    defaultTimeoutMs: 15 * 60_000,
    group: 'Monitoring',
    mutating: () => true,
    async run(check, { environment, secrets, clock, logger, signal }) {
        const token = secrets.betterstackToken;
        if (!token)
            return {
                status: 'error',
                line: 'no betterstack-token given: the escalation test cannot create its incident (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
            };
        const deadlineMs = (0,duration/* parseDuration */.E9)(check.deadline);
        const pollMs = (0,duration/* parseDuration */.E9)(check['poll-interval']);
        const api = new betterstack_incidents_BetterStackIncidents(betterstack_betterStackApiUrl(), token, { clock, logger });
        const created = await api.create({
            name: escalationTestName(environment),
            summary: `Escalation test of policy ${check['policy-id']} by apprunner-ops: nothing is broken`,
            description: 'A monthly test that escalation reaches someone; apprunner-ops resolves it.',
            requesterEmail: check['requester-email'],
            policyId: check['policy-id'],
        });
        const started = clock.now();
        try {
            logger.info(`Created test incident ${created.id}; waiting up to ${check.deadline} for BetterStack to escalate it by policy ${check['policy-id']}`);
            for (;;) {
                const timeline = await api.timeline(created.id);
                const escalated = timeline.find((t) => ESCALATED.test(t.title));
                if (escalated)
                    return {
                        status: 'pass',
                        line: `BetterStack escalated test incident ${created.id} by policy ${check['policy-id']} after ${(0,duration/* formatDuration */.a3)(Date.parse(escalated.at) - Date.parse(created.startedAt))} ("${escalated.title}"); resolved it`,
                        observed: {
                            incident: created.id,
                            escalatedAt: escalated.at,
                            policy: check['policy-id'],
                        },
                    };
                if (clock.now() - started >= deadlineMs)
                    return {
                        status: 'fail',
                        line: `BetterStack did not escalate test incident ${created.id} within ${check.deadline}: look at escalation policy ${check['policy-id']} (its steps and who is on call); resolved it`,
                        observed: { incident: created.id, policy: check['policy-id'], timeline },
                    };
                await clock.sleep(Math.min(pollMs, deadlineMs - (clock.now() - started)), signal);
            }
        }
        finally {
            await resolveQuietly(api, created.id, logger);
        }
    },
});
async function resolveQuietly(api, id, logger) {
    try {
        await api.resolve(id, 'apprunner-ops');
    }
    catch (error) {
        logger.warning(`Test incident ${id} could not be resolved: ${(0,errors/* errorMessage */.gJ)(error)}; the post step tries again, else resolve it in BetterStack`);
    }
}
/**
 * The post step's part: resolves every unresolved test incident of the environment, which a
 * cancelled or lost run may have left. Warns, never fails.
 */
async function resolveEscalationTests(environment, token, deps) {
    const api = new BetterStackIncidents(betterStackApiUrl(), token, deps);
    const open = (await api.list({ resolved: false })).filter((i) => i.name === escalationTestName(environment));
    for (const incident of open)
        await api.resolve(incident.id, 'apprunner-ops post step');
    if (open.length)
        deps.logger.info(`Resolved escalation test incident(s) ${open.map((i) => i.id).join(', ')} left by a stopped run`);
    return open.map((i) => i.id);
}

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

;// CONCATENATED MODULE: ./core/checks/registry.ts

































/**
 * Every check type, once. The configuration's `checks.*` and `gates.*` lists, the ops-check
 * action, the go-live gate and the deploy's bake period all select from this list.
 * A new type: its item schema in `schemas/<type>.ts` (one line in `schemas/index.ts`, in the
 * same place), and its run in `<type>.ts`, which spreads that schema into `defineCheck({...})`
 * and is one line here.
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
    errorRate,
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
    reportCheck,
    incidentsResolved,
    escalationTest,
    pitrTested,
    connections,
    longQueries,
    blocking,
    replicationLag,
    storageGrowth,
];
function checkType(type) {
    return CHECK_TYPES.find((t) => t.type === type);
}
/**
 * The configuration's view of the check types (their item schemas), re-exported for the
 * runners that read both.
 */


;// CONCATENATED MODULE: ./core/checks/run-checks.ts



/**
 * Runs every check at once. Each has its own deadline; one that fails, throws or overruns
 * becomes that check's result (`error`), never the end of the run.
 */
async function runCheckList(items, context, lookup = checkType) {
    return Promise.all(items.map((item) => run_checks_runOne(item, context, lookup)));
}
async function run_checks_runOne(item, context, lookup) {
    const type = lookup(item.type);
    const started = context.clock.now();
    const base = {
        id: checkId(item),
        type: item.type,
        group: item.group ?? type?.group ?? 'Other',
        startedAt: new Date(started).toISOString(),
    };
    if (!type) {
        return { ...base, status: 'error', line: `unknown check type "${item.type}"`, durationMs: 0 };
    }
    // The configuration refuses this already; a list made in code is held to it too.
    const mismatch = targetMismatch(type, context.env.target.kind);
    if (mismatch)
        return { ...base, status: 'error', line: mismatch, durationMs: 0 };
    const timeoutMs = (item.timeout && (0,duration/* parseDuration */.E9)(item.timeout)) || type.defaultTimeoutMs;
    const controller = new AbortController();
    let timer;
    const overrun = new Promise((resolve) => {
        timer = setTimeout(() => {
            controller.abort(new Error(`deadline of ${(0,duration/* formatDuration */.a3)(timeoutMs)} passed`));
            resolve({
                status: 'error',
                line: `no answer within ${(0,duration/* formatDuration */.a3)(timeoutMs)} (raise "timeout" on this check if it needs longer)`,
            });
        }, timeoutMs);
        timer.unref?.();
    });
    let outcome;
    try {
        outcome = await Promise.race([
            type.run(item, { ...context, signal: controller.signal, deadline: started + timeoutMs }),
            overrun,
        ]);
    }
    catch (error) {
        outcome = { status: 'error', line: (0,errors/* errorMessage */.gJ)(error) };
    }
    finally {
        clearTimeout(timer);
    }
    return { ...base, ...outcome, durationMs: context.clock.now() - started };
}
function countByStatus(results) {
    const counts = {
        pass: 0,
        fail: 0,
        warn: 0,
        error: 0,
        skipped: 0,
        waived: 0,
    };
    for (const r of results)
        counts[r.status]++;
    return counts;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./core/util/zod-issues.ts
var zod_issues = __webpack_require__(6793);
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
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new ConfigError(file, [
            code === 'ENOENT'
                ? 'file not found; create it (see examples/drop/apprunner-ops.yml) or set the "config" input to its path'
                : `cannot read: ${errorMessage(error)}`,
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

;// CONCATENATED MODULE: ./core/gate/attestations.ts




/**
 * The attestations file (default `.github/apprunner-ops/attestations.yml`), changed only by
 * pull request so every vouch and every waiver is reviewed and kept in history:
 * - attestations: a person vouches for an `attestation` item of a gate until a date;
 * - waivers: a failing check is accepted, with an owner, a reason and a ticket, until a date.
 */
const attestations_DAY = 86_400_000;
const attestations_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const dateField = schemas/* string */.YjP()
    .refine((t) => (attestations_DATE.test(t) || DATE_TIME.test(t)) && !Number.isNaN(Date.parse(t)), {
    message: 'expected a date like 2026-12-31 or a time like 2026-11-20T14:30:00Z',
});
/** YAML may read an unquoted date as a Date; accept it the same as its text. */
const dateText = schemas/* preprocess */.vkY((v) => (v instanceof Date ? v.toISOString().replace(/T00:00:00\.000Z$/, '') : v), dateField);
const githubLogin = schemas/* string */.YjP()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(\[bot\])?$/, {
    message: 'expected a GitHub login like octocat',
});
const idField = schemas/* string */.YjP()
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' });
const attestationsFileSchema = schemas/* strictObject */.rej({
    $schema: schemas/* string */.YjP().optional(),
    attestations: schemas/* array */.YOg(schemas/* strictObject */.rej({
        id: idField.describe('The id of an attestation item of the gate.'),
        by: githubLogin.describe('GitHub login of the person who vouches.'),
        at: dateText.describe('When they checked it (not in the future).'),
        evidence: schemas/* url */.OZ5({
            protocol: /^https?$/,
            message: 'expected an http(s) URL of the evidence',
        }),
        expires: dateText.describe('After this date the item fails until someone vouches again.'),
        note: schemas/* string */.YjP().optional(),
    }))
        .default([]),
    waivers: schemas/* array */.YOg(schemas/* strictObject */.rej({
        check: idField.describe('The id of a check of the gate (its id, or its type).'),
        owner: githubLogin.describe('Who owns the fix.'),
        reason: schemas/* string */.YjP().min(10, { message: 'say why, in at least a sentence' }),
        ticket: schemas/* string */.YjP().min(1).describe('Issue or ticket tracking the fix (URL or key).'),
        expires: dateText.describe('Within max-waiver-days of the gate run; afterwards the check fails again.'),
    }))
        .default([]),
})
    .describe('apprunner-ops attestations and waivers');
/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
function dateIn(instant, timeZone) {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
    }).format(instant);
}
/** How far a time zone is ahead of UTC at an instant, in ms. */
function offsetMs(instant, timeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
    })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]));
    const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
    return asUtc - Math.floor(instant / 1000) * 1000;
}
/** Calendar days from one YYYY-MM-DD to another. */
const daysBetween = (from, to) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / attestations_DAY);
const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * attestations_DAY).toISOString().slice(0, 10);
/** An error in the attestations file: the user fixes it by pull request. */
class AttestationsError extends errors/* ConfigError */.xL {
    constructor(file, problems) {
        super(file, problems);
        this.message =
            problems.length === 1
                ? `attestations ${file}: ${problems[0]}`
                : `attestations ${file} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`;
    }
}
/**
 * A date without a time means the end of that day in the gate's time zone: "expires 2026-12-31"
 * includes the 31st.
 */
function expiryOf(text, timeZone) {
    if (!attestations_DATE.test(text))
        return new Date(text);
    const asUtc = Date.parse(`${text}T23:59:59.999Z`);
    const guess = asUtc - offsetMs(asUtc, timeZone);
    return new Date(asUtc - offsetMs(guess, timeZone));
}
/**
 * Validates the file against the gate: ids known, `at` not in the future, no waiver longer
 * than allowed. Every problem names the path and its line; any problem means no check runs.
 */
function parseAttestations(text, file, gate, policy, now) {
    const fail = (problems) => new AttestationsError(file, problems);
    const timeZone = policy.timeZone ?? 'UTC';
    const { data, lineOf } = parseYamlDocument(text, attestationsFileSchema, fail);
    const problems = [];
    const at = (path, what) => problems.push(`${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('')}: ${what}${lineOf(path)}`);
    const seen = new Set();
    const attestations = data.attestations.map((a, i) => {
        if (!gate.attestationIds.includes(a.id))
            at(['attestations', i, 'id'], `"${a.id}" is not an attestation item of any gate of this environment (known: ${gate.attestationIds.join(', ') || 'none'})`);
        if (seen.has(a.id))
            at(['attestations', i, 'id'], `"${a.id}" is attested twice; keep one entry per id`);
        seen.add(a.id);
        const when = new Date(a.at);
        if (when.getTime() > now)
            at(['attestations', i, 'at'], `${a.at} is in the future; write when the item was checked`);
        const expires = expiryOf(a.expires, timeZone);
        if (expires.getTime() < when.getTime())
            at(['attestations', i, 'expires'], `${a.expires} is before "at" (${a.at})`);
        return { id: a.id, by: a.by, at: when, evidence: a.evidence, expires };
    });
    const waivers = data.waivers.map((w, i) => {
        if (!gate.checkIds.includes(w.check))
            at(['waivers', i, 'check'], `"${w.check}" is not a check of any gate of this environment (known: ${gate.checkIds.join(', ')})`);
        const expires = expiryOf(w.expires, timeZone);
        // Calendar days in the gate's time zone: today + max-waiver-days is the last date allowed.
        const today = dateIn(now, timeZone);
        const last = addDays(today, policy.maxWaiverDays);
        const days = daysBetween(today, dateIn(expires.getTime(), timeZone));
        if (days > policy.maxWaiverDays)
            at(['waivers', i, 'expires'], `${w.expires} is ${days} days after today (${today}, ${timeZone}); a waiver may last at most ${policy.maxWaiverDays} days (gate-policy.max-waiver-days), so the last date allowed is ${last}: fix the check or renew the waiver later`);
        return { check: w.check, owner: w.owner, reason: w.reason, ticket: w.ticket, expires };
    });
    if (problems.length > 0)
        throw fail(problems);
    return {
        file,
        attestations,
        waivers,
        book: {
            file,
            maxAgeDays: policy.maxAttestationAgeDays,
            find: (id) => attestations.find((a) => a.id === id),
        },
    };
}
/** Reads the file; a missing file is an empty one (a gate without attestation items needs none). */
async function loadAttestations(file, gate, policy, now) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw new AttestationsError(file, [`cannot read: ${(0,errors/* errorMessage */.gJ)(error)}`]);
        text = '{}';
    }
    return parseAttestations(text, file, gate, policy, now);
}

// EXTERNAL MODULE: ./core/gate/evidence.ts
var gate_evidence = __webpack_require__(7377);
// EXTERNAL MODULE: ./core/gate/render.ts
var render = __webpack_require__(624);
;// CONCATENATED MODULE: ./core/gate/gate.ts














class GateFailed extends errors/* DomainFailure */.dY {
    name = 'GateFailed';
}
/**
 * The gate's check run, one name per environment: a required check reads the newest run of a
 * name, so a shared name would let a later green staging gate hide a red production one.
 */
const GATE_CHECK_RUN_NAME = (gate, environment) => `apprunner-ops: ${gate} gate (${environment})`;
/** Attempts at creating the check run, each after looking up whether the last one landed. */
const CHECK_RUN_ATTEMPTS = 3;
const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** Everything the gate reads before a single check runs: any mistake here runs nothing. */
async function prepareGate(request, now) {
    let configText;
    try {
        configText = await (0,promises_.readFile)(request.configFile, 'utf8');
    }
    catch (error) {
        throw new errors/* ConfigError */.xL(request.configFile, [
            error.code === 'ENOENT'
                ? 'file not found; set the "config" input to its path'
                : `cannot read: ${(0,errors/* errorMessage */.gJ)(error)}`,
        ]);
    }
    const config = parseConfig(configText, request.configFile);
    const env = selectEnvironment(config, request.environment, request.configFile);
    const items = env.gates?.[request.gate];
    if (!items) {
        const known = Object.keys(env.gates ?? {});
        throw new errors/* ConfigError */.xL(request.configFile, [
            `environments.${request.environment}.gates.${request.gate}: no such gate; ${known.length ? `the environment defines ${known.map((k) => `"${k}"`).join(', ')}` : 'the environment defines no gates'} (set the "gate" input to one of them, or add it)`,
        ]);
    }
    const problems = [];
    const ids = items.map((item) => checkId(item));
    items.forEach((item, i) => {
        const type = checkType(item.type);
        if (type?.mutating?.(item))
            problems.push(`environments.${request.environment}.gates.${request.gate}[${i}]: ${item.type} is set to change things; a gate only looks (remove the item or its delete/change option)`);
        if (ids.indexOf(ids[i]) !== i)
            problems.push(`environments.${request.environment}.gates.${request.gate}[${i}]: id "${ids[i]}" is used twice; give one of them an id`);
    });
    if (problems.length > 0)
        throw new errors/* ConfigError */.xL(request.configFile, problems);
    const policy = env['gate-policy'];
    // One attestations file serves every gate of the environment (go-live, post-launch, \u2026).
    const allItems = Object.values(env.gates ?? {}).flat();
    const attestations = await loadAttestations(request.attestationsFile, {
        attestationIds: [
            ...new Set(allItems.filter((i) => i.type === 'attestation').map((i) => checkId(i))),
        ],
        checkIds: [...new Set(allItems.map((i) => checkId(i)))],
    }, {
        maxAttestationAgeDays: policy?.['max-attestation-age-days'] ?? 30,
        maxWaiverDays: policy?.['max-waiver-days'] ?? 14,
        timeZone: policy?.['time-zone'] ?? 'UTC',
    }, now);
    const attestationsText = await (0,promises_.readFile)(request.attestationsFile, 'utf8').catch(() => null);
    return {
        env,
        items,
        attestations,
        configSha256: sha256(configText),
        attestationsSha256: attestationsText === null ? null : sha256(attestationsText),
    };
}
/** In a gate, what an item that could not check (skipped) or failed says: not a pass. */
const BLOCKS = new Set(['fail', 'error', 'skipped']);
const blocks = (status) => BLOCKS.has(status);
/** A valid waiver makes a failing item `waived`; an expired one leaves it failing and says so. */
function applyWaivers(results, waivers, now) {
    return results.map((result) => {
        const waiver = waivers.find((w) => w.check === result.id);
        // An item that checked nothing (skipped) blocks like a failure, and a waiver may accept it.
        if (!waiver || !BLOCKS.has(result.status))
            return { result };
        const expired = waiver.expires.getTime() <= now;
        if (expired)
            return {
                result: {
                    ...result,
                    status: 'fail',
                    line: `${result.line} (its waiver by ${waiver.owner} expired on ${waiver.expires.toISOString().slice(0, 10)}: fix it or renew the waiver by pull request)`,
                },
                waiver,
                expired,
            };
        return { result: { ...result, status: 'waived' }, waiver, expired };
    });
}
function toItem(entry, attestations) {
    const { result, waiver, expired } = entry;
    const vouched = result.type === 'attestation' ? attestations.book.find(result.id) : undefined;
    return {
        id: result.id,
        type: result.type,
        group: result.group,
        status: result.status,
        line: result.line,
        ...(result.observed ? { observed: result.observed } : {}),
        ...(result.evidence ? { evidence: result.evidence } : {}),
        checkedAt: result.startedAt,
        durationMs: Math.round(result.durationMs),
        ...(vouched
            ? {
                attestation: {
                    by: vouched.by,
                    at: vouched.at.toISOString(),
                    expires: vouched.expires.toISOString().slice(0, 10),
                    evidence: vouched.evidence,
                },
            }
            : {}),
        ...(waiver
            ? {
                waiver: {
                    owner: waiver.owner,
                    reason: waiver.reason,
                    ticket: waiver.ticket,
                    expires: waiver.expires.toISOString().slice(0, 10),
                    expired: expired ?? false,
                },
            }
            : {}),
    };
}
/**
 * Runs a gate: every item at once (read-only), waivers applied, evidence written (JSON and
 * Markdown), a check run on the commit, a Slack message. Reporting failures (GitHub, Slack)
 * are warnings: the verdict stands on the checks.
 */
async function runGate(request, deps) {
    const { clock, logger, run } = deps;
    const started = clock.now();
    const prepared = await prepareGate(request, started);
    const env = prepared.env;
    logger.info(`Gate ${request.gate} for ${request.environment}: ${prepared.items.length} items, all at once`);
    const aws = deps.aws(env.region);
    await prepareDatabaseForChecks(prepared.items, { environment: request.environment, configFile: request.configFile, env }, request.secrets, { clock, logger, clients: aws, ...(deps.saveState ? { saveState: deps.saveState } : {}) });
    const results = await runCheckList(prepared.items, {
        environment: request.environment,
        env,
        aws,
        secrets: request.secrets,
        run,
        clock,
        logger,
        attestations: prepared.attestations.book,
    });
    const judged = applyWaivers(results, prepared.attestations.waivers, clock.now());
    const items = judged
        .map((entry) => toItem(entry, prepared.attestations))
        .sort((a, b) => (0,gate_evidence/* groupRank */.ar)(a.group) - (0,gate_evidence/* groupRank */.ar)(b.group));
    const counts = countByStatus(judged.map((j) => j.result));
    const evidence = {
        kind: 'apprunner-ops/gate-evidence',
        version: 1,
        gate: request.gate,
        environment: request.environment,
        passed: counts.fail === 0 && counts.error === 0 && counts.skipped === 0,
        counts,
        repository: run.repository,
        commit: run.sha,
        ref: run.ref,
        ranBy: run.actor,
        runUrl: run.runUrl,
        startedAt: new Date(started).toISOString(),
        finishedAt: new Date(clock.now()).toISOString(),
        config: { file: request.configFile, sha256: prepared.configSha256 },
        attestationsFile: { file: request.attestationsFile, sha256: prepared.attestationsSha256 },
        items,
    };
    for (const item of items)
        if (blocks(item.status))
            logger.error(`${item.id}: ${item.line}`, {
                title: `${request.gate} gate: ${item.id} (${item.group})`,
            });
        else if (item.status === 'waived')
            logger.warning(`${item.id} is waived until ${item.waiver?.expires}: ${item.line}`, {
                title: `${request.gate} gate: ${item.id} waived`,
            });
    const evidenceJson = `${JSON.stringify(evidence, null, 2)}\n`;
    const markdown = (0,render/* evidenceMarkdown */.BI)(evidence);
    await (0,promises_.mkdir)(request.evidenceDir, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(request.evidenceDir, 'evidence.json'), evidenceJson);
    await (0,promises_.writeFile)(external_node_path_default().join(request.evidenceDir, 'evidence.md'), markdown);
    const [checkRunUrl] = await Promise.all([
        reportCheckRun(evidence, request, deps),
        notifySlack(evidence, request, env, deps),
    ]);
    return {
        evidence,
        evidenceJson,
        evidenceMarkdown: markdown,
        passed: counts.pass,
        failed: counts.fail + counts.error,
        notChecked: counts.skipped,
        waived: counts.waived,
        checkRunUrl,
    };
}
async function reportCheckRun(evidence, request, { run, logger }) {
    const token = request.secrets.githubToken;
    if (!token || !run.sha) {
        logger.info('No github-token: no check run on the commit');
        return undefined;
    }
    const [owner, repo] = run.repository.split('/');
    const name = GATE_CHECK_RUN_NAME(request.gate, request.environment);
    // Names this run's check run, so one whose answer was lost is found instead of made twice.
    // (A job may run a gate several times, as the post-launch watch does: its start time too.)
    const externalId = `${request.environment}/${request.gate}/${run.runId}.${run.runAttempt}/${evidence.startedAt}`;
    const octokit = (0,github_octokit.createOctokit)(token, { apiUrl: run.apiUrl, logger });
    const landed = async () => {
        const { data } = await octokit.rest.checks.listForRef({
            owner,
            repo,
            ref: run.sha,
            check_name: name,
            per_page: 100,
        });
        const found = data.check_runs.find((c) => c.external_id === externalId);
        return found ? (found.html_url ?? String(found.id)) : undefined;
    };
    // The check run output is limited to 65535 characters.
    const summary = (0,render/* renderGate */.eh)(evidence, 60_000).toMarkdown();
    for (let attempt = 1; attempt <= CHECK_RUN_ATTEMPTS; attempt++) {
        try {
            if (attempt > 1) {
                const url = await landed();
                if (url) {
                    logger.info(`Check run "${name}" on ${run.sha7} was created (its answer was lost): ${url}`);
                    return url;
                }
            }
            const created = await octokit.rest.checks.create({
                owner,
                repo,
                name,
                head_sha: run.sha,
                status: 'completed',
                conclusion: evidence.passed ? 'success' : 'failure',
                started_at: evidence.startedAt,
                completed_at: evidence.finishedAt,
                details_url: run.runUrl,
                external_id: externalId,
                output: { title: (0,render/* headline */.Pl)(evidence), summary },
                // Not retried blindly: a lost answer is looked up first (above).
                request: { retries: 0 },
            });
            logger.info(`Check run "${name}" on ${run.sha7}: ${created.data.html_url ?? created.data.id}`);
            return created.data.html_url ?? undefined;
        }
        catch (error) {
            const status = statusOf(error);
            const lost = status === 0 || status >= 500;
            const said = status === 0 ? 'no answer from GitHub' : `GitHub answered ${status}`;
            if (lost && attempt < CHECK_RUN_ATTEMPTS) {
                logger.warning(`Creating check run "${name}" on ${run.sha7}: ${said} (${(0,errors/* errorMessage */.gJ)(error).slice(0, 120)}); looking up whether it was created, then trying again (attempt ${attempt + 1} of ${CHECK_RUN_ATTEMPTS})`);
                continue;
            }
            const hint = status === 401 || status === 403 || status === 404
                ? ' (the job needs permissions: checks: write)'
                : '';
            logger.warning(`Could not create the check run "${name}" on ${run.sha7}: ${said}: ${(0,errors/* errorMessage */.gJ)(error).slice(0, 200)}${hint}`);
            return undefined;
        }
    }
    return undefined;
}
async function notifySlack(evidence, request, env, { clock, logger, run }) {
    if (!request.slackWebhookUrl)
        return;
    const events = env.notify?.slack?.events;
    if (events && !events.includes('gate'))
        return;
    const blocking = evidence.items.filter((i) => blocks(i.status));
    const waived = evidence.items.filter((i) => i.status === 'waived');
    const fields = {
        Commit: run.sha7 || 'unknown',
        'Ran by': run.actor,
    };
    if (blocking.length > 0)
        fields['Blocking'] = blocking
            .map((i) => `\u2022 ${i.id}: ${i.line}`)
            .join('\n')
            .slice(0, 1900);
    if (waived.length > 0)
        fields['Waived'] = waived
            .map((i) => `\u2022 ${i.id} until ${i.waiver?.expires} (${i.waiver?.owner})`)
            .join('\n');
    try {
        await postToSlack(request.slackWebhookUrl, slackMessage(`${evidence.passed ? ':white_check_mark:' : ':no_entry:'} ${(0,render/* headline */.Pl)(evidence)}`, fields, {
            text: 'Gate run',
            url: run.runUrl,
        }), { clock, logger });
    }
    catch (error) {
        logger.warning(`Slack message not sent: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ evidenceMarkdown),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   eh: () => (/* binding */ renderGate)
/* harmony export */ });
/* harmony import */ var _action_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4607);
/* harmony import */ var _evidence_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7377);


const ICON = {
    pass: '\u2705 pass',
    fail: '\u274c fail',
    error: '\u26d4 error',
    warn: '\u26a0\ufe0f warn',
    skipped: '\u26d4 not checked',
    waived: '\ud83d\udfe1 waived',
};
function headline(e) {
    const c = e.counts;
    // An item that checked nothing is counted apart: "14 passed" must not hide it.
    const tally = `${c['pass'] ?? 0} passed, ${(c['fail'] ?? 0) + (c['error'] ?? 0)} failed, ${c['skipped'] ?? 0} not checked, ${c['waived'] ?? 0} waived`;
    return e.passed
        ? `Gate ${e.gate} passed for ${e.environment} at ${e.commit.slice(0, 7)}: ${tally}`
        : `Gate ${e.gate} blocks ${e.environment} at ${e.commit.slice(0, 7)}: ${tally}`;
}
function who(item) {
    if (item.waiver)
        return `waived by ${item.waiver.owner} until ${item.waiver.expires}${item.waiver.expired ? ' (expired)' : ''}: ${item.waiver.reason} (${item.waiver.ticket})`;
    if (item.attestation)
        return `vouched by ${item.attestation.by} on ${item.attestation.at.slice(0, 10)} until ${item.attestation.expires} ([evidence](${item.attestation.evidence}))`;
    return '';
}
/** The job summary, the check run's output and the evidence Markdown: one rendering. */
function renderGate(e, limitBytes) {
    const s = new _action_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .Summary */ .BD(limitBytes);
    s.heading(`${e.passed ? '\u2705' : '\u274c'} ${headline(e)}`, 2);
    const blocking = e.items.filter((i) => i.status === 'fail' || i.status === 'error' || i.status === 'skipped');
    if (blocking.length > 0)
        s.paragraph('**Blocking:**').list(blocking.map((i) => `\`${i.id}\`: ${i.line}`));
    const waived = e.items.filter((i) => i.status === 'waived');
    if (waived.length > 0)
        s.paragraph('**Waived (not passed):**').list(waived.map((i) => `\`${i.id}\`: ${who(i)}`));
    for (const [group, items] of (0,_evidence_js__WEBPACK_IMPORTED_MODULE_0__/* .byGroup */ .zA)(e.items)) {
        s.heading(group, 3);
        s.table(['Item', 'Status', 'What was seen', 'Vouched / waived'], items.map((i) => [`\`${i.id}\``, ICON[i.status], i.line, who(i)]));
    }
    s.paragraph([
        `Commit \`${e.commit}\` (${e.ref}) of ${e.repository}, run by @${e.ranBy}: ${e.runUrl}`,
        `Configuration ${e.config.file} sha256 \`${e.config.sha256}\`; attestations ${e.attestationsFile.file}${e.attestationsFile.sha256 ? ` sha256 \`${e.attestationsFile.sha256}\`` : ' (none)'}`,
        `Checked ${e.startedAt} \u2013 ${e.finishedAt}`,
    ].join('  \n'));
    return s;
}
/** The evidence Markdown: the summary plus every observed value, for the auditor's file. */
function evidenceMarkdown(e) {
    const s = renderGate(e, 50 * 1024 * 1024);
    s.heading('Observed values', 3);
    for (const item of e.items)
        s.details(`${item.id}: ${item.status} at ${item.checkedAt} (${item.durationMs} ms)`, `\`\`\`json\n${JSON.stringify({ observed: item.observed ?? {}, evidence: item.evidence ?? {} }, null, 2)}\n\`\`\``);
    return s.toMarkdown();
}


/***/ }),

/***/ 5279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8729);




// The light build plugin-throttling itself uses, so the bundle carries one copy.


/**
 * plugin-throttling spaces every write by a second, GitHub's advice for integrations that make
 * many. A run makes at most four (a deployment and its statuses), and the second follows the
 * first at once, so that second would only delay the deploy behind it. Writes still go one at
 * a time, and a secondary rate limit, should one come, is waited out as `retry-after` asks.
 */
const writes = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: 0 });
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
    const baseFetch = options.fetch ?? _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? fetch;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const waitMs = retryAfter * 1000;
        const what = describe(request);
        if (retryCount >= RATE_LIMIT_RETRIES || waitMs > maxWaitMs) {
            options.logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} more (tried ${retryCount + 1} times, longest wait allowed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(maxWaitMs)})`);
            return false;
        }
        options.logger.info(`GitHub ${kind} rate limit on ${what}: waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} as GitHub's ${kind === 'secondary' ? 'retry-after' : 'x-ratelimit-reset'} asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
        return true;
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: options.apiUrl.replace(/\/$/, ''),
        throttle: {
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            write: writes,
        },
        retry: { retries, doNotRetry: DO_NOT_RETRY },
        request: {
            ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request,
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
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    // plugin-retry retries silently; say what failed and how long it waits (its own schedule).
    octokit.hook.error('request', (error, request) => {
        const status = error.status ?? 0;
        const options_ = request;
        const allowed = options_.request?.retries ?? retries;
        const done = options_.request?.retryCount ?? 0;
        if (status >= 400 && !DO_NOT_RETRY.includes(status) && done < allowed) {
            options.logger.info(`GitHub answered ${status} to ${describe(options_)} (${error.message.slice(0, 120)}): retrying in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)((done + 1) ** 2 * 1000)} (retry ${done + 1} of ${allowed})`);
        }
        throw error;
    });
    return octokit;
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
