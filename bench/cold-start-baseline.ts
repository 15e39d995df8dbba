/**
 * The cold-start bench's baseline (bench/cold-start.bench.ts bundles it with ncc): the AWS SDK
 * clients every deploy and rollback constructs, through the same createAwsClients (and the
 * ECS client of an ECS Express environment), and
 * nothing else. Its start-up is what the bundles cannot do without.
 */
import { createAwsClients } from '../core/aws/clients.js';
import { createEcsClient } from '../core/targets/ecs-express.js';

createAwsClients('eu-north-1');
// The deploy target of an ECS Express environment: in the deploy and rollback bundles too.
createEcsClient('eu-north-1');
