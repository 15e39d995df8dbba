export const id = 997;
export const ids = [997];
export const modules = {

/***/ 5997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  configText: () => (/* binding */ configText),
  runInit: () => (/* binding */ runInit)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
// EXTERNAL MODULE: ./cli/args.ts
var cli_args = __webpack_require__(2586);
// EXTERNAL MODULE: ./cli/io.ts + 1 modules
var cli_io = __webpack_require__(7608);
// EXTERNAL MODULE: ./cli/suite.ts
var cli_suite = __webpack_require__(1287);
;// CONCATENATED MODULE: ./cli/caller-workflows.ts
/**
 * The caller workflows `init` writes into an application's repository: the callers of
 * docs/setup.md, read from examples/caller/ (the files the tests rehearse and compare with the
 * docs), with the user's environments and the suite reference put in. No second copy of them
 * lives in code, so `init` writes exactly what the docs show and the rehearsals run.
 */




/** The package ships these files (package.json `files`); read where the package is. */
const examples = () => external_node_path_default().join((0,cli_suite/* packageRoot */.Zl)(), 'examples', 'caller', '.github', 'workflows');
/** What the examples call: owner/repo/.github/workflows/<file>.yml@<40 hex> # <version>. */
const SUITE_USES = /(?<repo>[\w.-]+\/[\w.-]+)\/\.github\/workflows\/(?<file>[\w.-]+\.yml)@(?<sha>[0-9a-f]{40}) # (?<version>v[\w.-]+)/g;
/** The example's own environments, which the user's list replaces. */
const EXAMPLE_ENVIRONMENTS = 'staging production';
const CALLER_FILES = [
    'apprunner-ops.yml',
    'apprunner-ops-rotate.yml',
    'apprunner-ops-go-live.yml',
    'apprunner-ops-restart.yml',
];
/**
 * Owners that only ever stand for "yours" in docs and examples: a caller naming one calls a
 * repository that is not the suite (or someone else's), so init refuses it.
 */
const PLACEHOLDER_OWNERS = [
    'example',
    'owner',
    'your-org',
    'your-name',
    'my-org',
    'org',
    'acme',
];
function refusePlaceholderOwner(repository, where) {
    const owner = repository.split('/')[0]?.toLowerCase() ?? '';
    if (PLACEHOLDER_OWNERS.includes(owner))
        throw new cli_args/* UsageError */.e(`${where}: "${repository}" has a placeholder owner; name the repository apprunner-ops is released from (package.json's repository), or your fork`);
}
/**
 * The suite as this copy of it is: its repository, its commit, and `# vX.Y.Z` when that
 * commit is the release (a packed release, or a checkout at the tag), else `# vX.Y.Z-dev`.
 */
function ownSuiteReference(suite) {
    refusePlaceholderOwner(suite.repository, "package.json's repository");
    if (!suite.commit)
        throw new cli_args/* UsageError */.e('this copy of apprunner-ops does not know its commit (neither a git checkout nor a packed release): pass --suite owner/repo@<commit SHA>');
    return {
        repository: suite.repository,
        ref: suite.commit,
        comment: suite.released ? `v${suite.version}` : `v${suite.version}-dev, not a release`,
    };
}
/** `--suite owner/repo@ref`, checked before anything is written. */
function parseSuiteReference(text) {
    const match = /^(?<repository>[\w.-]+\/[\w.-]+)@(?<ref>[\w./-]+)$/.exec(text);
    if (!match?.groups)
        throw new cli_args/* UsageError */.e(`--suite: expected owner/repo@ref (a release tag, branch or commit SHA), got "${text}"`);
    refusePlaceholderOwner(match.groups['repository'], '--suite');
    return { repository: match.groups['repository'], ref: match.groups['ref'] };
}
function callerWorkflows(environments, suite) {
    const last = environments.at(-1) ?? 'production';
    const files = {};
    for (const name of CALLER_FILES) {
        let text = (0,external_node_fs_.readFileSync)(external_node_path_default().join(examples(), name), 'utf8')
            .replaceAll(`environments: ${EXAMPLE_ENVIRONMENTS}`, `environments: ${environments.join(' ')}`)
            // The rotation's schedule rotates what is due in the environment with reviewers.
            .replaceAll("inputs.environment || 'production'", `inputs.environment || '${last}'`)
            .replaceAll('every secret due in production', `every secret due in ${last}`)
            .replace('deploy through staging to production', `deploy through ${environments.join(' to ')}`);
        if (suite)
            text = text.replaceAll(SUITE_USES, (...args) => `${suite.repository}/.github/workflows/${args.at(-1)['file']}@${suite.ref}${suite.comment ? ` # ${suite.comment}` : ''}`);
        files[`.github/workflows/${name}`] = text;
    }
    return files;
}

// EXTERNAL MODULE: ./cli/commands/shared.ts
var shared = __webpack_require__(7069);
;// CONCATENATED MODULE: ./cli/commands/init.ts










/** What a person types for "this environment has none". */
const NONE = new Set(['', 'none', '-']);
/** `a=1,b=2` per environment, or one value for every environment. */
function perEnvironment(text, environments, flag) {
    if (!text.includes('='))
        return Object.fromEntries(environments.map((e) => [e, text]));
    const out = {};
    for (const pair of text.split(',')) {
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        if (!environments.includes(name))
            throw new cli_args/* UsageError */.e(`--${flag}: "${name}" is not one of the environments (${environments.join(', ')})`);
        out[name] = pair.slice(at + 1).trim();
    }
    for (const e of environments)
        if (!out[e])
            throw new cli_args/* UsageError */.e(`--${flag}: no value for environment "${e}"; give ${environments.map((n) => `${n}=\u2026`).join(',')}`);
    return out;
}
async function value(io, given, flag, question, fallback) {
    if (given !== undefined)
        return given;
    const answer = await (0,cli_io/* ask */.k)(io, `${question}${fallback ? ` [${fallback}]` : ''}: `);
    if (answer === undefined) {
        if (fallback !== undefined)
            return fallback;
        throw new cli_args/* UsageError */.e(`--${flag} is required when there is no terminal to ask on`);
    }
    return answer || fallback || value(io, undefined, flag, question, fallback);
}
async function gather(args, io) {
    const environments = (await value(io, (0,shared/* stringFlag */.AM)(args, 'environments'), 'environments', 'Environments, in deploy order', 'staging,production'))
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
    const region = await value(io, (0,shared/* stringFlag */.AM)(args, 'region'), 'region', 'AWS region', 'eu-west-1');
    const arnText = (0,shared/* stringFlag */.AM)(args, 'service-arn');
    const serviceArn = arnText
        ? perEnvironment(arnText, environments, 'service-arn')
        : {};
    for (const e of environments)
        serviceArn[e] ??= await value(io, undefined, 'service-arn', `App Runner service ARN of ${e}`);
    const ecrRepository = await value(io, (0,shared/* stringFlag */.AM)(args, 'ecr-repository'), 'ecr-repository', 'ECR repository name');
    const database = await eachEnvironment(io, args, environments, 'database', (e) => `RDS instance identifier of ${e} ("none": no database)`, 'none');
    const urlText = (0,shared/* stringFlag */.AM)(args, 'health-url');
    const healthUrl = urlText
        ? perEnvironment(urlText, environments, 'health-url')
        : {};
    for (const e of environments)
        healthUrl[e] ??= await value(io, undefined, 'health-url', `Public base URL of ${e} (health checks)`);
    const healthPath = await eachEnvironment(io, args, environments, 'health-path', (e) => `Path of ${e}'s health endpoint`, '/health');
    const versionPath = await eachEnvironment(io, args, environments, 'version-path', (e) => `Dot path of the running version in ${e}'s health JSON, e.g. data.version ("none": not reported)`, 'none');
    for (const [e, p] of Object.entries(healthPath))
        if (!p.startsWith('/'))
            throw new cli_args/* UsageError */.e(`--health-path: "${p}" for ${e} must start with /, e.g. /health`);
    return {
        environments,
        region,
        serviceArn,
        ecrRepository,
        database: noneToUndefined(database),
        healthUrl,
        healthPath,
        versionPath: noneToUndefined(versionPath),
    };
}
function noneToUndefined(values) {
    return Object.fromEntries(Object.entries(values).map(([e, v]) => [e, NONE.has(v.toLowerCase()) ? undefined : v]));
}
/** One answer per environment: from the flag (one value, or env=value pairs), else asked. */
async function eachEnvironment(io, args, environments, flag, question, fallback) {
    const text = (0,shared/* stringFlag */.AM)(args, flag);
    if (text !== undefined)
        return perEnvironment(text, environments, flag);
    const out = {};
    for (const e of environments)
        out[e] = await value(io, undefined, flag, question(e), fallback);
    return out;
}
function configText(a) {
    const environments = {};
    for (const [index, name] of a.environments.entries()) {
        environments[name] = {
            region: a.region,
            'service-arn': a.serviceArn[name],
            'ecr-repository': a.ecrRepository,
            ...(index === a.environments.length - 1 ? { 'required-reviewers': true } : {}),
            ...(a.database[name] ? { database: { instance: a.database[name] } } : {}),
            health: {
                'base-url': a.healthUrl[name],
                ...(a.versionPath[name] ? { 'version-path': a.versionPath[name] } : {}),
                checks: [
                    {
                        name: 'health',
                        path: a.healthPath[name],
                        // Without a version path a deploy cannot see which version answers.
                        ...(a.versionPath[name] ? { 'reports-version': true } : {}),
                        expect: { status: 200 },
                    },
                ],
            },
        };
    }
    return `# apprunner-ops configuration, written by \`apprunner-ops init\`; check it with \`apprunner-ops validate\`.\n${(0,dist/* stringify */.As)({ version: 1, environments })}`;
}
async function runInit(args, io) {
    if (args.positionals.length > 0)
        throw new cli_args/* UsageError */.e(`unexpected argument "${args.positionals[0]}"; usage: ${this.usage}`);
    const suiteText = (0,shared/* stringFlag */.AM)(args, 'suite');
    // Checked before any question: the callers must name a suite that exists.
    const suite = suiteText === undefined ? ownSuiteReference((0,cli_suite/* releasedSuite */.ko)()) : parseSuiteReference(suiteText);
    const answers = await gather(args, io);
    const config = configText(answers);
    const configFile = '.github/apprunner-ops.yml';
    // Written only if it validates: init never leaves a file that the next command refuses.
    (0,load/* parseConfig */.o4)(config, configFile);
    const files = {
        [configFile]: config,
        ...callerWorkflows(answers.environments, suite),
    };
    const existing = Object.keys(files).filter((f) => (0,external_node_fs_.existsSync)(external_node_path_default().join(io.cwd, f)));
    if (existing.length > 0 && !(0,shared/* boolFlag */.lB)(args, 'force'))
        throw new cli_args/* UsageError */.e(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to overwrite`);
    for (const [file, text] of Object.entries(files)) {
        await (0,promises_.mkdir)(external_node_path_default().dirname(external_node_path_default().join(io.cwd, file)), { recursive: true });
        await (0,promises_.writeFile)(external_node_path_default().join(io.cwd, file), text);
        io.stdout.write(`wrote ${file}\n`);
    }
    const pinned = `${suite.repository}@${suite.ref}${suite.comment ? ` (${suite.comment})` : ''}`;
    const hint = /^[0-9a-f]{40}$/.test(suite.ref)
        ? ''
        : ` ${suite.ref} can be moved: pin its commit SHA instead (docs/setup.md \u00a79).`;
    io.stdout.write(`The callers use ${pinned}.${hint}\nNext: apprunner-ops validate, then commit these files and set up the GitHub environments (docs/setup.md).\n`);
    return cli_io/* EXIT */.d.ok;
}


/***/ })

};
