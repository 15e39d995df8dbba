export const id = 646;
export const ids = [646];
export const modules = {

/***/ 8265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCheck: () => (/* binding */ runCheck)
/* harmony export */ });
/* harmony import */ var _core_action_summary_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4607);
/* harmony import */ var _core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9439);
/* harmony import */ var _core_checks_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8688);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8791);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2586);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7608);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1391);
/* harmony import */ var _run_info_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4587);
/* harmony import */ var _terminal_logger_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9052);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7069);
/**
 * `apprunner-ops check <environment> <daily|weekly|monthly>`: the routine checks of the
 * configuration, run by the same function as the ops-check action (core/checks/ops-check.ts),
 * read-only. From a terminal there is no GitHub issue and no Slack message: those belong to
 * the scheduled workflow; the result is the table, and the exit code.
 */










async function runCheck(args, io) {
    const environment = (0,_shared_js__WEBPACK_IMPORTED_MODULE_7__/* .positional */ .n8)(args, 0, 'the environment', this.usage);
    const schedule = (0,_shared_js__WEBPACK_IMPORTED_MODULE_7__/* .positional */ .n8)(args, 1, 'the schedule', this.usage);
    (0,_shared_js__WEBPACK_IMPORTED_MODULE_7__/* .noExtraPositionals */ .P_)(args, 2, this.usage);
    if (!_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_0__/* .SCHEDULES */ .Hj.includes(schedule))
        throw new _args_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .e(`schedule "${schedule}": expected ${_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_0__/* .SCHEDULES */ .Hj.join(', ')}; usage: ${this.usage}`);
    const file = (0,_shared_js__WEBPACK_IMPORTED_MODULE_7__/* .configPath */ .eQ)(args, io);
    // The environment and its list are checked before any AWS call.
    const { env } = await (0,_shared_js__WEBPACK_IMPORTED_MODULE_7__/* .loadEnvironment */ .Ye)(args, io, environment);
    if (!env.checks?.[schedule]?.length)
        throw new _args_js__WEBPACK_IMPORTED_MODULE_8__/* .UsageError */ .e(`environments.${environment}.checks.${schedule}: no checks configured in ${file}`);
    const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
    const logger = (0,_terminal_logger_js__WEBPACK_IMPORTED_MODULE_6__/* .terminalLogger */ .j)(io.stderr, { color });
    try {
        const { report } = await (0,_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_0__/* .opsCheck */ .P9)({
            config: file,
            environment,
            schedule: schedule,
            checks: undefined,
            githubToken: io.env['GITHUB_TOKEN'] || undefined,
            // A terminal run reports on the screen: no Slack message, no GitHub issue.
            slackWebhookUrl: undefined,
            betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined,
            databaseUrl: io.env['OPS_DATABASE_URL'] || undefined,
            auditDatabaseUrl: io.env['AUDIT_DATABASE_URL'] || undefined,
            openIssue: false,
        }, { clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m, logger, run: (0,_run_info_js__WEBPACK_IMPORTED_MODULE_5__/* .terminalRunInfo */ .U)(io.env, io.cwd, io.now()) });
        logger.stop();
        if ((0,_shared_js__WEBPACK_IMPORTED_MODULE_7__/* .boolFlag */ .lB)(args, 'json'))
            io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else
            io.stdout.write((0,_render_js__WEBPACK_IMPORTED_MODULE_4__/* .renderSummaryFor */ .s)((0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_1__/* .addCheckTable */ .C2)(new _core_action_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .Summary */ .BD(), report, `${schedule} checks of ${environment}`).toMarkdown(), io));
        io.stderr.write(`${report.passed ? '' : 'FAILED: '}${schedule} checks of ${environment}: ${(0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_1__/* .countsLine */ .J7)(report.counts)}\n`);
        return report.passed ? _io_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_3__/* .EXIT */ .d.failed;
    }
    finally {
        logger.stop();
    }
}


/***/ })

};
