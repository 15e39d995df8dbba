/**
 * Debian tools some tests drive (buildah, docker-registry, shellcheck, openssl). Each is
 * looked up once per run (test/helpers/tools-setup.ts) and handed to every test file. A test
 * whose tool is missing is skipped with that reason, and the run ends with one line naming
 * the tools and the install command (test/helpers/tools-reporter.ts). With
 * APPRUNNER_OPS_STRICT_TOOLS=1 (CI) a missing tool is a failing test instead.
 */
import { spawnSync } from 'node:child_process';
import { describe, inject, it } from 'vitest';

export const TOOLS = ['buildah', 'docker-registry', 'shellcheck', 'openssl'] as const;
export type Tool = (typeof TOOLS)[number];

/** Debian package of each tool (apt-get install …). */
export const DEBIAN_PACKAGE: Record<Tool, string> = {
  buildah: 'buildah',
  'docker-registry': 'docker-registry',
  shellcheck: 'shellcheck',
  openssl: 'openssl',
};

export const STRICT_TOOLS_ENV = 'APPRUNNER_OPS_STRICT_TOOLS';

declare module 'vitest' {
  interface ProvidedContext {
    missingTools: Tool[];
  }
  interface TaskMeta {
    /** Set on a test or suite skipped because these tools are not installed. */
    missingTools?: Tool[];
  }
}

/** The tools not on PATH; one `command -v` for all of them. */
export function lookUpMissingTools(env: NodeJS.ProcessEnv = process.env): Tool[] {
  const script = TOOLS.map((t) => `command -v ${t} >/dev/null 2>&1 || echo ${t}`).join('; ');
  const result = spawnSync('sh', ['-c', script], { env, encoding: 'utf8' });
  if (result.error) return [...TOOLS];
  const missing = new Set(result.stdout.split('\n').filter(Boolean));
  return TOOLS.filter((t) => missing.has(t));
}

export function installCommand(tools: readonly Tool[]): string {
  return `sudo apt-get install ${[...new Set(tools.map((t) => DEBIAN_PACKAGE[t]))].join(' ')}`;
}

let cached: Tool[] | undefined;
function missingTools(): Tool[] {
  if (cached) return cached;
  let provided: Tool[] | undefined;
  try {
    provided = inject('missingTools');
  } catch {
    provided = undefined;
  }
  // Run outside this config (no global setup): look them up here, once per worker.
  cached = provided ?? lookUpMissingTools();
  return cached;
}

export const strictTools = (): boolean => process.env[STRICT_TOOLS_ENV] === '1';

/** The tools among `tools` that this machine lacks. */
export function missing(...tools: Tool[]): Tool[] {
  const absent = missingTools();
  return tools.filter((t) => absent.includes(t));
}

function notInstalled(tools: readonly Tool[]): string {
  return `${tools.join(', ')} not installed (${installCommand(tools)})`;
}

function strictFailure(tools: readonly Tool[]): Error {
  return new Error(
    `${notInstalled(tools)}, and ${STRICT_TOOLS_ENV}=1 makes a missing tool a failure`,
  );
}

/**
 * `describe` for tests that need Debian tools: skipped with the reason when one is missing,
 * one failing test in strict mode.
 */
export function describeWithTools(tools: Tool[], name: string, fn: () => void): void {
  const absent = missing(...tools);
  if (absent.length === 0) return void describe(name, fn);
  if (strictTools())
    return void describe(name, () => {
      it(`needs ${absent.join(', ')}`, () => {
        throw strictFailure(absent);
      });
    });
  describe(
    `${name} [skipped: ${notInstalled(absent)}]`,
    { skip: true, meta: { missingTools: absent } },
    fn,
  );
}

/** `it` for one test that needs Debian tools; same rules as describeWithTools. */
export function itWithTools(
  tools: Tool[],
  name: string,
  fn: () => Promise<void> | void,
  timeout?: number,
): void {
  const absent = missing(...tools);
  if (absent.length === 0) return void it(name, fn, timeout);
  if (strictTools())
    return void it(name, () => {
      throw strictFailure(absent);
    });
  it(
    `${name} [skipped: ${notInstalled(absent)}]`,
    { skip: true, meta: { missingTools: absent } },
    fn,
  );
}
