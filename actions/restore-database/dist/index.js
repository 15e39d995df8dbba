import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 8710:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2405);
/**
 * The action's one bundle (dist/index.js): its main step, or its post step when action.yml's
 * post entry loads it (core/action/post-state.ts).
 */

await ((0,_core_action_post_state_js__WEBPACK_IMPORTED_MODULE_0__/* .isPostStep */ .pq)() ? __nccwpck_require__.e(/* import() */ 282).then(__nccwpck_require__.bind(__nccwpck_require__, 282)) : Promise.all(/* import() */[__nccwpck_require__.e(686), __nccwpck_require__.e(126), __nccwpck_require__.e(711), __nccwpck_require__.e(877)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3877)));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2405:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f$: () => (/* binding */ runPostStepIfOpen),
/* harmony export */   pq: () => (/* binding */ isPostStep)
/* harmony export */ });
/* unused harmony exports POST_STATE, OPS_POST_STATE, savedState, POST_STEP_MARK */
/* harmony import */ var _aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6358);
/**
 * What a main step saves for its post step (`saveState`), under one name each, and the look a
 * post step takes before it loads anything.
 *
 * A `post:` entry runs after every run of its action, and most runs leave nothing open. This
 * module imports no @actions/core (its HTTP client alone is a megabyte a process must compile):
 * a post step whose main step saved none of its names ends here, in a fifth of the time of
 * loading its body.
 */

/** The names of everything a main step saves for its post step. */
const POST_STATE = {
    /** PIDs of the SSM port-forwarding sessions to the database (core/database/access.ts). */
    databaseTunnelPids: _aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_0__/* .TUNNEL_STATE */ .xW,
    /** The GitHub deployment a deploy or rollback opened; '' once its status is set. */
    deploymentId: 'deployment-id',
    /** The monitors a deploy or rollback paused; '' once they are resumed. */
    maintenanceMonitors: 'maintenance-monitors',
    /** The pause id on those monitors (only this run's pauses are resumed). */
    maintenancePauseId: 'maintenance-pause-id',
    /** 'true' once an ops-check run started a check that leaves something behind when stopped. */
    checksToCleanUp: 'checks-to-clean-up',
};
/**
 * What the post step of deploy and rollback closes (core/deploy/cleanup.ts): an open GitHub
 * deployment, paused monitors. A pause id without monitors has nothing left to resume.
 */
const OPS_POST_STATE = [POST_STATE.deploymentId, POST_STATE.maintenanceMonitors];
/**
 * What the main step saved under `name`, '' when nothing. The runner hands each saved value to
 * the post step as the variable STATE_<name>, which is all @actions/core's getState reads.
 */
function savedState(name) {
    return process.env[`STATE_${name}`] ?? '';
}
/**
 * Runs a post step's body (`load` imports and runs it) when the main step saved any of
 * `names` or left a database session open; otherwise says so in one line and loads nothing.
 */
async function runPostStepIfOpen(action, names, load) {
    const open = [POST_STATE.databaseTunnelPids, ...names].some((name) => savedState(name).trim() !== '');
    if (!open) {
        process.stdout.write(`${action} (post): the main step left nothing open to close\n`);
        return;
    }
    await load();
}
/**
 * What action.yml's post entry (dist/post/index.js, written by scripts/build-actions.ts) sets
 * before it loads the action's one bundle, so the bundle runs its post step. A main step never
 * has it, however it was stopped: the sign is where the runner started, not what a step saved.
 */
const POST_STEP_MARK = Symbol.for('apprunner-ops.post-step');
function isPostStep() {
    return globalThis[POST_STEP_MARK] === true;
}


/***/ }),

/***/ 6358:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BX: () => (/* binding */ checkSsmTools),
/* harmony export */   lo: () => (/* binding */ closeLeftoverSessions),
/* harmony export */   sr: () => (/* binding */ openSsmTunnel),
/* harmony export */   xW: () => (/* binding */ TUNNEL_STATE)
/* harmony export */ });
/* unused harmony exports PORT_FORWARDING_DOCUMENT, SsmTunnelFailed, freeLocalPort */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4494);
/**
 * An AWS Systems Manager port-forwarding session to a host inside the VPC: the AWS CLI's
 * `aws ssm start-session --document-name AWS-StartPortForwardingSessionToRemoteHost`, which
 * runs the Session Manager plugin and listens on a local port. GitHub-hosted Ubuntu runners
 * carry both; the CLI speaks the session's own protocol, which no SDK client does.
 */





/** The state key under which the main step records its session processes for the post step. */
const TUNNEL_STATE = 'database-tunnel-pids';
const PORT_FORWARDING_DOCUMENT = 'AWS-StartPortForwardingSessionToRemoteHost';
const INSTALL_CLI = 'install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html); GitHub-hosted Ubuntu runners have it';
const INSTALL_PLUGIN = 'install the Session Manager plugin (https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html), e.g. in a step before the suite: curl -sSfo /tmp/smp.deb https://s3.amazonaws.com/session-manager-downloads/plugin/latest/ubuntu_64bit/session-manager-plugin.deb && sudo dpkg -i /tmp/smp.deb';
class SsmTunnelFailed extends _util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .DomainFailure */ .dY {
    name = 'SsmTunnelFailed';
}
async function onPath(command, envPath) {
    for (const dir of (envPath ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter)).filter(Boolean)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, command);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(file, node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
            return file;
        }
        catch {
            // not in this folder
        }
    }
    return undefined;
}
/** The tools a session needs, checked before any change: one error naming what to install. */
async function checkSsmTools(env = process.env) {
    const missing = [];
    if (!(await onPath('aws', env['PATH'])))
        missing.push(`the AWS CLI ("aws") is not on the PATH: ${INSTALL_CLI}`);
    if (!(await onPath('session-manager-plugin', env['PATH'])))
        missing.push(`the Session Manager plugin ("session-manager-plugin") is not on the PATH: ${INSTALL_PLUGIN}`);
    if (missing.length > 0)
        throw new SsmTunnelFailed(`database.access is ssm, but ${missing.join('; and ')}. Nothing was changed.`);
}
/** A free local TCP port (the OS picks it; the session binds it a moment later). */
function freeLocalPort() {
    return new Promise((resolve, reject) => {
        const server = node_net__WEBPACK_IMPORTED_MODULE_2___default().createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
function accepts(port) {
    return new Promise((resolve) => {
        const socket = node_net__WEBPACK_IMPORTED_MODULE_2___default().connect({ host: '127.0.0.1', port });
        const done = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
        socket.setTimeout(1_000, () => done(false));
    });
}
/** The CLI's error, said with what to do about it. */
function explain(stderr, target) {
    const text = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ') || 'no output';
    if (/TargetNotConnected/.test(stderr))
        return `${text} \u2014 the instance ${target} is not connected to Systems Manager: check that it runs, that its SSM agent is online (Systems Manager > Fleet Manager) and that its role has AmazonSSMManagedInstanceCore`;
    if (/AccessDenied/.test(stderr))
        return `${text} \u2014 the runner's role may not start this session: grant ssm:StartSession on the instance and on the document ${PORT_FORWARDING_DOCUMENT}, and ssm:TerminateSession on its own sessions (docs/iam-policy*.json)`;
    if (/SessionManagerPlugin is not found/.test(stderr))
        return `${text} \u2014 ${INSTALL_PLUGIN}`;
    if (/InvalidDocument|InvalidParameters/.test(stderr))
        return `${text} \u2014 the account or region does not offer ${PORT_FORWARDING_DOCUMENT}`;
    return text;
}
/** Starts a session and waits until its local port accepts connections. */
async function openSsmTunnel(request) {
    const env = request.env ?? process.env;
    await checkSsmTools(env);
    const localPort = await freeLocalPort();
    const args = [
        'ssm',
        'start-session',
        '--region',
        request.region,
        '--target',
        request.target,
        '--document-name',
        PORT_FORWARDING_DOCUMENT,
        '--parameters',
        `host=${request.host},portNumber=${request.port},localPortNumber=${localPort}`,
    ];
    request.logger.info(`Opening an SSM port-forwarding session through ${request.target} to ${request.host}:${request.port} on 127.0.0.1:${localPort}`);
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('aws', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d.toString()));
    child.stderr?.on('data', (d) => (output += d.toString()));
    let exited;
    const exit = new Promise((resolve) => {
        child.once('exit', (code, signal) => {
            exited = { code, signal };
            resolve();
        });
        child.once('error', (error) => {
            output += `\n${error.message}`;
            exited = { code: -1, signal: null };
            resolve();
        });
    });
    const close = async () => {
        if (exited)
            return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exit;
        clearTimeout(timer);
    };
    const deadline = Date.now() + request.deadlineMs;
    for (;;) {
        if (exited)
            break;
        if (await accepts(localPort)) {
            // Its output may hold nothing secret (ids and ports), but only our own line is logged.
            return { localPort, pid: child.pid, close };
        }
        if (Date.now() >= deadline)
            break;
        await Promise.race([exit, new Promise((r) => setTimeout(r, 100))]);
    }
    await close();
    throw new SsmTunnelFailed(exited && !(exited.signal === 'SIGTERM')
        ? `the SSM session through ${request.target} to ${request.host}:${request.port} did not start (aws exited with ${exited.code ?? exited.signal}): ${explain(output, request.target)}`
        : `the SSM session through ${request.target} to ${request.host}:${request.port} did not accept connections on 127.0.0.1:${localPort} within ${request.deadlineMs / 1000} s: ${explain(output, request.target)}`);
}
/**
 * The post step: ends sessions a cancelled main step left running. Only a process that is
 * still our `aws ssm start-session` is signalled (a pid may have been reused since).
 */
async function closeLeftoverSessions(pids, logger) {
    let closed = 0;
    for (const pid of pids) {
        let cmdline;
        try {
            cmdline = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
        }
        catch {
            continue; // gone (or not Linux: nothing to read, nothing signalled)
        }
        if (!/\bssm start-session\b/.test(cmdline) || !cmdline.includes(PORT_FORWARDING_DOCUMENT))
            continue;
        try {
            process.kill(pid, 'SIGTERM');
        }
        catch {
            continue;
        }
        const until = Date.now() + 5_000;
        while (Date.now() < until && (await stillRunning(pid)))
            await new Promise((r) => setTimeout(r, 100));
        if (await stillRunning(pid))
            process.kill(pid, 'SIGKILL');
        logger.info(`Closed the SSM port-forwarding session (process ${pid}) the run left open`);
        closed++;
    }
    return closed;
}
async function stillRunning(pid) {
    try {
        const stat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) Z/.test(stat); // a zombie has ended
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4494:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isUserFixable),
/* harmony export */   dY: () => (/* binding */ DomainFailure),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/**
 * Error kinds. The kind decides how a failure is reported:
 * - InputError / ConfigError: the user can fix it; the message says what and how.
 * - DomainFailure: the action did its job and the answer is "no" (a check failed, a deploy
 *   was rolled back). Reported as a plain failure line.
 * - anything else is a bug in apprunner-ops and is reported with its stack.
 */
class InputError extends Error {
    input;
    name = 'InputError';
    constructor(input, detail) {
        super(`input "${input}": ${detail}`);
        this.input = input;
    }
}
class ConfigError extends Error {
    file;
    problems;
    name = 'ConfigError';
    /** Each problem is one line: `<yaml.path>: <what is wrong> (line N)`. */
    constructor(file, problems) {
        super(problems.length === 1
            ? `config ${file}: ${problems[0]}`
            : `config ${file} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.file = file;
        this.problems = problems;
    }
}
class DomainFailure extends Error {
    name = 'DomainFailure';
}
/** The message of any thrown value, without assuming it is an Error. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
function isUserFixable(error) {
    return error instanceof InputError || error instanceof ConfigError;
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(8710);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
