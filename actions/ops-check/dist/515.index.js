export const id = 515;
export const ids = [515];
export const modules = {

/***/ 4515:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2405);

/**
 * Runs after every ops-check run, also a cancelled one. Its body (post-step.ts) loads only when
 * the main step started a drill or an escalation test, or opened a database session.
 */
await (0,_core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .runPostStepIfOpen */ .f$)('ops-check', [_core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .POST_STATE */ .j9.checksToCleanUp], async () => {
    await Promise.all(/* import() */[__webpack_require__.e(668), __webpack_require__.e(626), __webpack_require__.e(350)]).then(__webpack_require__.bind(__webpack_require__, 3350));
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
