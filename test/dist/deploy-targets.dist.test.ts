// The deploy scenarios (test/helpers/deploy-targets.ts) on App Runner; the other targets run
// beside them, each in a file of its own (deploy-targets-*.dist.test.ts).
import { deployScenarios } from '../helpers/deploy-targets.js';

deployScenarios(['app-runner']);
