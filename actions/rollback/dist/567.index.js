export const id = 567;
export const ids = [567];
export const modules = {

/***/ 567:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runOpsPostStep: () => (/* binding */ runOpsPostStep)
});

// EXTERNAL MODULE: ./core/github/deployments.ts + 1 modules
var deployments = __webpack_require__(4018);
// EXTERNAL MODULE: ./core/maintenance/suite-pauses.ts
var suite_pauses = __webpack_require__(78);
// EXTERNAL MODULE: ./core/notify/betterstack.ts
var betterstack = __webpack_require__(9302);
;// CONCATENATED MODULE: ./core/deploy/cleanup.ts



/**
 * The post step of deploy and rollback: whatever the main step left open \u2014 because it
 * failed hard or the job was cancelled \u2014 is closed here. A monitor left paused would hide
 * the next outage.
 */
async function cleanUpAfterRun(state, tokens, deps) {
    const done = [];
    const ids = state.monitors.split(',').filter(Boolean);
    if (ids.length > 0 && state.pauseId) {
        if (!tokens.betterstack) {
            deps.logger.warning(`monitors ${ids.join(', ')} may still be paused, and no betterstack-token is available to resume them (the next run after the maintenance window ends their pause)`);
        }
        else {
            // Only this run's pauses (its pause id is on the monitor): a person's pause stays.
            const client = new betterstack/* BetterStackMonitors */.Y((0,betterstack/* betterStackApiUrl */.a)(), tokens.betterstack, deps);
            const r = await (0,suite_pauses/* closeMaintenanceWindow */.qR)(client, ids, state.pauseId, deps);
            for (const line of r.leftAlone)
                deps.logger.info(`  ${line}`);
            const what = r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume';
            deps.logger.info(`Maintenance window closed: ${what}`);
            done.push(what);
        }
    }
    if (state.deploymentId && tokens.github) {
        const github = new deployments/* GitHubDeployments */.C({ ...deps.run, token: tokens.github }, deps);
        await github.setStatus(Number(state.deploymentId), 'error', 'The run stopped before it finished (cancelled or crashed)');
        done.push(`marked deployment ${state.deploymentId} as error`);
    }
    return done;
}

// EXTERNAL MODULE: ./core/util/clock.ts
var clock = __webpack_require__(8791);
// EXTERNAL MODULE: ./core/action/github-context.ts
var github_context = __webpack_require__(366);
// EXTERNAL MODULE: ./core/action/post-state.ts
var post_state = __webpack_require__(2405);
// EXTERNAL MODULE: ./core/action/runtime.ts + 1 modules
var runtime = __webpack_require__(711);
;// CONCATENATED MODULE: ./core/action/ops-post-step.ts





/**
 * The post step of deploy and rollback: closes what a cancelled or crashed run left open.
 * Loaded by the post entry only when OPS_POST_STATE holds something (core/action/post-state.ts).
 */
function runOpsPostStep(action) {
    return (0,runtime/* runPostStep */.Uc)(action, async ({ inputs, getState, logger }) => {
        await cleanUpAfterRun({
            monitors: getState(post_state/* POST_STATE */.j9.maintenanceMonitors),
            pauseId: getState(post_state/* POST_STATE */.j9.maintenancePauseId),
            deploymentId: getState(post_state/* POST_STATE */.j9.deploymentId),
        }, { betterstack: inputs.secret('betterstack-token'), github: inputs.secret('github-token') }, { run: (0,github_context/* readRunInfo */.m)(), clock: clock/* systemClock */.m, logger });
    });
}


/***/ })

};
