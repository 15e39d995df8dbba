import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2586:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ parseArgs),
/* harmony export */   e: () => (/* binding */ UsageError)
/* harmony export */ });
/* harmony import */ var _core_util_zod_issues_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6793);

/** Thrown for anything the person typed wrong: exit code 2, one line, nothing called. */
class UsageError extends Error {
    name = 'UsageError';
}
/**
 * `--name value`, `--name=value`, `--flag` and `--no-flag` (booleans). An unknown flag is an
 * error with the closest known one, because a typo in `--dry-run` must not deploy for real.
 */
function parseArgs(argv, specs) {
    const positionals = [];
    const flags = new Map();
    const known = Object.keys(specs);
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('--')) {
            if (arg.startsWith('-') && arg !== '-')
                throw new UsageError(`unknown option "${arg}"; options are spelled --name`);
            positionals.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        let name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
        let negated = false;
        if (!specs[name] && name.startsWith('no-') && specs[name.slice(3)]?.type === 'boolean') {
            name = name.slice(3);
            negated = true;
        }
        const spec = specs[name];
        if (!spec) {
            const hint = (0,_core_util_zod_issues_js__WEBPACK_IMPORTED_MODULE_0__/* .closestKey */ .bi)(name, known);
            throw new UsageError(`unknown option --${name}${hint ? `; did you mean --${hint}?` : ''} (options: ${known.map((k) => `--${k}`).join(', ')})`);
        }
        if (flags.has(name))
            throw new UsageError(`option --${name} is given twice`);
        if (spec.type === 'boolean') {
            if (eq >= 0) {
                const text = arg.slice(eq + 1);
                if (text !== 'true' && text !== 'false')
                    throw new UsageError(`option --${name} takes true or false, got "${text}"`);
                flags.set(name, (text === 'true') !== negated);
            }
            else
                flags.set(name, !negated);
            continue;
        }
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || (eq < 0 && value.startsWith('--')))
            throw new UsageError(`option --${name} needs a value`);
        flags.set(name, value);
    }
    return { positionals, flags };
}


/***/ }),

/***/ 7608:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ EXIT),
  k: () => (/* binding */ ask)
});

;// CONCATENATED MODULE: external "node:readline/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline/promises");
;// CONCATENATED MODULE: ./cli/io.ts

/** One question on the terminal; undefined when there is no terminal to ask on. */
async function ask(io, question) {
    if (!io.stdin.isTTY)
        return undefined;
    const rl = (0,promises_namespaceObject.createInterface)({ input: io.stdin, output: io.stderr });
    try {
        return (await rl.question(question)).trim();
    }
    finally {
        rl.close();
    }
}
const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 };


/***/ }),

/***/ 2708:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  iW: () => (/* binding */ main)
});

// UNUSED EXPORTS: COMMANDS, inCliWords, versionLine

// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __nccwpck_require__(8729);
// EXTERNAL MODULE: ./core/util/pg-client.ts
var pg_client = __nccwpck_require__(5142);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __nccwpck_require__(4494);
// EXTERNAL MODULE: ./core/util/zod-issues.ts
var zod_issues = __nccwpck_require__(6793);
// EXTERNAL MODULE: ./cli/args.ts
var cli_args = __nccwpck_require__(2586);
;// CONCATENATED MODULE: ./cli/commands/index.ts
const CONFIG_FLAG = {
    config: {
        type: 'string',
        description: 'configuration file (default .github/apprunner-ops.yml)',
    },
};
const OPS_FLAGS = {
    ...CONFIG_FLAG,
    'dry-run': { type: 'boolean', description: 'show the plan and change nothing' },
    yes: { type: 'boolean', description: 'do not ask for confirmation (scripts)' },
    json: { type: 'boolean', description: 'print the outcome as JSON on stdout' },
    snapshot: { type: 'boolean', description: 'take an RDS snapshot first (default: as action.yml)' },
    timeout: { type: 'string', description: 'deadline of the App Runner operation, e.g. 30m' },
    'poll-interval': { type: 'string', description: 'pause between polls, e.g. 10s' },
    'verify-timeout': { type: 'string', description: 'deadline of the health checks, e.g. 5m' },
};
const COMMANDS = [
    {
        name: 'status',
        usage: 'apprunner-ops status [environment] [--json]',
        summary: 'what runs where and since when, recent deploys and rollbacks, snapshots, monitors (read-only)',
        flags: { ...CONFIG_FLAG, json: { type: 'boolean', description: 'print JSON on stdout' } },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(392), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(109), __nccwpck_require__.e(776), __nccwpck_require__.e(591), __nccwpck_require__.e(111)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4111))).runStatus,
    },
    {
        name: 'deploy',
        usage: 'apprunner-ops deploy <environment> <image> [--dry-run] [--yes] [--json]',
        summary: 'deploy an ECR image (tag, digest or URI) with the action\u2019s stages and safety',
        flags: {
            ...OPS_FLAGS,
            'auto-rollback': {
                type: 'boolean',
                description: 'put the previous image back when verification fails',
            },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(776), __nccwpck_require__.e(687), __nccwpck_require__.e(991)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9991))).runDeploy,
    },
    {
        name: 'rollback',
        usage: 'apprunner-ops rollback <environment> [--to previous|<tag>|<digest>] --reason "\u2026" [--dry-run] [--yes] [--json]',
        summary: 'put the last good (or a named) version back, with the action\u2019s stages and records',
        flags: {
            ...OPS_FLAGS,
            to: { type: 'string', description: 'previous (default), a tag, a digest or a deployment id' },
            reason: { type: 'string', description: 'why; required, recorded everywhere' },
            'down-migration-command': {
                type: 'string',
                description: 'command that undoes the migration',
            },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(776), __nccwpck_require__.e(687), __nccwpck_require__.e(991)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9991))).runRollback,
    },
    {
        name: 'check',
        usage: 'apprunner-ops check <environment> <daily|weekly|monthly> [--json] [--config file]  (sql checks: OPS_DATABASE_URL, a read-only role)',
        summary: 'run an environment\u2019s daily, weekly or monthly checks (read-only), as ops-check does',
        flags: {
            ...CONFIG_FLAG,
            json: { type: 'boolean', description: 'print the report as JSON on stdout' },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(392), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(109), __nccwpck_require__.e(776), __nccwpck_require__.e(591), __nccwpck_require__.e(52), __nccwpck_require__.e(646)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8265))).runCheck,
    },
    {
        name: 'report',
        usage: 'apprunner-ops report <environment> [--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD] [--sla-target 99.9] [--json]  (BETTERSTACK_TOKEN, AUDIT_DATABASE_URL)',
        summary: 'the monthly ops report: availability, error rate and p99 per day, deploys, rotations, drills',
        flags: {
            ...CONFIG_FLAG,
            month: { type: 'string', description: 'the month, YYYY-MM (default: the month before)' },
            from: { type: 'string', description: 'first day of a range instead, YYYY-MM-DD' },
            to: { type: 'string', description: 'last day of the range (included), YYYY-MM-DD' },
            'sla-target': { type: 'string', description: 'availability target in percent, e.g. 99.9' },
            json: { type: 'boolean', description: 'print the report as JSON on stdout' },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(392), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(109), __nccwpck_require__.e(386)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9386))).runReport,
    },
    {
        name: 'gate',
        usage: 'apprunner-ops gate <environment> [gate] [--attestations file] [--evidence-dir dir] [--json]  (sql checks: OPS_DATABASE_URL)',
        summary: 'run a gate of the configuration (default go-live) read-only, as compliance-gate does',
        flags: {
            ...CONFIG_FLAG,
            attestations: { type: 'string', description: 'attestations file (default as action.yml)' },
            'evidence-dir': { type: 'string', description: 'where the evidence bundle is written' },
            json: { type: 'boolean', description: 'print the evidence as JSON on stdout' },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(392), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(109), __nccwpck_require__.e(776), __nccwpck_require__.e(591), __nccwpck_require__.e(687), __nccwpck_require__.e(38)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7038))).runGateCommand,
    },
    {
        name: 'rotate',
        usage: 'apprunner-ops rotate <environment> <secret|due> --reason "\u2026" [--dry-run] [--resume] [--yes] [--json]',
        summary: 'rotate a secret (or every one that is due) as rotate-secret does: never loses the working one',
        flags: {
            ...CONFIG_FLAG,
            reason: { type: 'string', description: 'why; required, recorded everywhere' },
            'dry-run': { type: 'boolean', description: 'show the plan and change nothing' },
            resume: {
                type: 'boolean',
                description: 'finish (or undo) a rotation found unfinished instead of stopping; only when no other rotation of it runs',
            },
            yes: { type: 'boolean', description: 'do not ask for confirmation (scripts)' },
            json: { type: 'boolean', description: 'print the outcome as JSON on stdout' },
            'poll-interval': { type: 'string', description: 'pause between polls, e.g. 10s' },
            'verify-timeout': { type: 'string', description: 'deadline of the health checks, e.g. 5m' },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(392), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(687), __nccwpck_require__.e(970)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9970))).runRotate,
    },
    {
        name: 'diagnose',
        usage: 'apprunner-ops diagnose <environment> [--json] [--config file]  (OPS_DATABASE_URL)',
        summary: 'database diagnostics (connections, long queries, blocking, replication lag, storage growth) as one table, read-only; non-zero when any fails',
        flags: {
            ...CONFIG_FLAG,
            json: { type: 'boolean', description: 'print the report as JSON on stdout' },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(126), __nccwpck_require__.e(392), __nccwpck_require__.e(69), __nccwpck_require__.e(829), __nccwpck_require__.e(673), __nccwpck_require__.e(109), __nccwpck_require__.e(776), __nccwpck_require__.e(591), __nccwpck_require__.e(52), __nccwpck_require__.e(556)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6556))).runDiagnose,
    },
    {
        name: 'validate',
        usage: 'apprunner-ops validate [config] [--json]',
        summary: 'check the configuration file, and the caller workflows in .github/workflows against it',
        flags: {
            json: { type: 'boolean', description: 'print the problems and warnings as JSON on stdout' },
            workflows: {
                type: 'string',
                description: 'folder of the caller workflows (default .github/workflows next to it)',
            },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(69), __nccwpck_require__.e(919)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8300))).runValidate,
    },
    {
        name: 'init',
        usage: 'apprunner-ops init [--environments staging,production] [--region r] [--service-arn arn|env=arn,\u2026] [--ecr-repository name] [--database id|env=id,\u2026] [--health-url url|env=url,\u2026] [--health-path /health] [--version-path version] [--suite owner/repo@ref] [--force]',
        summary: 'write .github/apprunner-ops.yml and the caller workflows (asks for what flags do not give)',
        flags: {
            environments: {
                type: 'string',
                description: 'environment names in deploy order; the last one gets required reviewers',
            },
            region: { type: 'string', description: 'AWS region' },
            'service-arn': { type: 'string', description: 'App Runner service ARN, or env=arn pairs' },
            'ecr-repository': { type: 'string', description: 'ECR repository name' },
            database: {
                type: 'string',
                description: 'RDS instance identifier, or env=id pairs ("none": no database)',
            },
            'health-url': { type: 'string', description: 'public base URL, or env=url pairs' },
            'health-path': {
                type: 'string',
                description: 'path of the health endpoint, or env=path pairs (default /health)',
            },
            'version-path': {
                type: 'string',
                description: 'dot path of the running version in the health JSON, or env=path pairs ("none": not reported)',
            },
            suite: {
                type: 'string',
                description: 'owner/repo@ref of apprunner-ops the callers use (default: this release, by its commit)',
            },
            force: { type: 'boolean', description: 'overwrite existing files' },
        },
        load: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(366), __nccwpck_require__.e(69), __nccwpck_require__.e(997)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5997))).runInit,
    },
];

// EXTERNAL MODULE: ./cli/io.ts + 1 modules
var cli_io = __nccwpck_require__(7608);
// EXTERNAL MODULE: ./cli/suite.ts
var cli_suite = __nccwpck_require__(1287);
// EXTERNAL MODULE: ./cli/words.ts
var words = __nccwpck_require__(5430);
;// CONCATENATED MODULE: ./cli/main.ts
/**
 * `apprunner-ops`: the suite's procedures from a terminal, for the day GitHub is down or a
 * runner was lost mid-deploy, and to start using the suite. Every command calls the same
 * core functions as the actions; only the logger and the renderer differ.
 * Exit codes: 0 ok, 1 failed, 2 bad input (nothing was changed).
 */











function usage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return [
        'usage: apprunner-ops <command> [arguments] [--options]',
        '',
        ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
        '',
        'apprunner-ops <command> --help shows its options; apprunner-ops --version says which',
        'release and commit this is. Credentials: the standard AWS chain',
        '(profiles, SSO, environment); records: GITHUB_TOKEN, AUDIT_DATABASE_URL, SLACK_WEBHOOK_URL,',
        'BETTERSTACK_TOKEN when set. Exit codes: 0 ok, 1 failed, 2 bad input.',
    ].join('\n');
}
/** `apprunner-ops 1.1.0 (commit 0123abc\u2026, apprunner-ops/apprunner-ops)`. */
function versionLine() {
    const suite = (0,cli_suite/* suiteIdentity */.TP)();
    const commit = suite.commit
        ? `commit ${suite.commit}${suite.commitSource === 'checkout' ? ', from this checkout' : ''}`
        : 'commit unknown: neither a git checkout nor a packed release';
    return `apprunner-ops ${suite.version} (${commit}; ${suite.repository})`;
}
function commandHelp(command) {
    const width = Math.max(0, ...Object.keys(command.flags).map((f) => f.length + 2));
    return [
        `usage: ${command.usage}`,
        '',
        command.summary,
        ...(Object.keys(command.flags).length ? ['', 'options:'] : []),
        ...Object.entries(command.flags).map(([name, spec]) => `  ${`--${name}`.padEnd(width)}  ${spec.description}`),
    ].join('\n');
}
async function main(argv, io) {
    // Every duration printed from here on, the core's summaries and plans included, in words.
    (0,duration/* setDurationStyle */.Q9)('words');
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
        (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
        return name === undefined ? cli_io/* EXIT */.d.usage : cli_io/* EXIT */.d.ok;
    }
    if (name === '--version' || name === 'version') {
        io.stdout.write(`${versionLine()}\n`);
        return cli_io/* EXIT */.d.ok;
    }
    try {
        const command = COMMANDS.find((c) => c.name === name);
        if (!command) {
            const hint = (0,zod_issues/* closestKey */.bi)(name, COMMANDS.map((c) => c.name));
            throw new cli_args/* UsageError */.e(`unknown command "${name}"${hint ? `; did you mean "${hint}"?` : ''} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
        }
        if (rest.includes('--help') || rest.includes('-h')) {
            io.stdout.write(`${commandHelp(command)}\n`);
            return cli_io/* EXIT */.d.ok;
        }
        const args = (0,cli_args/* parseArgs */.Z)(rest, command.flags);
        const run = await command.load();
        return await run.call(command, args, io);
    }
    catch (error) {
        io.stderr.write(`apprunner-ops ${name}: ${describe(error)}\n`);
        if (error instanceof cli_args/* UsageError */.e || error instanceof errors/* InputError */.dz || error instanceof errors/* ConfigError */.xL)
            return cli_io/* EXIT */.d.usage;
        // Found before anything changed: a wrong image is bad input, like a wrong flag. By name:
        // the class lives with the ECR client, which only deploy and rollback load.
        if (error instanceof errors/* DomainFailure */.dY && error.name === 'ImageNotFound')
            return cli_io/* EXIT */.d.usage;
        if (error instanceof errors/* DomainFailure */.dY)
            return cli_io/* EXIT */.d.failed;
        if (error instanceof Error && error.stack && io.env['APPRUNNER_OPS_DEBUG'])
            io.stderr.write(`${error.stack}\n`);
        return cli_io/* EXIT */.d.failed;
    }
    finally {
        // A command that reached a private database (database.access: ssm) ends its sessions.
        await (0,pg_client/* closeDatabaseRoute */.HI)().catch(() => undefined);
    }
}
/** The AWS SDK found no credentials anywhere in its chain (or they expired), somewhere in `error`'s causes. */
function missingCredentials(error) {
    for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
        if (e.name === 'CredentialsProviderError' ||
            /Could not load credentials from any providers|The SSO session .* has expired|Token is expired/i.test(e.message))
            return true;
    }
    return false;
}
function describe(error) {
    if (missingCredentials(error))
        return `no AWS credentials: run \`aws sso login\` (or \`aws configure\`) or set AWS_PROFILE, then try again (${(0,errors/* errorMessage */.gJ)(error)})`;
    // Inputs of the command line are flags: say --reason, not input "reason".
    if (error instanceof errors/* InputError */.dz)
        return (0,words/* inCliWords */.f)(error.message);
    if (error instanceof cli_args/* UsageError */.e || error instanceof errors/* ConfigError */.xL || error instanceof errors/* DomainFailure */.dY)
        return (0,words/* inCliWords */.f)(error.message);
    return `unexpected error (a bug in apprunner-ops; please report it): ${(0,errors/* errorMessage */.gJ)(error)}`;
}


/***/ }),

/***/ 602:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2708);
// The process entry of the command line (bin/apprunner-ops.mjs loads its bundle, cli/dist).

// The SDK's notice about Node versions would open every command's output; the bin has already
// refused a Node that is not supported (package.json engines).
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .main */ .iW)(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    now: () => Date.now(),
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1287:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TP: () => (/* binding */ suiteIdentity),
/* harmony export */   Zl: () => (/* binding */ packageRoot),
/* harmony export */   ko: () => (/* binding */ releasedSuite)
/* harmony export */ });
/* unused harmony export repositoryName */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/**
 * What this copy of apprunner-ops is: its version, the commit it was built from and the
 * repository it is released from. The repository is written once, in package.json's
 * `repository`; docs, examples, `init` and the release notes take it from there (a test holds
 * the docs to it).
 *
 * The commit comes from the checkout when this copy is one (a clone runs what HEAD is), or
 * from build-info.json, which `npm pack` writes into the package (scripts/build-info.mjs).
 */




/**
 * The package's folder, found by walking up from this module: the sources sit in cli/, the
 * bundle in cli/dist/, and both must find the same root.
 */
function packageRoot(from = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir)) {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, 'package.json');
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file)) {
            const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(file, 'utf8'));
            if (pkg.name === 'apprunner-ops')
                return dir;
        }
        if (node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(dir) === dir)
            throw new Error(`no apprunner-ops package.json above ${from}: the package is incomplete`);
    }
}
/** `git+https://github.com/owner/name.git`, `github:owner/name` or `owner/name` \u2192 owner/name. */
function repositoryName(field) {
    const url = typeof field === 'string' ? field : field?.url;
    const match = typeof url === 'string'
        ? /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url)
        : null;
    if (!match?.[1])
        throw new Error(`package.json repository: expected a GitHub repository, got ${String(url)}`);
    return match[1];
}
let cached;
function suiteIdentity() {
    if (cached)
        return cached;
    const root = packageRoot();
    const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, 'package.json'), 'utf8'));
    let commit;
    let commitSource = 'unknown';
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, '.git'))) {
        try {
            commit = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['rev-parse', 'HEAD'], {
                cwd: root,
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
            }).trim();
            commitSource = 'checkout';
        }
        catch {
            commit = undefined;
        }
    }
    const info = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(root, 'build-info.json');
    if (!commit && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(info)) {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(info, 'utf8'));
        if (typeof parsed.commit === 'string' && /^[0-9a-f]{40}$/.test(parsed.commit)) {
            commit = parsed.commit;
            commitSource = 'package';
        }
    }
    cached = {
        version: pkg.version,
        repository: repositoryName(pkg.repository),
        commit,
        commitSource,
        root,
    };
    return cached;
}
/**
 * The identity plus whether its commit is the release `v<version>`: a packed release says so
 * in build-info.json (`tag`), a checkout when `git tag --points-at HEAD` lists the tag.
 */
function releasedSuite() {
    const suite = suiteIdentity();
    const tag = `v${suite.version}`;
    let released = false;
    if (suite.commitSource === 'checkout') {
        try {
            released = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', ['tag', '--points-at', 'HEAD'], {
                cwd: suite.root,
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'ignore'],
            })
                .split('\n')
                .includes(tag);
        }
        catch {
            released = false;
        }
    }
    else if (suite.commitSource === 'package') {
        const info = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(suite.root, 'build-info.json'), 'utf8'));
        released = Array.isArray(info.tags) && info.tags.includes(tag);
    }
    return { ...suite, released };
}


/***/ }),

/***/ 5430:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ inCliWords)
/* harmony export */ });
/**
 * The command line runs the actions' code, whose messages name inputs and secrets; a person at
 * a terminal reads flags and environment variables instead.
 */
/** The action's words for its inputs, in the command line's: flags and variables. */
const CLI_WORDS = [
    [/^input "([^"]+)"/, '--$1'],
    [/\bpass the BETTERSTACK_TOKEN secret as betterstack-token\b/g, 'set BETTERSTACK_TOKEN'],
    [/\bno betterstack-token given\b/g, 'BETTERSTACK_TOKEN is not set'],
    [/\bbetterstack-token is empty\b/g, 'BETTERSTACK_TOKEN is not set'],
    [
        / Pass the secret to the workflow \(secrets: inherit, or name it under secrets:\) or set it on the environment\./g,
        ' Set it to pause them.',
    ],
    [/\bset the database-url input from a secret\b/g, 'set OPS_DATABASE_URL'],
    [/\bthe github-token input\b/g, 'GITHUB_TOKEN'],
    [/\bgive github-token or audit-database-url\b/g, 'set GITHUB_TOKEN or AUDIT_DATABASE_URL'],
    [
        /\bgive the job a github-token, or an audit-database-url\b/g,
        'set GITHUB_TOKEN or AUDIT_DATABASE_URL',
    ],
    [/\bno github-token given\b/g, 'GITHUB_TOKEN is not set'],
    [/\bwith to: </g, 'with --to <'],
    [/\bor to: </g, 'or --to <'],
    [/\bwith rollback \(to: ([^)]+)\)/g, 'with rollback --to $1'],
    [/\bslack-webhook-url is empty\b/g, 'SLACK_WEBHOOK_URL is not set'],
    [/\bwithout github-token\b/g, 'without GITHUB_TOKEN'],
    [/\bgive github-token \(and actions: read\)/g, 'set GITHUB_TOKEN (a token with actions: read)'],
    [/\bNo github-token: /g, 'GITHUB_TOKEN is not set: '],
    [/\bneeds the github-token input\b/g, 'needs GITHUB_TOKEN'],
    [
        /\band no betterstack-token is available to resume them\b/g,
        'and without BETTERSTACK_TOKEN they cannot be resumed',
    ],
    [/\bbetterstack-token is set but\b/g, 'BETTERSTACK_TOKEN is set but'],
    [/\bneeds the database-url input\b/g, 'needs OPS_DATABASE_URL'],
    [/\bdatabase-url is empty: /g, 'OPS_DATABASE_URL is not set: '],
    [/\bor give the job a database-url\b/g, 'or set OPS_DATABASE_URL'],
    [/\(no audit-database-url\)/g, '(AUDIT_DATABASE_URL is not set)'],
    [/\bset the "config" input to its path\b/g, 'pass its path with --config'],
    [
        /\(set the "gate" input to one of them, or add it\)/g,
        '(name one of them after the environment, or add it)',
    ],
    [/ or pass them in the checks input\b/g, ''],
];
function inCliWords(message) {
    return CLI_WORDS.reduce((text, [from, to]) => text.replace(from, to), message);
}


/***/ }),

/***/ 8729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   Hs: () => (/* binding */ formatDurationValue),
/* harmony export */   Q9: () => (/* binding */ setDurationStyle),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   b4: () => (/* binding */ formatDurationWords)
/* harmony export */ });
const UNIT_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
};
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
/**
 * Parses `90s`, `5m`, `1h30m`, `250ms`, `7d` into milliseconds. A bare number is refused: a
 * timeout of "300" is ambiguous (seconds? milliseconds?) and the error asks for a unit.
 * Returns undefined when the text is not a duration.
 */
function parseDuration(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    let total = 0;
    let consumed = 0;
    for (const match of trimmed.matchAll(PART)) {
        if (match.index !== consumed)
            return undefined;
        total += Number(match[1]) * UNIT_MS[match[2]];
        consumed += match[0].length;
    }
    return consumed === trimmed.length && consumed > 0 ? Math.round(total) : undefined;
}
let durationStyle = 'compact';
function setDurationStyle(style) {
    durationStyle = style;
}
/** 93_000 \u2192 "1m33s" (or "1 m 33 s" where the style is words); 450 \u2192 "450ms". */
function formatDuration(ms) {
    return durationStyle === 'words' ? formatDurationWords(ms) : formatDurationValue(ms);
}
/**
 * 93_000 \u2192 "1m33s" whatever the style: a value a message suggests for the configuration or an
 * input ("make keep-old at least 5m"), which must parse as written.
 */
function formatDurationValue(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    // No unit is skipped between two shown ones: 5h29s read as five and a half minutes' worth
    // of something; 5h0m29s cannot be misread.
    return `${h ? `${h}h` : ''}${m || (h && s) ? `${m}m` : ''}${s || (!h && !m) ? `${s}s` : ''}`;
}
/**
 * 18_029_000 \u2192 "5 h 0 m 29 s"; 450 \u2192 "450 ms". For a person at a terminal: units apart from
 * their numbers and none skipped between two shown, so "5h29s" is never read as minutes.
 */
function formatDurationWords(ms) {
    return formatDurationValue(ms)
        .replace(/(\d+(?:\.\d+)?)(ms|h|m|s)/g, '$1 $2 ')
        .trim();
}


/***/ }),

/***/ 4494:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   dY: () => (/* binding */ DomainFailure),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* unused harmony export isUserFixable */
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

/***/ 5142:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HI: () => (/* binding */ closeDatabaseRoute),
/* harmony export */   MK: () => (/* binding */ usePgClient),
/* harmony export */   OH: () => (/* binding */ useDatabaseRoute),
/* harmony export */   Te: () => (/* binding */ pgClient),
/* harmony export */   j_: () => (/* binding */ routedUrl),
/* harmony export */   vx: () => (/* binding */ reachDatabase)
/* harmony export */ });
/* unused harmony exports currentDatabaseAccess, databaseAddress, reachAdvice, DatabaseUnreachable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4494);

let route;
/** Installs the run's route (one per run); the previous one is closed. */
async function useDatabaseRoute(next) {
    const previous = route;
    route = next;
    if (previous && previous !== next)
        await previous.close();
}
/** Closes the run's tunnels; the action runtime calls it when the main step ends, whatever its outcome. */
async function closeDatabaseRoute() {
    const current = route;
    route = undefined;
    await current?.close();
}
function currentDatabaseAccess() {
    return route?.access ?? 'direct';
}
/**
 * A pg client, with the driver imported on first use (a separate chunk in the bundles). Every
 * action's configuration schema reaches the sql check, the drill and the audit log, but most
 * runs never connect to a database, and loading pg is a tenth of a bundle's start-up.
 *
 * Through a route, the connection goes to the route's local address while TLS still verifies
 * the certificate against the database's own host name.
 */
async function pgClient(config) {
    const { default: driver } = await __nccwpck_require__.e(/* import() */ 849).then(__nccwpck_require__.bind(__nccwpck_require__, 3849));
    if (!route)
        return new driver.Client(config);
    return new driver.Client(await routed(config, route));
}
/**
 * Connects `client`, runs `use` on it, and ends it whatever happens. An 'error' event of the
 * connection is ignored (without a listener it would end the process): the failure reaches
 * the caller as the rejection of the call under way.
 */
async function usePgClient(client, use) {
    client.on('error', () => { });
    try {
        await client.connect();
        return await use(client);
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
/** The database's own host and port named by a client configuration (URL or fields). */
async function databaseAddress(config) {
    let fields = { ...config };
    if (config.connectionString) {
        const { parse } = await __nccwpck_require__.e(/* import() */ 984).then(__nccwpck_require__.bind(__nccwpck_require__, 984));
        const { connectionString: _url, ...rest } = config;
        // The URL's fields win over the object's, as in pg's own ConnectionParameters.
        fields = { ...rest, ...parse(config.connectionString) };
    }
    const host = typeof fields.host === 'string' && fields.host ? fields.host : 'localhost';
    const port = Number(fields.port ?? 5432) || 5432;
    return { host, port, fields };
}
async function routed(config, through) {
    const { host, port, fields } = await databaseAddress(config);
    const target = await through.open(host, port);
    if (target.host === host && target.port === port)
        return config;
    const ssl = fields.ssl;
    return {
        ...fields,
        host: target.host,
        port: target.port,
        // The certificate names the database's host, not 127.0.0.1: verify against that name.
        ...(ssl ? { ssl: { ...(typeof ssl === 'object' ? ssl : {}), servername: host } } : {}),
    };
}
/** The three ways to reach a private database, for every "cannot reach" message. */
function reachAdvice(configPath) {
    return (`A GitHub-hosted runner is outside your VPC; set ${configPath}.database.access to one of: ` +
        `direct (the host is reachable from the runner, e.g. a publicly accessible instance restricted by security group), ` +
        `ssm with via: <instance id or tag filter> (port forwarding through an instance in the VPC running the SSM agent), ` +
        `runner with runner-label: <label> (run the database jobs on a self-hosted runner inside the VPC). ` +
        `See docs/setup.md, "Private databases".`);
}
/** Errors of the network, not of the database: the host was never reached. */
function unreachable(error) {
    const code = error.code;
    if (typeof code === 'string' && /^(E[A-Z]+|ENOTFOUND|EAI_AGAIN)$/.test(code))
        return true;
    const message = error instanceof Error ? error.message : String(error);
    return /timeout|timed out|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|terminated unexpectedly/i.test(message);
}
/** Reported as it is (the configuration or the network must change), never as a bug. */
class DatabaseUnreachable extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY {
    name = 'DatabaseUnreachable';
}
/**
 * Preflight: opens a connection to the database of `url` within `deadlineMs` and runs
 * `SELECT 1`. Throws DatabaseUnreachable, naming the host, what was tried and the three ways,
 * when the network never reached it; a refused login is the caller's to judge (it proves the
 * host is reachable), so it is returned, never thrown.
 */
async function reachDatabase(url, options) {
    const { host, port } = await databaseAddress({ connectionString: url });
    const access = currentDatabaseAccess();
    let tried = `a direct connection to ${host}:${port}`;
    let timer;
    const attempt = async () => {
        if (route)
            tried = (await route.open(host, port)).via;
        const client = await pgClient({
            connectionString: url,
            connectionTimeoutMillis: options.deadlineMs,
            statement_timeout: options.deadlineMs,
        });
        try {
            await usePgClient(client, (c) => c.query('SELECT 1'));
            return { reached: true };
        }
        catch (error) {
            if (unreachable(error))
                throw error;
            // Reached: the server answered (a refused login, a missing database).
            const code = error.code ?? '';
            return { reached: true, loginError: `${code} ${error.message}`.trim() };
        }
    };
    try {
        return await Promise.race([
            attempt(),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no connection within ${options.deadlineMs / 1000} s`)), options.deadlineMs);
            }),
        ]);
    }
    catch (error) {
        // The route's own failure (an SSM session that did not start) already says what to do.
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DomainFailure */ .dY)
            throw error;
        const reason = error instanceof Error ? error.message : String(error);
        // pg's messages name the host and user, never the password; strip the URL anyway.
        const safe = reason.split(url).join('<database url>');
        throw new DatabaseUnreachable(`cannot reach ${options.what} at ${host}:${port} (access: ${access}); tried ${tried}: ${safe}. ${reachAdvice(options.configPath)}`);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * A URL for a program the suite runs (a rollback's down migration), through the run's route:
 * its host and port become the local end of the session. The program then connects to
 * 127.0.0.1, so `sslmode=verify-full` would fail its host name check: such a URL needs
 * `sslmode=require` for the migration (docs/setup.md, "Private databases").
 */
async function routedUrl(url) {
    if (!route)
        return url;
    const { host, port } = await databaseAddress({ connectionString: url });
    const target = await route.open(host, port);
    if (target.host === host && target.port === port)
        return url;
    const parsed = new URL(url);
    parsed.hostname = target.host;
    parsed.port = String(target.port);
    return parsed.href;
}


/***/ }),

/***/ 6793:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bi: () => (/* binding */ closestKey),
/* harmony export */   og: () => (/* binding */ formatIssues)
/* harmony export */ });
/* unused harmony exports formatPath, describeValue */
/** `environments.production.health.checks[1].expect.status` */
function formatPath(path) {
    let out = '';
    for (const segment of path) {
        if (typeof segment === 'number')
            out += `[${segment}]`;
        else
            out += out === '' ? String(segment) : `.${String(segment)}`;
    }
    return out;
}
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    if (value === null)
        return 'null';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value} ${String(value)}`;
}
function valueAt(root, path) {
    let node = root;
    for (const segment of path) {
        if (node == null || typeof node !== 'object')
            return undefined;
        node = node[segment];
    }
    return node;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(current + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}
/** The closest known key to a misspelled one, when it is close enough to be a typo. */
function closestKey(key, known) {
    let best;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const d = editDistance(key, candidate);
        if (d < bestDistance)
            [best, bestDistance] = [candidate, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
        ? best
        : undefined;
}
/** The zod definition at a data path (through optional/default/pipe wrappers), if any. */
function defAt(schema, path) {
    let node = schema;
    const unwrap = (s) => {
        let current = s;
        for (let i = 0; i < 10 && current?._zod?.def; i++) {
            const def = current._zod.def;
            if (def['innerType'])
                current = def['innerType'];
            else if (def['type'] === 'pipe' && def['in'])
                current = def['in'];
            else
                break;
        }
        return current;
    };
    for (const segment of path) {
        const def = unwrap(node)?._zod?.def;
        if (!def)
            return undefined;
        if (typeof segment === 'number' && def['type'] === 'array')
            node = def['element'];
        else if (def['type'] === 'object')
            node = def['shape'][String(segment)];
        else if (def['type'] === 'record')
            node = def['valueType'];
        else
            return undefined;
    }
    return unwrap(node)?._zod?.def;
}
function knownKeysAt(schema, path) {
    const def = defAt(schema, path);
    return def?.['type'] === 'object' ? Object.keys(def['shape']) : [];
}
function discriminatorValues(schema, parent, key) {
    const def = defAt(schema, parent);
    if (!def || def['discriminator'] !== key || !Array.isArray(def['options']))
        return [];
    return def['options'].flatMap((option) => {
        const shape = option._zod.def['shape'];
        const tag = shape[String(key)]?._zod.def;
        // A literal lists `values`; an enum its `entries`.
        return (tag?.['values'] ??
            Object.values(tag?.['entries'] ?? {}));
    });
}
function isIntegerAt(schema, path) {
    const def = defAt(schema, path);
    return (def?.['type'] === 'number' && typeof def['format'] === 'string' && /int/.test(def['format']));
}
/**
 * One readable line per zod issue: `<path>: <what is wrong>`. `where(path)` may add a
 * location such as ` (line 23)`.
 */
function formatIssues(schema, data, issues, where = () => '', prefix = []) {
    const lines = [];
    for (const issue of issues) {
        if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
            // Report the branch that got furthest rather than "invalid input".
            const best = [...issue.errors].sort((a, b) => maxDepth(b) - maxDepth(a))[0] ?? [];
            lines.push(...formatIssues(schema, data, best, where, prefix));
            continue;
        }
        const path = issue.path;
        const full = [...prefix, ...path];
        const at = formatPath(full) || '(top level)';
        const value = valueAt(data, path);
        let detail;
        switch (issue.code) {
            case 'invalid_type': {
                const expected = issue.expected === 'number' && isIntegerAt(schema, path) ? 'int' : issue.expected;
                detail =
                    value === undefined
                        ? `is required (expected ${article(expected)})`
                        : `expected ${article(expected)}, got ${describeValue(value)}`;
                break;
            }
            case 'unrecognized_keys': {
                const known = knownKeysAt(schema, path);
                for (const key of issue.keys) {
                    const hint = closestKey(key, known);
                    lines.push(`${formatPath([...full, key])}: unknown key${hint ? `; did you mean "${hint}"?` : known.length ? `; expected one of ${known.join(', ')}` : ''}${where([...path, key])}`);
                }
                continue;
            }
            case 'invalid_value':
                detail = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(value)}`;
                break;
            case 'invalid_union': {
                // A discriminated union whose tag matched no option, e.g. an unknown check type.
                const options = discriminatorValues(schema, path.slice(0, -1), path[path.length - 1]);
                if (options.length > 0) {
                    const hint = typeof value === 'string' ? closestKey(value, options) : undefined;
                    detail = `expected one of ${options.join(', ')}, got ${describeValue(value)}${hint ? `; did you mean "${hint}"?` : ''}`;
                }
                else {
                    detail = issue.message;
                }
                break;
            }
            default:
                // Refinement messages already say what is expected; show the value when it is a scalar.
                detail =
                    value === undefined || typeof value === 'object'
                        ? issue.message
                        : `${issue.message}, got ${describeValue(value)}`;
        }
        lines.push(`${at}: ${detail}${where(path)}`);
    }
    return lines;
}
function maxDepth(issues) {
    return Math.max(0, ...issues.map((i) => i.path.length));
}
function article(expected) {
    const word = expected === 'int'
        ? 'integer'
        : expected === 'record' || expected === 'object'
            ? 'mapping'
            : expected === 'array'
                ? 'list'
                : expected;
    return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
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
/******/ var __webpack_exports__ = __nccwpck_require__(602);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
