/**
 * `npm run bench -- --quick` runs to its end: the quick benches print their figures and the
 * process exits on its own. It once printed its results and never exited: the rehearsal
 * engine started an OIDC issuer per job running side by side and closed only one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');

it('npm run bench -- --quick prints its figures and exits by itself', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', 'run.ts'), '--quick'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    // The bench's own guard ends a process kept alive after 2 s; this deadline is a backstop.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 280_000);
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(out).not.toMatch(/still open after the results/);
  expect(code, out).toBe(0);
  expect(out).toMatch(/deploy-pipeline \(quick: targets not judged\)/);
  expect(out).toMatch(/incident \(quick: targets not judged\)/);
  expect(out).toMatch(/ECS Express: that ÷ \(rollback deployment \+ verification\)/);
}, 300_000);
