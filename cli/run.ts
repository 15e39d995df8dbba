// The process entry of the command line (bin/apprunner-ops.mjs loads its bundle, cli/dist).
import { main } from './main.js';

// The SDK's notice about Node versions would open every command's output; the bin has already
// refused a Node that is not supported (package.json engines).
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

process.exitCode = await main(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  now: () => Date.now(),
});
