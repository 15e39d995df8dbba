#!/usr/bin/env node
// The apprunner-ops command line: the bundle in cli/dist (built by `npm run build`, committed),
// plain JavaScript with no devDependencies; see cli/README.md.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  // The bundle's syntax and the AWS SDK need a supported Node; say so before either fails.
  console.error(
    `apprunner-ops needs Node 22 or newer (24 recommended); this is Node ${process.versions.node}`,
  );
  process.exit(2);
}
await import('../cli/dist/index.js');
