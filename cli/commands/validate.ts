import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config/load.js';
import { ConfigError } from '../../core/util/errors.js';
import { UsageError } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import type { ParsedArgs } from '../args.js';
import { noExtraPositionals } from './shared.js';

export async function runValidate(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  noExtraPositionals(args, 1, this.usage);
  const file = path.resolve(io.cwd, args.positionals[0] ?? '.github/apprunner-ops.yml');
  const shown = path.relative(io.cwd, file) || file;
  if (!existsSync(file))
    throw new UsageError(
      `${shown}: no such file; give the configuration's path, or run apprunner-ops init to write one`,
    );
  try {
    const config = await loadConfig(file);
    const names = Object.keys(config.environments);
    io.stdout.write(
      `${shown}: valid (${names.length} environment${names.length === 1 ? '' : 's'}: ${names.join(', ')})\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.stderr.write(`${shown}: ${problem}\n`);
    return EXIT.failed;
  }
}
