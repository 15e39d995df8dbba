// The deploy scenarios (test/helpers/deploy-targets.ts) on EC2 Auto Scaling, and the runbook's
// rollback there; the other targets run beside them (deploy-targets*.dist.test.ts).
import { deployScenarios } from '../helpers/deploy-targets.js';

deployScenarios(['asg']);
