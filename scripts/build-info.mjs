// npm pack's prepack step: writes build-info.json (the commit this package is built from) for
// `apprunner-ops --version` and `init`, which pin that commit. Plain JavaScript: it runs before
// anything is built, from a clone or from `npm install github:…`, with no devDependencies.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

let commit;
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  console.error('build-info: not a git checkout; the package will not know its commit');
  process.exit(0);
}
// The tags on that commit: `init` writes "# vX.Y.Z" only when the commit is that release.
const tags = execFileSync('git', ['tag', '--points-at', 'HEAD'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
writeFileSync('build-info.json', `${JSON.stringify({ commit, tags }, null, 2)}\n`);
console.error(`build-info: ${commit}`);
