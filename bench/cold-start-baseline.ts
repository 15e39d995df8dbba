/**
 * The cold-start bench's baseline (bench/cold-start.bench.ts bundles it with ncc): the AWS SDK
 * clients every deploy and rollback constructs, through the same createAwsClients, and
 * nothing else. Its start-up is what the bundles cannot do without.
 */
import { createAwsClients } from '../core/aws/clients.js';

createAwsClients('eu-north-1');
