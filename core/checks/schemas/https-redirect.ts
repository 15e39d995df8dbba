import { httpUrlField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const httpsRedirectSchema = defineCheckSchema({
  type: 'https-redirect',
  description: 'The http:// address redirects to https://.',
  shape: {
    url: httpUrlField
      .optional()
      .describe('The http:// URL to try; default health.base-url with http://.'),
  },
});
