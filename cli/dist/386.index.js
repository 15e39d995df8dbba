export const id = 386;
export const ids = [386];
export const modules = {

/***/ 9386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runReport: () => (/* binding */ runReport)
/* harmony export */ });
/* harmony import */ var _core_action_github_context_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(366);
/* harmony import */ var _core_aws_clients_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9750);
/* harmony import */ var _core_checks_report_check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5109);
/* harmony import */ var _core_checks_schemas_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5425);
/* harmony import */ var _core_report_ops_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2643);
/* harmony import */ var _core_report_render_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(499);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8791);
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4494);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8816);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2586);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7608);
/* harmony import */ var _terminal_logger_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9052);
/* harmony import */ var _run_info_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4587);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5430);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7069);
/**
 * `apprunner-ops report <environment> [--month YYYY-MM | --from D --to D] [--json]`: the
 * monthly ops report (core/report/) in the terminal, as the `report` check makes it for the
 * job summary. Thresholds come from the environment's `report` item when it has one (any
 * schedule), else the item's defaults; `--sla-target` overrides. Every flag is checked before
 * the first call; a source that cannot be read to the end fails the command (exit 1).
 */















const itemSchema = zod__WEBPACK_IMPORTED_MODULE_9__/* .object */ .Ikc(_core_checks_schemas_report_js__WEBPACK_IMPORTED_MODULE_1__/* .reportSchema */ .Q.shape);
async function runReport(args, io) {
    const environment = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .positional */ .n8)(args, 0, 'the environment', this.usage);
    (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .noExtraPositionals */ .P_)(args, 1, this.usage);
    const { env } = await (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .loadEnvironment */ .Ye)(args, io, environment);
    const configured = Object.values(env.checks ?? {})
        .flat()
        .find((item) => item?.type === 'report');
    const item = itemSchema.parse(configured ?? {});
    const target = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .stringFlag */ .AM)(args, 'sla-target');
    const slaTarget = target === undefined ? item['sla-target'] : Number(target);
    const month = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .stringFlag */ .AM)(args, 'month');
    const from = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .stringFlag */ .AM)(args, 'from');
    const to = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .stringFlag */ .AM)(args, 'to');
    let period;
    try {
        if (target !== undefined && !/^\d+(\.\d+)?$/.test(target))
            throw new Error(`--sla-target "${target}" is not a number; give a percent such as 99.9`);
        (0,_core_report_ops_report_js__WEBPACK_IMPORTED_MODULE_2__/* .validateThresholds */ .J)({
            slaTarget,
            maxErrorPercent: item['max-error-percent'],
            maxP99Ms: item['max-p99-ms'],
        }, '--sla-target');
        period = (0,_core_checks_report_check_js__WEBPACK_IMPORTED_MODULE_0__/* .reportPeriodOf */ .zO)(month !== undefined || from !== undefined || to !== undefined
            ? { month, from, to }
            : { month: item.month, from: item.from, to: item.to }, io.now());
    }
    catch (error) {
        throw new _args_js__WEBPACK_IMPORTED_MODULE_10__/* .UsageError */ .e((0,_core_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)
            .replace(/^report: month: /, '--month: ')
            .replace(/^report: from\/to: /, '--from/--to: ')
            .replace(/^report: /, '')
            .replace(/\bfrom and to\b/, '--from and --to')
            .replace(/\bmonth or from and to\b/, '--month or --from and --to'));
    }
    const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
    const logger = (0,_terminal_logger_js__WEBPACK_IMPORTED_MODULE_6__/* .terminalLogger */ .j)(io.stderr, { color });
    try {
        const report = await (0,_core_report_ops_report_js__WEBPACK_IMPORTED_MODULE_2__/* .buildOpsReport */ .x)({
            environment,
            env,
            aws: (0,_core_aws_clients_js__WEBPACK_IMPORTED_MODULE_11__/* .createAwsClients */ .Gv)(env.region),
            secrets: {
                betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined,
                auditDatabaseUrl: io.env['AUDIT_DATABASE_URL'] || undefined,
                githubToken: io.env['GITHUB_TOKEN'] || undefined,
            },
            // GITHUB_TOKEN and the repository (GITHUB_REPOSITORY or the origin remote): lead times
            // and gate runs from GitHub.
            run: io.env['GITHUB_ACTIONS'] === 'true'
                ? (0,_core_action_github_context_js__WEBPACK_IMPORTED_MODULE_12__/* .readRunInfo */ .m)(io.env)
                : (0,_run_info_js__WEBPACK_IMPORTED_MODULE_7__/* .terminalRunInfo */ .U)(io.env, io.cwd, io.now()),
            clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m,
            logger,
            // The report reads a month of data in a few calls; five minutes is far beyond them.
            signal: AbortSignal.timeout(5 * 60_000),
        }, {
            period,
            thresholds: {
                slaTarget,
                maxErrorPercent: item['max-error-percent'],
                maxP99Ms: item['max-p99-ms'],
            },
            monitorIds: item['monitor-ids'],
        }).catch((error) => {
            throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DomainFailure */ .dY((0,_words_js__WEBPACK_IMPORTED_MODULE_13__/* .inCliWords */ .f)(`the report of ${period.label} was not made: ${(0,_core_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`));
        });
        logger.stop();
        io.stdout.write((0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .boolFlag */ .lB)(args, 'json') ? `${JSON.stringify(report, null, 2)}\n` : `${(0,_core_report_render_js__WEBPACK_IMPORTED_MODULE_14__/* .reportText */ .UH)(report)}\n`);
        return report.findings.some((f) => f.level === 'fail') ? _io_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.failed : _io_js__WEBPACK_IMPORTED_MODULE_5__/* .EXIT */ .d.ok;
    }
    finally {
        logger.stop();
    }
}


/***/ }),

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


/***/ })

};
