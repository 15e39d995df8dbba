<<<<<<<< HEAD:cli/dist/878.index.js
export const id = 813;
export const ids = [813];
========
export const id = 903;
export const ids = [903,279];
>>>>>>>> pitr-restore:cli/dist/903.index.js
export const modules = {

/***/ 9052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ terminalLogger)
/* harmony export */ });
/* harmony import */ var _core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2132);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5430);



const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/**
 * The command line's logger. On a terminal, a wait is one line that redraws itself: what it
 * waits for, how long so far, the deadline and the last status. Elsewhere (a pipe, a CI log)
 * every line is plain and nothing is redrawn.
 */
function terminalLogger(stream, options) {
    const tty = stream.isTTY === true;
    const now = options.now ?? Date.now;
    let wait;
    let frame = 0;
    let ticker;
    const waitLine = (w) => `${FRAMES[frame % FRAMES.length]} waiting for ${w.what}: ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now() - w.startedAt)} of ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(w.deadline - w.startedAt)}${w.status ? ` · ${w.status}` : ''}`;
    const clear = () => {
        if (tty && wait)
            stream.write('\r\x1b[2K');
    };
    const redraw = () => {
        if (tty && wait)
            stream.write((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'cyan', waitLine(wait)));
    };
    const print = (text) => {
        clear();
        stream.write(`${text}\n`);
        redraw();
    };
    const stopTicker = () => {
        if (ticker)
            clearInterval(ticker);
        ticker = undefined;
    };
    return {
        progress(update) {
            if (!tty) {
                if (update.done)
                    stream.write(`  done: ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now() - update.startedAt)}\n`);
                return;
            }
            clear();
            if (update.done) {
                wait = undefined;
                stopTicker();
                stream.write(`${(0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'green', '✓')} ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(now() - update.startedAt)}\n`);
                return;
            }
            wait = update;
            redraw();
            if (!ticker) {
                ticker = setInterval(() => {
                    frame++;
                    clear();
                    redraw();
                }, 120);
                ticker.unref();
            }
        },
        debug: (m) => {
            if (options.verbose)
                print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'dim', m));
        },
        // The core's messages name action inputs; the terminal names flags and variables.
        info: (m) => print((0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)),
        warning: (m) => print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'yellow', `warning: ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)}`)),
        error: (m) => print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'red', `error: ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)}`)),
        group: async (name, fn) => {
            print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'bold', `▸ ${name}`));
            return fn();
        },
        stop() {
            stopTicker();
            clear();
            wait = undefined;
        },
    };
}


/***/ }),

/***/ 628:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hj: () => (/* binding */ SCHEDULES),
  P9: () => (/* binding */ opsCheck)
});

// UNUSED EXPORTS: CLEANUP_MODES, inlineChecksSchema, itemsForCleanupMode, parseInlineChecks, requestedChecks

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./core/aws/clients.ts
var clients = __webpack_require__(9750);
// EXTERNAL MODULE: ./core/config/load.ts + 3 modules
<<<<<<<< HEAD:cli/dist/878.index.js
var load = __webpack_require__(9893);
========
var load = __webpack_require__(1182);
>>>>>>>> pitr-restore:cli/dist/903.index.js
// EXTERNAL MODULE: ./core/github/octokit.ts
var octokit = __webpack_require__(5279);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/notify/slack.ts
var slack = __webpack_require__(6292);
// EXTERNAL MODULE: ./core/checks/report.ts
var checks_report = __webpack_require__(8688);
;// CONCATENATED MODULE: ./core/checks/alerting.ts



/**
 * Alerting without noise. The open GitHub issue of an environment and schedule is the memory
 * between runs: a red run opens it (once) or comments what changed; a green run closes it.
 * Slack hears only the edges: the run that starts failing and the run that recovers.
 */
const ISSUE_LABELS = ['apprunner-ops', 'ops-check'];
const issueTitle = (schedule, environment) => `apprunner-ops: ${schedule} checks failing in ${environment}`;
/** Hidden in every body and comment: which checks were red, so the next run can compare. */
const MARK = /<!-- apprunner-ops:failing=([^>]*) -->/g;
const mark = (ids) => `<!-- apprunner-ops:failing=${ids.join(',')} -->`;
function failingTable(report) {
    const rows = report.checks
        .filter(checks_report/* isRed */.iI)
        .map((r) => `| \`${r.id}\` | ${checks_report/* STATUS_ICON */.tW[r.status]} | ${r.line.replace(/\|/g, '\\|')} |`);
    return ['| Check | Result | What was seen |', '| --- | --- | --- |', ...rows].join('\n');
}
function changes(previous, current) {
    const added = current.filter((id) => !previous.includes(id));
    const fixed = previous.filter((id) => !current.includes(id));
    const still = current.filter((id) => previous.includes(id));
    return [
        ...(added.length ? [`newly failing: ${added.map((id) => `\`${id}\``).join(', ')}`] : []),
        ...(fixed.length ? [`recovered: ${fixed.map((id) => `\`${id}\``).join(', ')}`] : []),
        ...(still.length ? [`still failing: ${still.map((id) => `\`${id}\``).join(', ')}`] : []),
    ];
}
async function alerting_alert(report, target, deps) {
    const failing = report.checks.filter(checks_report/* isRed */.iI).map((r) => r.id);
    const red = !report.passed;
    const [owner = '', repo = ''] = target.repository.split('/');
    const title = issueTitle(target.schedule, report.environment);
    const outcome = { slack: 'none' };
    let wasRed;
    if (target.openIssue && target.octokit) {
        const octokit = target.octokit;
        try {
            const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
                owner,
                repo,
                state: 'open',
                labels: ISSUE_LABELS.join(','),
                per_page: 100,
            });
            const existing = open.find((i) => i.title === title && !i.pull_request);
            wasRed = existing !== undefined;
            if (red && !existing) {
                const created = await octokit.rest.issues.create({
                    owner,
                    repo,
                    title,
                    labels: [...ISSUE_LABELS],
                    body: [
                        `The ${target.schedule} checks of **${report.environment}** are failing (${failing.length} of ${report.checks.length}).`,
                        '',
                        failingTable(report),
                        '',
                        `Run: ${target.runUrl}`,
                        '',
                        'apprunner-ops comments here on every further failing run and closes this issue when the checks pass again.',
                        mark(failing),
                    ].join('\n'),
                });
                outcome.issue = {
                    number: created.data.number,
                    url: created.data.html_url,
                    action: 'opened',
                };
            }
            else if (existing) {
                const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                    owner,
                    repo,
                    issue_number: existing.number,
                    per_page: 100,
                });
                const texts = [existing.body ?? '', ...comments.map((c) => c.body ?? '')];
                const last = texts.flatMap((t) => [...t.matchAll(MARK)]).at(-1)?.[1] ?? '';
                const previous = last.split(',').filter(Boolean);
                const body = red
                    ? [
                        `Still failing (${failing.length} of ${report.checks.length}): ${changes(previous, failing).join('; ') || 'no change'}.`,
                        '',
                        failingTable(report),
                        '',
                        `Run: ${target.runUrl}`,
                        mark(failing),
                    ].join('\n')
                    : [
                        `All ${report.checks.length} ${target.schedule} checks pass again; closing.`,
                        '',
                        `Run: ${target.runUrl}`,
                        mark([]),
                    ].join('\n');
                await octokit.rest.issues.createComment({
                    owner,
                    repo,
                    issue_number: existing.number,
                    body,
                });
                if (!red)
                    await octokit.rest.issues.update({
                        owner,
                        repo,
                        issue_number: existing.number,
                        state: 'closed',
                        state_reason: 'completed',
                    });
                outcome.issue = {
                    number: existing.number,
                    url: existing.html_url,
                    action: red ? 'commented' : 'closed',
                };
            }
        }
        catch (error) {
            deps.logger.warning(`could not update the GitHub issue "${title}": ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    // Without an issue there is no memory of the last run: every red run is an edge.
    const startedFailing = red && wasRed !== true;
    const recovered = !red && wasRed === true;
    if (target.slackWebhookUrl && (startedFailing || recovered)) {
        const headline = startedFailing
            ? `:red_circle: ${target.schedule} checks started failing in ${report.environment}`
            : `:large_green_circle: ${target.schedule} checks of ${report.environment} pass again`;
        const fields = startedFailing
            ? { Failing: failing.join(', '), Checks: `${report.checks.length}` }
            : { Checks: `${report.checks.length} pass` };
        try {
            await (0,slack/* postToSlack */.u)(target.slackWebhookUrl, (0,slack/* slackMessage */.y)(headline, fields, outcome.issue
                ? { text: `issue #${outcome.issue.number}`, url: outcome.issue.url }
                : { text: 'run', url: target.runUrl }), deps);
            outcome.slack = startedFailing ? 'started-failing' : 'recovered';
        }
        catch (error) {
            deps.logger.warning(`could not post to Slack: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
    }
    return outcome;
}

<<<<<<<< HEAD:cli/dist/878.index.js
// EXTERNAL MODULE: ./core/checks/registry.ts + 38 modules
var registry = __webpack_require__(4305);
========
// EXTERNAL MODULE: ./core/checks/registry.ts + 43 modules
var registry = __webpack_require__(9193);
// EXTERNAL MODULE: ./core/checks/run-checks.ts
var run_checks = __webpack_require__(9591);
>>>>>>>> pitr-restore:cli/dist/903.index.js
;// CONCATENATED MODULE: ./core/checks/ops-check.ts











const SCHEDULES = ['daily', 'weekly', 'monthly'];
/**
 * Which job runs the items that delete (`ecr-untagged` with `delete: true`): `include` runs
 * them as configured; `skip` (the read-only jobs) lists what they would delete (a dry run, the
 * reads only); `only` (the clean-up job, whose role alone may delete) runs those items and
 * nothing else.
 */
const CLEANUP_MODES = (/* unused pure expression or super */ null && (['include', 'skip', 'only']));
const deletes = (item) => item.type === 'ecr-untagged' && item.delete === true;
/** The items a job runs, by its clean-up mode. */
function itemsForCleanupMode(items, mode) {
    if (mode === 'only')
        return items.filter(deletes);
    if (mode === 'skip')
        return items.map((i) => (deletes(i) ? { ...i, delete: false } : i));
    return items;
}
const inlineChecksSchema = schemas/* array */.YOg(registry/* checkItemSchema */.bi).min(1);
/** Parses the `checks` input; each problem names the item's path. */
function parseInlineChecks(text) {
    const doc = parseDocument(text);
    if (doc.errors[0])
        throw new InputError('checks', `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const data = doc.toJS();
    const result = inlineChecksSchema.safeParse(data);
    if (!result.success)
        throw new InputError('checks', formatIssues(inlineChecksSchema, data, result.error.issues).join('; '));
    return result.data;
}
/**
 * Everything is validated (config, environment, list) before the first call; then the checks
 * run concurrently, and a scheduled run reports to its GitHub issue and Slack.
 */
async function opsCheck(request, deps) {
    if (request.schedule && request.checks)
        throw new errors/* InputError */.dz('checks', 'give either schedule or checks, not both');
    if (!request.schedule && !request.checks)
        throw new errors/* InputError */.dz('schedule', 'is required (daily, weekly or monthly) unless checks lists the checks inline');
    const config = await (0,load/* loadConfig */.Z9)(request.config);
    const env = (0,load/* selectEnvironment */.aP)(config, request.environment, request.config);
    const list = request.schedule ?? 'inline';
    const configured = request.checks ?? env.checks?.[request.schedule];
    const cleanup = request.cleanup ?? 'include';
    if (cleanup === 'only') {
        const items = itemsForCleanupMode(configured ?? [], 'only');
        if (items.length === 0) {
            deps.logger.info(`no ecr-untagged check with delete: true in the ${list} checks of ${request.environment}: nothing for the clean-up job to run`);
            const now = deps.clock.now();
            return {
                report: (0,checks_report/* buildCheckReport */.h3)([], {
                    list,
                    environment: request.environment,
                    startedAt: now,
                    finishedAt: now,
                }),
                alerting: undefined,
            };
        }
    }
    const items = configured && itemsForCleanupMode(configured, cleanup);
    if (!items || items.length === 0)
        throw new errors/* ConfigError */.xL(request.config, [
            `environments.${request.environment}.checks.${list}: no checks configured; add some (see examples/drop/apprunner-ops.yml) or pass them in the checks input`,
        ]);
    const secrets = {
        githubToken: request.githubToken,
        betterstackToken: request.betterstackToken,
        databaseUrl: request.databaseUrl,
        auditDatabaseUrl: request.auditDatabaseUrl,
    };
    const started = deps.clock.now();
    deps.logger.info(`running ${items.length} ${list} checks of ${request.environment} concurrently`);
    // A post step deletes what a cancelled snapshot-restore drill left (ops-check's post.ts).
    deps.onStart?.();
    const results = await (0,run_checks/* runCheckList */.i)(items, {
        environment: request.environment,
        env,
        environments: config.environments,
        aws: deps.aws ?? (0,clients/* createAwsClients */.Gv)(env.region),
        secrets,
        run: deps.run,
        clock: deps.clock,
        logger: deps.logger,
    });
    const report = (0,checks_report/* buildCheckReport */.h3)(results, {
        list,
        environment: request.environment,
        startedAt: started,
        finishedAt: deps.clock.now(),
    });
    for (const r of results.filter(checks_report/* isRed */.iI))
        deps.logger.error(r.line, {
            title: `Check ${r.status === 'fail' ? 'failed' : 'errored'}: ${r.id}`,
        });
    for (const r of results.filter((x) => x.status === 'warn'))
        deps.logger.warning(r.line, { title: `Check warning: ${r.id}` });
    let alerting;
    // The clean-up job reports by its own red run: the GitHub issue of the environment and
    // schedule belongs to the read-only job, whose results it would otherwise overwrite.
    if (request.schedule && cleanup !== 'only') {
        alerting = await alerting_alert(report, {
            repository: deps.run.repository,
            schedule: request.schedule,
            runUrl: deps.run.runUrl,
            openIssue: request.openIssue,
            octokit: request.githubToken
                ? (0,octokit.createOctokit)(request.githubToken, { apiUrl: deps.run.apiUrl, logger: deps.logger })
                : undefined,
            slackWebhookUrl: request.slackWebhookUrl,
        }, { clock: deps.clock, logger: deps.logger });
    }
    else if (cleanup === 'only')
        deps.logger.info('clean-up job: no GitHub issue or Slack message (the checks job keeps them)');
    else
        deps.logger.info('inline checks: no GitHub issue or Slack message (those belong to a schedule)');
    return { report, alerting };
}
/** The checks a request runs, from the configuration (for the post step's clean-up). */
async function requestedChecks(request) {
    const config = await loadConfig(request.config);
    const env = selectEnvironment(config, request.environment, request.config);
    const items = request.checks ?? env.checks?.[request.schedule] ?? [];
    return { env, items: itemsForCleanupMode(items, request.cleanup ?? 'include') };
}


/***/ }),

/***/ 8688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ addCheckTable),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   h3: () => (/* binding */ buildCheckReport),
/* harmony export */   iI: () => (/* binding */ isRed),
/* harmony export */   tW: () => (/* binding */ STATUS_ICON)
/* harmony export */ });
/* unused harmony export writeCheckReport */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5898);
/* harmony import */ var _run_checks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9591);



/** A run is red when any check fails or errors; warnings and skips are shown, not failed. */
const isRed = (r) => r.status === 'fail' || r.status === 'error';
function buildCheckReport(results, meta) {
    return {
        list: meta.list,
        environment: meta.environment,
        passed: !results.some(isRed),
        counts: (0,_run_checks_js__WEBPACK_IMPORTED_MODULE_2__/* .countByStatus */ .x)(results),
        startedAt: new Date(meta.startedAt).toISOString(),
        durationMs: meta.finishedAt - meta.startedAt,
        checks: results,
    };
}
async function writeCheckReport(report, directory, name = 'check-report') {
    return writeJsonFile(directory, `${name}-${report.environment}-${report.list}`, report);
}
const STATUS_ICON = {
    pass: '✅ pass',
    fail: '❌ fail',
    error: '💥 error',
    warn: '⚠️ warn',
    skipped: '⏭️ skipped',
    waived: '📝 waived',
};
/** "2 failed, 1 error, 5 passed, 1 warning" — the counts that are not zero. */
function countsLine(counts) {
    const parts = [
        [counts.fail, 'failed'],
        [counts.error, counts.error === 1 ? 'error' : 'errors'],
        [counts.pass, 'passed'],
        [counts.warn, counts.warn === 1 ? 'warning' : 'warnings'],
        [counts.waived, 'waived'],
        [counts.skipped, 'skipped'],
    ];
    return parts
        .filter(([n]) => n > 0)
        .map(([n, word]) => `${n} ${word}`)
        .join(', ');
}
/** One row per check, grouped by report section, failures first within a group. */
function addCheckTable(summary, report, title) {
    summary.heading(`${title}: ${report.passed ? '✅' : '❌'} ${countsLine(report.counts)}`, 3);
    const order = ['fail', 'error', 'warn', 'waived', 'skipped', 'pass'];
    const rows = [...report.checks].sort((a, b) => a.group.localeCompare(b.group) || order.indexOf(a.status) - order.indexOf(b.status));
    summary.table(['Group', 'Check', 'Result', 'What was seen', 'Took'], rows.map((r) => [
        r.group,
        `\`${r.id}\``,
        STATUS_ICON[r.status],
        r.line,
        (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(r.durationMs),
    ]));
    return summary;
}


/***/ }),

/***/ 6292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ postToSlack),
/* harmony export */   y: () => (/* binding */ slackMessage)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(676);


/**
 * Posts to a Slack incoming webhook at most once. The URL is a secret: it never appears in a
 * log line. A webhook post is not idempotent, so it is retried only when Slack cannot have
 * posted it (429 rate limited, or no connection at all); after a 5xx or a lost answer the
 * message may be in the channel already, and a second copy is worse than a missing one: the
 * caller reports it as a warning.
 */
async function postToSlack(webhookUrl, message, deps) {
    try {
        await (0,_util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .requestJson */ .SS)('Slack webhook', webhookUrl, { method: 'POST', body: message, timeoutMs: 10_000, idempotent: false }, deps);
    }
    catch (error) {
        if (error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ && error.status >= 400 && error.status < 500)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`Slack refused the message (HTTP ${error.status}: ${error.body.slice(0, 100) || 'no reason given'}); check the webhook URL secret`);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`Slack did not confirm the message (${error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ ? `HTTP ${error.status}` : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}); it may or may not be in the channel, and is not sent twice`);
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


/***/ })

};
