export const id = 919;
export const ids = [919];
export const modules = {

/***/ 8300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runValidate: () => (/* binding */ runValidate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./core/config/load.ts + 5 modules
var load = __webpack_require__(2724);
// EXTERNAL MODULE: ./core/util/errors.ts
var util_errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./cli/args.ts
var cli_args = __webpack_require__(2586);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./cli/caller-check.ts
/**
 * What `validate` checks beyond the schema: the caller workflows in .github/workflows against
 * the configuration (an environment a caller deploys, rolls back or checks that the file does
 * not define fails on GitHub only when it runs), and settings that are valid but do not do
 * what they seem to. Every finding names its file and line.
 */

/** The suite's reusable workflows a caller calls, by file name. */
const SUITE_WORKFLOW = /\/\.github\/workflows\/(deploy|rollback|checks|restart|rotate|go-live)\.yml@/;
function lineOf(node, counter) {
    return node?.range ? counter.linePos(node.range[0]).line : undefined;
}
/** Environment names in a caller's `with:` (a literal; an expression is decided at run time). */
function namesIn(value) {
    if (typeof value !== 'string' || value.includes('${{'))
        return [];
    return value.split(/[\s,]+/).filter(Boolean);
}
function checkCallers(files, environments, configFile) {
    const findings = [];
    for (const { file, text } of files) {
        const counter = new dist/* LineCounter */.HN();
        const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter });
        if (doc.errors.length > 0) {
            const line = doc.errors[0]?.linePos?.[0]?.line;
            findings.push({
                level: 'error',
                file,
                ...(line ? { line } : {}),
                message: `invalid YAML: ${doc.errors[0]?.message.split('\n')[0] ?? ''}`,
            });
            continue;
        }
        const jobs = doc.get('jobs', true);
        if (!(0,dist/* isMap */.jh)(jobs))
            continue;
        for (const pair of jobs.items) {
            const job = pair.value;
            if (!(0,dist/* isMap */.jh)(job))
                continue;
            const uses = job.get('uses');
            if (typeof uses !== 'string' || !SUITE_WORKFLOW.test(uses))
                continue;
            const withMap = job.get('with', true);
            if (!(0,dist/* isMap */.jh)(withMap))
                continue;
            for (const key of ['environments', 'environment']) {
                const node = withMap.get(key, true);
                const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
                for (const name of namesIn(value))
                    if (!environments.includes(name))
                        findings.push({
                            level: 'error',
                            file,
                            ...(lineOf(node, counter) ? { line: lineOf(node, counter) } : {}),
                            message: `jobs.${String((0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key)}.with.${key}: "${name}" is not an environment of ${configFile} (${environments.join(', ')}); add it there or fix the name`,
                        });
            }
        }
    }
    return findings;
}
/** Valid settings that do not do what they seem to, with their lines in the configuration. */
function configWarnings(text, file) {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter });
    const findings = [];
    const environments = doc.get('environments', true);
    if (!(0,dist/* isMap */.jh)(environments))
        return findings;
    for (const pair of environments.items) {
        const name = String((0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : pair.key);
        const env = pair.value;
        if (!(0,dist/* isMap */.jh)(env))
            continue;
        const health = env.get('health', true);
        if (!(0,dist/* isMap */.jh)(health) || health.has('version-path'))
            continue;
        const checks = health.get('checks', true);
        (checks?.items ?? []).forEach((check, index) => {
            if (!(0,dist/* isMap */.jh)(check))
                return;
            const flag = check.get('reports-version', true);
            if (!(0,dist/* isScalar */.jn)(flag) || flag.value !== true)
                return;
            const line = lineOf(flag, counter);
            findings.push({
                level: 'warning',
                file,
                ...(line ? { line } : {}),
                message: `environments.${name}.health.checks[${index}].reports-version is set, but environments.${name}.health.version-path is not: a deploy cannot see which version answers; set version-path (e.g. data.version)`,
            });
        });
    }
    return findings;
}

// EXTERNAL MODULE: ./cli/io.ts + 1 modules
var cli_io = __webpack_require__(7608);
// EXTERNAL MODULE: ./cli/commands/shared.ts
var shared = __webpack_require__(7069);
;// CONCATENATED MODULE: ./cli/commands/validate.ts









/** The caller workflows: .github/workflows beside .github/apprunner-ops.yml, or --workflows. */
async function callerFiles(io, args, configFile) {
    const given = (0,shared/* stringFlag */.AM)(args, 'workflows');
    const beside = external_node_path_default().basename(external_node_path_default().dirname(configFile)) === '.github';
    const dir = given
        ? external_node_path_default().resolve(io.cwd, given)
        : beside
            ? external_node_path_default().join(external_node_path_default().dirname(configFile), 'workflows')
            : external_node_path_default().join(io.cwd, '.github', 'workflows');
    if (!(0,external_node_fs_.existsSync)(dir)) {
        if (given)
            throw new cli_args/* UsageError */.e(`--workflows ${given}: no such folder`);
        return { dir, files: [] };
    }
    const names = (await (0,promises_.readdir)(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
    const files = await Promise.all(names.map(async (n) => ({
        file: external_node_path_default().relative(io.cwd, external_node_path_default().join(dir, n)) || n,
        text: await (0,promises_.readFile)(external_node_path_default().join(dir, n), 'utf8'),
    })));
    // Only the workflows that call the suite are callers; the others are none of its business.
    return { dir, files: files.filter((f) => /\/\.github\/workflows\/[\w.-]+\.yml@/.test(f.text)) };
}
const where = (f) => `${f.file}${f.line ? `:${f.line}` : ''}`;
async function runValidate(args, io) {
    (0,shared/* noExtraPositionals */.P_)(args, 1, this.usage);
    const json = (0,shared/* boolFlag */.lB)(args, 'json');
    const file = external_node_path_default().resolve(io.cwd, args.positionals[0] ?? '.github/apprunner-ops.yml');
    const shown = external_node_path_default().relative(io.cwd, file) || file;
    if (!(0,external_node_fs_.existsSync)(file))
        throw new cli_args/* UsageError */.e(`${shown}: no such file; give the configuration's path, or run apprunner-ops init to write one`);
    const findings = [];
    let names = [];
    try {
        names = Object.keys((await (0,load/* loadConfig */.Z9)(file)).environments);
    }
    catch (error) {
        if (!(error instanceof util_errors/* ConfigError */.xL))
            throw error;
        for (const problem of error.problems)
            findings.push({ level: 'error', file: shown, message: problem });
    }
    const callers = await callerFiles(io, args, file);
    if (names.length > 0) {
        findings.push(...configWarnings(await (0,promises_.readFile)(file, 'utf8'), shown));
        findings.push(...checkCallers(callers.files, names, shown));
    }
    const errors = findings.filter((f) => f.level === 'error');
    if (json) {
        io.stdout.write(`${JSON.stringify({
            file: shown,
            valid: errors.length === 0,
            environments: names,
            callers: callers.files.map((f) => f.file),
            findings,
        }, null, 2)}\n`);
        return errors.length ? cli_io/* EXIT */.d.failed : cli_io/* EXIT */.d.ok;
    }
    for (const f of findings) {
        // Configuration errors already carry their path and line, as before.
        const text = f.file === shown && f.line === undefined
            ? `${shown}: ${f.message}`
            : `${where(f)}: ${f.message}`;
        io.stderr.write(f.level === 'warning' ? `${where(f)}: warning: ${f.message}\n` : `${text}\n`);
    }
    if (errors.length > 0)
        return cli_io/* EXIT */.d.failed;
    io.stdout.write(`${shown}: valid (${names.length} environment${names.length === 1 ? '' : 's'}: ${names.join(', ')})\n`);
    if (callers.files.length > 0)
        io.stdout.write(`callers agree with it: ${callers.files.map((f) => f.file).join(', ')}\n`);
    return cli_io/* EXIT */.d.ok;
}


/***/ })

};
