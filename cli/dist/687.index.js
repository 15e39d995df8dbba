export const id = 687;
export const ids = [687];
export const modules = {

/***/ 2371:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  tp: () => (/* binding */ commandInputs),
  $S: () => (/* binding */ secretsFromEnvironment)
});

// UNUSED EXPORTS: actionDefaults

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./core/config/fields.ts
var fields = __webpack_require__(670);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/zod-issues.ts
var zod_issues = __webpack_require__(6793);
;// CONCATENATED MODULE: ./core/action/inputs.ts





/**
 * Typed readers over raw action inputs. Each reader names the input in its error and says
 * the accepted form. Defaults live in action.yml only, so an empty value means "not given".
 */
class InputReader {
    source;
    mask;
    /** Every input name read, so a test can compare them with action.yml. */
    names = new Set();
    constructor(source, mask = () => { }) {
        this.source = source;
        this.mask = mask;
    }
    raw(name) {
        this.names.add(name);
        return this.source(name).trim();
    }
    /** A string, or undefined when empty. */
    optional(name) {
        const value = this.raw(name);
        return value === '' ? undefined : value;
    }
    required(name) {
        const value = this.optional(name);
        if (value === undefined)
            throw new errors/* InputError */.dz(name, 'is required');
        return value;
    }
    /** Secret values are masked in the log the moment they are read. */
    secret(name) {
        const value = this.optional(name);
        if (value !== undefined) {
            this.mask(value);
        }
        return value;
    }
    /**
     * A secret URL (webhook, database URL): masked on read, and never echoed in an error,
     * which names only the input and the expected form.
     */
    secretUrl(name, protocols) {
        const value = this.secret(name);
        if (value === undefined)
            return undefined;
        let url;
        try {
            url = new URL(value);
        }
        catch {
            url = undefined;
        }
        if (!url || !protocols.includes(url.protocol.replace(/:$/, ''))) {
            throw new errors/* InputError */.dz(name, `expected a ${protocols.join(':// or ')}:// URL (value not shown: it is a secret)`);
        }
        return url;
    }
    /** Strict YAML 1.2 booleans only: `true` or `false` (any case). "yes" is refused. */
    boolean(name) {
        const value = this.required(name).toLowerCase();
        if (value === 'true')
            return true;
        if (value === 'false')
            return false;
        throw new errors/* InputError */.dz(name, `expected true or false, got "${this.source(name).trim()}"`);
    }
    integer(name, bounds) {
        const text = this.required(name);
        if (!/^-?\d+$/.test(text))
            throw new errors/* InputError */.dz(name, `expected a whole number, got "${text}"`);
        const value = Number(text);
        if (value < bounds.min || value > bounds.max) {
            throw new errors/* InputError */.dz(name, `expected a number from ${bounds.min} to ${bounds.max}, got ${value}`);
        }
        return value;
    }
    /** A duration such as `90s`, `5m`, `1h30m`, in milliseconds, within bounds. */
    duration(name, bounds) {
        const text = this.required(name);
        const ms = (0,duration/* parseDuration */.E9)(text);
        if (ms === undefined) {
            throw new errors/* InputError */.dz(name, `expected a duration with a unit like 90s, 5m or 1h30m, got "${text}"`);
        }
        if (ms < bounds.min || ms > bounds.max) {
            throw new errors/* InputError */.dz(name, `expected a duration from ${(0,duration/* formatDurationValue */.Hs)(bounds.min)} to ${(0,duration/* formatDurationValue */.Hs)(bounds.max)}, got ${text}`);
        }
        return ms;
    }
    /** An absolute http(s) URL; trailing slashes are kept as given. */
    url(name) {
        const text = this.optional(name);
        if (text === undefined)
            return undefined;
        let url;
        try {
            url = new URL(text);
        }
        catch {
            throw new errors/* InputError */.dz(name, `expected an absolute URL like https://example.com, got "${text}"`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            throw new errors/* InputError */.dz(name, `expected an http:// or https:// URL, got "${text}"`);
        }
        return url;
    }
    /** An App Runner service ARN. */
    serviceArn(name) {
        const text = this.optional(name);
        if (text !== undefined && !fields/* APP_RUNNER_SERVICE_ARN */.Vt.test(text)) {
            throw new errors/* InputError */.dz(name, `expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service/<name>/<32 hex id>, got "${text}"`);
        }
        return text;
    }
    enumOf(name, values) {
        const text = this.required(name);
        if (!values.includes(text)) {
            throw new errors/* InputError */.dz(name, `expected one of ${values.join(', ')}, got "${text}"`);
        }
        return text;
    }
    /** Items separated by newlines or commas; blanks dropped. */
    list(name) {
        const text = this.optional(name);
        if (text === undefined)
            return [];
        return text
            .split(/[\n,]/)
            .map((item) => item.trim())
            .filter((item) => item !== '');
    }
    /** Inline YAML validated by a schema; errors name the input and the path inside it. */
    yaml(name, schema) {
        const text = this.optional(name);
        if (text === undefined)
            return undefined;
        const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
        const yamlError = doc.errors[0];
        if (yamlError) {
            const first = (yamlError.message.split('\n')[0] ?? '').replace(/:$/, '');
            throw new errors/* InputError */.dz(name, `invalid YAML: ${first}`);
        }
        const data = doc.toJS();
        const result = schema.safeParse(data);
        if (!result.success) {
            throw new errors/* InputError */.dz(name, (0,zod_issues/* formatIssues */.og)(schema, data, result.error.issues).join('; '));
        }
        return result.data;
    }
}

// EXTERNAL MODULE: ./cli/suite.ts
var suite = __webpack_require__(1287);
;// CONCATENATED MODULE: ./cli/action-inputs.ts





/**
 * An action's input defaults, read from its action.yml: defaults live there and only there,
 * so the command line and the workflow can never disagree about them.
 */
function actionDefaults(action) {
    const manifest = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(external_node_path_default().join((0,suite/* packageRoot */.Zl)(), 'actions', action, 'action.yml'), 'utf8'));
    const defaults = {};
    for (const [name, input] of Object.entries(manifest.inputs ?? {})) {
        if (input.default !== undefined)
            defaults[name] = String(input.default);
    }
    return defaults;
}
/**
 * The same typed, validated reading of inputs the action does, fed from the command line:
 * given values first, then the action's defaults. Secrets come from the environment, never
 * from flags (a flag would land in the shell history).
 */
function commandInputs(action, given) {
    const defaults = actionDefaults(action);
    return new InputReader((name) => given[name] ?? defaults[name] ?? '');
}
/** The secret inputs of deploy and rollback, from the variables a terminal session has. */
function secretsFromEnvironment(env) {
    return {
        'github-token': env['GITHUB_TOKEN'] || undefined,
        'slack-webhook-url': env['SLACK_WEBHOOK_URL'] || undefined,
        'betterstack-token': env['BETTERSTACK_TOKEN'] || undefined,
        'audit-database-url': env['AUDIT_DATABASE_URL'] || undefined,
    };
}


/***/ }),

/***/ 9052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ terminalLogger)
/* harmony export */ });
/* harmony import */ var _core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8729);
/* harmony import */ var _scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2132);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5430);



const FRAMES = ['\u280b', '\u2819', '\u2839', '\u2838', '\u283c', '\u2834', '\u2826', '\u2827', '\u2807', '\u280f'];
/**
 * The command line's logger. On a terminal, a wait is one line that redraws itself: what it
 * waits for, how long so far, the deadline and the last status. Elsewhere (a pipe, a CI log)
 * every line is plain and nothing is redrawn.
 */
function terminalLogger(stream, options) {
    const tty = stream.isTTY === true;
    const now = options.now ?? Date.now;
    let wait;
    let frame = 0;
    let ticker;
    const waitLine = (w) => `${FRAMES[frame % FRAMES.length]} waiting for ${w.what}: ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(now() - w.startedAt)} of ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(w.deadline - w.startedAt)}${w.status ? ` \u00b7 ${w.status}` : ''}`;
    const clear = () => {
        if (tty && wait)
            stream.write('\r\x1b[2K');
    };
    const redraw = () => {
        if (tty && wait)
            stream.write((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'cyan', waitLine(wait)));
    };
    const print = (text) => {
        clear();
        stream.write(`${text}\n`);
        redraw();
    };
    const stopTicker = () => {
        if (ticker)
            clearInterval(ticker);
        ticker = undefined;
    };
    return {
        progress(update) {
            if (!tty) {
                if (update.done)
                    stream.write(`  done: ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(now() - update.startedAt)}\n`);
                return;
            }
            clear();
            if (update.done) {
                wait = undefined;
                stopTicker();
                stream.write(`${(0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'green', '\u2713')} ${update.what} after ${(0,_core_util_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDurationWords */ .b4)(now() - update.startedAt)}\n`);
                return;
            }
            wait = update;
            redraw();
            if (!ticker) {
                ticker = setInterval(() => {
                    frame++;
                    clear();
                    redraw();
                }, 120);
                ticker.unref();
            }
        },
        debug: (m) => {
            if (options.verbose)
                print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'dim', m));
        },
        // The core's messages name action inputs; the terminal names flags and variables.
        info: (m) => print((0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)),
        warning: (m) => print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'yellow', `warning: ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)}`)),
        error: (m) => print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'red', `error: ${(0,_words_js__WEBPACK_IMPORTED_MODULE_2__/* .inCliWords */ .f)(m)}`)),
        group: async (name, fn) => {
            print((0,_scripts_terminal_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .paint */ .nI)(options.color, 'bold', `\u25b8 ${name}`));
            return fn();
        },
        stop() {
            stopTicker();
            clear();
            wait = undefined;
        },
    };
}


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


/***/ }),

/***/ 6358:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BX: () => (/* binding */ checkSsmTools),
/* harmony export */   sr: () => (/* binding */ openSsmTunnel),
/* harmony export */   xW: () => (/* binding */ TUNNEL_STATE)
/* harmony export */ });
/* unused harmony exports PORT_FORWARDING_DOCUMENT, SsmTunnelFailed, freeLocalPort, closeLeftoverSessions */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4494);
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
            cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
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
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) Z/.test(stat); // a zombie has ended
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ preflightDatabases),
/* harmony export */   Q: () => (/* binding */ openDatabaseAccess)
/* harmony export */ });
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9750);
/* harmony import */ var _aws_ec2_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5744);
/* harmony import */ var _aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6358);
/* harmony import */ var _util_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8729);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4494);
/* harmony import */ var _util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5142);
/**
 * How this run reaches the environment's database (`database.access`, docs/setup.md "Private
 * databases"): installs the route every connection takes (core/util/pg-client.ts) and checks,
 * before the first change, that the database answers.
 */






/** A session may take a while to start (the plugin's handshake); it has its own deadline. */
const SESSION_START_MS = 30_000;
/**
 * Installs the route of `env.database.access` for this run. With ssm, the instance is found
 * (by id, or by its tag: exactly one running instance) and the tools checked, before any change.
 * Sessions start on first use, one per host and port, and end when the main step ends
 * (closeDatabaseRoute in the action runtime) or, after a cancellation, in the post step.
 */
async function openDatabaseAccess(env, where, deps) {
    const configPath = `environments.${where.environment}`;
    const db = env.database;
    const access = db?.access ?? 'direct';
    const reachTimeoutMs = (0,_util_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)(db?.['reach-timeout'] ?? '10s') ?? 10_000;
    if (access !== 'ssm' || !db) {
        await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__/* .useDatabaseRoute */ .OH)(directRoute(access));
        return { access, configPath, reachTimeoutMs };
    }
    await (0,_aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__/* .checkSsmTools */ .BX)(deps.env ?? process.env);
    const via = db.via;
    let target;
    if (typeof via === 'string')
        target = via;
    else {
        const clients = deps.clients ?? (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_5__/* .createAwsClients */ .Gv)(env.region);
        const found = await (0,_aws_ec2_js__WEBPACK_IMPORTED_MODULE_0__/* .runningInstancesTagged */ .S)(clients, env.region, { key: via.tag, value: via.value }, deps);
        if (found.length !== 1)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(where.configFile, [
                `${configPath}.database.via: the tag filter ${via.tag}=${via.value} matches ${found.length === 0
                    ? 'no running instance'
                    : `${found.length} running instances (${found.join(', ')})`} in ${env.region}; it must match exactly one: name it by id (via: i-\u2026) or use a tag only it carries`,
            ]);
        target = found[0];
        deps.logger.info(`database.via: ${via.tag}=${via.value} is ${target}`);
    }
    await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__/* .useDatabaseRoute */ .OH)(ssmRoute(target, env.region, deps));
    return { access, configPath, reachTimeoutMs };
}
function directRoute(access) {
    return {
        access,
        open: (host, port) => Promise.resolve({ host, port, via: `a direct connection to ${host}:${port}` }),
        close: () => Promise.resolve(),
    };
}
function ssmRoute(target, region, deps) {
    // One session per host and port for the whole run, shared by every connection.
    const sessions = new Map();
    const pids = [];
    return {
        access: 'ssm',
        open: async (host, port) => {
            const key = `${host}:${port}`;
            let session = sessions.get(key);
            if (!session) {
                session = (0,_aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__/* .openSsmTunnel */ .sr)({
                    target,
                    host,
                    port,
                    region,
                    deadlineMs: SESSION_START_MS,
                    logger: deps.logger,
                    ...(deps.env ? { env: deps.env } : {}),
                }).then((tunnel) => {
                    pids.push(tunnel.pid);
                    deps.saveState?.(_aws_ssm_tunnel_js__WEBPACK_IMPORTED_MODULE_1__/* .TUNNEL_STATE */ .xW, pids.join(','));
                    return tunnel;
                });
                sessions.set(key, session);
                // A session that failed to start is not kept: the next connection tries again.
                session.catch(() => sessions.delete(key));
            }
            const tunnel = await session;
            return {
                host: '127.0.0.1',
                port: tunnel.localPort,
                via: `an SSM port-forwarding session through ${target} to ${host}:${port} (127.0.0.1:${tunnel.localPort})`,
            };
        },
        close: async () => {
            const open = [...sessions.values()];
            sessions.clear();
            for (const session of open) {
                const tunnel = await session.catch(() => undefined);
                await tunnel?.close();
            }
            if (open.length > 0)
                deps.logger.info(`Closed ${open.length} SSM port-forwarding session(s)`);
        },
    };
}
/**
 * Preflight: every database the action will touch answers within the environment's
 * reach-timeout (default 10 s), or the run stops before any change, naming the host, what was
 * tried and the three ways. URLs of one host and port are tried once.
 */
async function preflightDatabases(access, urls, logger) {
    const seen = new Set();
    for (const { url, what } of urls) {
        if (!url)
            continue;
        let key;
        try {
            const parsed = new URL(url);
            key = `${parsed.hostname}:${parsed.port || '5432'}`;
        }
        catch {
            key = what;
        }
        if (seen.has(key))
            continue;
        seen.add(key);
        await (0,_util_pg_client_js__WEBPACK_IMPORTED_MODULE_4__/* .reachDatabase */ .vx)(url, {
            deadlineMs: access.reachTimeoutMs,
            configPath: access.configPath,
            what,
        });
        logger.info(`Preflight: ${what} at ${key} answers (database.access: ${access.access})`);
    }
}


/***/ }),

/***/ 6292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ postToSlack),
/* harmony export */   y: () => (/* binding */ slackMessage)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4494);
/* harmony import */ var _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(676);


/**
 * Posts to a Slack incoming webhook at most once. The URL is a secret: it never appears in a
 * log line. A webhook post is not idempotent, so it is retried only when Slack cannot have
 * posted it (429 rate limited, or no connection at all); after a 5xx or a lost answer the
 * message may be in the channel already, and a second copy is worse than a missing one: the
 * caller reports it as a warning.
 */
async function postToSlack(webhookUrl, message, deps) {
    try {
        await (0,_util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .requestJson */ .SS)('Slack webhook', webhookUrl, { method: 'POST', body: message, timeoutMs: 10_000, idempotent: false }, deps);
    }
    catch (error) {
        if (error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ && error.status >= 400 && error.status < 500)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`Slack refused the message (HTTP ${error.status}: ${error.body.slice(0, 100) || 'no reason given'}); check the webhook URL secret`);
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY(`Slack did not confirm the message (${error instanceof _util_http_json_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpError */ .j$ ? `HTTP ${error.status}` : (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}); it may or may not be in the channel, and is not sent twice`);
    }
}
/** A message with a headline and "key: value" fields, readable in the channel and in a notification. */
function slackMessage(headline, fields, link) {
    const lines = Object.entries(fields).map(([k, v]) => `*${k}:* ${v}`);
    const text = [headline, ...lines, ...(link ? [`<${link.url}|${link.text}>`] : [])].join('\n');
    return {
        text,
        blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: headline } },
            {
                type: 'section',
                fields: Object.entries(fields).map(([k, v]) => ({ type: 'mrkdwn', text: `*${k}*\n${v}` })),
            },
            ...(link
                ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `<${link.url}|${link.text}>` }] }]
                : []),
        ],
    };
}


/***/ })

};
