export const id = 52;
export const ids = [52];
export const modules = {

/***/ 9052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ terminalLogger)
/* harmony export */ });
/* harmony import */ var _core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2132);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5430);



const FRAMES = ['\u280b', '\u2819', '\u2839', '\u2838', '\u283c', '\u2834', '\u2826', '\u2827', '\u2807', '\u280f'];
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
    const waitLine = (w) => `${FRAMES[frame % FRAMES.length]} waiting for ${w.what}: ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(now() - w.startedAt)} of ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(w.deadline - w.startedAt)}${w.status ? ` \u00b7 ${w.status}` : ''}`;
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
                    stream.write(`  done: ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(now() - update.startedAt)}\n`);
                return;
            }
            clear();
            if (update.done) {
                wait = undefined;
                stopTicker();
                stream.write(`${(0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'green', '\u2713')} ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(now() - update.startedAt)}\n`);
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
            print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'bold', `\u25b8 ${name}`));
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

/***/ 6358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BX: () => (/* binding */ checkSsmTools),
/* harmony export */   sr: () => (/* binding */ openSsmTunnel),
/* harmony export */   xW: () => (/* binding */ TUNNEL_STATE)
/* harmony export */ });
/* unused harmony exports PORT_FORWARDING_DOCUMENT, SsmTunnelFailed, freeLocalPort, closeLeftoverSessions */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4494);
/**
 * An AWS Systems Manager port-forwarding session to a host inside the VPC: the AWS CLI's
 * `aws ssm start-session --document-name AWS-StartPortForwardingSessionToRemoteHost`, which
 * runs the Session Manager plugin and listens on a local port. GitHub-hosted Ubuntu runners
 * carry both; the CLI speaks the session's own protocol, which no SDK client does.
 */





/** The state key under which the main step records its session processes for the post step. */
const TUNNEL_STATE = 'database-tunnel-pids';
const PORT_FORWARDING_DOCUMENT = 'AWS-StartPortForwardingSessionToRemoteHost';
const INSTALL_CLI = 'install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html); GitHub-hosted Ubuntu runners have it';
const INSTALL_PLUGIN = 'install the Session Manager plugin (https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html), e.g. in a step before the suite: curl -sSfo /tmp/smp.deb https://s3.amazonaws.com/session-manager-downloads/plugin/latest/ubuntu_64bit/session-manager-plugin.deb && sudo dpkg -i /tmp/smp.deb';
class SsmTunnelFailed extends _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DomainFailure */ .dY {
    name = 'SsmTunnelFailed';
}
async function onPath(command, envPath) {
    for (const dir of (envPath ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).filter(Boolean)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, command);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return file;
        }
        catch {
            // not in this folder
        }
    }
    return undefined;
}
/** The tools a session needs, checked before any change: one error naming what to install. */
async function checkSsmTools(env = process.env) {
    const missing = [];
    if (!(await onPath('aws', env['PATH'])))
        missing.push(`the AWS CLI ("aws") is not on the PATH: ${INSTALL_CLI}`);
    if (!(await onPath('session-manager-plugin', env['PATH'])))
        missing.push(`the Session Manager plugin ("session-manager-plugin") is not on the PATH: ${INSTALL_PLUGIN}`);
    if (missing.length > 0)
        throw new SsmTunnelFailed(`database.access is ssm, but ${missing.join('; and ')}. Nothing was changed.`);
}
/** A free local TCP port (the OS picks it; the session binds it a moment later). */
function freeLocalPort() {
    return new Promise((resolve, reject) => {
        const server = node_net__WEBPACK_IMPORTED_MODULE_2___default().createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
function accepts(port) {
    return new Promise((resolve) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_2___default().connect({ host: '127.0.0.1', port });
        const done = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
        socket.setTimeout(1_000, () => done(false));
    });
}
/** The CLI's error, said with what to do about it. */
function explain(stderr, target) {
    const text = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ') || 'no output';
    if (/TargetNotConnected/.test(stderr))
        return `${text} \u2014 the instance ${target} is not connected to Systems Manager: check that it runs, that its SSM agent is online (Systems Manager > Fleet Manager) and that its role has AmazonSSMManagedInstanceCore`;
    if (/AccessDenied/.test(stderr))
        return `${text} \u2014 the runner's role may not start this session: grant ssm:StartSession on the instance and on the document ${PORT_FORWARDING_DOCUMENT}, and ssm:TerminateSession on its own sessions (docs/iam-policy*.json)`;
    if (/SessionManagerPlugin is not found/.test(stderr))
        return `${text} \u2014 ${INSTALL_PLUGIN}`;
    if (/InvalidDocument|InvalidParameters/.test(stderr))
        return `${text} \u2014 the account or region does not offer ${PORT_FORWARDING_DOCUMENT}`;
    return text;
}
/** Starts a session and waits until its local port accepts connections. */
async function openSsmTunnel(request) {
    const env = request.env ?? process.env;
    await checkSsmTools(env);
    const localPort = await freeLocalPort();
    const args = [
        'ssm',
        'start-session',
        '--region',
        request.region,
        '--target',
        request.target,
        '--document-name',
        PORT_FORWARDING_DOCUMENT,
        '--parameters',
        `host=${request.host},portNumber=${request.port},localPortNumber=${localPort}`,
    ];
    request.logger.info(`Opening an SSM port-forwarding session through ${request.target} to ${request.host}:${request.port} on 127.0.0.1:${localPort}`);
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('aws', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d.toString()));
    child.stderr?.on('data', (d) => (output += d.toString()));
    let exited;
    const exit = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
            exited = { code, signal };
            resolve();
        });
        child.once('error', (error) => {
            output += `\n${error.message}`;
            exited = { code: -1, signal: null };
            resolve();
        });
    });
    const close = async () => {
        if (exited)
            return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(timer);
    };
    const deadline = Date.now() + request.deadlineMs;
    for (;;) {
        if (exited)
            break;
        if (await accepts(localPort)) {
            // Its output may hold nothing secret (ids and ports), but only our own line is logged.
            return { localPort, pid: child.pid, close };
        }
        if (Date.now() >= deadline)
            break;
        await Promise.race([exit, new Promise((r) => setTimeout(r, 100))]);
    }
    await close();
    throw new SsmTunnelFailed(exited && !(exited.signal === 'SIGTERM')
        ? `the SSM session through ${request.target} to ${request.host}:${request.port} did not start (aws exited with ${exited.code ?? exited.signal}): ${explain(output, request.target)}`
        : `the SSM session through ${request.target} to ${request.host}:${request.port} did not accept connections on 127.0.0.1:${localPort} within ${request.deadlineMs / 1000} s: ${explain(output, request.target)}`);
}
/**
 * The post step: ends sessions a cancelled main step left running. Only a process that is
 * still our `aws ssm start-session` is signalled (a pid may have been reused since).
 */
async function closeLeftoverSessions(pids, logger) {
    let closed = 0;
    for (const pid of pids) {
        let cmdline;
        try {
            cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
        }
        catch {
            continue; // gone (or not Linux: nothing to read, nothing signalled)
        }
        if (!/\bssm start-session\b/.test(cmdline) || !cmdline.includes(PORT_FORWARDING_DOCUMENT))
            continue;
        try {
            process.kill(pid, 'SIGTERM');
        }
        catch {
            continue;
        }
        const until = Date.now() + 5_000;
        while (Date.now() < until && (await stillRunning(pid)))
            await new Promise((r) => setTimeout(r, 100));
        if (await stillRunning(pid))
            process.kill(pid, 'SIGKILL');
        logger.info(`Closed the SSM port-forwarding session (process ${pid}) the run left open`);
        closed++;
    }
    return closed;
}
async function stillRunning(pid) {
    try {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) Z/.test(stat); // a zombie has ended
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 8458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ prepareDatabaseForChecks)
/* harmony export */ });
/* unused harmony export DATABASE_CHECK_TYPES */
/* harmony import */ var _database_access_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(920);

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
    const access = await (0,_database_access_js__WEBPACK_IMPORTED_MODULE_0__/* .openDatabaseAccess */ .Q)(where.env, where, deps);
    if (!items.some((item) => DATABASE_CHECK_TYPES.includes(item.type)))
        return;
    await (0,_database_access_js__WEBPACK_IMPORTED_MODULE_0__/* .preflightDatabases */ .O)(access, [
        { url: secrets.databaseUrl, what: 'the database (database-url)' },
        { url: secrets.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
    ], deps.logger);
}


/***/ }),

/***/ 9439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Hj: () => (/* binding */ SCHEDULES),
  P9: () => (/* binding */ opsCheck)
});

// UNUSED EXPORTS: CLEANUP_MODES, inlineChecksSchema, itemsForCleanupMode, leavesSomethingToCleanUp, parseInlineChecks, requestedChecks

// EXTERNAL MODULE: ./core/checks/database-access.ts
var database_access = __webpack_require__(8458);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 17 modules
var schemas = __webpack_require__(8816);
// EXTERNAL MODULE: ./core/aws/clients.ts
var clients = __webpack_require__(9750);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
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

;// CONCATENATED MODULE: ./core/checks/cleanup-role.ts
/**
 * The repository variable holding an environment's clean-up role, the only role that may delete
 * images (docs/iam-policy-ecr-cleanup.json): the workflows read it, and ops-check names it when
 * `delete: true` has no job to run it.
 */
const cleanupRoleVariable = (environment) => `${environment.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_CLEANUP_ROLE_ARN`;

// EXTERNAL MODULE: ./core/checks/registry.ts + 40 modules
var registry = __webpack_require__(3300);
// EXTERNAL MODULE: ./core/checks/run-checks.ts
var run_checks = __webpack_require__(9591);
;// CONCATENATED MODULE: ./core/checks/ops-check.ts














const SCHEDULES = ['daily', 'weekly', 'monthly'];
/**
 * Which job runs the items that delete (`ecr-untagged` with `delete: true`): `include` runs
 * them as configured; `skip` (the read-only jobs) lists what they would delete (a dry run, the
 * reads only); `only` (the clean-up job, whose role alone may delete) runs those items and
 * nothing else; `no-role` (a read-only job of an environment without a clean-up role, so no
 * job may delete) refuses an item with `delete: true` before any call: it would silently stay
 * a dry run.
 */
const CLEANUP_MODES = (/* unused pure expression or super */ null && (['include', 'skip', 'only', 'no-role']));
const deletes = (item) => item.type === 'ecr-untagged' && item.delete === true;
/** The items a job runs, by its clean-up mode. */
function itemsForCleanupMode(items, mode) {
    if (mode === 'only')
        return items.filter(deletes);
    if (mode === 'skip' || mode === 'no-role')
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
 * `delete: true` where no job may delete: without `<ENV>_CLEANUP_ROLE_ARN` the clean-up job does
 * not run and the read-only job only lists what would go. A user who asked for deletion would
 * otherwise see green dry runs forever, so this is a configuration error naming the variable.
 */
async function refuseDeletesWithoutRole(request, items) {
    const variable = cleanupRoleVariable(request.environment);
    const why = `delete: true, but the repository variable ${variable} is not set, so no job may delete: the clean-up job does not run and this read-only job would only list what it would delete. Set ${variable} to the clean-up role (docs/iam-policy-ecr-cleanup.json, docs/data-safety.md), or remove delete: true to keep the dry run`;
    const at = items.flatMap((item, i) => (deletes(item) ? [i] : []));
    if (at.length && request.checks)
        throw new errors/* InputError */.dz('checks', `item ${at.map((i) => i + 1).join(', ')}: ${why}`);
    await refuseItems(request, at.map((i) => [i, why]));
}
/**
 * Items whose check type finds them wrong at this time (its `preflight`: a report month in the
 * future, a range longer than a year), refused before the first check runs: nothing is read,
 * made, opened or sent for a list with one bad item.
 */
async function refusePreflight(request, items, now) {
    const problems = items.flatMap((item, i) => {
        const why = (0,registry/* checkType */.Bt)(item.type)?.preflight?.(item, now);
        return why ? [[i, why]] : [];
    });
    if (problems.length && request.checks)
        throw new errors/* InputError */.dz('checks', problems.map(([i, why]) => `item ${i + 1} (${items[i].type}): ${why}`).join('; '));
    await refuseItems(request, problems);
}
/** A configuration error naming each item by its path and line in the file. */
async function refuseItems(request, problems) {
    if (problems.length === 0)
        return;
    const path = (i) => ['environments', request.environment, 'checks', request.schedule, i];
    let lineOf = (_) => '';
    try {
        lineOf = (0,load/* parseYamlDocument */.Iu)(await (0,promises_.readFile)(request.config, 'utf8'), schemas/* unknown */.L5J(), (p) => Error(p.join('; '))).lineOf;
    }
    catch {
        // Read and validated a moment ago; without lines the message still names the item.
    }
    throw new errors/* ConfigError */.xL(request.config, problems.map(([i, why]) => `environments.${request.environment}.checks.${request.schedule}[${i}]: ${why}${lineOf(path(i))}`));
}
/**
 * Whether a run of these items can leave something behind when stopped half-way: a
 * snapshot-restore drill's instance (it costs money), an escalation test's incident (it keeps
 * paging). ops-check's post step cleans those up, and loads nothing for any other list.
 */
function leavesSomethingToCleanUp(items) {
    return items.some((i) => i.type === 'snapshot-restore' || i.type === 'escalation-test');
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
    if (cleanup === 'no-role')
        await refuseDeletesWithoutRole(request, configured ?? []);
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
    // The clean-up job runs only the deleting items; the others are refused by the job that runs them.
    if (cleanup !== 'only')
        await refusePreflight(request, configured ?? [], deps.clock.now());
    const secrets = {
        githubToken: request.githubToken,
        betterstackToken: request.betterstackToken,
        databaseUrl: request.databaseUrl,
        auditDatabaseUrl: request.auditDatabaseUrl,
        flyApiToken: request.flyApiToken,
    };
    const aws = deps.aws ?? (0,clients/* createAwsClients */.Gv)(env.region);
    await (0,database_access/* prepareDatabaseForChecks */.x)(items, { environment: request.environment, configFile: request.config, env }, secrets, {
        clock: deps.clock,
        logger: deps.logger,
        clients: aws,
        ...(deps.saveState ? { saveState: deps.saveState } : {}),
    });
    const started = deps.clock.now();
    deps.logger.info(`running ${items.length} ${list} checks of ${request.environment} concurrently`);
    // A post step deletes what a cancelled snapshot-restore drill left (ops-check's post.ts).
    deps.onStart?.(items);
    const results = await (0,run_checks/* runCheckList */.i)(items, {
        environment: request.environment,
        env,
        environments: config.environments,
        aws,
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
    pass: '\u2705 pass',
    fail: '\u274c fail',
    error: '\ud83d\udca5 error',
    warn: '\u26a0\ufe0f warn',
    skipped: '\u23ed\ufe0f skipped',
    waived: '\ud83d\udcdd waived',
};
/** "2 failed, 1 error, 5 passed, 1 warning" \u2014 the counts that are not zero. */
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
    summary.heading(`${title}: ${report.passed ? '\u2705' : '\u274c'} ${countsLine(report.counts)}`, 3);
    const order = ['fail', 'error', 'warn', 'waived', 'skipped', 'pass'];
    const rows = [...report.checks].sort((a, b) => a.group.localeCompare(b.group) || order.indexOf(a.status) - order.indexOf(b.status));
    summary.table(['Group', 'Check', 'Result', 'What was seen', 'Took'], rows.map((r) => [
        r.group,
        `\`${r.id}\``,
        STATUS_ICON[r.status],
        r.line,
        (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(r.durationMs),
    ]));
    return summary;
}


/***/ }),

/***/ 920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ preflightDatabases),
/* harmony export */   Q: () => (/* binding */ openDatabaseAccess)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9750);
/* harmony import */ var _aws_ec2_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5744);
/* harmony import */ var _aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6358);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4494);
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5142);
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
    const reachTimeoutMs = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(db?.['reach-timeout'] ?? '10s') ?? 10_000;
    if (access !== 'ssm' || !db) {
        await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__/* .useDatabaseRoute */ .OH)(directRoute(access));
        return { access, configPath, reachTimeoutMs };
    }
    await (0,_aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__/* .checkSsmTools */ .BX)(deps.env ?? process.env);
    const via = db.via;
    let target;
    if (typeof via === 'string')
        target = via;
    else {
        const clients = deps.clients ?? (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_5__/* .createAwsClients */ .Gv)(env.region);
        const found = await (0,_aws_ec2_js__WEBPACK_IMPORTED_MODULE_0__/* .runningInstancesTagged */ .S)(clients, env.region, { key: via.tag, value: via.value }, deps);
        if (found.length !== 1)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(where.configFile, [
                `${configPath}.database.via: the tag filter ${via.tag}=${via.value} matches ${found.length === 0
                    ? 'no running instance'
                    : `${found.length} running instances (${found.join(', ')})`} in ${env.region}; it must match exactly one: name it by id (via: i-\u2026) or use a tag only it carries`,
            ]);
        target = found[0];
        deps.logger.info(`database.via: ${via.tag}=${via.value} is ${target}`);
    }
    await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__/* .useDatabaseRoute */ .OH)(ssmRoute(target, env.region, deps));
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
                session = (0,_aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__/* .openSsmTunnel */ .sr)({
                    target,
                    host,
                    port,
                    region,
                    deadlineMs: SESSION_START_MS,
                    logger: deps.logger,
                    ...(deps.env ? { env: deps.env } : {}),
                }).then((tunnel) => {
                    pids.push(tunnel.pid);
                    deps.saveState?.(_aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__/* .TUNNEL_STATE */ .xW, pids.join(','));
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
        await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__/* .reachDatabase */ .vx)(url, {
            deadlineMs: access.reachTimeoutMs,
            configPath: access.configPath,
            what,
        });
        logger.info(`Preflight: ${what} at ${key} answers (database.access: ${access.access})`);
    }
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
