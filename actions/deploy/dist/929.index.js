export const id = 929;
export const ids = [929];
export const modules = {

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

/***/ 711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cs: () => (/* binding */ runAction),
  Uc: () => (/* binding */ runPostStep)
});

// UNUSED EXPORTS: actionsLogger

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 10 modules
var core = __webpack_require__(7264);
// EXTERNAL MODULE: ./core/aws/ssm-tunnel.ts
var ssm_tunnel = __webpack_require__(6358);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __webpack_require__(5142);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/zod-issues.ts
var zod_issues = __webpack_require__(6793);
;// CONCATENATED MODULE: ./core/action/inputs.ts





/**
 * Typed readers over raw action inputs. Each reader names the input in its error and says
 * the accepted form. Defaults live in action.yml only, so an empty value means "not given".
 */
class InputReader {
    source;
    mask;
    /** Every input name read, so a test can compare them with action.yml. */
    names = new Set();
    constructor(source, mask = () => { }) {
        this.source = source;
        this.mask = mask;
    }
    raw(name) {
        this.names.add(name);
        return this.source(name).trim();
    }
    /** A string, or undefined when empty. */
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    required(name) {
        const value = this.optional(name);
        if (value === undefined)
            throw new errors/* InputError */.dz(name, 'is required');
        return value;
    }
    /** Secret values are masked in the log the moment they are read. */
    secret(name) {
        const value = this.optional(name);
        if (value !== undefined) {
            this.mask(value);
        }
        return value;
    }
    /**
     * A secret URL (webhook, database URL): masked on read, and never echoed in an error,
     * which names only the input and the expected form.
     */
    secretUrl(name, protocols) {
        const value = this.secret(name);
        if (value === undefined)
            return undefined;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            url = undefined;
        }
        if (!url || !protocols.includes(url.protocol.replace(/:$/, ''))) {
            throw new errors/* InputError */.dz(name, `expected a ${protocols.join(':// or ')}:// URL (value not shown: it is a secret)`);
        }
        return url;
    }
    /** Strict YAML 1.2 booleans only: `true` or `false` (any case). "yes" is refused. */
    boolean(name) {
        const value = this.required(name).toLowerCase();
        if (value === 'true')
            return true;
        if (value === 'false')
            return false;
        throw new errors/* InputError */.dz(name, `expected true or false, got "${this.source(name).trim()}"`);
    }
    integer(name, bounds) {
        const text = this.required(name);
        if (!/^-?\d+$/.test(text))
            throw new errors/* InputError */.dz(name, `expected a whole number, got "${text}"`);
        const value = Number(text);
        if (value < bounds.min || value > bounds.max) {
            throw new errors/* InputError */.dz(name, `expected a number from ${bounds.min} to ${bounds.max}, got ${value}`);
        }
        return value;
    }
    /** A duration such as `90s`, `5m`, `1h30m`, in milliseconds, within bounds. */
    duration(name, bounds) {
        const text = this.required(name);
        const ms = (0,duration/* parseDuration */.E9)(text);
        if (ms === undefined) {
            throw new errors/* InputError */.dz(name, `expected a duration with a unit like 90s, 5m or 1h30m, got "${text}"`);
        }
        if (ms < bounds.min || ms > bounds.max) {
            throw new errors/* InputError */.dz(name, `expected a duration from ${(0,duration/* formatDurationValue */.Hs)(bounds.min)} to ${(0,duration/* formatDurationValue */.Hs)(bounds.max)}, got ${text}`);
        }
        return ms;
    }
    /** An absolute http(s) URL; trailing slashes are kept as given. */
    url(name) {
        const text = this.optional(name);
        if (text === undefined)
            return undefined;
        let url;
        try {
            url = new URL(text);
        }
        catch {
            throw new errors/* InputError */.dz(name, `expected an absolute URL like https://example.com, got "${text}"`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            throw new errors/* InputError */.dz(name, `expected an http:// or https:// URL, got "${text}"`);
        }
        return url;
    }
    /** An App Runner service ARN. */
    serviceArn(name) {
        const text = this.optional(name);
        if (text !== undefined && !fields/* APP_RUNNER_SERVICE_ARN */.Vt.test(text)) {
            throw new errors/* InputError */.dz(name, `expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service/<name>/<32 hex id>, got "${text}"`);
        }
        return text;
    }
    enumOf(name, values) {
        const text = this.required(name);
        if (!values.includes(text)) {
            throw new errors/* InputError */.dz(name, `expected one of ${values.join(', ')}, got "${text}"`);
        }
        return text;
    }
    /** Items separated by newlines or commas; blanks dropped. */
    list(name) {
        const text = this.optional(name);
        if (text === undefined)
            return [];
        return text
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
    }
    /** Inline YAML validated by a schema; errors name the input and the path inside it. */
    yaml(name, schema) {
        const text = this.optional(name);
        if (text === undefined)
            return undefined;
        const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
        const yamlError = doc.errors[0];
        if (yamlError) {
            const first = (yamlError.message.split('\n')[0] ?? '').replace(/:$/, '');
            throw new errors/* InputError */.dz(name, `invalid YAML: ${first}`);
        }
        const data = doc.toJS();
        const result = schema.safeParse(data);
        if (!result.success) {
            throw new errors/* InputError */.dz(name, (0,zod_issues/* formatIssues */.og)(schema, data, result.error.issues).join('; '));
        }
        return result.data;
    }
}

;// CONCATENATED MODULE: ./core/action/runtime.ts





const actionsLogger = {
    debug: (m) => core/* debug */.Yz(m),
    info: (m) => core/* info */.pq(m),
    warning: (m, a) => core/* warning */.$e(m, a),
    error: (m, a) => core/* error */.z3(m, a),
    group: (name, fn) => core/* group */.Os(name, fn),
};
function context() {
    return {
        inputs: new InputReader((name) => core/* getInput */.V4(name), (value) => core/* setSecret */.Pq(value)),
        logger: actionsLogger,
        setOutput: (name, value) => core/* setOutput */.uH(name, String(value)),
        saveState: (name, value) => core/* saveState */.LZ(name, value),
        getState: (name) => core/* getState */.Gu(name),
        mask: (value) => core/* setSecret */.Pq(value),
        writeSummary: async (summary) => {
            if (!process.env['GITHUB_STEP_SUMMARY'])
                return;
            await core/* summary */.z.addRaw(summary.toMarkdown(), true).write();
        },
    };
}
/**
 * Runs an action body and turns whatever it throws into one failure line,
 * `<action>: <message>`. User mistakes and domain failures are reported as they are; any
 * other error is a bug, reported with its stack so it can be filed.
 */
async function runAction(action, body) {
    try {
        await body(context());
    }
    catch (error) {
        reportFailure(action, error);
    }
    finally {
        // Every outcome ends the run's database sessions (a cancellation: the post step does).
        await (0,pg_client/* closeDatabaseRoute */.HI)().catch((error) => core/* warning */.$e(`${action}: closing the database sessions: ${(0,errors/* errorMessage */.gJ)(error)}`));
    }
}
function reportFailure(action, error) {
    if ((0,errors/* isUserFixable */.$$)(error) || error instanceof errors/* DomainFailure */.dY) {
        core/* setFailed */.C1(`${action}: ${error.message}`);
    }
    else {
        if (error instanceof Error && error.stack)
            core/* info */.pq(error.stack);
        core/* setFailed */.C1(`${action}: unexpected error (a bug in apprunner-ops; please report it): ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/**
 * A post step: failures become warnings, never a failed job. It first ends the database
 * sessions a cancelled main step left running (a killed step never reaches its own finally).
 */
async function runPostStep(action, body) {
    try {
        const pids = core/* getState */.Gu(ssm_tunnel/* TUNNEL_STATE */.xW)
            .split(',')
            .map(Number)
            .filter((pid) => Number.isInteger(pid) && pid > 0);
        if (pids.length > 0)
            await (0,ssm_tunnel/* closeLeftoverSessions */.lo)(pids, actionsLogger);
    }
    catch (error) {
        core/* warning */.$e(`${action} (post): closing the database sessions: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    try {
        await body(context());
    }
    catch (error) {
        core/* warning */.$e(`${action} (post): ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}


/***/ }),

/***/ 670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Al: () => (/* binding */ regexField),
/* harmony export */   D_: () => (/* binding */ accountIdField),
/* harmony export */   GG: () => (/* binding */ ecsServiceArnField),
/* harmony export */   IN: () => (/* binding */ queryNameField),
/* harmony export */   JL: () => (/* binding */ snapshotPrefixField),
/* harmony export */   Qq: () => (/* binding */ ECS_SERVICE_ARN),
/* harmony export */   St: () => (/* binding */ httpUrlField),
/* harmony export */   Ti: () => (/* binding */ durationField),
/* harmony export */   UV: () => (/* binding */ appRunnerServiceArnField),
/* harmony export */   VO: () => (/* binding */ rdsInstanceField),
/* harmony export */   Vt: () => (/* binding */ APP_RUNNER_SERVICE_ARN),
/* harmony export */   cU: () => (/* binding */ positiveDurationField),
/* harmony export */   rG: () => (/* binding */ ecrRepositoryField),
/* harmony export */   vn: () => (/* binding */ envNameField),
/* harmony export */   yh: () => (/* binding */ awsRegionField)
/* harmony export */ });
/* unused harmony exports RDS_INSTANCE_ID, TARGET_KINDS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);


/** Field types shared by the config file and action inputs; each error says the accepted form. */
const durationField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine((text) => (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text) !== undefined, {
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
/** RDS DB instance identifiers: 1\u201363 letters, digits, hyphens; start with a letter; no "--"; no trailing "-". */
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
/** A duration longer than zero (`max-age: 0s` or `-1h` would make a check meaningless). */
const positiveDurationField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .refine((text) => ((0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text) ?? 0) > 0, {
    message: 'expected a positive duration like 90s, 24h or 1h30m',
})
    .describe('A duration greater than zero: a number with a unit (ms, s, m, h), e.g. 24h.');
/** The platforms a service can be deployed to (`target.kind`). */
const TARGET_KINDS = (/* unused pure expression or super */ null && (['app-runner', 'ecs-express', 'asg', 'fly']));
/** The name of a verification query (a drill's, a restore's): shown in reports and tables. */
const queryNameField = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'expected a short lowercase name like users' });


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


/***/ }),

/***/ 78:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   On: () => (/* binding */ endExpiredSuitePauses),
/* harmony export */   qR: () => (/* binding */ closeMaintenanceWindow),
/* harmony export */   qS: () => (/* binding */ openMaintenanceWindow)
/* harmony export */ });
/* unused harmony exports PAUSE_RECORD_KEY, parsePauseRecord, pauseOwner, inspectMonitor, describeSuitePause, personPauseLine */
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
                const line = `${options.dryRun ? 'would end' : 'ended'} the pause of monitor ${id} (paused by ${describeSuitePause(owner.record)}; the window passed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(deps.clock.now() - Date.parse(owner.record.until))} ago)`;
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

/***/ 8729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Hs: () => (/* binding */ formatDurationValue),
/* harmony export */   a3: () => (/* binding */ formatDuration)
/* harmony export */ });
/* unused harmony exports setDurationStyle, formatDurationWords */
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
let durationStyle = 'compact';
function setDurationStyle(style) {
    durationStyle = style;
}
/** 93_000 \u2192 "1m33s" (or "1 m 33 s" where the style is words); 450 \u2192 "450ms". */
function formatDuration(ms) {
    return durationStyle === 'words' ? formatDurationWords(ms) : formatDurationValue(ms);
}
/**
 * 93_000 \u2192 "1m33s" whatever the style: a value a message suggests for the configuration or an
 * input ("make keep-old at least 5m"), which must parse as written.
 */
function formatDurationValue(ms) {
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
/**
 * 18_029_000 \u2192 "5 h 0 m 29 s"; 450 \u2192 "450 ms". For a person at a terminal: units apart from
 * their numbers and none skipped between two shown, so "5h29s" is never read as minutes.
 */
function formatDurationWords(ms) {
    return formatDurationValue(ms)
        .replace(/(\d+(?:\.\d+)?)(ms|h|m|s)/g, '$1 $2 ')
        .trim();
}


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

/***/ 5142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ closeDatabaseRoute),
/* harmony export */   OH: () => (/* binding */ useDatabaseRoute),
/* harmony export */   Te: () => (/* binding */ pgClient),
/* harmony export */   j_: () => (/* binding */ routedUrl),
/* harmony export */   vx: () => (/* binding */ reachDatabase)
/* harmony export */ });
/* unused harmony exports currentDatabaseAccess, usePgClient, databaseAddress, reachAdvice, DatabaseUnreachable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);

let route;
/** Installs the run's route (one per run); the previous one is closed. */
async function useDatabaseRoute(next) {
    const previous = route;
    route = next;
    if (previous && previous !== next)
        await previous.close();
}
/** Closes the run's tunnels; the action runtime calls it when the main step ends, whatever its outcome. */
async function closeDatabaseRoute() {
    const current = route;
    route = undefined;
    await current?.close();
}
function currentDatabaseAccess() {
    return route?.access ?? 'direct';
}
/**
 * A pg client, with the driver imported on first use (a separate chunk in the bundles). Every
 * action's configuration schema reaches the sql check, the drill and the audit log, but most
 * runs never connect to a database, and loading pg is a tenth of a bundle's start-up.
 *
 * Through a route, the connection goes to the route's local address while TLS still verifies
 * the certificate against the database's own host name.
 */
async function pgClient(config) {
    const { default: driver } = await __webpack_require__.e(/* import() */ 849).then(__webpack_require__.bind(__webpack_require__, 3849));
    if (!route)
        return new driver.Client(config);
    return new driver.Client(await routed(config, route));
}
/**
 * Connects `client`, runs `use` on it, and ends it whatever happens. An 'error' event of the
 * connection is ignored (without a listener it would end the process): the failure reaches
 * the caller as the rejection of the call under way.
 */
async function usePgClient(client, use) {
    client.on('error', () => { });
    try {
        await client.connect();
        return await use(client);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** The database's own host and port named by a client configuration (URL or fields). */
async function databaseAddress(config) {
    let fields = { ...config };
    if (config.connectionString) {
        const { parse } = await __webpack_require__.e(/* import() */ 984).then(__webpack_require__.bind(__webpack_require__, 984));
        const { connectionString: _url, ...rest } = config;
        // The URL's fields win over the object's, as in pg's own ConnectionParameters.
        fields = { ...rest, ...parse(config.connectionString) };
    }
    const host = typeof fields.host === 'string' && fields.host ? fields.host : 'localhost';
    const port = Number(fields.port ?? 5432) || 5432;
    return { host, port, fields };
}
async function routed(config, through) {
    const { host, port, fields } = await databaseAddress(config);
    const target = await through.open(host, port);
    if (target.host === host && target.port === port)
        return config;
    const ssl = fields.ssl;
    return {
        ...fields,
        host: target.host,
        port: target.port,
        // The certificate names the database's host, not 127.0.0.1: verify against that name.
        ...(ssl ? { ssl: { ...(typeof ssl === 'object' ? ssl : {}), servername: host } } : {}),
    };
}
/** The three ways to reach a private database, for every "cannot reach" message. */
function reachAdvice(configPath) {
    return (`A GitHub-hosted runner is outside your VPC; set ${configPath}.database.access to one of: ` +
        `direct (the host is reachable from the runner, e.g. a publicly accessible instance restricted by security group), ` +
        `ssm with via: <instance id or tag filter> (port forwarding through an instance in the VPC running the SSM agent), ` +
        `runner with runner-label: <label> (run the database jobs on a self-hosted runner inside the VPC). ` +
        `See docs/setup.md, "Private databases".`);
}
/** Errors of the network, not of the database: the host was never reached. */
function unreachable(error) {
    const code = error.code;
    if (typeof code === 'string' && /^(E[A-Z]+|ENOTFOUND|EAI_AGAIN)$/.test(code))
        return true;
    const message = error instanceof Error ? error.message : String(error);
    return /timeout|timed out|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|terminated unexpectedly/i.test(message);
}
/** Reported as it is (the configuration or the network must change), never as a bug. */
class DatabaseUnreachable extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'DatabaseUnreachable';
}
/**
 * Preflight: opens a connection to the database of `url` within `deadlineMs` and runs
 * `SELECT 1`. Throws DatabaseUnreachable, naming the host, what was tried and the three ways,
 * when the network never reached it; a refused login is the caller's to judge (it proves the
 * host is reachable), so it is returned, never thrown.
 */
async function reachDatabase(url, options) {
    const { host, port } = await databaseAddress({ connectionString: url });
    const access = currentDatabaseAccess();
    let tried = `a direct connection to ${host}:${port}`;
    let timer;
    const attempt = async () => {
        if (route)
            tried = (await route.open(host, port)).via;
        const client = await pgClient({
            connectionString: url,
            connectionTimeoutMillis: options.deadlineMs,
            statement_timeout: options.deadlineMs,
        });
        try {
            await usePgClient(client, (c) => c.query('SELECT 1'));
            return { reached: true };
        }
        catch (error) {
            if (unreachable(error))
                throw error;
            // Reached: the server answered (a refused login, a missing database).
            const code = error.code ?? '';
            return { reached: true, loginError: `${code} ${error.message}`.trim() };
        }
    };
    try {
        return await Promise.race([
            attempt(),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no connection within ${options.deadlineMs / 1000} s`)), options.deadlineMs);
            }),
        ]);
    }
    catch (error) {
        // The route's own failure (an SSM session that did not start) already says what to do.
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY)
            throw error;
        const reason = error instanceof Error ? error.message : String(error);
        // pg's messages name the host and user, never the password; strip the URL anyway.
        const safe = reason.split(url).join('<database url>');
        throw new DatabaseUnreachable(`cannot reach ${options.what} at ${host}:${port} (access: ${access}); tried ${tried}: ${safe}. ${reachAdvice(options.configPath)}`);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * A URL for a program the suite runs (a rollback's down migration), through the run's route:
 * its host and port become the local end of the session. The program then connects to
 * 127.0.0.1, so `sslmode=verify-full` would fail its host name check: such a URL needs
 * `sslmode=require` for the migration (docs/setup.md, "Private databases").
 */
async function routedUrl(url) {
    if (!route)
        return url;
    const { host, port } = await databaseAddress({ connectionString: url });
    const target = await route.open(host, port);
    if (target.host === host && target.port === port)
        return url;
    const parsed = new URL(url);
    parsed.hostname = target.host;
    parsed.port = String(target.port);
    return parsed.href;
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

/***/ 6793:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   og: () => (/* binding */ formatIssues)
/* harmony export */ });
/* unused harmony exports formatPath, describeValue, closestKey */
/** `environments.production.health.checks[1].expect.status` */
function formatPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else
            out += out === '' ? String(segment) : `.${String(segment)}`;
    }
    return out;
}
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${String(value)}`;
}
function valueAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (node == null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(current + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
/** The closest known key to a misspelled one, when it is close enough to be a typo. */
function closestKey(key, known) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const d = editDistance(key, candidate);
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
        ? best
        : undefined;
}
/** The zod definition at a data path (through optional/default/pipe wrappers), if any. */
function defAt(schema, path) {
    let node = schema;
    const unwrap = (s) => {
        let current = s;
        for (let i = 0; i < 10 && current?._zod?.def; i++) {
            const def = current._zod.def;
            if (def['innerType'])
                current = def['innerType'];
            else if (def['type'] === 'pipe' && def['in'])
                current = def['in'];
            else
                break;
        }
        return current;
    };
    for (const segment of path) {
        const def = unwrap(node)?._zod?.def;
        if (!def)
            return undefined;
        if (typeof segment === 'number' && def['type'] === 'array')
            node = def['element'];
        else if (def['type'] === 'object')
            node = def['shape'][String(segment)];
        else if (def['type'] === 'record')
            node = def['valueType'];
        else
            return undefined;
    }
    return unwrap(node)?._zod?.def;
}
function knownKeysAt(schema, path) {
    const def = defAt(schema, path);
    return def?.['type'] === 'object' ? Object.keys(def['shape']) : [];
}
function discriminatorValues(schema, parent, key) {
    const def = defAt(schema, parent);
    if (!def || def['discriminator'] !== key || !Array.isArray(def['options']))
        return [];
    return def['options'].flatMap((option) => {
        const shape = option._zod.def['shape'];
        const tag = shape[String(key)]?._zod.def;
        // A literal lists `values`; an enum its `entries`.
        return (tag?.['values'] ??
            Object.values(tag?.['entries'] ?? {}));
    });
}
function isIntegerAt(schema, path) {
    const def = defAt(schema, path);
    return (def?.['type'] === 'number' && typeof def['format'] === 'string' && /int/.test(def['format']));
}
/**
 * One readable line per zod issue: `<path>: <what is wrong>`. `where(path)` may add a
 * location such as ` (line 23)`.
 */
function formatIssues(schema, data, issues, where = () => '', prefix = []) {
    const lines = [];
    for (const issue of issues) {
        if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
            // Report the branch that got furthest rather than "invalid input".
            const best = [...issue.errors].sort((a, b) => maxDepth(b) - maxDepth(a))[0] ?? [];
            lines.push(...formatIssues(schema, data, best, where, prefix));
            continue;
        }
        const path = issue.path;
        const full = [...prefix, ...path];
        const at = formatPath(full) || '(top level)';
        const value = valueAt(data, path);
        let detail;
        switch (issue.code) {
            case 'invalid_type': {
                const expected = issue.expected === 'number' && isIntegerAt(schema, path) ? 'int' : issue.expected;
                detail =
                    value === undefined
                        ? `is required (expected ${article(expected)})`
                        : `expected ${article(expected)}, got ${describeValue(value)}`;
                break;
            }
            case 'unrecognized_keys': {
                const known = knownKeysAt(schema, path);
                for (const key of issue.keys) {
                    const hint = closestKey(key, known);
                    lines.push(`${formatPath([...full, key])}: unknown key${hint ? `; did you mean "${hint}"?` : known.length ? `; expected one of ${known.join(', ')}` : ''}${where([...path, key])}`);
                }
                continue;
            }
            case 'invalid_value':
                detail = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
                break;
            case 'invalid_union': {
                // A discriminated union whose tag matched no option, e.g. an unknown check type.
                const options = discriminatorValues(schema, path.slice(0, -1), path[path.length - 1]);
                if (options.length > 0) {
                    const hint = typeof value === 'string' ? closestKey(value, options) : undefined;
                    detail = `expected one of ${options.join(', ')}, got ${describeValue(value)}${hint ? `; did you mean "${hint}"?` : ''}`;
                }
                else {
                    detail = issue.message;
                }
                break;
            }
            default:
                // Refinement messages already say what is expected; show the value when it is a scalar.
                detail =
                    value === undefined || typeof value === 'object'
                        ? issue.message
                        : `${issue.message}, got ${describeValue(value)}`;
        }
        lines.push(`${at}: ${detail}${where(path)}`);
    }
    return lines;
}
function maxDepth(issues) {
    return Math.max(0, ...issues.map((i) => i.path.length));
}
function article(expected) {
    const word = expected === 'int'
        ? 'integer'
        : expected === 'record' || expected === 'object'
            ? 'mapping'
            : expected === 'array'
                ? 'list'
                : expected;
    return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}


/***/ })

};
