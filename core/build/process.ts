import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../util/logger.js';
import { formatDuration } from '../util/duration.js';
import { DomainFailure } from '../util/errors.js';

export class CommandFailed extends DomainFailure {
  override readonly name = 'CommandFailed';
}

export interface CommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs: number;
  logger: Logger;
  label: string;
  /** Time the processes get between SIGTERM and SIGKILL at the deadline. */
  graceMs?: number;
  /** Do not log the output line by line (probes such as `docker version`). */
  quiet?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs a command through @actions/exec with its output streamed to the log line by line, a
 * deadline, and optional standard input (for passwords: never on the command line, where `ps`
 * would show them).
 *
 * The command runs as the leader of its own process group (`setsid`), and writes the group's
 * id to a file before it starts. At the deadline the whole group is stopped — SIGTERM, then
 * SIGKILL after a grace period — so a child or grandchild (a migration's `psql`, a build
 * step) cannot carry on after the caller was told the command stopped.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<{ stdout: string }> {
  // Imported on first use (a chunk of its own): of the deploy and rollback, only a rollback
  // with a down migration runs a command.
  const { exec } = await import('@actions/exec');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apprunner-ops-cmd-'));
  const pidFile = path.join(dir, 'pgid');
  let stdout = '';
  let tail: string[] = [];
  const keep = (line: string): void => {
    if (!options.quiet) options.logger.info(`  ${line}`);
    tail = [...tail.slice(-19), line];
  };
  const env = Object.fromEntries(
    Object.entries(options.env ?? process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const pgid = async (): Promise<number | undefined> => {
    // The group leader writes its pid before exec'ing the command; allow it a moment to start.
    for (let i = 0; i < 40; i++) {
      const text = await readFile(pidFile, 'utf8').catch(() => '');
      const id = Number.parseInt(text, 10);
      if (id > 1) return id;
      await sleep(50);
    }
    return undefined;
  };
  const stopGroup = async (): Promise<void> => {
    const id = await pgid();
    if (id === undefined) return;
    try {
      process.kill(-id, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const grace = options.graceMs ?? 3_000;
    for (let waited = 0; waited < grace && alive(id); waited += 100) await sleep(100);
    if (alive(id)) {
      try {
        process.kill(-id, 'SIGKILL');
      } catch {
        // gone between the check and the kill
      }
    }
  };
  let stopping: Promise<void> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      stopping = stopGroup();
      void stopping.then(() =>
        reject(
          new CommandFailed(
            `${options.label} did not finish within ${formatDuration(options.timeoutMs)}; stopped it and every process it started`,
          ),
        ),
      );
    }, options.timeoutMs);
  });
  // Settled by whichever comes first; its later rejection must not go unhandled.
  deadline.catch(() => undefined);
  // Without input the command reads /dev/null (a read gets end of file at once). An empty
  // input written into the pipe instead raced the command's exit: a command that ended before
  // reading made the write fail with EPIPE on a stream nobody listens to, and Node ended the
  // whole action there (seen as build-push exiting 1 with no word but a stack trace).
  const script =
    options.input === undefined
      ? 'echo "$$" > "$0" && exec "$@" < /dev/null'
      : 'echo "$$" > "$0" && exec "$@"';
  const running = exec('setsid', ['--wait', 'sh', '-c', script, pidFile, command, ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env,
    silent: true,
    ignoreReturnCode: true,
    ...(options.input !== undefined ? { input: Buffer.from(options.input) } : {}),
    // Output still open after the exit comes from a process left behind: wait briefly.
    delay: 2_000,
    listeners: {
      stdout: (data) => {
        stdout += data.toString();
      },
      stdline: keep,
      errline: keep,
    },
  });
  try {
    const code = await Promise.race([
      running.catch((error: unknown) => {
        if (timedOut) return -1;
        const why = error instanceof Error ? error.message : String(error);
        throw new CommandFailed(
          /Unable to locate executable file: setsid/.test(why)
            ? `${options.label}: cannot run ${command}: setsid (util-linux) is needed to stop it and its children at the deadline`
            : `${options.label}: cannot run ${command} (${why})`,
        );
      }),
      deadline,
    ]);
    if (timedOut) {
      await stopping;
      throw new CommandFailed(
        `${options.label} did not finish within ${formatDuration(options.timeoutMs)}; stopped it and every process it started`,
      );
    }
    if (code === 127 && tail.some((l) => l.includes(command) && /not found/.test(l)))
      throw new CommandFailed(`${options.label}: cannot run ${command} (not found on PATH)`);
    if (code !== 0)
      throw new CommandFailed(
        `${options.label} failed (exit ${code}); last output:\n${tail.slice(-8).join('\n')}`,
      );
    return { stdout };
  } finally {
    clearTimeout(timer);
    await rm(dir, { recursive: true, force: true });
  }
}
