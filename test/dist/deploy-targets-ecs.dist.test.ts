// The deploy scenarios (test/helpers/deploy-targets.ts) on ECS Express Mode; the other targets
// run beside them (deploy-targets*.dist.test.ts).
import { deployScenarios } from '../helpers/deploy-targets.js';

deployScenarios(['ecs-express']);
