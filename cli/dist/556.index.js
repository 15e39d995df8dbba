export const id = 556;
export const ids = [556];
export const modules = {

/***/ 6556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DIAGNOSTICS: () => (/* binding */ DIAGNOSTICS),
/* harmony export */   runDiagnose: () => (/* binding */ runDiagnose)
/* harmony export */ });
/* harmony import */ var _core_action_summary_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4607);
/* harmony import */ var _core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9439);
/* harmony import */ var _core_checks_report_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8688);
/* harmony import */ var _core_checks_registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3300);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8791);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7608);
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1391);
/* harmony import */ var _run_info_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4587);
/* harmony import */ var _terminal_logger_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9052);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7069);
/**
 * `apprunner-ops diagnose <environment>`: the runbooks' database diagnostics (connections,
 * long-queries, blocking, replication-lag, storage-growth) as one table, read-only, through the same check code as the routine
 * lists and the gate; non-zero when any fails. The database URL comes from OPS_DATABASE_URL.
 */










/** The diagnostics, with their defaults (a configuration's own list is not needed). */
const DIAGNOSTICS = [
    'connections',
    'long-queries',
    'blocking',
    'replication-lag',
    'storage-growth',
];
async function runDiagnose(args, io) {
    const environment = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .positional */ .n8)(args, 0, 'the environment', this.usage);
    (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .noExtraPositionals */ .P_)(args, 1, this.usage);
    const file = (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .configPath */ .eQ)(args, io);
    await (0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .loadEnvironment */ .Ye)(args, io, environment);
    const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
    const logger = (0,_terminal_logger_js__WEBPACK_IMPORTED_MODULE_7__/* .terminalLogger */ .j)(io.stderr, { color });
    try {
        const { report } = await (0,_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_0__/* .opsCheck */ .P9)({
            config: file,
            environment,
            schedule: undefined,
            checks: DIAGNOSTICS.map((type) => _core_checks_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .checkItemSchema */ .bi.parse({ type })),
            githubToken: undefined,
            slackWebhookUrl: undefined,
            betterstackToken: undefined,
            databaseUrl: io.env['OPS_DATABASE_URL'] || undefined,
            auditDatabaseUrl: undefined,
            openIssue: false,
        }, { clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .m, logger, run: (0,_run_info_js__WEBPACK_IMPORTED_MODULE_6__/* .terminalRunInfo */ .U)(io.env, io.cwd, io.now()) });
        logger.stop();
        if ((0,_shared_js__WEBPACK_IMPORTED_MODULE_8__/* .boolFlag */ .lB)(args, 'json'))
            io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else
            io.stdout.write((0,_render_js__WEBPACK_IMPORTED_MODULE_5__/* .renderSummaryFor */ .s)((0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_1__/* .addCheckTable */ .C2)(new _core_action_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .Summary */ .BD(), report, `database diagnostics of ${environment}`).toMarkdown(), io));
        io.stderr.write(`${report.passed ? '' : 'FAILED: '}database diagnostics of ${environment}: ${(0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_1__/* .countsLine */ .J7)(report.counts)}\n`);
        return report.passed ? _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok : _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.failed;
    }
    finally {
        logger.stop();
    }
}


/***/ })

};
