import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../../core/config/load.js';
import { ConfigError } from '../../core/util/errors.js';
import type { ParsedArgs } from '../args.js';
import { UsageError } from '../args.js';
import { checkCallers, configWarnings, type Finding } from '../caller-check.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import { boolFlag, noExtraPositionals, stringFlag } from './shared.js';

/** The caller workflows: .github/workflows beside .github/apprunner-ops.yml, or --workflows. */
async function callerFiles(
  io: CliIo,
  args: ParsedArgs,
  configFile: string,
): Promise<{ dir: string; files: { file: string; text: string }[] }> {
  const given = stringFlag(args, 'workflows');
  const beside = path.basename(path.dirname(configFile)) === '.github';
  const dir = given
    ? path.resolve(io.cwd, given)
    : beside
      ? path.join(path.dirname(configFile), 'workflows')
      : path.join(io.cwd, '.github', 'workflows');
  if (!existsSync(dir)) {
    if (given) throw new UsageError(`--workflows ${given}: no such folder`);
    return { dir, files: [] };
  }
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const files = await Promise.all(
    names.map(async (n) => ({
      file: path.relative(io.cwd, path.join(dir, n)) || n,
      text: await readFile(path.join(dir, n), 'utf8'),
    })),
  );
  // Only the workflows that call the suite are callers; the others are none of its business.
  return { dir, files: files.filter((f) => /\/\.github\/workflows\/[\w.-]+\.yml@/.test(f.text)) };
}

const where = (f: Finding): string => `${f.file}${f.line ? `:${f.line}` : ''}`;

export async function runValidate(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  noExtraPositionals(args, 1, this.usage);
  const json = boolFlag(args, 'json');
  const file = path.resolve(io.cwd, args.positionals[0] ?? '.github/apprunner-ops.yml');
  const shown = path.relative(io.cwd, file) || file;
  if (!existsSync(file))
    throw new UsageError(
      `${shown}: no such file; give the configuration's path, or run apprunner-ops init to write one`,
    );
  const findings: Finding[] = [];
  let names: string[] = [];
  try {
    names = Object.keys((await loadConfig(file)).environments);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems)
      findings.push({ level: 'error', file: shown, message: problem });
  }
  const callers = await callerFiles(io, args, file);
  if (names.length > 0) {
    findings.push(...configWarnings(await readFile(file, 'utf8'), shown));
    findings.push(...checkCallers(callers.files, names, shown));
  }
  const errors = findings.filter((f) => f.level === 'error');
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          file: shown,
          valid: errors.length === 0,
          environments: names,
          callers: callers.files.map((f) => f.file),
          findings,
        },
        null,
        2,
      )}\n`,
    );
    return errors.length ? EXIT.failed : EXIT.ok;
  }
  for (const f of findings) {
    // Configuration errors already carry their path and line, as before.
    const text =
      f.file === shown && f.line === undefined
        ? `${shown}: ${f.message}`
        : `${where(f)}: ${f.message}`;
    io.stderr.write(f.level === 'warning' ? `${where(f)}: warning: ${f.message}\n` : `${text}\n`);
  }
  if (errors.length > 0) return EXIT.failed;
  io.stdout.write(
    `${shown}: valid (${names.length} environment${names.length === 1 ? '' : 's'}: ${names.join(', ')})\n`,
  );
  if (callers.files.length > 0)
    io.stdout.write(`callers agree with it: ${callers.files.map((f) => f.file).join(', ')}\n`);
  return EXIT.ok;
}
