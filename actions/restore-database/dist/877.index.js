export const id = 877;
export const ids = [877];
export const modules = {

/***/ 7197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ readRestoreInputs)
/* harmony export */ });
/* harmony import */ var _core_restore_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3108);

/** Reads and validates every input once, before anything is called. */
function readRestoreInputs(inputs) {
    return Object.freeze({
        config: inputs.required('config'),
        environment: inputs.required('environment'),
        to: (0,_core_restore_request_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRestoreTarget */ .fO)(inputs.required('to')),
        mode: inputs.enumOf('mode', _core_restore_request_js__WEBPACK_IMPORTED_MODULE_0__/* .RESTORE_MODES */ .Qe),
        reason: inputs.required('reason'),
        dryRun: inputs.boolean('dry-run'),
        databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
        auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
        betterstackToken: inputs.secret('betterstack-token'),
        pollIntervalMs: inputs.duration('poll-interval', { min: 10, max: 300_000 }),
    });
}


/***/ }),

/***/ 3877:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_github_context_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(366);
/* harmony import */ var _core_action_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(711);
/* harmony import */ var _core_restore_prepare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4721);
/* harmony import */ var _core_restore_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2908);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8791);
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4494);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7197);







await (0,_core_action_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .C)('restore-database', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    // Every input is read and checked before anything is called.
    const request = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readRestoreInputs */ .E)(inputs);
    const report = await (0,_core_restore_prepare_js__WEBPACK_IMPORTED_MODULE_1__/* .restoreDatabase */ .C)(request, {
        clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m,
        logger,
        run: (0,_core_action_github_context_js__WEBPACK_IMPORTED_MODULE_6__/* .readRunInfo */ .m)(),
        saveState,
    });
    if (report.plan) {
        setOutput('restore-to', report.plan.to);
        setOutput('restored-instance', report.replaced ? report.plan.source : report.plan.restored);
    }
    if (report.replaced)
        setOutput('replaced-instance', report.replaced);
    if (report.forensicsSnapshot)
        setOutput('forensics-snapshot', report.forensicsSnapshot);
    await writeSummary((0,_core_restore_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .renderRestore */ .Z)(report, request.environment, request.mode));
    if (!report.ok)
        throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DomainFailure */ .dY(report.headline);
    logger.info(report.headline);
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
/* harmony export */   uF: () => (/* binding */ awsCall)
/* harmony export */ });
/* unused harmony exports isRetryableAwsError, AWS_RETRY */
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

/***/ 4721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ restoreDatabase)
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-apprunner/dist-cjs/index.js
var dist_cjs = __webpack_require__(2284);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var client_cloudwatch_dist_cjs = __webpack_require__(4085);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(2684);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var client_ecr_dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var client_rds_dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var client_secrets_manager_dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sts/dist-cjs/index.js
var client_sts_dist_cjs = __webpack_require__(1695);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
;// CONCATENATED MODULE: ./core/aws/clients.ts








const DEFAULT_AWS_REQUEST_TIMEOUT_MS = 30_000;
/** How every SDK client of the suite is made (see createAwsClients); one handler per client. */
function awsClientConfig(region, limits = { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS }) {
    return {
        region,
        maxAttempts: 1,
        requestHandler: new node_http_handler_dist_cjs.NodeHttpHandler({
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
    return given ?? new CloudWatchClient(awsClientConfig(arn.split(':')[3] ?? ''));
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
        appRunner: new dist_cjs/* AppRunnerClient */.fpv(config()),
        ecr: new client_ecr_dist_cjs/* ECRClient */.S70(config()),
        rds: new client_rds_dist_cjs/* RDSClient */.rYe(config()),
        sts: new client_sts_dist_cjs/* STSClient */.iM(config()),
        cloudWatch: new client_cloudwatch_dist_cjs/* CloudWatchClient */.WBn(config()),
        cloudWatchLogs: new client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr(config()),
        secretsManager: new client_secrets_manager_dist_cjs/* SecretsManagerClient */._H(config()),
    };
}

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
        aws.ec2 = new Client(awsClientConfig(region));
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
        const clients = deps.clients ?? createAwsClients(env.region);
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

// EXTERNAL MODULE: ./core/util/retry.ts
var retry = __webpack_require__(9891);
;// CONCATENATED MODULE: ./core/util/http-json.ts

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
    return (0,retry/* retry */.L)(async () => {
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

;// CONCATENATED MODULE: ./core/notify/betterstack.ts

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
        return requestJson(label, url, {
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

// EXTERNAL MODULE: ./core/restore/request.ts
var restore_request = __webpack_require__(3108);
// EXTERNAL MODULE: ./core/restore/run.ts + 3 modules
var run = __webpack_require__(7014);
;// CONCATENATED MODULE: ./core/restore/prepare.ts
/**
 * restore-database end to end: the configuration, the AWS client, the maintenance window, the
 * run, the audit row. The action's main.ts reads its inputs and calls this.
 */












async function restoreDatabase(request, deps) {
    (0,restore_request/* checkRequest */.yG)(request);
    const config = await loadConfig(request.config);
    const env = selectEnvironment(config, request.environment, request.config);
    if (!env.database)
        throw new errors/* ConfigError */.xL(request.config, [
            `environments.${request.environment}.database.instance: required to restore a database`,
        ]);
    const restoreConfig = env.restore ?? restoreConfigSchema.parse({});
    const ms = (text, fallback) => (0,duration/* parseDuration */.E9)(text) ?? fallback;
    const clients = createAwsClients(env.region);
    const { clock, logger } = deps;
    // Before the first change (the forensics snapshot): the databases whose queries the restore
    // compares, and the audit database, answer along the environment's route (database.access).
    // The restored instance is reached the same way once it exists (a session of its own).
    const access = await openDatabaseAccess(env, { environment: request.environment, configFile: request.config }, { clock, logger, clients, ...(deps.saveState ? { saveState: deps.saveState } : {}) });
    await preflightDatabases(access, [
        { url: request.databaseUrl, what: 'the database (database-url)' },
        { url: request.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
    ], logger);
    const maintenance = env.maintenance;
    const token = request.betterstackToken;
    const ctx = {
        rdsClient: clients.rds,
        deps: { clock, logger },
        config: restoreConfig,
        source: env.database.instance.toLowerCase(),
        timing: {
            restoreTimeoutMs: ms(restoreConfig.deadline, 3_600_000),
            renameTimeoutMs: ms(restoreConfig['rename-deadline'], 900_000),
            snapshotTimeoutMs: ms(env.database['snapshot-timeout'], 1_800_000),
            pollIntervalMs: request.pollIntervalMs ?? 15_000,
        },
        maintenance: async () => {
            if (!maintenance || !token)
                return {
                    line: maintenance
                        ? 'no maintenance window: no betterstack-token given'
                        : 'no maintenance monitors configured',
                    close: () => Promise.resolve('no maintenance window to close'),
                };
            const client = new BetterStackMonitors(betterStackApiUrl(), token, { clock, logger });
            const pauseId = (0,external_node_crypto_.randomUUID)();
            const ids = maintenance['monitor-ids'];
            const opened = await openMaintenanceWindow(client, ids, {
                environment: request.environment,
                action: 'restore-database',
                pauseId,
                runUrl: deps.run.runUrl,
                windowMs: (0,duration/* parseDuration */.E9)(maintenance.window) ?? 1_800_000,
            }, { clock, logger });
            return {
                line: `maintenance window: paused ${opened.paused.join(', ') || 'no monitor'}`,
                close: async () => {
                    const closed = await closeMaintenanceWindow(client, ids, pauseId, { clock, logger });
                    return `maintenance window closed: resumed ${closed.resumed.join(', ') || 'no monitor'}`;
                },
            };
        },
    };
    let report;
    let failure;
    try {
        report = await (0,run/* runRestore */.YL)(request, ctx);
    }
    catch (error) {
        failure = error;
    }
    finally {
        clients.rds.destroy();
    }
    if (request.auditDatabaseUrl && !request.dryRun) {
        try {
            await writeAuditEntry(request.auditDatabaseUrl, {
                action: `database_restore_${request.mode.replace('-', '_')}`,
                resourceType: 'rds_instance',
                resourceId: ctx.source,
                details: {
                    reason: request.reason,
                    to: report?.plan?.to,
                    restored: report?.plan?.restored,
                    replaced: report?.replaced,
                    forensicsSnapshot: report?.forensicsSnapshot,
                    result: failure || !report?.ok ? 'failed' : 'ok',
                    ...(failure || !report?.ok
                        ? { problem: failure ? (0,errors/* errorMessage */.gJ)(failure) : report?.headline }
                        : {}),
                },
                actor: deps.run.actor,
                runUrl: deps.run.runUrl,
            });
        }
        catch (error) {
            logger.warning(`audit row not written: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    if (failure)
        throw failure;
    return report;
}


/***/ }),

/***/ 3108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qe: () => (/* binding */ RESTORE_MODES),
/* harmony export */   fO: () => (/* binding */ parseRestoreTarget),
/* harmony export */   yG: () => (/* binding */ checkRequest)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/** What a restore-database run is asked to do, read and checked before anything is called. */

const RESTORE_MODES = ['inspect', 'cut-over'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const SNAPSHOT_ID = /^(?:rds:)?[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}(?<!-)$/;
/**
 * Reads `to`. A value that starts like a date but is not a full ISO 8601 time with a zone is
 * refused (not taken for a snapshot id): "2026-12-06 10:00" in a zone nobody named would
 * restore to the wrong hour.
 */
function parseRestoreTarget(raw) {
    const value = raw.trim();
    if (value === 'latest')
        return { kind: 'latest' };
    if (/^\d/.test(value)) {
        const at = Date.parse(value);
        if (!ISO.test(value) || Number.isNaN(at))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `"${value}" is not an ISO 8601 time with a zone; write e.g. 2026-12-06T09:30:00Z (or latest, or a snapshot id)`);
        return { kind: 'time', at: new Date(at) };
    }
    if (!SNAPSHOT_ID.test(value))
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `"${value}" is neither an ISO 8601 time (2026-12-06T09:30:00Z), latest, nor an RDS snapshot id (letters, digits, hyphens, starting with a letter)`);
    return { kind: 'snapshot', id: value.toLowerCase() };
}
/** Input combinations that are wrong whatever AWS holds. */
function checkRequest(request) {
    if (request.mode === 'cut-over' && request.dryRun)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('dry-run', 'a cut-over cannot be a dry run: run mode inspect with dry-run to see the plan, then cut-over without it');
    if (request.reason.trim().length < 3)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('reason', 'say why the database is restored (it goes to the audit row)');
}


/***/ }),

/***/ 7014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x3: () => (/* binding */ deleteCommand),
  YL: () => (/* binding */ runRestore)
});

// UNUSED EXPORTS: instanceName, planRestore

// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-rds/dist-cjs/index.js
var dist_cjs = __webpack_require__(7202);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
;// CONCATENATED MODULE: ./core/util/wait.ts


class WaitTimeout extends errors/* DomainFailure */.dY {
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
    logger.info(`Waiting up to ${(0,duration/* formatDuration */.a3)(options.timeoutMs)} for ${options.what}`);
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
            logger.info(`  ${options.what}: ${result.status} (after ${(0,duration/* formatDuration */.a3)(clock.now() - started)})`);
            lastStatus = result.status;
        }
        const remaining = deadline - clock.now();
        if (remaining <= 0) {
            throw new WaitTimeout(`gave up after ${(0,duration/* formatDuration */.a3)(options.timeoutMs)} waiting for ${options.what}; last seen: ${lastStatus}`);
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

;// CONCATENATED MODULE: ./core/aws/rds.ts




/** RDS's answer for an instance that is not there (the name differs by protocol version). */
const isInstanceNotFound = (error) => ['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes((0,call/* awsErrorName */.ZH)(error) ?? '');
/** RDS's answer for a snapshot that is not there (the name differs by protocol version). */
const isSnapshotNotFound = (error) => ['DBSnapshotNotFoundFault', 'DBSnapshotNotFound'].includes((0,call/* awsErrorName */.ZH)(error) ?? '');
/** One instance by name, or undefined when RDS has none by that name. */
async function describeDbInstance(client, id, deps) {
    try {
        const out = await (0,call/* awsCall */.uF)('DescribeDBInstances', () => client.send(new dist_cjs/* DescribeDBInstancesCommand */.hhJ({ DBInstanceIdentifier: id })), deps);
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
    return (0,call/* awsPages */.A_)('DescribeDBInstances', async (marker) => {
        const res = await client.send(new dist_cjs/* DescribeDBInstancesCommand */.hhJ({ Marker: marker, MaxRecords: 100 }));
        return { items: res.DBInstances, next: res.Marker };
    }, deps, { maxPages: 200 });
}
/**
 * The snapshots of one instance of one type, following Marker up to `maxPages` pages (a list
 * read in part is an error naming `of`).
 */
function dbSnapshotsOf(client, instance, type, deps, options) {
    return (0,call/* awsPages */.A_)('DescribeDBSnapshots', async (marker) => {
        const res = await client.send(new dist_cjs/* DescribeDBSnapshotsCommand */.KKI({
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
        await client.send(new dist_cjs/* RestoreDBInstanceToPointInTimeCommand */.i4({
            SourceDBInstanceIdentifier: input.source,
            TargetDBInstanceIdentifier: input.id,
            RestoreTime: input.from.time,
            ...input.settings,
        }));
    else
        await client.send(new dist_cjs/* RestoreDBInstanceFromDBSnapshotCommand */.dX$({
            DBInstanceIdentifier: input.id,
            DBSnapshotIdentifier: input.from.snapshot,
            ...input.snapshotOnly,
            ...input.settings,
        }));
}
class DatabaseNotReady extends errors/* DomainFailure */.dY {
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
            const created = await (0,call/* awsCall */.uF)('CreateDBSnapshot', async (attempt) => {
                retried = attempt > 1;
                try {
                    await this.client.send(new dist_cjs/* CreateDBSnapshotCommand */.SQw({
                        DBInstanceIdentifier: this.instanceId,
                        DBSnapshotIdentifier: candidate,
                    }));
                    return true;
                }
                catch (error) {
                    if ((0,call/* awsErrorName */.ZH)(error) === 'DBSnapshotAlreadyExistsFault' ||
                        (0,call/* awsErrorName */.ZH)(error) === 'DBSnapshotAlreadyExists')
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
            const out = await (0,call/* awsCall */.uF)('DescribeDBSnapshots', () => this.client.send(new dist_cjs/* DescribeDBSnapshotsCommand */.KKI({ DBSnapshotIdentifier: id })), this.deps);
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
        await (0,call/* awsCall */.uF)('DeleteDBSnapshot', async (attempt) => {
            try {
                await this.client.send(new dist_cjs/* DeleteDBSnapshotCommand */.PHQ({ DBSnapshotIdentifier: id }));
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

;// CONCATENATED MODULE: ./core/restore/instances.ts
/**
 * The RDS side of a point-in-time restore and its cut-over: describing, restoring beside the
 * current instance, renaming, waiting. Mutating calls are sent once (a restore or a rename is
 * not idempotent); the waits that follow read what happened.
 */




class RestoreFailed extends errors/* DomainFailure */.dY {
    name = 'RestoreFailed';
}
/** Tags on every instance this suite restores: whose restore it is and to what. */
const RESTORE_OF_TAG = 'apprunner-ops:restore-of';
const RESTORE_TO_TAG = 'apprunner-ops:restore-to';
const tagOf = (instance, key) => (instance.TagList ?? []).find((t) => t.Key === key)?.Value;
/** Whether `instance` is this suite's restore of `source` to `to`. */
function isRestoreOf(instance, source, to) {
    return tagOf(instance, RESTORE_OF_TAG) === source && tagOf(instance, RESTORE_TO_TAG) === to;
}
/** The settings of `like`, or an error naming what it does not report. */
function settingsOf(like, instanceClass) {
    const { subnetGroup, securityGroups, parameterGroup } = networkOf(like);
    const cls = instanceClass ?? like.DBInstanceClass;
    if (!subnetGroup || securityGroups.length === 0 || !parameterGroup || !cls)
        throw new RestoreFailed(`${like.DBInstanceIdentifier} does not report its subnet group, security groups, parameter group and class; a restore without them lands in the default (possibly public) network, so nothing was restored`);
    return {
        subnetGroup,
        securityGroups,
        parameterGroup,
        instanceClass: cls,
        encrypted: like.StorageEncrypted === true,
    };
}
class RestoreInstances {
    client;
    deps;
    constructor(client, deps) {
        this.client = client;
        this.deps = deps;
    }
    describe(id) {
        return describeDbInstance(this.client, id, this.deps);
    }
    /** Every instance of the account and region (a list read in part is an error). */
    all() {
        return allDbInstances(this.client, this.deps);
    }
    /**
     * Restores `source` (to a time, or from a snapshot) into `id`, private, with `settings` and
     * `tags`. Sent once: a restore is not idempotent, and an unclear answer is settled by the
     * caller's next look at `id`.
     */
    async restore(input) {
        await sendInstanceRestore(this.client, {
            id: input.id,
            source: input.source,
            from: input.from,
            settings: {
                DBSubnetGroupName: input.settings.subnetGroup,
                VpcSecurityGroupIds: input.settings.securityGroups,
                DBParameterGroupName: input.settings.parameterGroup,
                DBInstanceClass: input.settings.instanceClass,
                PubliclyAccessible: false,
                // It may become production: the suite never deletes it, and neither may a slip.
                DeletionProtection: true,
                Tags: input.tags,
            },
        });
    }
    /** ModifyDBInstance NewDBInstanceIdentifier, applied at once. Sent once. */
    async rename(from, to) {
        await this.client.send(new dist_cjs/* ModifyDBInstanceCommand */.R1U({
            DBInstanceIdentifier: from,
            NewDBInstanceIdentifier: to,
            ApplyImmediately: true,
        }));
    }
    /** Waits until `id` exists and is `available`; a state it cannot leave fails at once. */
    waitAvailable(id, what, timeoutMs, timing, signal) {
        return waitFor({
            what: `${what} (${id}) to be available`,
            timeoutMs,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            ...(signal ? { signal } : {}),
            probe: async () => {
                const instance = await this.describe(id);
                const status = instance?.DBInstanceStatus ?? 'not listed';
                if (instance && status === 'available')
                    return { done: true, value: instance };
                if (BROKEN_INSTANCE_STATES.has(status))
                    throw new RestoreFailed(`${id} ended in state "${status}"; it will not become available`);
                return { done: false, status };
            },
        });
    }
    /** Waits until no instance answers to `id` any more (a rename away from it finished). */
    waitGone(id, timeoutMs, timing) {
        return waitFor({
            what: `the name ${id} to be free`,
            timeoutMs,
            intervalMs: timing.pollIntervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const instance = await this.describe(id);
                return instance
                    ? { done: false, status: instance.DBInstanceStatus ?? 'unknown' }
                    : { done: true, value: undefined };
            },
        });
    }
}

// EXTERNAL MODULE: ./core/restore/verify.ts + 1 modules
var verify = __webpack_require__(5944);
;// CONCATENATED MODULE: ./core/restore/run.ts





const DAY_MS = 86_400_000;
/** YYYYMMDDHHMMSS in UTC. */
const stamp = (at) => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
/** `<source><suffix>`, the source shortened on the left to RDS's 63 characters. */
function instanceName(source, suffix) {
    return `${source.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`.toLowerCase();
}
const REPLACED = (source) => new RegExp(`^${instanceName(source, '-replaced-00000000000000').slice(0, -14)}\\d{14}$`);
/** A short, stable text of a snapshot id for an instance name. */
function shortHash(text) {
    let h = 2166136261;
    for (const c of text)
        h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
}
/** Reads what exists and checks `to`; no change. Throws InputError for bad input. */
async function planRestore(request, ctx, current) {
    const { deps, source } = ctx;
    const now = deps.clock.now();
    const lines = [];
    let from;
    let to;
    let window;
    if (request.to.kind === 'snapshot') {
        const snap = await new RdsInstance(ctx.rdsClient, source, deps).describeSnapshot(request.to.id);
        if (!snap)
            throw new errors/* InputError */.dz('to', `snapshot ${request.to.id} does not exist`);
        if ((snap.DBInstanceIdentifier ?? '').toLowerCase() !== source)
            throw new errors/* InputError */.dz('to', `snapshot ${request.to.id} is of instance ${snap.DBInstanceIdentifier}, not of ${source}; restore only snapshots of this environment's database`);
        if (snap.Status !== 'available')
            throw new errors/* InputError */.dz('to', `snapshot ${request.to.id} is ${snap.Status}, not available`);
        from = { snapshot: request.to.id };
        to = request.to.id;
        lines.push(`restore snapshot ${to} (${snap.SnapshotCreateTime?.toISOString() ?? 'no time'})`);
    }
    else {
        const retention = current.BackupRetentionPeriod ?? 0;
        if (retention === 0)
            throw new errors/* InputError */.dz('to', `${source} keeps no automated backups (BackupRetentionPeriod 0), so it has no point in time to restore to; give a snapshot id`);
        const latest = current.LatestRestorableTime;
        if (!latest)
            throw new RestoreFailed(`${source} reports no LatestRestorableTime`);
        const created = current.InstanceCreateTime?.getTime() ?? 0;
        window = { earliest: new Date(Math.max(created, now - retention * DAY_MS)), latest };
        const at = request.to.kind === 'latest' ? latest : request.to.at;
        // RDS's window decides; "future" is only the clearer word for a time past it and now.
        const inside = at.getTime() >= window.earliest.getTime() && at.getTime() <= latest.getTime();
        if (!inside && at.getTime() > now)
            throw new errors/* InputError */.dz('to', `${at.toISOString()} is in the future; the latest restorable time of ${source} is ${latest.toISOString()}`);
        if (!inside)
            throw new errors/* InputError */.dz('to', `${at.toISOString()} is outside the restore window of ${source}: ${window.earliest.toISOString()} to ${latest.toISOString()} (LatestRestorableTime)`);
        from = { time: at };
        to = at.toISOString();
        lines.push(`restore ${source} as it was at ${to}`);
    }
    const suffix = 'time' in from ? `-restored-${stamp(from.time)}` : `-restored-s${shortHash(from.snapshot)}`;
    const restored = instanceName(source, suffix);
    const there = await new RestoreInstances(ctx.rdsClient, deps).describe(restored);
    if (there && !isRestoreOf(there, source, to))
        throw new errors/* InputError */.dz('to', `the restored instance's name ${restored} is taken by an instance that is not this restore (tags ${RESTORE_OF_TAG}=${source}, ${RESTORE_TO_TAG}=${to}); rename or delete it, or choose another time`);
    const address = current.Endpoint?.Address;
    const port = current.Endpoint?.Port;
    if (!address || !port)
        throw new RestoreFailed(`${source} reports no endpoint`);
    const settings = settingsOf(current, ctx.config['instance-class']);
    lines.push(there
        ? `adopt ${restored}, restored by an earlier run (${there.DBInstanceStatus})`
        : `into ${restored}: private, subnet group ${settings.subnetGroup}, security groups ${settings.securityGroups.join(', ')}, parameter group ${settings.parameterGroup}, class ${settings.instanceClass}, encrypted ${settings.encrypted}`);
    return {
        source,
        to,
        from,
        restored,
        adopt: Boolean(there),
        settings,
        endpoint: { host: address, port },
        ...(window ? { window } : {}),
        lines,
    };
}
/**
 * A cut-over killed between its renames leaves the name free and `<name>-replaced-\u2026` holding the
 * current data: rename the newest such instance back before anything else. Returns what it did.
 */
async function repairInterruptedCutOver(request, ctx, instances) {
    const { source, timing } = ctx;
    let all = await instances.all();
    const underName = all.find((i) => i.DBInstanceIdentifier === source);
    if (underName?.DBInstanceStatus === 'renaming') {
        // Killed right after its first rename: that rename still runs. Let it end, then undo it.
        const pending = underName.PendingModifiedValues?.DBInstanceIdentifier ?? '';
        if (!REPLACED(source).test(pending))
            throw new RestoreFailed(`${source} is being renamed to ${pending || 'another name'}, not by a cut-over of this suite; run again once that is done`);
        if (request.dryRun)
            return `would wait for ${source}'s rename to ${pending}, then rename it back`;
        await instances.waitGone(source, timing.renameTimeoutMs, timing);
        all = await instances.all();
    }
    if (all.some((i) => i.DBInstanceIdentifier === source))
        return undefined;
    // A rename to the name still under way: wait for it instead.
    const incoming = all.find((i) => i.PendingModifiedValues?.DBInstanceIdentifier?.toLowerCase() === source);
    if (incoming) {
        await instances.waitAvailable(source, 'the rename to the original name', timing.renameTimeoutMs, timing);
        return `waited for ${incoming.DBInstanceIdentifier}'s rename to ${source}, begun by an earlier run`;
    }
    const replaced = all
        .map((i) => i.DBInstanceIdentifier ?? '')
        .filter((id) => REPLACED(source).test(id))
        .sort()
        .at(-1);
    if (!replaced)
        throw new errors/* InputError */.dz('environment', `RDS instance ${source} (database.instance) does not exist, and no ${source}-replaced-\u2026 instance is there to bring back`);
    if (request.dryRun)
        return `would rename ${replaced} back to ${source} (a cut-over was interrupted between its renames)`;
    ctx.deps.logger.warning(`${source} does not exist and ${replaced} does: an earlier cut-over stopped between its renames. Renaming ${replaced} back to ${source} first.`);
    await instances.waitAvailable(replaced, 'the replaced instance', timing.renameTimeoutMs, timing);
    await instances.rename(replaced, source);
    await instances.waitAvailable(source, `${replaced} renamed back`, timing.renameTimeoutMs, timing);
    return `renamed ${replaced} back to ${source} (an earlier cut-over stopped between its renames)`;
}
/**
 * Runs the restore. Bad input throws (InputError, before any change); any later failure
 * returns the report with ok false, its headline saying what failed and what exists now.
 */
async function runRestore(request, ctx) {
    const report = {
        ok: false,
        headline: '',
        comparisons: [],
        afterCutOver: [],
        state: [],
        steps: [],
    };
    try {
        return await restoreSteps(request, ctx, report);
    }
    catch (error) {
        if (error instanceof errors/* InputError */.dz)
            throw error;
        report.ok = false;
        report.headline = `${(0,errors/* errorMessage */.gJ)(error)}${report.state.length > 0 ? `. What exists now: ${report.state.join('; ')}` : ''}`;
        return report;
    }
}
async function restoreSteps(request, ctx, report) {
    const { deps, source, timing, config } = ctx;
    const { logger, clock } = deps;
    const instances = new RestoreInstances(ctx.rdsClient, deps);
    const step = (line) => {
        report.steps.push(line);
        logger.info(line);
    };
    const repaired = await repairInterruptedCutOver(request, ctx, instances);
    if (repaired)
        step(repaired);
    const current = await instances.describe(source);
    if (!current && request.dryRun) {
        report.ok = true;
        report.headline = `dry run: ${repaired ?? ''}; the rest is planned after that rename`;
        return report;
    }
    if (!current)
        throw new RestoreFailed(`RDS instance ${source} does not exist`);
    // The name already holds this very restore: a cut-over that finished (or whose second rename
    // an earlier run started). Nothing to change; verify only.
    const doneTo = current.TagList?.find((t) => t.Key === RESTORE_TO_TAG)?.Value;
    if (doneTo !== undefined &&
        current.TagList?.some((t) => t.Key === RESTORE_OF_TAG && t.Value === source) &&
        request.to.kind !== 'latest' &&
        doneTo === (request.to.kind === 'snapshot' ? request.to.id : request.to.at.toISOString())) {
        report.ok = true;
        report.headline = `${source} already serves the restore to ${doneTo}: nothing to change`;
        report.state.push(report.headline);
        return report;
    }
    const plan = await planRestore(request, ctx, current);
    report.plan = plan;
    for (const line of plan.lines)
        logger.info(`plan: ${line}`);
    if (request.dryRun) {
        report.ok = true;
        report.headline = `dry run: would ${plan.lines.join('; ')}${request.mode === 'cut-over' ? '; then cut over' : ''}`;
        return report;
    }
    const queries = config.verify;
    // 1. Forensics snapshot of the current instance, before anything else changes.
    const rdsSource = new RdsInstance(ctx.rdsClient, source, deps);
    await instances.waitAvailable(source, 'the current instance', timing.renameTimeoutMs, timing);
    const forensics = await rdsSource.createSnapshot(snapshotId(`${source}-forensics`, new Date(clock.now())));
    report.forensicsSnapshot = forensics;
    step(`forensics snapshot ${forensics} of ${source} started`);
    await rdsSource.waitForSnapshot(forensics, timing.snapshotTimeoutMs, timing.pollIntervalMs);
    step(`forensics snapshot ${forensics} is available`);
    // 2. The restore beside it.
    const started = clock.now();
    if (!plan.adopt) {
        try {
            await instances.restore({
                id: plan.restored,
                source,
                from: plan.from,
                settings: plan.settings,
                tags: [
                    { Key: RESTORE_OF_TAG, Value: source },
                    { Key: RESTORE_TO_TAG, Value: plan.to },
                    { Key: 'apprunner-ops:managed', Value: 'true' },
                ],
            });
        }
        catch (error) {
            // An answer lost on the way may still have created it: only our own tagged restore counts.
            const there = await instances.describe(plan.restored).catch(() => undefined);
            if (!there || !isRestoreOf(there, source, plan.to)) {
                report.state.push(`${source} serves unchanged; no restored instance was created`);
                throw new RestoreFailed(`restoring ${source} into ${plan.restored} failed: ${(0,call/* awsErrorName */.ZH)(error) ?? ''} ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        step(`restoring ${plan.to} into ${plan.restored}`);
    }
    else
        step(`adopted ${plan.restored}, restored by an earlier run`);
    const restored = await instances.waitAvailable(plan.restored, 'the restored instance', timing.restoreTimeoutMs, timing);
    report.restoreMs = clock.now() - started;
    if ((restored.StorageEncrypted === true) !== plan.settings.encrypted)
        throw new RestoreFailed(`${plan.restored} has StorageEncrypted=${String(restored.StorageEncrypted)}, ${source} has ${String(plan.settings.encrypted)}; not cut over`);
    step(`${plan.restored} is available`);
    // 3. Side by side.
    const restoredEndpoint = {
        host: restored.Endpoint?.Address ?? '',
        port: restored.Endpoint?.Port ?? 0,
    };
    if (queries.length > 0) {
        if (!request.databaseUrl)
            throw new RestoreFailed('restore.verify has queries but no database-url was given to run them with');
        const timeout = 30_000;
        report.comparisons = (0,verify/* compare */.UD)(queries, await (0,verify/* runQueries */.Od)(plan.endpoint, request.databaseUrl, queries, timeout), await (0,verify/* runQueries */.Od)(restoredEndpoint, request.databaseUrl, queries, timeout));
        const failed = report.comparisons.filter((c) => 'error' in c.restored);
        if (failed.length > 0) {
            report.state.push(`${source} serves unchanged; ${plan.restored} exists beside it`);
            throw new RestoreFailed(`the restored instance did not answer ${failed.map((f) => f.name).join(', ')}; not cut over`);
        }
    }
    if (request.mode === 'inspect') {
        report.ok = true;
        report.headline = `restored ${plan.to} into ${plan.restored} beside ${source}; ${source} is unchanged`;
        report.state.push(`${source} serves unchanged`, `${plan.restored} holds the data as of ${plan.to} (deletion protection on)`);
        return report;
    }
    // 4. Cut-over.
    let window;
    try {
        window = await ctx.maintenance();
    }
    catch (error) {
        report.state.push(`${source} serves unchanged`, `${plan.restored} exists beside it`);
        throw new RestoreFailed(`opening the maintenance window failed, so nothing was renamed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    step(window.line);
    const replaced = instanceName(source, `-replaced-${stamp(new Date(clock.now()))}`);
    let firstRenameSent = false;
    let secondRenameSent = false;
    try {
        await instances.waitAvailable(source, 'the current instance', timing.renameTimeoutMs, timing);
        firstRenameSent = true;
        await instances.rename(source, replaced);
        step(`renaming ${source} to ${replaced}`);
        await instances.waitAvailable(replaced, 'the current instance renamed', timing.renameTimeoutMs, timing);
        await instances.waitGone(source, timing.renameTimeoutMs, timing);
        step(`renamed ${source} to ${replaced}`);
        try {
            await instances.rename(plan.restored, source);
        }
        catch (error) {
            // Refused, or an answer lost on the way: only a rename RDS took counts as sent.
            const restored = await instances.describe(plan.restored).catch(() => undefined);
            const pending = restored?.PendingModifiedValues?.DBInstanceIdentifier?.toLowerCase();
            secondRenameSent =
                pending === source ||
                    (await instances.describe(source).catch(() => undefined)) !== undefined;
            throw error;
        }
        secondRenameSent = true;
        step(`renaming ${plan.restored} to ${source}`);
        await instances.waitAvailable(source, 'the restored instance renamed', timing.renameTimeoutMs, timing);
        step(`renamed ${plan.restored} to ${source}: it now answers on ${source}'s endpoint`);
    }
    catch (error) {
        report.replaced = firstRenameSent ? replaced : undefined;
        if (firstRenameSent && !secondRenameSent) {
            // The current instance goes back to its name, so the service keeps reading it.
            const back = await renameBack(instances, replaced, source, timing).catch((e) => `renaming ${replaced} back to ${source} failed too: ${(0,errors/* errorMessage */.gJ)(e)}`);
            report.state.push(back, `${plan.restored} exists beside it, unchanged`);
        }
        else if (!firstRenameSent)
            report.state.push(`${source} serves unchanged`, `${plan.restored} exists beside it`);
        else
            report.state.push(`${replaced} holds the data ${source} had before the cut-over`, `${plan.restored} was being renamed to ${source}; run again to finish or check its state`);
        report.state.push(await window.close());
        throw new RestoreFailed(`cut-over failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    report.replaced = replaced;
    // 5. Verify through the original endpoint: it must now answer what the restore answered.
    if (queries.length > 0 && request.databaseUrl) {
        const before = new Map(report.comparisons.map((c) => [c.name, c.restored]));
        report.afterCutOver = (0,verify/* compare */.UD)(queries, await (0,verify/* runQueries */.Od)(plan.endpoint, request.databaseUrl, queries, 30_000), before);
    }
    step(await window.close());
    const differs = report.afterCutOver.filter((c) => !c.same);
    report.state.push(`${source} is the restored instance (data as of ${plan.to}), on the original endpoint`, `${replaced} holds the data ${source} had before; it is never deleted by apprunner-ops`);
    if (differs.length > 0) {
        report.headline = `cut over, but ${differs.map((d) => d.name).join(', ')} through ${source}'s endpoint differ from the restore`;
        return report;
    }
    report.ok = true;
    report.headline = `cut over: ${source} now serves the restore to ${plan.to}; the former instance is ${replaced}`;
    return report;
}
async function renameBack(instances, replaced, source, timing) {
    const still = await instances.describe(source);
    // Still `renaming` under the old name: the rename goes through; wait for it, then undo it.
    if (still && still.DBInstanceStatus !== 'renaming')
        return `${source} was not renamed (it is ${still.DBInstanceStatus}); it keeps serving under its name`;
    if (!still && !(await instances.describe(replaced)))
        return `neither ${source} nor ${replaced} is listed: check the RDS console`;
    await instances.waitAvailable(replaced, 'the replaced instance', timing.renameTimeoutMs, timing);
    await instances.rename(replaced, source);
    await instances.waitAvailable(source, `${replaced} renamed back`, timing.renameTimeoutMs, timing);
    return `${replaced} was renamed back to ${source}: it serves under its own name again`;
}
/** The command a person runs to delete the replaced instance once sure (never the suite). */
function deleteCommand(replaced) {
    return `aws rds modify-db-instance --db-instance-identifier ${replaced} --no-deletion-protection --apply-immediately && aws rds delete-db-instance --db-instance-identifier ${replaced} --final-db-snapshot-identifier ${replaced}-final`;
}


/***/ }),

/***/ 2908:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ renderRestore)
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
// EXTERNAL MODULE: ./core/restore/run.ts + 3 modules
var run = __webpack_require__(7014);
// EXTERNAL MODULE: ./core/restore/verify.ts + 1 modules
var verify = __webpack_require__(5944);
;// CONCATENATED MODULE: ./core/restore/summary.ts




/** A row of a side-by-side table: the query, both answers, and whether they agree. */
const comparisonRow = (c) => [
    c.name,
    (0,verify/* shown */.SP)(c.current),
    (0,verify/* shown */.SP)(c.restored),
    c.same ? 'same' : 'differs',
];
/** The job summary: outcome, the side-by-side table, what exists now, and the steps. */
function renderRestore(report, environment, mode) {
    const summary = new Summary();
    summary.heading(`Database restore (${mode}) \u2014 ${environment}`, 2);
    summary.paragraph(`${report.ok ? '\u2705' : '\u274c'} ${report.headline}`);
    if (report.comparisons.length > 0)
        summary
            .heading('Current and restored, side by side', 3)
            .table(['query', 'current', 'restored', ''], report.comparisons.map(comparisonRow));
    if (report.afterCutOver.length > 0)
        summary
            .heading('After the cut-over, through the original endpoint', 3)
            .table(['query', 'original endpoint now', 'restored before the cut-over', ''], report.afterCutOver.map(comparisonRow));
    if (report.state.length > 0)
        summary.heading('What exists now', 3).list(report.state);
    if (report.replaced)
        summary
            .heading('The replaced instance', 3)
            .paragraph(`${report.replaced} is kept (apprunner-ops never deletes it). Once you are sure, delete it with:`)
            .code((0,run/* deleteCommand */.x3)(report.replaced), 'sh');
    const facts = [
        report.forensicsSnapshot && `forensics snapshot: ${report.forensicsSnapshot}`,
        report.plan && `restored instance: ${report.plan.restored}`,
        report.restoreMs !== undefined && `restore took ${(0,duration/* formatDuration */.a3)(report.restoreMs)}`,
    ].filter((x) => Boolean(x));
    if (facts.length > 0)
        summary.list(facts);
    if (report.steps.length > 0)
        summary.heading('Steps', 3).list(report.steps);
    return summary;
}


/***/ }),

/***/ 5944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UD: () => (/* binding */ compare),
  Od: () => (/* binding */ runQueries),
  SP: () => (/* binding */ shown)
});

// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
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
function judge(q, raw, snapshotTime) {
    const e = q.expect;
    if (e['not-older-than-snapshot-by'] !== undefined) {
        if (raw === null || raw === undefined)
            return { value: null, ok: false, problem: 'no value (empty table?)' };
        const at = raw instanceof Date ? raw : new Date(String(raw));
        if (Number.isNaN(at.getTime()))
            return { value: String(raw), ok: false, problem: 'not a timestamp' };
        const limit = parseDuration(e['not-older-than-snapshot-by']) ?? 0;
        const lag = snapshotTime.getTime() - at.getTime();
        return {
            value: at.toISOString(),
            ok: lag <= limit,
            ...(lag > limit ? { problem: `${formatDuration(lag)} older than the snapshot` } : {}),
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
            problem: `cannot log in to the restored instance as ${c.user}: ${errorMessage(error)}`,
        };
    }
    const results = [];
    try {
        await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
        for (const q of input.queries) {
            try {
                const res = await client.query({ text: q.sql, rowMode: 'array' });
                const raw = res.rows[0]?.[0];
                const verdict = judge(q, typeof raw === 'bigint' ? Number(raw) : raw, input.snapshotTime);
                results.push({ name: q.name, sql: q.sql, expected: expectation(q), ...verdict });
            }
            catch (error) {
                results.push({
                    name: q.name,
                    sql: q.sql,
                    expected: expectation(q),
                    value: null,
                    ok: false,
                    problem: errorMessage(error),
                });
            }
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
    return { connected: true, results };
}

;// CONCATENATED MODULE: ./core/restore/verify.ts
/** The restore's verification queries, run read-only on one instance's endpoint. */


const verify_text = (raw) => raw === null || raw === undefined
    ? 'NULL'
    : raw instanceof Date
        ? raw.toISOString()
        : String(raw);
/**
 * Runs `queries` on `endpoint` with the URL's user, password, database and sslmode, in a
 * read-only transaction with a statement timeout. A login that fails answers every query with
 * the failure (the password is never part of it: pg does not echo it).
 */
async function runQueries(endpoint, databaseUrl, queries, timeoutMs) {
    const c = credentialsFromUrl(databaseUrl);
    const answers = new Map();
    const client = await clientAt(endpoint.host, endpoint.port, c, timeoutMs);
    try {
        await client.connect();
    }
    catch (error) {
        const why = `cannot log in at ${endpoint.host}:${endpoint.port}: ${(0,errors/* errorMessage */.gJ)(error)}`;
        for (const q of queries)
            answers.set(q.name, { error: why });
        return answers;
    }
    try {
        for (const q of queries) {
            try {
                await client.query('BEGIN READ ONLY');
                const res = await client.query({ text: q.sql, rowMode: 'array' });
                const first = res.rows[0]?.[0];
                answers.set(q.name, { value: verify_text(first) });
            }
            catch (error) {
                answers.set(q.name, { error: (0,errors/* errorMessage */.gJ)(error) });
            }
            finally {
                await client.query('ROLLBACK').catch(() => undefined);
            }
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
    return answers;
}
function compare(queries, current, restored) {
    return queries.map((q) => {
        const a = current.get(q.name) ?? { error: 'not run' };
        const b = restored.get(q.name) ?? { error: 'not run' };
        return {
            name: q.name,
            sql: q.sql,
            current: a,
            restored: b,
            same: 'value' in a && 'value' in b && a.value === b.value,
        };
    });
}
const shown = (a) => ('value' in a ? a.value : `error: ${a.error}`);


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


/***/ })

};
