import { closestKey } from '../core/util/zod-issues.js';

/** Thrown for anything the person typed wrong: exit code 2, one line, nothing called. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | boolean>;
}

/**
 * `--name value`, `--name=value`, `--flag` and `--no-flag` (booleans). An unknown flag is an
 * error with the closest known one, because a typo in `--dry-run` must not deploy for real.
 */
export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | boolean>();
  const known = Object.keys(specs);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
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
      const hint = closestKey(name, known);
      throw new UsageError(
        `unknown option --${name}${hint ? `; did you mean --${hint}?` : ''} (options: ${known.map((k) => `--${k}`).join(', ')})`,
      );
    }
    if (flags.has(name)) throw new UsageError(`option --${name} is given twice`);
    if (spec.type === 'boolean') {
      if (eq >= 0) {
        const text = arg.slice(eq + 1);
        if (text !== 'true' && text !== 'false')
          throw new UsageError(`option --${name} takes true or false, got "${text}"`);
        flags.set(name, (text === 'true') !== negated);
      } else flags.set(name, !negated);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw new UsageError(`option --${name} needs a value`);
    flags.set(name, value);
  }
  return { positionals, flags };
}
