/**
 * `npm run pin -- <owner/repo> <version> <sha>`: moves one third-party action's pin in
 * workflows-src/pins.ts and regenerates .github/workflows/. The YAML is generated, so this is
 * the one place a pin changes. Check the SHA against the release first, e.g.
 * `git ls-remote --tags https://github.com/<owner/repo> <version>`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../workflows-src/action-manifests.js';

export const PINS_FILE = path.join(REPO_ROOT, 'workflows-src', 'pins.ts');

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The pins file with `repo` moved to `version` at `sha`; throws naming what is wrong. */
export function movePin(text: string, repo: string, version: string, sha: string): string {
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) throw new Error(`repo "${repo}": expected owner/name`);
  if (!/^v?\d+(\.\d+){0,2}([-+][\w.]+)?$/.test(version))
    throw new Error(`version "${version}": expected a release tag such as v5.0.0`);
  if (!/^[0-9a-f]{40}$/.test(sha))
    throw new Error(`sha "${sha}": expected the full 40-hex commit SHA of ${repo}@${version}`);
  const block = new RegExp(
    `(repo: '${escape(repo)}',\\n\\s*sha: ')[0-9a-f]{40}(',\\n\\s*version: ')[^']*(')`,
  );
  if (!block.test(text)) {
    const known = [...text.matchAll(/repo: '([^']+)'/g)].map((m) => m[1]);
    throw new Error(`${repo} is not in the pin table; pinned: ${known.join(', ')}`);
  }
  return text.replace(block, `$1${sha}$2${version}$3`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [repo, version, sha] = process.argv.slice(2);
  if (!repo || !version || !sha) {
    console.error('usage: npm run pin -- <owner/repo> <version> <sha>');
    process.exit(2);
  }
  try {
    await writeFile(PINS_FILE, movePin(await readFile(PINS_FILE, 'utf8'), repo, version, sha));
  } catch (error) {
    console.error(`pin: ${(error as Error).message}`);
    process.exit(2);
  }
  console.log(`pinned ${repo}@${sha} # ${version}`);
  // Imported only now: the workflow sources read the pin table when they load.
  const { writeWorkflows, WORKFLOWS_DIR } = await import('./generate-workflows.js');
  for (const file of await writeWorkflows(WORKFLOWS_DIR))
    console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}
