export const id = 23;
export const ids = [23];
export const modules = {

/***/ 6023:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2405);

await (0,_core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .runPostStepIfOpen */ .f$)('deploy', _core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .OPS_POST_STATE */ .iA, async () => {
    const { runOpsPostStep } = await Promise.all(/* import() */[__webpack_require__.e(363), __webpack_require__.e(929), __webpack_require__.e(567)]).then(__webpack_require__.bind(__webpack_require__, 567));
    await runOpsPostStep('deploy');
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
