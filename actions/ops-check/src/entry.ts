/**
 * The action's one bundle (dist/index.js): its main step, or its post step when action.yml's
 * post entry loads it (core/action/post-state.ts).
 */
import { isPostStep } from '../../../core/action/post-state.js';

await (isPostStep() ? import('./post.js') : import('./main.js'));
