export const id = 711;
export const ids = [711];
export const modules = {

/***/ 711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runAction),
  runPostStep: () => (/* binding */ runPostStep)
});

// UNUSED EXPORTS: actionsLogger

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
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

/***/ 5142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ closeDatabaseRoute),
/* harmony export */   OH: () => (/* binding */ useDatabaseRoute),
/* harmony export */   Te: () => (/* binding */ pgClient),
/* harmony export */   vx: () => (/* binding */ reachDatabase)
/* harmony export */ });
/* unused harmony exports currentDatabaseAccess, usePgClient, databaseAddress, reachAdvice, DatabaseUnreachable, routedUrl */
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
