import { spawn } from 'node:child_process';
import type { Logger } from '../util/logger.js';
import { formatDuration } from '../util/duration.js';
import { DomainFailure } from '../util/errors.js';

export class CommandFailed extends DomainFailure {
  override readonly name = 'CommandFailed';
}

/**
 * Runs a command with its output streamed to the log line by line, a deadline, and optional
 * standard input (for passwords: never on the command line, where `ps` would show them).
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    input?: string;
    timeoutMs: number;
    logger: Logger;
    label: string;
  },
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let tail: string[] = [];
    const pipe = (stream: NodeJS.ReadableStream, keep: boolean): void => {
      let pending = '';
      stream.on('data', (chunk: Buffer) => {
        const text = chunk.toString();
        if (keep) stdout += text;
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) {
          options.logger.info(`  ${line}`);
          tail = [...tail.slice(-19), line];
        }
      });
      stream.on('end', () => {
        if (pending) {
          options.logger.info(`  ${pending}`);
          tail = [...tail.slice(-19), pending];
        }
      });
    };
    pipe(child.stdout, true);
    pipe(child.stderr, false);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new CommandFailed(
          `${options.label} did not finish within ${formatDuration(options.timeoutMs)}; stopped it`,
        ),
      );
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new CommandFailed(`${options.label}: cannot run ${command} (${error.message})`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout });
      else
        reject(
          new CommandFailed(
            `${options.label} failed (exit ${code}); last output:\n${tail.slice(-8).join('\n')}`,
          ),
        );
    });
    child.stdin.end(options.input ?? '');
  });
}
