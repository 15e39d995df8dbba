#!/usr/bin/env node
// The apprunner-ops command line. It runs the TypeScript sources through tsx, so a clone
// needs nothing but `npm ci`; see cli/README.md.
import { register } from 'tsx/esm/api';

register();
await import('../cli/run.ts');
