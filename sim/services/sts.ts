/** STS (awsQuery): who the caller is. The sim answers as a role assumed through GitHub OIDC. */
import { AwsError } from '../aws/protocol.js';
import type { AwsService } from '../aws/service.js';
import type { Fixture } from '../fixture.js';

/** What this service reads of the world. */
interface StsWorld {
  fixture: Fixture;
}

export const sts: AwsService<StsWorld> = {
  signingName: 'sts',
  protocol: 'awsQuery',
  xmlns: 'https://sts.amazonaws.com/doc/2011-06-15/',
  invalid: (message) => new AwsError('ValidationError', message),
  faults: { throttling: 'Throttling', throttlingStatus: 400, internal: 'InternalFailure' },
  operations: {
    GetCallerIdentity: {
      mutating: false,
      handle: (_input, { world }) => ({
        UserId: 'AROASIMULATEDROLE0001:GitHubActions',
        Account: world.fixture.account,
        Arn: `arn:aws:sts::${world.fixture.account}:assumed-role/apprunner-ops-deploy/GitHubActions`,
      }),
    },
  },
};
