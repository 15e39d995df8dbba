export const id = 673;
export const ids = [673];
export const modules = {

/***/ 1391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ renderSummaryFor)
/* harmony export */ });
/* harmony import */ var _scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2132);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5430);


/** A job summary (Markdown) as the terminal shows it: colour only on a TTY without NO_COLOR. */
function renderSummaryFor(markdown, io) {
    const color = !io.env['NO_COLOR'] && io.stdout.isTTY === true;
    const width = Math.max(60, Math.min(io.stdout.columns ?? 100, 140));
    return `${(0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .renderSummary */ .Br)((0,_words_js__WEBPACK_IMPORTED_MODULE_1__/* .inCliWords */ .f)(markdown), { color, width }).join('\n')}\n`;
}


/***/ }),

/***/ 5744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ runningInstancesTagged),
/* harmony export */   W: () => (/* binding */ describeSecurityGroups)
/* harmony export */ });
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9750);
/* harmony import */ var _call_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2664);


/**
 * The EC2 client is large and only the go-live gate needs it, so it is imported on first use
 * (a separate chunk in the bundles) instead of weighing down every action that loads config.
 */
async function ec2Client(aws, region) {
    if (!aws.ec2) {
        const { EC2Client: Client } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
        aws.ec2 = new Client((0,_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .awsClientConfig */ .rw)(region));
    }
    return aws.ec2;
}
async function describeSecurityGroups(aws, region, groupIds, deps) {
    if (groupIds.length === 0)
        return [];
    const client = await ec2Client(aws, region);
    const { DescribeSecurityGroupsCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeSecurityGroups', () => client.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })), deps);
    return out.SecurityGroups ?? [];
}
/** Running instances carrying the tag `key` = `value` (the SSM hop of a private database). */
async function runningInstancesTagged(aws, region, tag, deps) {
    const client = await ec2Client(aws, region);
    const { DescribeInstancesCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const ids = [];
    let nextToken;
    // Bounded: a tag filter naming more than a few pages of instances is a wrong filter anyway.
    for (let page = 0; page < 20; page++) {
        const out = await (0,_call_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeInstances', () => client.send(new DescribeInstancesCommand({
            Filters: [
                { Name: `tag:${tag.key}`, Values: [tag.value] },
                { Name: 'instance-state-name', Values: ['running'] },
            ],
            MaxResults: 100,
            NextToken: nextToken,
        })), deps);
        for (const reservation of out.Reservations ?? [])
            for (const instance of reservation.Instances ?? [])
                if (instance.InstanceId)
                    ids.push(instance.InstanceId);
        nextToken = out.NextToken;
        if (!nextToken)
            return ids;
    }
    throw new Error(`DescribeInstances for tag ${tag.key}=${tag.value} still had more pages after 20; narrow the tag filter`);
}


/***/ }),

/***/ 5454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iJ: () => (/* binding */ evaluateRedirect),
  LB: () => (/* binding */ evaluateResponse),
  W6: () => (/* binding */ reportsVersion)
});

;// CONCATENATED MODULE: ./core/health/json-path.ts
/** Reads `data.checks.db.status` or `items[0].id` / `items.0.id` from parsed JSON. */
function valueAtPath(root, path) {
    const segments = path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .filter((s) => s !== '');
    let node = root;
    for (const segment of segments) {
        if (node === null || typeof node !== 'object')
            return { found: false };
        if (!Object.prototype.hasOwnProperty.call(node, segment))
            return { found: false };
        node = node[segment];
    }
    return { found: true, value: node };
}

;// CONCATENATED MODULE: ./core/health/evaluate.ts

const DAY_MS = 86_400_000;
function show(value) {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
/** Every way a response falls short of the check; empty when it passes. */
function evaluateResponse(response, { check, version, now }) {
    const reasons = [];
    const expect = check.expect;
    if (response.status !== expect.status) {
        reasons.push(`status ${response.status}, expected ${expect.status}`);
    }
    const maxLatency = expect['max-latency-ms'];
    if (maxLatency !== undefined && response.latencyMs > maxLatency) {
        reasons.push(`took ${Math.round(response.latencyMs)} ms, limit ${maxLatency} ms`);
    }
    for (const [name, pattern] of Object.entries(expect.headers ?? {})) {
        const value = response.headers[name.toLowerCase()];
        if (value === undefined)
            reasons.push(`header ${name} is missing`);
        else if (!new RegExp(pattern).test(value))
            reasons.push(`header ${name} is "${value}", expected /${pattern}/`);
    }
    const needsJson = expect.json !== undefined || version !== undefined;
    if (needsJson) {
        let body;
        let parsed = false;
        try {
            body = JSON.parse(response.body);
            parsed = true;
        }
        catch {
            const type = response.headers['content-type'] ?? 'no content-type';
            reasons.push(`expect.json needs a JSON body, got ${type}: ${show(response.body.slice(0, 60))}`);
        }
        if (parsed) {
            for (const [path, expected] of Object.entries(expect.json ?? {})) {
                const actual = valueAtPath(body, path);
                if (!actual.found)
                    reasons.push(`${path} is missing, expected ${show(expected)}`);
                else if (actual.value !== expected)
                    reasons.push(`${path} is ${show(actual.value)}, expected ${show(expected)}`);
            }
            if (version) {
                const actual = valueAtPath(body, version.path);
                if (!actual.found)
                    reasons.push(`version not reported at ${version.path}`);
                else if (!version.values.includes(String(actual.value))) {
                    const wanted = version.values.map((v) => `"${v}"`).join(' or ');
                    reasons.push(`reports version ${show(actual.value)}, expected ${wanted}`);
                }
            }
        }
    }
    if (check.tls) {
        if (!response.certificate) {
            reasons.push('tls.min-days needs an https:// URL');
        }
        else {
            const days = Math.floor((response.certificate.validTo.getTime() - now.getTime()) / DAY_MS);
            if (days < check.tls['min-days']) {
                reasons.push(`TLS certificate expires in ${days} days (${response.certificate.validTo.toISOString().slice(0, 10)}), minimum ${check.tls['min-days']}`);
            }
        }
    }
    return reasons;
}
/**
 * Whether a response shows one of the expected versions: the sign that the new version, and
 * not the one before or a warming instance that cannot say yet, answered it.
 */
function reportsVersion(response, version) {
    let body;
    try {
        body = JSON.parse(response.body);
    }
    catch {
        return false;
    }
    const actual = valueAtPath(body, version.path);
    return actual.found && version.values.includes(String(actual.value));
}
/** The plain-HTTP twin of an https:// URL must redirect to https. */
function evaluateRedirect(response, httpUrl) {
    const location = response.headers['location'];
    if (response.status < 300 || response.status > 399) {
        return [`${httpUrl.href} answered ${response.status}, expected a redirect to https://`];
    }
    if (!location || !new URL(location, httpUrl).protocol.startsWith('https')) {
        return [
            `${httpUrl.href} redirects to ${location ?? '(no Location header)'}, expected https://`,
        ];
    }
    return [];
}


/***/ }),

/***/ 4015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ firstStreak),
/* harmony export */   l: () => (/* binding */ FailureStreak)
/* harmony export */ });
/**
 * The one rule by which a watch of a new version gives up early, shared by verification and
 * the bake period (like Argo Rollouts' `failureLimit`): `limit` failed observations in a row
 * end the watch; a good observation starts the count again. What counts as an observation is
 * the caller's: a check's attempt once the new version is known to serve, a bake minute with
 * traffic.
 */
class FailureStreak {
    limit;
    reasons = [];
    constructor(limit) {
        this.limit = limit;
        if (!Number.isInteger(limit) || limit < 1)
            throw new Error(`failure limit must be a whole number \u2265 1, got ${limit}`);
    }
    /** Records one observation (a reason: it failed); the streak's reasons once it reaches the limit. */
    observe(failure) {
        this.reasons = failure === undefined ? [] : [...this.reasons, failure];
        return this.reasons.length >= this.limit ? this.reasons : undefined;
    }
    /** Failures in a row so far. */
    get length() {
        return this.reasons.length;
    }
}
/** The first streak of `limit` failures in a series of observations, or undefined. */
function firstStreak(observations, limit) {
    const streak = new FailureStreak(limit);
    for (const o of observations) {
        const reached = streak.observe(o);
        if (reached)
            return reached;
    }
    return undefined;
}


/***/ }),

/***/ 1137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ probe)
/* harmony export */ });
/* unused harmony export ProbeError */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);


class ProbeError extends Error {
    name = 'ProbeError';
}
const BODY_LIMIT = 1024 * 1024;
/**
 * One HTTP request with a deadline, on a fresh connection (so TLS is negotiated and the
 * certificate seen every time), without following redirects.
 */
function probe(url, options) {
    const transport = url.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default());
    const started = performance.now();
    return new Promise((resolve, reject) => {
        const request = transport.request(url, {
            method: options.method,
            agent: false,
            headers: { 'user-agent': 'apprunner-ops-smoke-test', accept: 'application/json, */*' },
            signal: options.signal,
        }, (response) => {
            const socket = response.socket;
            let certificate;
            if (typeof socket.getPeerCertificate === 'function') {
                const peer = socket.getPeerCertificate();
                if (peer && peer.valid_to) {
                    certificate = {
                        validTo: new Date(peer.valid_to),
                        subject: String(peer.subject?.CN ?? ''),
                    };
                }
            }
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size <= BODY_LIMIT)
                    chunks.push(chunk);
            });
            response.on('end', () => {
                clearTimeout(timer);
                const headers = {};
                for (const [name, value] of Object.entries(response.headers)) {
                    if (value !== undefined)
                        headers[name] = Array.isArray(value) ? value.join(', ') : value;
                }
                resolve({
                    status: response.statusCode ?? 0,
                    headers,
                    body: Buffer.concat(chunks).toString('utf8'),
                    latencyMs: performance.now() - started,
                    ...(certificate ? { certificate } : {}),
                });
            });
            response.on('error', (error) => {
                clearTimeout(timer);
                reject(new ProbeError(describeNetworkError(error)));
            });
        });
        const timer = setTimeout(() => {
            request.destroy(new ProbeError(`no response within ${options.timeoutMs}ms`));
        }, options.timeoutMs);
        request.on('error', (error) => {
            clearTimeout(timer);
            reject(error instanceof ProbeError ? error : new ProbeError(describeNetworkError(error)));
        });
        request.end();
    });
}
function describeNetworkError(error) {
    const code = error.code;
    switch (code) {
        case 'ECONNREFUSED':
            return 'connection refused (ECONNREFUSED)';
        case 'ECONNRESET':
            return 'connection reset (ECONNRESET)';
        case 'ENOTFOUND':
            return 'host not found (ENOTFOUND)';
        case 'CERT_HAS_EXPIRED':
            return 'TLS certificate has expired';
        case 'DEPTH_ZERO_SELF_SIGNED_CERT':
        case 'SELF_SIGNED_CERT_IN_CHAIN':
        case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
            return `TLS certificate is not trusted (${code})`;
        case 'ERR_TLS_CERT_ALTNAME_INVALID':
            return 'TLS certificate does not cover this host name';
        default:
            return code ? `${error.message} (${code})` : error.message;
    }
}


/***/ }),

/***/ 2973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ buildReport),
/* harmony export */   Yx: () => (/* binding */ addChecksToSummary)
/* harmony export */ });
/* unused harmony export writeReport */
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _util_json_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5898);


function buildReport(results, startedAt, finishedAt, expectVersion) {
    const failed = results.filter((r) => !r.passed).length;
    return {
        passed: failed === 0,
        failedChecks: failed,
        startedAt: new Date(startedAt).toISOString(),
        durationMs: finishedAt - startedAt,
        ...(expectVersion !== undefined ? { expectVersion } : {}),
        checks: results,
    };
}
async function writeReport(report, directory, name = 'smoke-test-report') {
    return writeJsonFile(directory, name, report);
}
/** Adds the checks table (and each failure's history) to a summary. */
function addChecksToSummary(summary, report, title = 'Smoke test') {
    const verdict = report.passed
        ? '\u2705 passed'
        : `\u274c ${report.failedChecks} of ${report.checks.length} failed`;
    summary.heading(`${title}: ${verdict}`, 3);
    if (report.expectVersion !== undefined)
        summary.paragraph(`Expected version: \`${report.expectVersion}\``);
    summary.table(['Check', 'Result', 'Status', 'Latency', 'Attempts', 'Reason'], report.checks.map((c) => [
        `${c.name} (${c.url})`,
        c.passed ? '\u2705 pass' : '\u274c fail',
        c.status ?? '\u2014',
        c.latencyMs !== undefined ? `${c.latencyMs} ms` : '\u2014',
        c.attempts,
        c.lastReason ?? '',
    ]));
    const failed = report.checks.filter((c) => !c.passed);
    for (const check of failed) {
        summary.details(`Every reason ${check.name} failed (${check.attempts} attempts in ${(0,_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(check.durationMs)})`, check.reasons.map((r) => `- ${r.reason} (\u00d7${r.count})`).join('\n'));
    }
    return summary;
}


/***/ }),

/***/ 9958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K: () => (/* binding */ smokeTest)
});

// EXTERNAL MODULE: ./core/health/report.ts
var report = __webpack_require__(2973);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/health/evaluate.ts + 1 modules
var evaluate = __webpack_require__(5454);
// EXTERNAL MODULE: ./core/health/failure-limit.ts
var failure_limit = __webpack_require__(4015);
// EXTERNAL MODULE: ./core/health/probe.ts
var probe = __webpack_require__(1137);
;// CONCATENATED MODULE: ./core/health/run-checks.ts






const MIN_ATTEMPT_MS = 1000;
/** The absolute URL of a check: its own `url`, or `path` joined to the base URL. */
function resolveCheckUrl(check, baseUrl) {
    if (check.url !== undefined)
        return new URL(check.url);
    if (!baseUrl)
        throw new Error(`check "${check.name}" has a path but no base URL was given`);
    const base = new URL(baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
    return new URL((check.path ?? '/').replace(/^\//, ''), base);
}
/** Which check carries the version: those marked reports-version, else the first one. */
function versionCarriers(checks) {
    const marked = checks.flatMap((c, i) => (c['reports-version'] ? [i] : []));
    return new Set(marked.length > 0 ? marked : [0]);
}
/**
 * Runs every check concurrently. A failing check is tried again every `intervalMs` until it
 * passes or the overall deadline passes, because a fresh deploy takes a moment to warm up.
 */
async function runChecks(checks, options) {
    const { clock, logger } = options;
    const deadline = clock.now() + options.timeoutMs;
    const carriers = versionCarriers(checks);
    const limit = options.failureLimit;
    const shared = {
        serving: limit !== undefined && options.expectVersion === undefined && limit.servingKnown,
        stop: new AbortController(),
    };
    logger.info(`Running ${checks.length} check${checks.length === 1 ? '' : 's'} (deadline ${(0,duration/* formatDuration */.a3)(options.timeoutMs)}, retry every ${(0,duration/* formatDuration */.a3)(options.intervalMs)}${limit ? `; ${limit.limit} failures in a row once the new version serves end it` : ''})`);
    const signal = options.signal
        ? AbortSignal.any([options.signal, shared.stop.signal])
        : shared.stop.signal;
    return Promise.all(checks.map((check, index) => runOne(check, {
        ...options,
        signal,
        deadline,
        shared,
        version: carriers.has(index) ? options.expectVersion : undefined,
    })));
}
async function runOne(check, options) {
    const { clock, logger, shared } = options;
    const streak = options.failureLimit ? new failure_limit/* FailureStreak */.l(options.failureLimit.limit) : undefined;
    let endedEarly;
    const doProbe = options.probe ?? probe/* probe */.d;
    const url = resolveCheckUrl(check, options.baseUrl);
    const attemptTimeout = (0,duration/* parseDuration */.E9)(check.timeout) ?? 10_000;
    const started = clock.now();
    const reasons = new Map();
    let attempts = 0;
    let last;
    let lastReasons = [];
    let lastLogged;
    const redirectUrl = check['https-redirect'] === true
        ? new URL(url.href.replace(/^https:/, 'http:').replace(/^(http:\/\/[^/]+?):\d+/, '$1'))
        : typeof check['https-redirect'] === 'string'
            ? new URL(check['https-redirect'])
            : undefined;
    for (;;) {
        attempts++;
        // An attempt gets what is left of the deadline, but at least a second (or its own
        // timeout if shorter): a sliver of time would only report "no response" and hide the
        // real reason of the earlier attempts.
        const timeoutMs = Math.min(attemptTimeout, Math.max(options.deadline - clock.now(), MIN_ATTEMPT_MS));
        lastReasons = [];
        last = undefined;
        try {
            last = await doProbe(url, { method: check.method, timeoutMs, signal: options.signal });
            lastReasons = (0,evaluate/* evaluateResponse */.LB)(last, {
                check,
                ...(options.version ? { version: options.version } : {}),
                now: new Date(clock.now()),
            });
        }
        catch (error) {
            lastReasons = [
                shared.endedBy !== undefined && shared.stop.signal.aborted
                    ? `not finished: ${shared.endedBy}`
                    : (0,errors/* errorMessage */.gJ)(error),
            ];
        }
        if (last && options.version && !shared.serving && (0,evaluate/* reportsVersion */.W6)(last, options.version)) {
            shared.serving = true;
            logger.info(`  ${check.name}: the new version answers (${options.version.values[0]})`);
        }
        if (redirectUrl) {
            try {
                const plain = await doProbe(redirectUrl, {
                    method: 'GET',
                    timeoutMs,
                    signal: options.signal,
                });
                lastReasons.push(...(0,evaluate/* evaluateRedirect */.iJ)(plain, redirectUrl));
            }
            catch (error) {
                lastReasons.push(`${redirectUrl.href}: ${(0,errors/* errorMessage */.gJ)(error)}`);
            }
        }
        for (const reason of lastReasons)
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        const result = () => ({
            name: check.name,
            url: url.href,
            passed: lastReasons.length === 0,
            ...(last ? { status: last.status, latencyMs: Math.round(last.latencyMs) } : {}),
            attempts,
            reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
            ...(lastReasons.length > 0 ? { lastReason: lastReasons.join('; ') } : {}),
            ...(last?.certificate
                ? {
                    tlsDaysRemaining: Math.floor((last.certificate.validTo.getTime() - clock.now()) / 86_400_000),
                }
                : {}),
            durationMs: clock.now() - started,
            ...(endedEarly !== undefined ? { endedEarly } : {}),
        });
        if (lastReasons.length === 0) {
            logger.info(`\u2713 ${check.name}: ${last?.status} in ${Math.round(last?.latencyMs ?? 0)} ms (attempt ${attempts})`);
            return result();
        }
        const line = lastReasons.join('; ');
        const reached = shared.serving ? streak?.observe(line) : undefined;
        if (reached) {
            endedEarly = `${reached.length} failures in a row once the new version served`;
            shared.endedBy ??= `${check.name} failed ${reached.length} times in a row`;
            logger.info(`\u2717 ${check.name}: ${line} (${endedEarly}; verification ends before its deadline)`);
            shared.stop.abort();
            return result();
        }
        const remainingAfter = options.deadline - clock.now();
        if (remainingAfter <= options.intervalMs || options.signal?.aborted) {
            if (shared.endedBy !== undefined)
                endedEarly = `stopped: ${shared.endedBy}`;
            logger.info(`\u2717 ${check.name}: ${lastReasons.join('; ')} (gave up after ${attempts} attempts)`);
            return result();
        }
        // Log a failing attempt when its reason changes, not every poll: a warming service
        // would otherwise fill the log with the same line.
        if (line !== lastLogged) {
            logger.info(`\u2026 ${check.name}: ${line} (attempt ${attempts}; retrying every ${(0,duration/* formatDuration */.a3)(options.intervalMs)})`);
            lastLogged = line;
        }
        await clock.sleep(options.intervalMs, options.signal).catch(() => undefined);
        if (shared.endedBy !== undefined) {
            // Another check reached the failure limit: this one's last attempt is its answer.
            endedEarly = `stopped: ${shared.endedBy}`;
            return result();
        }
    }
}

;// CONCATENATED MODULE: ./core/health/smoke-test.ts


/** Runs the checks and builds the report; shared by smoke-test, deploy and rollback. */
async function smokeTest(params, deps) {
    const started = deps.clock.now();
    const results = await runChecks(params.checks, {
        ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}),
        ...(params.expectVersion ? { expectVersion: params.expectVersion } : {}),
        timeoutMs: params.timeoutMs,
        intervalMs: params.intervalMs,
        ...(params.failureLimit ? { failureLimit: params.failureLimit } : {}),
        clock: deps.clock,
        logger: deps.logger,
        ...(deps.probe ? { probe: deps.probe } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    return (0,report/* buildReport */.FK)(results, started, deps.clock.now(), params.expectVersion?.values.join(' or '));
}


/***/ }),

/***/ 5898:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony export writeJsonFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Writes `value` as indented JSON to a new file `<stem>-<time>-<pid>.json` in `directory`
 * (made if missing), so two runs on one runner never write the same file; returns its path.
 */
async function writeJsonFile(directory, stem, value) {
    await mkdir(directory, { recursive: true });
    const file = path.join(directory, `${stem}-${Date.now()}-${process.pid}.json`);
    await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
    return file;
}


/***/ })

};
