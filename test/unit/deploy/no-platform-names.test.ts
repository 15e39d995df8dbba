import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The stages and the pipelines ask the deploy target (core/targets/) and never name a
// platform: a third target is one more implementation there, and nothing here changes.

const ROOT = path.join(import.meta.dirname, '..', '..', '..');
// Case matters: the suite's own name, apprunner-ops, is not a platform.
const PLATFORM =
  /App ?Runner|APPRUNNER|app[-_]runner|apprunner(?!-ops)|\bECS\b|\becs\b|ecs-express|Express ?Mode|Auto ?Scaling|\basg\b|\bASG\b|[Ll]aunch ?[Tt]emplate|elbv2|\bALB\b/;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
    ),
  );
  return nested.flat().filter((f) => f.endsWith('.ts'));
}

describe('core/deploy names no platform', () => {
  it('no file under core/deploy (stages, pipelines, runner) names App Runner or ECS', async () => {
    const found: string[] = [];
    for (const file of await files(path.join(ROOT, 'core', 'deploy'))) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, i) => {
        if (PLATFORM.test(line))
          found.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the check itself finds a platform name', () => {
    for (const line of [
      "import { AppRunnerClient } from '@aws-sdk/client-apprunner';",
      'App Runner UpdateService',
      "kind === 'ecs-express'",
      'ECS UpdateExpressGatewayService',
      "kind === 'asg'",
      'Auto Scaling StartInstanceRefresh',
      'a new launch template version',
    ])
      expect(PLATFORM.test(line), line).toBe(true);
    expect(PLATFORM.test("tool: 'apprunner-ops'")).toBe(false);
  });
});
