import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const customDomainsSchema = defineCheckSchema({
  type: 'custom-domains',
  description:
    'App Runner DescribeCustomDomains shows each host associated with the service and active.',
  shape: {
    hosts: z
      .array(z.string().regex(/^[a-z0-9.-]+$/, { message: 'expected a host name like getdrop.no' }))
      .min(1),
  },
  // ECS Express serves on its own endpoint; it has no custom domains to describe.
  targets: ['app-runner'],
});
