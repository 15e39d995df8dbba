export const id = 350;
export const ids = [350];
export const modules = {

/***/ 3350:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2405);
/* harmony import */ var _core_action_runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(711);
/* harmony import */ var _core_aws_clients_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9750);
/* harmony import */ var _core_checks_escalation_test_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(292);
/* harmony import */ var _core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1474);
/* harmony import */ var _core_drill_post_step_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3697);
/* harmony import */ var _core_util_clock_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8791);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7516);








/**
 * The body of ops-check's post step (post.ts loads it when the main step left something open):
 * a snapshot-restore drill that was stopped mid-way leaves a drill instance that costs money;
 * delete it (only instances tagged as drills of this environment's database) and wait until it
 * is gone. An escalation test stopped mid-way leaves a test incident that keeps paging: resolve
 * it. runPostStep also ends the database sessions a stopped main step left running.
 */
await (0,_core_action_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .runPostStep */ .Uc)('ops-check', async ({ inputs, getState, logger }) => {
    if (getState(_core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .POST_STATE */ .j9.checksToCleanUp) !== 'true')
        return;
    const request = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readOpsCheckInputs */ .K)(inputs);
    const { env, items } = await (0,_core_checks_ops_check_js__WEBPACK_IMPORTED_MODULE_3__/* .requestedChecks */ .CN)(request);
    if (items.some((i) => i.type === 'escalation-test') && request.betterstackToken)
        await (0,_core_checks_escalation_test_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveEscalationTests */ .Ho)(request.environment, request.betterstackToken, {
            clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_5__/* .systemClock */ .m,
            logger,
        });
    if (!env.database)
        return;
    await (0,_core_drill_post_step_js__WEBPACK_IMPORTED_MODULE_4__/* .cleanupDrillsAfterChecks */ .e)(items, env, (0,_core_aws_clients_js__WEBPACK_IMPORTED_MODULE_7__/* .createAwsClients */ .Gv)(env.region).rds, {
        clock: _core_util_clock_js__WEBPACK_IMPORTED_MODULE_5__/* .systemClock */ .m,
        logger,
    });
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ cleanupDrillsAfterChecks)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8729);
/* harmony import */ var _rds_drill_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1989);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4195);




/**
 * What a `post:` step of an action that ran checks calls (always, also after cancellation):
 * when the list held a snapshot-restore check, delete the environment's drill instances
 * (found by tag) and wait until they are gone. Post steps warn, never fail.
 */
async function cleanupDrillsAfterChecks(items, env, rds, deps) {
    const drill = items.find((i) => i.type === 'snapshot-restore');
    if (!drill || !env.database)
        return [];
    // The drill's own poll interval (its check item), else RDS's pace.
    const pollIntervalMs = (typeof drill['poll-interval'] === 'string' && (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(drill['poll-interval'])) || 15_000;
    // Within what GitHub allows after a cancellation; the next drill's sweep finishes the rest.
    const deleteTimeoutMs = Math.min((typeof drill['delete-deadline'] === 'string' && (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .parseDuration */ .E9)(drill['delete-deadline'])) ||
        1_800_000, _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .POST_STEP_BUDGET_MS */ .xv);
    try {
        const deleted = await (0,_rds_drill_js__WEBPACK_IMPORTED_MODULE_2__/* .cleanupDrill */ .Ur)(rds, env.database.instance, { restoreTimeoutMs: deleteTimeoutMs, deleteTimeoutMs, pollIntervalMs }, deps);
        if (deleted.length > 0)
            deps.logger.warning(`Deleted drill instance(s) ${deleted.join(', ')} after the run`);
        return deleted;
    }
    catch (error) {
        deps.logger.warning(`Could not finish cleaning up drill instances of ${env.database.instance} within the post step's ${_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .POST_STEP_BUDGET_MS */ .xv / 60_000} minutes: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}; the next drill deletes every drill instance (tag apprunner-ops:drill=true) it finds before it starts`);
        return [];
    }
}


/***/ })

};
