export const id = 610;
export const ids = [610];
export const modules = {

/***/ 9610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runValidate: () => (/* binding */ runValidate)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7978);
/* harmony import */ var _core_util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4494);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2586);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7608);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7069);







async function runValidate(args, io) {
    (0,_shared_js__WEBPACK_IMPORTED_MODULE_5__/* .noExtraPositionals */ .P_)(args, 1, this.usage);
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(io.cwd, args.positionals[0] ?? '.github/apprunner-ops.yml');
    const shown = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(io.cwd, file) || file;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        throw new _args_js__WEBPACK_IMPORTED_MODULE_6__/* .UsageError */ .e(`${shown}: no such file; give the configuration's path, or run apprunner-ops init to write one`);
    try {
        const config = await (0,_core_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfig */ .Z9)(file);
        const names = Object.keys(config.environments);
        io.stdout.write(`${shown}: valid (${names.length} environment${names.length === 1 ? '' : 's'}: ${names.join(', ')})\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.ok;
    }
    catch (error) {
        if (!(error instanceof _core_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL))
            throw error;
        for (const problem of error.problems)
            io.stderr.write(`${shown}: ${problem}\n`);
        return _io_js__WEBPACK_IMPORTED_MODULE_4__/* .EXIT */ .d.failed;
    }
}


/***/ })

};
