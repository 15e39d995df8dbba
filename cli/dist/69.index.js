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
/* harmony import */ var _core_config_load_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2724);
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

/***/ 641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ attestationSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const attestationSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'attestation',
    description: 'A person vouches for this item in the attestations file (by, at, evidence, expires).',
    shape: {
        id: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' }),
        text: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1).describe('What the person vouches for, as the checklist says it.'),
    },
});


/***/ }),

/***/ 8868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ backupsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const backupsSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'backups',
    description: 'Automated backups are on (retention > 0) and LatestRestorableTime is recent, so point-in-time recovery works.',
    shape: {
        'max-restore-lag': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
            .default('15m')
            .describe('How far LatestRestorableTime may lag behind now.'),
        'min-retention-days': zod__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr().min(1).max(35).default(1),
    },
});


/***/ }),

/***/ 8113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ ciGreenSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const ciGreenSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'ci-green',
    description: 'The commit being launched has only successful check runs and commit statuses (and each required one).',
    shape: {
        required: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1))
            .default([])
            .describe('Check run or status names that must be present and successful, e.g. lint, e2e.'),
    },
});


/***/ }),

/***/ 3674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ defineCheckSchema),
/* harmony export */   d: () => (/* binding */ commonCheckFields)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/**
 * What the configuration knows of a check type: its `type:`, its keys and the targets it can
 * read. These files sit below the configuration, which builds its check lists from them; the
 * run of each check (core/checks/<type>.ts) sits above the configuration and spreads its
 * schema into `defineCheck`. They import zod and field readers only, never a check.
 */


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
/** Declares a check type's item schema; the literal type lets the configuration's union discriminate. */
function defineCheckSchema(schema) {
    return schema;
}


/***/ }),

/***/ 9072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ customDomainsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const customDomainsSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'custom-domains',
    description: 'App Runner DescribeCustomDomains shows each host associated with the service and active.',
    shape: {
        hosts: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[a-z0-9.-]+$/, { message: 'expected a host name like getdrop.no' }))
            .min(1),
    },
    // ECS Express serves on its own endpoint; it has no custom domains to describe.
    targets: ['app-runner'],
});


/***/ }),

/***/ 3148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ databaseAvailableSchema)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);

const databaseAvailableSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'database-available',
    description: 'The RDS instance is available.',
    shape: {},
});


/***/ }),

/***/ 2964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ databasePrivateSchema)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);

const databasePrivateSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'database-private',
    description: 'The RDS instance is not publicly accessible and no security group admits its port from anywhere.',
    shape: {},
});


/***/ }),

/***/ 5612:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ longQueriesSchema),
/* harmony export */   QG: () => (/* binding */ storageGrowthSchema),
/* harmony export */   Ze: () => (/* binding */ connectionsSchema),
/* harmony export */   gt: () => (/* binding */ replicationLagSchema),
/* harmony export */   pk: () => (/* binding */ blockingSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const connectionsSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'connections',
    description: 'Database connections in use against max_connections, by state, and sessions idle in a transaction for longer than idle-in-transaction (read-only).',
    shape: {
        'max-used-percent': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig()
            .min(1)
            .max(100)
            .default(80)
            .describe('Fail when more than this share of max_connections is in use.'),
        'idle-in-transaction': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
            .default('5m')
            .describe('Fail on a session idle in a transaction for longer than this (it holds locks).'),
    },
});
const longQueriesSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'long-queries',
    description: 'Queries running longer than longer-than, with pid, user and age; their text only with show-text (read-only).',
    shape: {
        'longer-than': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti.default('5m'),
        'show-text': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
            .default(false)
            .describe('Show the first 200 characters of each query (may hold personal data).'),
    },
});
const blockingSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'blocking',
    description: 'Sessions waiting for a lock longer than waiting-longer-than, each with the pid that blocks it (read-only; no query text).',
    shape: { 'waiting-longer-than': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti.default('30s') },
});
const replicationLagSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'replication-lag',
    description: 'Each read replica of database.instance: CloudWatch AWS/RDS ReplicaLag, its maximum over the window, is at most max-seconds.',
    shape: {
        'max-seconds': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).default(60),
        window: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti.default('15m'),
    },
});
const storageGrowthSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'storage-growth',
    description: 'Days until the database storage is full at the growth of the last 7 days (CloudWatch FreeStorageSpace, daily minimum) is at least min-days.',
    shape: { 'min-days': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive().default(30) },
});


/***/ }),

/***/ 2653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ ecrUntaggedSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const ecrUntaggedSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'ecr-untagged',
    description: 'Untagged ECR images that nothing references, listed (or deleted with delete: true); index children, running images, rollback targets and recent pushes are kept.',
    shape: {
        delete: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
            .default(false)
            .describe('Delete what the clean-up finds; default false lists it only (dry run).'),
        'min-age': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
            .default('7d')
            .describe('Untagged images pushed more recently than this are kept.'),
        'rollback-targets': zod__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr()
            .min(0)
            .max(100)
            .default(5)
            .describe('How many last good versions of each environment are kept for a rollback.'),
    },
});


/***/ }),

/***/ 1008:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ errorRateSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const errorRateSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'error-rate',
    description: 'The share of requests answered 5xx over the window stays at or below max-percent (App Runner: AWS/AppRunner 5xxStatusResponses \u00f7 Requests; ECS Express: AWS/ApplicationELB HTTPCode_Target_5XX_Count \u00f7 RequestCount of its target groups).',
    shape: {
        'max-percent': zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().min(0).max(100).default(1),
        window: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .positiveDurationField */ .cU.default('1h'),
    },
});


/***/ }),

/***/ 1231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ escalationTestSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const escalationTestSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'escalation-test',
    description: 'Opt-in: creates a BetterStack test incident for an escalation policy, waits until BetterStack escalates it, then resolves it (also after a cancellation, in the post step).',
    shape: {
        'policy-id': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
            .regex(/^\d+$/, { message: 'expected the numeric id of a BetterStack escalation policy' })
            .describe('The escalation policy the test incident goes to.'),
        'requester-email': zod__WEBPACK_IMPORTED_MODULE_2__/* .email */ .Rpp({ message: 'expected an e-mail address (BetterStack requires one)' })
            .describe('Who BetterStack records as having reported the test incident.'),
        deadline: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
            .default('10m')
            .describe('How long to wait for BetterStack to escalate the incident.'),
        'poll-interval': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti.default('15s').describe('How often to read its timeline.'),
    },
});


/***/ }),

/***/ 3949:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ freeStorageSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const freeStorageSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'free-storage',
    description: 'RDS FreeStorageSpace (its minimum over the window) stays above min-gib.',
    shape: {
        'min-gib': positiveNumber().default(2),
        window: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .positiveDurationField */ .cU.default('1h'),
    },
});
function positiveNumber() {
    return zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().positive({ message: 'expected a number greater than 0' });
}


/***/ }),

/***/ 209:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ healthSchema)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);

const healthSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'health',
    description: 'The environment\u2019s health checks pass (tried again until the check\u2019s deadline).',
    shape: {},
});


/***/ }),

/***/ 3663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ hstsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const hstsSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'hsts',
    description: 'Strict-Transport-Security has at least this max-age, includeSubDomains and preload.',
    shape: {
        'min-max-age': zod__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr().min(0).default(63072000),
        'include-subdomains': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true),
        preload: zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY().default(true),
        url: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .httpUrlField */ .St.optional().describe('Page to read the header from; default health.base-url.'),
    },
});


/***/ }),

/***/ 8087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ httpsRedirectSchema)
/* harmony export */ });
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);


const httpsRedirectSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'https-redirect',
    description: 'The http:// address redirects to https://.',
    shape: {
        url: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .httpUrlField */ .St
            .optional()
            .describe('The http:// URL to try; default health.base-url with http://.'),
    },
});


/***/ }),

/***/ 4720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ imagePresentSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const imagePresentSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'image-present',
    description: 'ECR holds an image with this tag.',
    shape: {
        tag: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^[\w][\w.-]{0,127}$/)
            .default('production'),
    },
});


/***/ }),

/***/ 1961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ incidentsResolvedSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const incidentsResolvedSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'incidents-resolved',
    description: 'No BetterStack incident is left unresolved for longer than max-age (the runbook\u2019s "no unresolved critical alerts in 24 h").',
    shape: {
        'max-age': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
            .default('24h')
            .describe('How long an incident may stay unresolved, e.g. 24h.'),
        'monitor-ids': zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('Only incidents of these monitors; default every incident of the team.'),
    },
});


/***/ }),

/***/ 4439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M5: () => (/* binding */ targetMismatch),
/* harmony export */   _U: () => (/* binding */ checkSchema),
/* harmony export */   bi: () => (/* binding */ checkItemSchema),
/* harmony export */   ij: () => (/* binding */ checkId)
/* harmony export */ });
/* unused harmony export CHECK_SCHEMAS */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_32__ = __webpack_require__(8816);
/* harmony import */ var _service_running_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6026);
/* harmony import */ var _attestation_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(641);
/* harmony import */ var _backups_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8868);
/* harmony import */ var _ci_green_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8113);
/* harmony import */ var _custom_domains_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9072);
/* harmony import */ var _database_available_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3148);
/* harmony import */ var _database_private_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2964);
/* harmony import */ var _ecr_untagged_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2653);
/* harmony import */ var _error_rate_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1008);
/* harmony import */ var _free_storage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3949);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(209);
/* harmony import */ var _hsts_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3663);
/* harmony import */ var _https_redirect_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(8087);
/* harmony import */ var _image_present_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4720);
/* harmony import */ var _latency_p99_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(3878);
/* harmony import */ var _lifecycle_policy_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(8266);
/* harmony import */ var _log_errors_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(2253);
/* harmony import */ var _monitors_green_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(2554);
/* harmony import */ var _pages_reachable_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(1789);
/* harmony import */ var _restore_verified_js__WEBPACK_IMPORTED_MODULE_19__ = __webpack_require__(5746);
/* harmony import */ var _db_diagnostics_js__WEBPACK_IMPORTED_MODULE_20__ = __webpack_require__(5612);
/* harmony import */ var _rotation_due_js__WEBPACK_IMPORTED_MODULE_21__ = __webpack_require__(6290);
/* harmony import */ var _secrets_present_js__WEBPACK_IMPORTED_MODULE_22__ = __webpack_require__(1556);
/* harmony import */ var _service_env_js__WEBPACK_IMPORTED_MODULE_23__ = __webpack_require__(7002);
/* harmony import */ var _snapshot_fresh_js__WEBPACK_IMPORTED_MODULE_24__ = __webpack_require__(3210);
/* harmony import */ var _snapshot_restore_js__WEBPACK_IMPORTED_MODULE_25__ = __webpack_require__(1196);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_26__ = __webpack_require__(2684);
/* harmony import */ var _tls_js__WEBPACK_IMPORTED_MODULE_27__ = __webpack_require__(5482);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_28__ = __webpack_require__(5425);
/* harmony import */ var _incidents_resolved_js__WEBPACK_IMPORTED_MODULE_29__ = __webpack_require__(1961);
/* harmony import */ var _escalation_test_js__WEBPACK_IMPORTED_MODULE_30__ = __webpack_require__(1231);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_31__ = __webpack_require__(3674);

































/**
 * Every check type's item schema, once, in the order of `CHECK_TYPES` (core/checks/registry.ts,
 * which pairs each with its run). The configuration's `checks.*` and `gates.*` lists are built
 * from this list, so reading a configuration loads no check.
 */
const CHECK_SCHEMAS = [
    _service_running_js__WEBPACK_IMPORTED_MODULE_0__/* .serviceRunningSchema */ .g,
    _attestation_js__WEBPACK_IMPORTED_MODULE_1__/* .attestationSchema */ .A,
    _backups_js__WEBPACK_IMPORTED_MODULE_2__/* .backupsSchema */ .t,
    _ci_green_js__WEBPACK_IMPORTED_MODULE_3__/* .ciGreenSchema */ .r,
    _custom_domains_js__WEBPACK_IMPORTED_MODULE_4__/* .customDomainsSchema */ .G,
    _database_available_js__WEBPACK_IMPORTED_MODULE_5__/* .databaseAvailableSchema */ ._,
    _database_private_js__WEBPACK_IMPORTED_MODULE_6__/* .databasePrivateSchema */ .Y,
    _ecr_untagged_js__WEBPACK_IMPORTED_MODULE_7__/* .ecrUntaggedSchema */ .f,
    _error_rate_js__WEBPACK_IMPORTED_MODULE_8__/* .errorRateSchema */ .O,
    _free_storage_js__WEBPACK_IMPORTED_MODULE_9__/* .freeStorageSchema */ .v,
    _health_js__WEBPACK_IMPORTED_MODULE_10__/* .healthSchema */ .q,
    _hsts_js__WEBPACK_IMPORTED_MODULE_11__/* .hstsSchema */ .c,
    _https_redirect_js__WEBPACK_IMPORTED_MODULE_12__/* .httpsRedirectSchema */ .t,
    _image_present_js__WEBPACK_IMPORTED_MODULE_13__/* .imagePresentSchema */ .Q,
    _latency_p99_js__WEBPACK_IMPORTED_MODULE_14__/* .latencyP99Schema */ .E,
    _lifecycle_policy_js__WEBPACK_IMPORTED_MODULE_15__/* .lifecyclePolicySchema */ .y,
    _log_errors_js__WEBPACK_IMPORTED_MODULE_16__/* .logErrorsSchema */ .t,
    _monitors_green_js__WEBPACK_IMPORTED_MODULE_17__/* .monitorsGreenSchema */ .S,
    _pages_reachable_js__WEBPACK_IMPORTED_MODULE_18__/* .pagesReachableSchema */ .f,
    _restore_verified_js__WEBPACK_IMPORTED_MODULE_19__/* .restoreVerifiedSchema */ .S,
    _rotation_due_js__WEBPACK_IMPORTED_MODULE_21__/* .rotationDueSchema */ .k,
    _secrets_present_js__WEBPACK_IMPORTED_MODULE_22__/* .secretsPresentSchema */ .O,
    _service_env_js__WEBPACK_IMPORTED_MODULE_23__/* .serviceEnvSchema */ .m,
    _snapshot_fresh_js__WEBPACK_IMPORTED_MODULE_24__/* .snapshotFreshSchema */ .U,
    _snapshot_restore_js__WEBPACK_IMPORTED_MODULE_25__/* .snapshotRestoreSchema */ .i,
    _sql_js__WEBPACK_IMPORTED_MODULE_26__/* .sqlSchema */ ._,
    _tls_js__WEBPACK_IMPORTED_MODULE_27__/* .tlsCheckSchema */ .F,
    _report_js__WEBPACK_IMPORTED_MODULE_28__/* .reportSchema */ .Q,
    _incidents_resolved_js__WEBPACK_IMPORTED_MODULE_29__/* .incidentsResolvedSchema */ .B,
    _escalation_test_js__WEBPACK_IMPORTED_MODULE_30__/* .escalationTestSchema */ .l,
    _restore_verified_js__WEBPACK_IMPORTED_MODULE_19__/* .pitrTestedSchema */ .m,
    _db_diagnostics_js__WEBPACK_IMPORTED_MODULE_20__/* .connectionsSchema */ .Ze,
    _db_diagnostics_js__WEBPACK_IMPORTED_MODULE_20__/* .longQueriesSchema */ .Ol,
    _db_diagnostics_js__WEBPACK_IMPORTED_MODULE_20__/* .blockingSchema */ .pk,
    _db_diagnostics_js__WEBPACK_IMPORTED_MODULE_20__/* .replicationLagSchema */ .gt,
    _db_diagnostics_js__WEBPACK_IMPORTED_MODULE_20__/* .storageGrowthSchema */ .QG,
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
    return zod__WEBPACK_IMPORTED_MODULE_32__/* .strictObject */ .rej({ type: zod__WEBPACK_IMPORTED_MODULE_32__/* .literal */ .euz(t.type), ..._common_js__WEBPACK_IMPORTED_MODULE_31__/* .commonCheckFields */ .d, ...t.shape })
        .describe(t.description);
}
const [first, ...rest] = CHECK_SCHEMAS.map(itemSchema);
/** One configured check: `{ type, ...its fields, id?, group?, timeout? }`. */
const checkItemSchema = zod__WEBPACK_IMPORTED_MODULE_32__/* .discriminatedUnion */ .gMt('type', [
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

/***/ 3878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ latencyP99Schema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const latencyP99Schema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'latency-p99',
    description: 'p99 latency over the window stays at or below max-ms (App Runner: AWS/AppRunner RequestLatency; ECS Express: AWS/ApplicationELB TargetResponseTime of its target groups).',
    shape: {
        'max-ms': zod__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr().positive({ message: 'expected a number of milliseconds greater than 0' }),
        window: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .positiveDurationField */ .cU.default('1h'),
    },
});


/***/ }),

/***/ 8266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ lifecyclePolicySchema)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);

const lifecyclePolicySchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'lifecycle-policy',
    description: 'The ECR repository has no lifecycle rule that can expire an image a service runs or a rollback target (untagged or any images; tagged rules are evaluated against what is protected today).',
    shape: {},
});


/***/ }),

/***/ 2253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ logErrorsSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const logErrorsSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'log-errors',
    description: 'CloudWatch Logs events matching a filter pattern over the window stay at or below max-count (every page read).',
    shape: {
        'log-group': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).max(512),
        pattern: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1).describe('A CloudWatch Logs filter pattern, e.g. "?ERROR ?FATAL".'),
        'max-count': zod__WEBPACK_IMPORTED_MODULE_2__/* .int */ .Whr().min(0).default(0),
        window: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .positiveDurationField */ .cU.default('24h'),
        'show-messages': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
            .default(false)
            .describe('Put the first matching messages (masked: e-mails, digit runs, tokens) in the report, issue and Slack; default: only the count and a Logs Insights link.'),
    },
});


/***/ }),

/***/ 2554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ monitorsGreenSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const monitorsGreenSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'monitors-green',
    description: 'Every configured BetterStack monitor is up; a pause by apprunner-ops past its window is ended.',
    shape: {
        'monitor-ids': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('Monitors to check; default: the environment\u2019s maintenance.monitor-ids.'),
    },
});


/***/ }),

/***/ 1789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ pagesReachableSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const pagesReachableSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'pages-reachable',
    description: 'Each page under health.base-url answers 200.',
    shape: { paths: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().startsWith('/')).min(1) },
});


/***/ }),

/***/ 5425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ reportSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const reportSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'report',
    description: 'The monthly ops report: availability per BetterStack monitor against its target, 5xx and p99 per day, delivery figures from the audit log, the rotation schedule and restore drills; drawn as charts in the job summary and kept as Markdown and JSON.',
    shape: {
        month: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a month like 2026-11' })
            .optional()
            .describe('The calendar month to report; default the month before the run.'),
        from: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day like 2026-11-01' })
            .optional()
            .describe('First day of a range to report instead of a month (with to).'),
        to: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
            .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day like 2026-11-30' })
            .optional()
            .describe('Last day (included) of the range.'),
        'sla-target': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .gt(0, { message: 'must be above 0 and below 100, e.g. 99.9' })
            .lt(100, { message: 'must be above 0 and below 100, e.g. 99.9' })
            .default(99.9)
            .describe('Availability target of each monitor, percent.'),
        'max-error-percent': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .min(0)
            .max(100)
            .default(1)
            .describe('Highest acceptable share of 5xx answers per day, percent.'),
        'max-p99-ms': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig()
            .positive()
            .default(1000)
            .describe('Highest acceptable p99 latency per day, ms.'),
        'monitor-ids': zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
            .min(1)
            .optional()
            .describe('BetterStack monitors; default the environment\u2019s maintenance.monitor-ids.'),
        'open-issue': zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
            .default(false)
            .describe('Also open the report as a GitHub issue (needs github-token with issues: write).'),
    },
});


/***/ }),

/***/ 5746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ restoreVerifiedSchema),
/* harmony export */   m: () => (/* binding */ pitrTestedSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const restoreVerifiedSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'restore-verified',
    description: 'A successful restore drill (audit_log action restore_drill) within max-age-days.',
    shape: { 'max-age-days': zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(1).max(366).default(35) },
});
const pitrTestedSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'pitr-tested',
    description: 'A successful point-in-time restore drill (snapshot-restore with from: pitr, audit_log action restore_drill) within max-age-days.',
    shape: { 'max-age-days': zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(1).max(366).default(35) },
});


/***/ }),

/***/ 6290:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ rotationDueSchema)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);

const rotationDueSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'rotation-due',
    description: 'No configured secret is past its rotation date.',
    shape: {},
});


/***/ }),

/***/ 1556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ secretsPresentSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const secretsPresentSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'secrets-present',
    description: 'The configured secrets exist and are long enough; values are measured, never shown.',
    shape: { names: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .envNameField */ .vn).optional() },
});


/***/ }),

/***/ 7002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ serviceEnvSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);



const serviceEnvSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'service-env',
    description: "The service's environment variables have these values, these are absent, and every configured secret is referenced (App Runner RuntimeEnvironmentSecrets; ECS Express the active configuration's container secrets).",
    shape: {
        equals: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .envNameField */ .vn, zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).default({}),
        absent: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(_config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .envNameField */ .vn).default([]),
        'secrets-referenced': zod__WEBPACK_IMPORTED_MODULE_2__/* .boolean */ .zMY()
            .default(true)
            .describe("Every name under the environment's secrets must be in RuntimeEnvironmentSecrets."),
    },
});


/***/ }),

/***/ 6026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ serviceRunningSchema)
/* harmony export */ });
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);

const serviceRunningSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'service-running',
    description: 'The service is up: App Runner RUNNING; ECS Express ACTIVE with its newest deployment SUCCESSFUL; asg: the serving group has every target healthy behind the load balancer.',
    shape: {},
});


/***/ }),

/***/ 3210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ snapshotFreshSchema)
/* harmony export */ });
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);


const snapshotFreshSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'snapshot-fresh',
    description: 'The newest automated RDS snapshot is younger than max-age.',
    shape: { 'max-age': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .positiveDurationField */ .cU.default('24h') },
});


/***/ }),

/***/ 1196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ snapshotRestoreSchema)
/* harmony export */ });
/* harmony import */ var _drill_schema_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4195);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3674);


const snapshotRestoreSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheckSchema */ .F)({
    type: 'snapshot-restore',
    description: 'Restores the newest snapshot into a temporary private drill instance, verifies it with SQL, deletes it and records the restore time.',
    shape: _drill_schema_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotRestoreShape */ .q9,
});


/***/ }),

/***/ 2684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ sqlSchema)
});

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
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

// EXTERNAL MODULE: ./core/checks/schemas/common.ts
var common = __webpack_require__(3674);
;// CONCATENATED MODULE: ./core/checks/schemas/sql.ts



const sqlSchema = (0,common/* defineCheckSchema */.F)({
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


/***/ }),

/***/ 5482:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ tlsCheckSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _common_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3674);


const tlsCheckSchema = (0,_common_js__WEBPACK_IMPORTED_MODULE_0__/* .defineCheckSchema */ .F)({
    type: 'tls',
    description: 'Each host serves a trusted certificate that covers it and is valid for min-days more.',
    shape: {
        hosts: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, { message: 'expected host or host:port' }))
            .min(1),
        'min-days': zod__WEBPACK_IMPORTED_MODULE_1__/* .int */ .Whr().min(0).default(90),
        resolve: zod__WEBPACK_IMPORTED_MODULE_1__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[A-Za-z0-9.-]+:\d+$/, { message: 'expected address:port' }))
            .default({})
            .describe('Connect to this address:port for a host (like curl --resolve), e.g. before DNS cut-over.'),
    },
});


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

/***/ 2724:
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

// EXTERNAL MODULE: ./core/checks/schemas/index.ts
var checks_schemas = __webpack_require__(4439);
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
    health: healthSchema,
    maintenance: maintenanceSchema.optional(),
    notify: notifySchema.optional(),
    secrets: schemas/* array */.YOg(secretSchema).optional(),
    bake: bake/* bakeConfigSchema */.L.optional(),
    gates: schemas/* record */.g1P(schemas/* string */.YjP()
        .regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lowercase gate name like go-live' }), schemas/* array */.YOg(checks_schemas/* checkItemSchema */.bi).min(1))
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
        daily: schemas/* array */.YOg(checks_schemas/* checkItemSchema */.bi).optional(),
        weekly: schemas/* array */.YOg(checks_schemas/* checkItemSchema */.bi).optional(),
        monthly: schemas/* array */.YOg(checks_schemas/* checkItemSchema */.bi).optional(),
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
            const mismatch = (0,checks_schemas/* targetMismatch */.M5)((0,checks_schemas/* checkSchema */._U)(item.type), kind);
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

/***/ 4195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q9: () => (/* binding */ snapshotRestoreShape),
/* harmony export */   vV: () => (/* binding */ DRILL_DEFAULTS)
/* harmony export */ });
/* unused harmony exports POST_STEP_BUDGET_MS, drillJobTimeoutMinutes, drillExpectSchema, drillQuerySchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8816);
/* harmony import */ var _config_fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(670);


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
const drillExpectSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    'greater-than': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional().describe('The value (a number) is greater than this.'),
    'at-least': zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().optional().describe('The value (a number) is at least this.'),
    equals: zod__WEBPACK_IMPORTED_MODULE_1__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(), zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()]).optional(),
    'not-older-than-snapshot-by': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
        .optional()
        .describe('The value (a timestamp) is at most this much older than the snapshot, e.g. 1d: the data is recent.'),
})
    .refine((e) => Object.values(e).filter((v) => v !== undefined).length === 1, {
    message: 'expected exactly one of greater-than, at-least, equals, not-older-than-snapshot-by',
});
const drillQuerySchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .queryNameField */ .IN.describe('Name in the report, e.g. users.'),
    sql: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .describe('A read-only query; its first column of the first row is the value checked.'),
    expect: drillExpectSchema,
});
/** The keys of a `snapshot-restore` check (the monthly restore drill). */
const snapshotRestoreShape = {
    from: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['snapshot', 'pitr'])
        .default('snapshot')
        .describe('snapshot: restore a snapshot (see snapshot); pitr: restore to a point in time pitr-age ago (RestoreDBInstanceToPointInTime), the runbooks\u2019 "point-in-time recovery tested".'),
    'pitr-age': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
        .default('1h')
        .describe('With from: pitr, how long ago the restored point in time is (inside the restore window).'),
    snapshot: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['newest-automated', 'newest-pre-deploy'])
        .default('newest-automated')
        .describe('Which snapshot to restore: the newest automated one, or the newest pre-deploy snapshot (database.snapshot-prefix).'),
    'instance-class': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'expected an RDS class like db.t4g.micro' })
        .default('db.t4g.micro')
        .describe('Class of the drill instance: the smallest that restores your data.'),
    deadline: _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
        .default(`${DRILL_DEFAULTS.restoreDeadlineMinutes}m`)
        .describe('How long the restored instance may take to become available.'),
    'delete-deadline': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
        .default(`${DRILL_DEFAULTS.deleteDeadlineMinutes}m`)
        .describe('How long deleting the drill instance may take.'),
    'poll-interval': _config_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .durationField */ .Ti
        .default('30s')
        .describe('How often the drill instance\u2019s status is read while waiting.'),
    'master-secret': zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()
        .min(1)
        .optional()
        .describe('Secrets Manager id of the master credentials (JSON username/password); default: the database-url input with its host replaced.'),
    ssl: zod__WEBPACK_IMPORTED_MODULE_1__/* .boolean */ .zMY()
        .default(true)
        .describe('Connect with TLS when credentials come from master-secret (RDS forces TLS by default).'),
    queries: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(drillQuerySchema)
        .default([])
        .describe('Verification queries with expectations, e.g. SELECT COUNT(*) FROM users greater-than 0. None: the drill only logs in.'),
};


/***/ })

};
