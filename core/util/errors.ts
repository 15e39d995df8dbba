/**
 * Error kinds. The kind decides how a failure is reported:
 * - InputError / ConfigError: the user can fix it; the message says what and how.
 * - DomainFailure: the action did its job and the answer is "no" (a check failed, a deploy
 *   was rolled back). Reported as a plain failure line.
 * - anything else is a bug in apprunner-ops and is reported with its stack.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`input "${input}": ${detail}`);
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Each problem is one line: `<yaml.path>: <what is wrong> (line N)`. */
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      problems.length === 1
        ? `config ${file}: ${problems[0]}`
        : `config ${file} has ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

export class DomainFailure extends Error {
  override readonly name: string = 'DomainFailure';
}

/** The message of any thrown value, without assuming it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

export function isUserFixable(error: unknown): error is InputError | ConfigError {
  return error instanceof InputError || error instanceof ConfigError;
}
