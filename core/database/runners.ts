/**
 * Which runner the jobs that touch an environment's database run on (`database.access:
 * runner`, docs/setup.md "Private databases"). The reusable workflows start with a small job
 * that reads this from the caller's configuration, so a production database reachable only
 * from a self-hosted runner inside the VPC is reached by production's job, while the other
 * environments' jobs keep the caller's `runs-on`. The caller writes the label once, in the
 * configuration.
 */
import { loadConfig, selectEnvironment } from '../config/load.js';
import { InputError } from '../util/errors.js';

const ENVIRONMENT_NAME = /^[A-Za-z0-9_.-]+$/;

/** `staging production` or `staging,production`, in order, each an environment name. */
export function parseEnvironmentList(input: string, inputName: string): string[] {
  const names = input.split(/[\s,]+/).filter((name) => name !== '');
  if (names.length === 0)
    throw new InputError(inputName, 'is empty: list the environments, separated by spaces');
  for (const name of names)
    if (!ENVIRONMENT_NAME.test(name))
      throw new InputError(
        inputName,
        `"${name}" is not an environment name (letters, digits, . _ -)`,
      );
  return names;
}

/**
 * The runner label of each listed environment whose database has `access: runner`; the others
 * are left out, so the workflow falls back to its `runs-on` input for them. An environment the
 * file does not define is a configuration error naming the ones it does.
 */
export async function databaseRunnerLabels(
  configFile: string,
  environments: readonly string[],
): Promise<Record<string, string>> {
  const config = await loadConfig(configFile);
  const labels: Record<string, string> = {};
  for (const name of environments) {
    const db = selectEnvironment(config, name, configFile).database;
    if (db?.access === 'runner' && db['runner-label'] !== undefined)
      labels[name] = db['runner-label'];
  }
  return labels;
}
