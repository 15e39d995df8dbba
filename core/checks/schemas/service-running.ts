import { defineCheckSchema } from './common.js';

export const serviceRunningSchema = defineCheckSchema({
  type: 'service-running',
  description:
    'The service is up: App Runner RUNNING; ECS Express ACTIVE with its newest deployment SUCCESSFUL; asg: the serving group has every target healthy behind the load balancer.',
  shape: {},
});
