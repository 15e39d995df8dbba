/**
 * runCommand's standard input: a command given none reads end of file at once (it used to get
 * an empty write into a pipe, which raced the command's exit and could end the action with an
 * unhandled EPIPE); a command given input reads exactly it.
 */
import { expect, it } from 'vitest';
import { runCommand } from '../../../core/build/process.js';
import { recordingLogger } from '../../../core/util/logger.js';

it('a command given no input reads end of file at once, not a pipe left open', async () => {
  const started = Date.now();
  const { stdout } = await runCommand('cat', [], {
    timeoutMs: 10_000,
    logger: recordingLogger(),
    label: 'cat',
  });
  expect(stdout).toBe('');
  // Well inside the deadline: cat ended on end of file, it was not stopped at 10 s.
  expect(Date.now() - started).toBeLessThan(8_000);
});

it('a command given input reads exactly it', async () => {
  const { stdout } = await runCommand('cat', [], {
    input: 'from standard input\n',
    timeoutMs: 10_000,
    logger: recordingLogger(),
    label: 'cat',
  });
  expect(stdout).toBe('from standard input\n');
});

it('fifty commands that end before reading anything all end normally', async () => {
  const runs = Array.from({ length: 50 }, () =>
    runCommand('true', [], { timeoutMs: 10_000, logger: recordingLogger(), label: 'true' }),
  );
  expect((await Promise.all(runs)).map((r) => r.stdout)).toEqual(Array(50).fill(''));
});
