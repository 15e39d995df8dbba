export const id = 109;
export const ids = [109,279];
export const modules = {

/***/ 3161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ serviceTraffic),
/* harmony export */   B: () => (/* binding */ latencyRequests)
/* harmony export */ });
/* harmony import */ var _aws_cloudwatch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7148);
/* harmony import */ var _target_of_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3001);
/**
 * The request metrics of the environment's service, whichever the target: App Runner's own
 * (AWS/AppRunner), or the Application Load Balancer in front of an ECS Express service
 * (AWS/ApplicationELB by LoadBalancer and TargetGroup of the target groups the ECS target
 * finds in its revisions' ECS Managed Resources; the deploy's bake period reads the same).
 */


/** Requests, 5xx and p99 per period of the environment's service, and which metrics said so. */
async function serviceTraffic(ctx, window) {
    const target = await (0,_target_of_js__WEBPACK_IMPORTED_MODULE_1__/* .checkTarget */ .e)(ctx);
    return { periods: await target.traffic(window), source: target.trafficMetrics };
}
/**
 * The metric requests whose p99 is the service's latency: App Runner's RequestLatency (ms), or
 * each target group's TargetResponseTime (seconds: `toMs` 1000).
 */
async function latencyRequests(ctx, window) {
    const target = await (0,_target_of_js__WEBPACK_IMPORTED_MODULE_1__/* .checkTarget */ .e)(ctx);
    // Imported with the target (core/targets/create.ts): only an ECS environment loads it.
    const { EcsExpressTarget } = await Promise.all(/* import() */[__webpack_require__.e(212), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 1133));
    if (!(target instanceof EcsExpressTarget))
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

/***/ 5109:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ny: () => (/* binding */ reportCheck),
/* harmony export */   zO: () => (/* binding */ reportPeriodOf)
/* harmony export */ });
/* unused harmony exports REPORT_DIRECTORY, writeReportFiles */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_octokit_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5279);
/* harmony import */ var _report_ops_report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2643);
/* harmony import */ var _report_period_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2182);
/* harmony import */ var _report_render_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(499);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4494);
/* harmony import */ var _schemas_report_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5425);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5045);
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
        return (0,_report_period_js__WEBPACK_IMPORTED_MODULE_6__/* .rangePeriod */ .jO)(item.from, item.to, now, 'report: from/to');
    return (0,_report_period_js__WEBPACK_IMPORTED_MODULE_6__/* .monthPeriod */ .WY)(item.month, now, 'report: month');
}
async function writeReportFiles(report, markdown, directory = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(process.env['GITHUB_WORKSPACE'] ?? '.', REPORT_DIRECTORY)) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(directory, { recursive: true });
    const base = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(directory, `ops-report-${report.environment}-${report.period.from}-${report.period.to}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(`${base}.md`, markdown);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
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
const reportCheck = (0,_types_js__WEBPACK_IMPORTED_MODULE_7__/* .defineCheck */ .q)({
    ..._schemas_report_js__WEBPACK_IMPORTED_MODULE_5__/* .reportSchema */ .Q,
    defaultTimeoutMs: 120_000,
    group: 'Monitoring',
    preflight(check, now) {
        try {
            reportPeriodOf(check, now);
            return undefined;
        }
        catch (error) {
            // The configuration path names the item; the message names its key.
            return (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error).replace(/^report: /, '');
        }
    },
    async run(check, ctx) {
        let period;
        try {
            period = reportPeriodOf(check, ctx.clock.now());
        }
        catch (error) {
            return { status: 'error', line: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error) };
        }
        let report;
        try {
            report = await (0,_report_ops_report_js__WEBPACK_IMPORTED_MODULE_3__/* .buildOpsReport */ .x)(ctx, {
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
                line: `the ops report of ${period.label} was not made, because a source could not be read to the end: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`,
            };
        }
        const markdown = (0,_report_render_js__WEBPACK_IMPORTED_MODULE_8__/* .reportSummary */ .hm)(report).toMarkdown();
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
            const octokit = (0,_github_octokit_js__WEBPACK_IMPORTED_MODULE_2__.createOctokit)(token, { apiUrl: ctx.run.apiUrl, logger: ctx.logger });
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
    return (0,_targets_create_js__WEBPACK_IMPORTED_MODULE_0__/* .targetOf */ .$r)(ctx.env, ctx.aws, 
    // The check's signal stops the target's retries when the check's timeout passes.
    { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal }, { requestTimeoutMs: _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_AWS_REQUEST_TIMEOUT_MS */ .Z7 }, 
    // The fly-api-token input; without it FLY_API_TOKEN (the command line), else an input error.
    { flyApiToken: ctx.secrets?.flyApiToken });
}


/***/ }),

/***/ 5045:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ defineCheck)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8816);

/** Declares a check type; the type literal goes into the schema so the union can discriminate. */
function defineCheck(definition) {
    return {
        type: definition.type,
        description: definition.description,
        schema: zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej(definition.shape),
        defaultTimeoutMs: definition.defaultTimeoutMs,
        group: definition.group,
        ...(definition.mutating ? { mutating: definition.mutating } : {}),
        ...(definition.targets ? { targets: definition.targets } : {}),
        ...(definition.preflight ? { preflight: definition.preflight } : {}),
        run: definition.run,
    };
}


/***/ }),

/***/ 1353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ RESTORE_DRILL_ACTION),
/* harmony export */   PE: () => (/* binding */ recordRestoreDrill),
/* harmony export */   eE: () => (/* binding */ RESTORE_DRILL_RESOURCE),
/* harmony export */   lr: () => (/* binding */ readRestoreDrills)
/* harmony export */ });
/* harmony import */ var _audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3892);

/**
 * A restore drill as the audit log keeps it: `action='restore_drill'`,
 * `resource_type='rds_db_instance'`, `resource_id=<source instance>`. The go-live gate's
 * `restore-verified` check and the monthly summary read these rows (readRestoreDrills).
 */
const RESTORE_DRILL_ACTION = 'restore_drill';
const RESTORE_DRILL_RESOURCE = 'rds_db_instance';
async function recordRestoreDrill(databaseUrl, record, who) {
    return (0,_audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__/* .writeAuditEntry */ .v3)(databaseUrl, {
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
    const rows = await (0,_audit_audit_log_js__WEBPACK_IMPORTED_MODULE_0__.readAuditEntries)(databaseUrl, {
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


/***/ }),

/***/ 6302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ GitHubDeployments)
/* harmony export */ });
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4494);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9891);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8230);




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
        const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c)(error);
        if (/rate limit/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)))
            return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub's rate limit kept refusing to ${what} in ${this.ctx.repository}: ${firstLine(error)}`);
        if (status === 401 || status === 403 || status === 404)
            return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`the token cannot ${what} in ${this.ctx.repository}: give the job \`${permission}\` (GitHub answered ${status}: ${firstLine(error)})`);
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub could not ${what} in ${this.ctx.repository}: ${firstLine(error)}`);
    }
    /**
     * Creates the deployment once. Creating is not idempotent: after a 5xx or a lost answer the
     * deployment may exist all the same, so before each new attempt the environment's newest
     * deployments are searched for this run's key.
     */
    async create(environment, payload, description) {
        const keyed = { ...payload, runKey: this.runKey };
        return (0,_util_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L)(async (attempt) => {
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
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub did not create a deployment of ${environment}: ${'message' in created.data ? String(created.data.message) : `answer ${created.status}`}`);
                return created.data.id;
            }
            catch (error) {
                const status = (0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c)(error);
                // A 5xx or no answer at all: GitHub may or may not have created it.
                if (status === 0 || status >= 500)
                    throw new CreateLost(firstLine(error));
                throw error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY
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
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub did not confirm creating a deployment of ${environment} after ${CREATE_ATTEMPTS} attempts (${error.message}), and none of this run was found`);
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
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY(`GitHub's workflow run ${this.ctx.runId} has no start time (run_started_at ${String(data.run_started_at)})`);
            return at;
        }
        catch (error) {
            throw error instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DomainFailure */ .dY
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
                    if (/rate limit/i.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)))
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
        this.deps.logger.debug(`GitHub deployment history of ${environment}: ${records.length} records in ${requests} requests, ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(this.deps.clock.now() - started)}`);
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
            if ((0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .statusOf */ .c)(error) === 404)
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
    return ((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error).split('\n')[0] ?? '').slice(0, 200);
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

/***/ 8230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ statusOf)
/* harmony export */ });
/**
 * The HTTP status of an Octokit error; 0 when none was received. Apart from octokit.ts so that
 * reading it does not load Octokit.
 */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : 0;
}


/***/ }),

/***/ 6384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ BetterStackIncidents)
/* harmony export */ });
/* harmony import */ var _util_http_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(676);

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
class BetterStackIncidents {
    apiUrl;
    token;
    deps;
    constructor(apiUrl, token, deps) {
        this.apiUrl = apiUrl;
        this.token = token;
        this.deps = deps;
    }
    request(label, url, method, body, idempotent = true) {
        return (0,_util_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .requestJson */ .SS)(label, url, {
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
            if (error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpError */ .j$ && error.status === 409) {
                const incident = await this.get(id);
                if (incident.resolvedAt)
                    return 'already resolved';
            }
            throw error;
        }
    }
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

/***/ 2643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ buildOpsReport),
  J: () => (/* binding */ validateThresholds)
});

// EXTERNAL MODULE: ./core/audit/audit-log.ts
var audit_log = __webpack_require__(3892);
// EXTERNAL MODULE: ./core/aws/secrets-manager.ts
var secrets_manager = __webpack_require__(9913);
// EXTERNAL MODULE: ./core/checks/load-balancer.ts
var load_balancer = __webpack_require__(3161);
// EXTERNAL MODULE: ./core/drill/record.ts
var record = __webpack_require__(1353);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
// EXTERNAL MODULE: ./core/notify/betterstack-incidents.ts
var betterstack_incidents = __webpack_require__(6384);
// EXTERNAL MODULE: ./core/rotation/types.ts
var types = __webpack_require__(4742);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
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

// EXTERNAL MODULE: ./core/github/deployments.ts
var github_deployments = __webpack_require__(6302);
// EXTERNAL MODULE: ./core/github/octokit.ts
var github_octokit = __webpack_require__(5279);
// EXTERNAL MODULE: ./core/github/status.ts
var github_status = __webpack_require__(8230);
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
    const github = new github_deployments/* GitHubDeployments */.C({ ...run, token }, deps);
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
            if ((0,github_status/* statusOf */.c)(error) !== 422 && (0,github_status/* statusOf */.c)(error) !== 404)
                throw new Error(`GitHub could not read commit ${sha.slice(0, 7)} of ${run.repository}: ${(0,errors/* errorMessage */.gJ)(error)}${(0,github_status/* statusOf */.c)(error) === 403 ? ' (give the job contents: read)' : ''}`, { cause: error });
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
            if ((0,github_status/* statusOf */.c)(error) === 403)
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

// EXTERNAL MODULE: ./core/report/period.ts
var report_period = __webpack_require__(2182);
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











const DAY = 86_400_000;
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
    const since = (0,report_period/* previousPeriod */.jB)(period).start - DAY;
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
    const days = (0,report_period/* daysOf */.hF)(period);
    const ms = days.map(() => 0);
    for (const i of incidents) {
        const from = Math.max(Date.parse(i.startedAt), period.start);
        const to = Math.min(i.resolvedAt ? Date.parse(i.resolvedAt) : until, period.end);
        for (let t = from; t < to;) {
            const index = Math.floor((t - period.start) / DAY);
            const dayEnd = period.start + (index + 1) * DAY;
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
    const api = new betterstack_incidents/* BetterStackIncidents */.u((0,betterstack/* betterStackApiUrl */.a)(), token, deps);
    const monitors = new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), token, deps);
    const { period } = request;
    // An incident that began before the period may still run into it.
    const listFrom = (0,report_period/* dayOf */.kb)(period.start - 7 * DAY);
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
            daily: perDay.map((ms) => round(100 * (1 - ms / DAY), 3)),
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
    const { periods, source } = await (0,load_balancer/* serviceTraffic */.$)(ctx, {
        start: period.start,
        end: period.end,
        periodSeconds: 86_400,
    });
    const byDay = new Map(periods.map((p) => [(0,report_period/* dayOf */.kb)(p.at), p]));
    const days = (0,report_period/* daysOf */.hF)(period).map((day) => {
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
    const store = new secrets_manager/* SecretsStore */.Vb(ctx.aws.secretsManager, { clock: ctx.clock, logger: ctx.logger });
    const schedule = [];
    for (const secret of ctx.env.secrets ?? []) {
        const secretId = (0,types/* rotatedSecretId */.n)(secret);
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
        const due = every !== undefined && last !== undefined ? last + every * DAY : undefined;
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
                    : due - now <= DUE_SOON_DAYS * DAY
                        ? 'due soon'
                        : 'ok',
        });
    }
    return { done, schedule };
}
function drills(ctx, rows, period) {
    const instance = ctx.env.database?.instance;
    return rows
        .filter((r) => r.action === record/* RESTORE_DRILL_ACTION */.E2 &&
        r.resource_type === record/* RESTORE_DRILL_RESOURCE */.eE &&
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
                ...deliveryFigures(deploys, (0,report_period/* previousPeriod */.jB)(period)),
                leadTime: github && leadTimes(github, (0,report_period/* previousPeriod */.jB)(period)),
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


/***/ }),

/***/ 2182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WY: () => (/* binding */ monthPeriod),
/* harmony export */   hF: () => (/* binding */ daysOf),
/* harmony export */   jB: () => (/* binding */ previousPeriod),
/* harmony export */   jO: () => (/* binding */ rangePeriod),
/* harmony export */   kb: () => (/* binding */ dayOf)
/* harmony export */ });
const DAY = 86_400_000;
const MAX_DAYS = 366;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (t) => new Date(t).toISOString().slice(0, 10);
/** The period's days, YYYY-MM-DD each. */
function daysOf(period) {
    const out = [];
    for (let t = period.start; t < period.end; t += DAY)
        out.push(dayOf(t));
    return out;
}
function monthOf(year, monthIndex) {
    const start = Date.UTC(year, monthIndex, 1);
    const end = Date.UTC(year, monthIndex + 1, 1);
    const month = new Date(start).toISOString().slice(0, 7);
    return {
        from: dayOf(start),
        to: dayOf(end - DAY),
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
    const end = Date.parse(`${to}T00:00:00Z`) + DAY;
    if (end <= start)
        throw new Error(`${what}: ${to} is before ${from}; give the earlier day first`);
    if (start > now)
        throw new Error(`${what}: ${from} is in the future`);
    if (end > now)
        throw new Error(`${what}: ${to} is not over yet (the report needs whole days); end it at ${dayOf(now - DAY)} at the latest`);
    const days = (end - start) / DAY;
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
        to: dayOf(period.start - DAY),
        start,
        end: period.start,
        label: `${dayOf(start)} \u2013 ${dayOf(period.start - DAY)}`,
    };
}


/***/ }),

/***/ 499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UH: () => (/* binding */ reportText),
/* harmony export */   hm: () => (/* binding */ reportSummary)
/* harmony export */ });
/* unused harmony exports xyChart, reportCharts, minutesText */
/* harmony import */ var _action_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4607);
/**
 * The report drawn for people: Markdown with Mermaid `xychart-beta` charts (GitHub renders
 * them in job summaries, issues and files) and the same tables for a terminal.
 */

const show = (n, unit = '') => (n === undefined ? '\u2013' : `${n}${unit}`);
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
            show(current.changeFailurePercent, ' %'),
            show(previous.changeFailurePercent, ' %'),
        ],
        ['Failed changes', String(current.failures.length), String(previous.failures.length)],
        ['Rollbacks', String(current.rollbacks), String(previous.rollbacks)],
        [
            'Median time to restore',
            show(current.medianRestoreMinutes, ' min'),
            show(previous.medianRestoreMinutes, ' min'),
        ],
    ];
}
/** The whole report as a Summary (job summary, Markdown file, GitHub issue body). */
function reportSummary(report, summary = new _action_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .Summary */ .BD()) {
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
        ...t.days.map((d) => `| ${d.day} | ${d.requests} | ${d.errors} | ${show(d.errorPercent)} | ${show(d.p99Ms)} |`),
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
            show(f.restoreMinutes),
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
        summary.table(['When', 'Result', 'Restore time'], report.drills.map((d) => [d.at, d.result, show(d.restoreMinutes, ' min')]));
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
        show(d.errorPercent),
        `${show(d.p99Ms)}${report.traffic.p99Breaches.includes(d.day) ? ' !' : ''}`,
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
        ? table(['when', 'result', 'restore'], report.drills.map((d) => [d.at, d.result, show(d.restoreMinutes, ' min')]))
        : 'none in the period');
    return out.join('\n');
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


/***/ })

};
