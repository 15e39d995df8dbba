// The process entry of the command line (bin/apprunner-ops.mjs): the real process's streams.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => Date.now(),
});
