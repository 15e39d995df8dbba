// The post step of this action (action.yml runs.post), written by scripts/build-actions.ts:
// the bundle in ../index.js runs its post step when this mark is set (core/action/post-state.ts).
globalThis[Symbol.for("apprunner-ops.post-step")] = true;
await import('../index.js');
