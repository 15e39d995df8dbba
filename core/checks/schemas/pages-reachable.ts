import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const pagesReachableSchema = defineCheckSchema({
  type: 'pages-reachable',
  description: 'Each page under health.base-url answers 200.',
  shape: { paths: z.array(z.string().startsWith('/')).min(1) },
});
