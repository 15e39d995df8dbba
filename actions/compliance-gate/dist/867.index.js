export const id = 867;
export const ids = [867];
export const modules = {

/***/ 8867:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_sessions_post_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2860);

/**
 * Runs after every compliance-gate run, also a cancelled one: runPostStep ends the SSM port-forwarding
 * sessions (database.access: ssm) a stopped main step left running. Nothing else to undo here.
 */
await (0,_core_action_sessions_post_step_js__WEBPACK_IMPORTED_MODULE_0__/* .closeSessionsPostStep */ .A)('compliance-gate');

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ closeSessionsPostStep)
/* harmony export */ });
/* harmony import */ var _post_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2405);

/**
 * The post step of an action whose main step leaves nothing open but database sessions
 * (compliance-gate, restore-database, rotate-secret): runPostStep ends those. A module of its
 * own: the main bundles import post-state.ts, and need no import of the runtime's post step.
 */
function closeSessionsPostStep(action) {
    return (0,_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .runPostStepIfOpen */ .f$)(action, [], async () => {
        const { runPostStep } = await Promise.all(/* import() */[__webpack_require__.e(686), __webpack_require__.e(711)]).then(__webpack_require__.bind(__webpack_require__, 711));
        await runPostStep(action, async () => { });
    });
}


/***/ })

};
