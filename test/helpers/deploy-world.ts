// Moved to sim/ so the demo and the deploy bench use the same world as the bundle tests.
export { startDeployWorld, testConfig, type DeployWorld } from '../../sim/deploy-world.js';
