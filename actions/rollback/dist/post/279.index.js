export const id = 279;
export const ids = [279];
export const modules = {

/***/ 5279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5555);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6856);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3251);
/* harmony import */ var bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8729);




// The light build plugin-throttling itself uses, so the bundle carries one copy.


/**
 * plugin-throttling spaces every write by a second, GitHub's advice for integrations that make
 * many. A run makes at most four (a deployment and its statuses), and the second follows the
 * first at once, so that second would only delay the deploy behind it. Writes still go one at
 * a time, and a secondary rate limit, should one come, is waited out as `retry-after` asks.
 */
const writes = new (bottleneck_light_js__WEBPACK_IMPORTED_MODULE_2___default().Group)({ maxConcurrent: 1, minTime: 0 });
/** Times one request may be retried after a rate limit; each wait is bounded by maxRateLimitWaitMs. */
const RATE_LIMIT_RETRIES = 3;
/** plugin-retry's own list: these answers mean the request was refused, not lost. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];
function describe(request) {
    return `${request.method} ${request.url.replace(/\?.*$/, '')}`;
}
/**
 * The one GitHub REST client: Octokit from @actions/github, with GitHub's own retry and
 * throttling plugins so primary and secondary rate limits (`retry-after`) are honoured. Every
 * wait is bounded and logged, every attempt has a deadline.
 *
 * A request that must not run twice (creating a deployment) passes `request: { retries: 0 }`
 * and decides itself whether to send it again; rate-limit answers are still waited out, since
 * GitHub did not act on them.
 */
function createOctokit(token, options) {
    const maxWaitMs = options.maxRateLimitWaitMs ?? 60_000;
    const timeoutMs = options.requestTimeoutMs ?? 20_000;
    const retries = options.retries ?? 2;
    // @actions/github's own fetch honours the runner's HTTPS_PROXY / NO_PROXY; keep it.
    const baseFetch = options.fetch ?? _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? fetch;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const waitMs = retryAfter * 1000;
        const what = describe(request);
        if (retryCount >= RATE_LIMIT_RETRIES || waitMs > maxWaitMs) {
            options.logger.warning(`GitHub ${kind} rate limit on ${what}: not waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} more (tried ${retryCount + 1} times, longest wait allowed ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(maxWaitMs)})`);
            return false;
        }
        options.logger.info(`GitHub ${kind} rate limit on ${what}: waiting ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)(waitMs)} as GitHub's ${kind === 'secondary' ? 'retry-after' : 'x-ratelimit-reset'} asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`);
        return true;
    };
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: options.apiUrl.replace(/\/$/, ''),
        throttle: {
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            write: writes,
        },
        retry: { retries, doNotRetry: DO_NOT_RETRY },
        request: {
            ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request,
            fetch: (url, init) => baseFetch(url, {
                ...init,
                signal: init?.signal
                    ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
                    : AbortSignal.timeout(timeoutMs),
            }),
        },
        log: {
            debug: () => { },
            info: () => { },
            warn: (message) => options.logger.warning(message),
            error: (message) => options.logger.debug(message),
        },
    }, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_5__/* .throttling */ .A);
    // plugin-retry retries silently; say what failed and how long it waits (its own schedule).
    octokit.hook.error('request', (error, request) => {
        const status = error.status ?? 0;
        const options_ = request;
        const allowed = options_.request?.retries ?? retries;
        const done = options_.request?.retryCount ?? 0;
        if (status >= 400 && !DO_NOT_RETRY.includes(status) && done < allowed) {
            options.logger.info(`GitHub answered ${status} to ${describe(options_)} (${error.message.slice(0, 120)}): retrying in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_3__/* .formatDuration */ .a3)((done + 1) ** 2 * 1000)} (retry ${done + 1} of ${allowed})`);
        }
        throw error;
    });
    return octokit;
}


/***/ })

};
