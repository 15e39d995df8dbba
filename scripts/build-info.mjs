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
writeFileSync('build-info.json', `${JSON.stringify({ commit }, null, 2)}\n`);
console.error(`build-info: ${commit}`);
