export const id = 324;
export const ids = [324];
export const modules = {

/***/ 8324:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_action_github_context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(366);
/* harmony import */ var _core_action_runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(711);
/* harmony import */ var _core_action_summary_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4607);
/* harmony import */ var _core_action_post_state_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2405);
/* harmony import */ var _core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1474);
/* harmony import */ var _core_checks_report_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8688);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8791);
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4494);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7516);










await (0,_core_action_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)('ops-check', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    const request = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .readOpsCheckInputs */ .K)(inputs);
    const { report, alerting } = await (0,_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_3__/* .opsCheck */ .P9)(request, {
        clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_5__/* .systemClock */ .m,
        logger,
        run: (0,_core_action_github_context_js__WEBPACK_IMPORTED_MODULE_8__/* .readRunInfo */ .m)(),
        // The post step cleans up only after checks that leave something behind have started.
        onStart: (items) => {
            if ((0,_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_3__/* .leavesSomethingToCleanUp */ .Wv)(items))
                saveState(_core_action_post_state_js__WEBPACK_IMPORTED_MODULE_2__/* .POST_STATE */ .j9.checksToCleanUp, 'true');
        },
        saveState,
    });
    const failed = report.counts.fail + report.counts.error;
    setOutput('passed', report.passed);
    setOutput('failed', failed);
    setOutput('report', await (0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_4__/* .writeCheckReport */ .OF)(report, process.env['RUNNER_TEMP'] || node_os__WEBPACK_IMPORTED_MODULE_0___default().tmpdir()));
    const summary = (0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_4__/* .addCheckTable */ .C2)(new _core_action_summary_js__WEBPACK_IMPORTED_MODULE_9__/* .Summary */ .BD(), report, `${report.list} checks of ${report.environment}`);
    // A report check (type report) draws the monthly report, charts included, below the table.
    for (const r of report.checks)
        if (typeof r.evidence?.['summary'] === 'string')
            summary.paragraph(r.evidence['summary']);
    if (alerting?.issue)
        summary.paragraph(`GitHub issue [#${alerting.issue.number}](${alerting.issue.url}): ${alerting.issue.action}.`);
    await writeSummary(summary);
    const verdict = `${report.list} checks of ${report.environment}: ${(0,_core_checks_report_js__WEBPACK_IMPORTED_MODULE_4__/* .countsLine */ .J7)(report.counts)}`;
    if (!report.passed)
        throw new _core_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .DomainFailure */ .dY(verdict);
    logger.info(verdict);
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


/***/ })

};
