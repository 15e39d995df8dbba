export const id = 20;
export const ids = [20];
export const modules = {

/***/ 6020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AsgTarget: () => (/* binding */ AsgTarget),
  createAsgClients: () => (/* reexport */ createAsgClients)
});

// UNUSED EXPORTS: imageOf, withImage

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-cjs/index.js
var dist_cjs = __webpack_require__(8932);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./core/aws/call.ts
var call = __webpack_require__(2664);
// EXTERNAL MODULE: ./core/aws/cloudwatch.ts
var cloudwatch = __webpack_require__(7148);
// EXTERNAL MODULE: ./core/aws/clients.ts
var clients = __webpack_require__(9750);
;// CONCATENATED MODULE: ./core/health/canary-compare.ts
const DEFAULT_CANARY_THRESHOLDS = {
    errorRateRatio: 2,
    errorRateMargin: 0.01,
    p99Ratio: 1.5,
    p99MarginMs: 100,
    minRequests: 100,
};
function figuresOf(periods) {
    const requests = periods.reduce((n, p) => n + p.requests, 0);
    const errors = periods.reduce((n, p) => n + p.errors, 0);
    const p99s = periods.map((p) => p.p99).filter((v) => v !== undefined);
    return {
        requests,
        errors,
        errorRate: requests > 0 ? errors / requests : 0,
        p99Ms: p99s.length > 0 ? Math.max(...p99s) : undefined,
    };
}
const pct = (rate) => `${(rate * 100).toFixed(1)} %`;
/** The verdict on one window, with both groups' figures in its line. */
function compareCanary(fresh, old, t = DEFAULT_CANARY_THRESHOLDS) {
    if (fresh.requests === 0)
        return {
            kind: 'no-data',
            line: 'the new target group had no requests in the window (no RequestCount datapoints), so it cannot be judged',
        };
    if (fresh.requests < t.minRequests || old.requests < t.minRequests)
        return {
            kind: 'too-few',
            line: `too few requests to judge: ${Math.round(fresh.requests)} on the new group and ${Math.round(old.requests)} on the old one in the window, and each needs ${t.minRequests} (canary.min-requests)`,
        };
    const rateLimit = Math.max(old.errorRate * t.errorRateRatio, old.errorRate + t.errorRateMargin);
    if (fresh.errorRate > rateLimit)
        return {
            kind: 'breach',
            metric: 'error rate',
            line: `error rate ${pct(fresh.errorRate)} on the new group (${fresh.errors}/${fresh.requests}) against ${pct(old.errorRate)} on the old one (${old.errors}/${old.requests}); the limit was ${pct(rateLimit)}`,
        };
    if (fresh.p99Ms !== undefined && old.p99Ms !== undefined) {
        const p99Limit = Math.max(old.p99Ms * t.p99Ratio, old.p99Ms + t.p99MarginMs);
        if (fresh.p99Ms > p99Limit)
            return {
                kind: 'breach',
                metric: 'p99',
                line: `p99 ${fresh.p99Ms} ms on the new group against ${old.p99Ms} ms on the old one; the limit was ${Math.round(p99Limit)} ms`,
            };
    }
    return {
        kind: 'pass',
        line: `new ${pct(fresh.errorRate)} errors, p99 ${fresh.p99Ms ?? '\u2013'} ms (${fresh.requests} requests) | old ${pct(old.errorRate)}, p99 ${old.p99Ms ?? '\u2013'} ms (${old.requests} requests)`,
    };
}

// EXTERNAL MODULE: ./core/aws/image-ref.ts
var image_ref = __webpack_require__(2435);
// EXTERNAL MODULE: ./core/util/duration.ts
var duration = __webpack_require__(8729);
// EXTERNAL MODULE: ./core/util/errors.ts
var errors = __webpack_require__(4494);
// EXTERNAL MODULE: ./core/util/wait.ts
var util_wait = __webpack_require__(4480);
// EXTERNAL MODULE: ./core/targets/target.ts
var target = __webpack_require__(9056);
;// CONCATENATED MODULE: ./core/aws/asg-clients.ts
/**
 * The clients of an EC2 Auto Scaling environment (core/targets/asg.ts): only such an
 * environment talks to Auto Scaling, ELB and EC2's launch templates. Kept beside the other
 * client factories; their type is in clients.ts, which names them without a target.
 */



function createAsgClients(region, limits) {
    const config = (0,clients/* awsClientConfig */.rw)(region, limits);
    let ec2;
    return {
        autoScaling: new dist_cjs/* AutoScalingClient */.yis(config),
        elb: new client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD(config),
        ec2: () => (ec2 ??= __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19)).then(({ EC2Client: Client }) => new Client((0,clients/* awsClientConfig */.rw)(region, limits)))),
    };
}

;// CONCATENATED MODULE: ./core/targets/asg.ts
/**
 * EC2 Auto Scaling groups behind an Application Load Balancer as a deploy target (the
 * runbook's basecoat-portal: blue/green, canary, instance-refresh rollback, scaling).
 *
 * - What runs: the group behind the target group the listener forwards most of its traffic to
 *   (groups and target groups are named `<group-prefix>-<launch template version>`); its image
 *   is the `IMAGE=` line of that launch template version's user data.
 * - Switch: a new launch template version (the serving one with only the IMAGE line changed),
 *   a new target group with the serving one's health check and deregistration delay, and a new
 *   group at the serving one's capacity registered with it. `follow` waits until every target
 *   is healthy (a deadline), then \u2014 blue-green \u2014 forwards all the traffic to it, or \u2014 canary \u2014
 *   walks the weighted steps, each held while the new group's error rate and p99 are compared
 *   with the old group's over the same window (core/health/canary-compare.ts); a breach puts
 *   the weight back to 0 at once and deletes the new group.
 * - The old group is kept for `keep-old` after the switch (`retire`), so a rollback within the
 *   run is one listener switch back; a deploy after that window finds one group.
 * - A run killed half way leaves a split listener or a second group: the next switch puts all
 *   the traffic on the group that served most (the older on a tie) and deletes the others first.
 * - `rollBackInPlace`: the runbook's rollback when no old group is left: the serving group to
 *   the previous launch template version, and an instance refresh (MinHealthyPercentage 50,
 *   warm-up 300 s). `scale`: desired capacity within min/max, then every target healthy.
 */













const DEFAULT_WAIT = { timeoutMs: 900_000, intervalMs: 10_000 };
const ms = (text) => (0,duration/* parseDuration */.E9)(text) ?? 0;
/** The user data with its IMAGE line set to `image` (added when it has none). */
function withImage(userData, image) {
    const text = userData ? Buffer.from(userData, 'base64').toString('utf8') : '#!/bin/bash\n';
    const line = `IMAGE=${image}`;
    const next = /^(?:export\s+)?IMAGE=.*$/m.test(text)
        ? text.replace(/^(?:export\s+)?IMAGE=.*$/m, line)
        : `${text.replace(/\n?$/, '\n')}${line}\n`;
    return Buffer.from(next).toString('base64');
}
function imageOf(userData) {
    if (!userData)
        return undefined;
    const text = Buffer.from(userData, 'base64').toString('utf8');
    return /^(?:export\s+)?IMAGE=["']?([^"'\s]+)["']?\s*$/m.exec(text)?.[1];
}
const repositoryOf = (image) => (0,image_ref/* parseImageIdentifier */.aj)(image)?.repository;
class AsgTarget {
    clients;
    config;
    deps;
    kind = 'asg';
    trafficMetrics = 'AWS/ApplicationELB RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime of the serving target group';
    /** The groups a switch in this run left behind: what a rollback switches back to. */
    lastSwitch;
    /** Each canary step's weights and both groups' figures (the summary shows them). */
    canaryReport = [];
    constructor(clients, config, deps) {
        this.clients = clients;
        this.config = config;
        this.deps = deps;
    }
    get arn() {
        return this.config['listener-arn'];
    }
    get prefix() {
        return this.config['group-prefix'];
    }
    call(label, fn) {
        return (0,call/* awsCall */.uF)(label, fn, this.deps);
    }
    // ------------------------------------------------------------ reading
    /** The listener's forward weights: target group ARN \u2192 weight. */
    async weights() {
        const out = await this.call('DescribeListeners', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [this.arn] })));
        const listener = out.Listeners?.[0];
        const action = listener?.DefaultActions?.find((a) => a.Type === 'forward');
        if (!listener || !action)
            throw new target/* TargetNotUpdatable */.dU(`listener ${this.arn} has no forward default action; point it at the serving target group first`);
        const tuples = action.ForwardConfig?.TargetGroups ?? [];
        if (tuples.length > 0)
            return tuples.map((t) => ({ arn: t.TargetGroupArn ?? '', weight: t.Weight ?? 1 }));
        return action.TargetGroupArn ? [{ arn: action.TargetGroupArn, weight: 1 }] : [];
    }
    async loadBalancerArn() {
        const out = await this.call('DescribeListeners', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [this.arn] })));
        const arn = out.Listeners?.[0]?.LoadBalancerArn;
        if (!arn)
            throw new errors/* DomainFailure */.dY(`listener ${this.arn} names no load balancer`);
        return arn;
    }
    /** Every group named `<prefix>-<n>`, oldest version first. */
    async groups() {
        const all = [];
        let token;
        for (let page = 0; page < 20; page++) {
            const next = token;
            const out = await this.call('DescribeAutoScalingGroups', () => this.clients.autoScaling.send(new dist_cjs/* DescribeAutoScalingGroupsCommand */.NkQ({
                MaxRecords: 100,
                ...(next ? { NextToken: next } : {}),
            })));
            all.push(...(out.AutoScalingGroups ?? []));
            token = out.NextToken;
            if (!token)
                break;
        }
        const pattern = new RegExp(`^${this.prefix}-(\\d+)$`);
        return all
            .filter((g) => pattern.test(g.AutoScalingGroupName ?? '') && g.Status === undefined)
            .map((g) => ({
            name: g.AutoScalingGroupName,
            version: Number(pattern.exec(g.AutoScalingGroupName)[1]),
            raw: g,
            targetGroupArn: g.TargetGroupARNs?.[0],
        }))
            .sort((a, b) => a.version - b.version);
    }
    /** The serving group: the one behind the heaviest weight (the older on a tie). */
    async serving() {
        const [weights, groups] = await Promise.all([this.weights(), this.groups()]);
        let best;
        let bestWeight = 0;
        for (const g of groups) {
            const w = weights.find((x) => x.arn === g.targetGroupArn)?.weight ?? 0;
            if (w > bestWeight) {
                best = g;
                bestWeight = w;
            }
        }
        if (!best)
            throw new target/* TargetNotUpdatable */.dU(`listener ${this.arn} forwards to no group named ${this.prefix}-<n> (groups found: ${groups.map((g) => g.name).join(', ') || 'none'}); check group-prefix and the listener`);
        return { group: best, groups, weights };
    }
    async templateVersion(version) {
        const ec2 = await this.clients.ec2();
        const { DescribeLaunchTemplateVersionsCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
        const out = await this.call('DescribeLaunchTemplateVersions', () => ec2.send(new DescribeLaunchTemplateVersionsCommand({
            LaunchTemplateName: this.config['launch-template'],
            Versions: [version],
        })));
        const v = out.LaunchTemplateVersions?.[0];
        if (!v?.VersionNumber)
            throw new errors/* DomainFailure */.dY(`launch template ${this.config['launch-template']} has no version ${version}`);
        return {
            number: v.VersionNumber,
            ...(v.LaunchTemplateData?.UserData ? { userData: v.LaunchTemplateData.UserData } : {}),
            ...(v.LaunchTemplateData?.ImageId ? { imageId: v.LaunchTemplateData.ImageId } : {}),
        };
    }
    async imageOfGroup(group) {
        const spec = group.raw.LaunchTemplate;
        if (spec?.LaunchTemplateName !== this.config['launch-template'] &&
            spec?.LaunchTemplateName !== undefined)
            throw new target/* TargetNotUpdatable */.dU(`group ${group.name} runs launch template ${spec.LaunchTemplateName}, not ${this.config['launch-template']} (target.launch-template)`);
        const version = await this.templateVersion(spec?.Version ?? String(group.version));
        const image = imageOf(version.userData);
        if (!image)
            throw new target/* TargetNotUpdatable */.dU(`launch template ${this.config['launch-template']} version ${version.number} has no IMAGE=<image> line in its user data (image-via: user-data); add one so the image can be switched`);
        return image;
    }
    async url() {
        const lbArn = await this.loadBalancerArn();
        const out = await this.call('DescribeLoadBalancers', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeLoadBalancersCommand */.AZi({ LoadBalancerArns: [lbArn] })));
        const dns = out.LoadBalancers?.[0]?.DNSName;
        return dns ? (0,target/* withScheme */.GV)(dns) : '';
    }
    async describe() {
        const { group } = await this.serving();
        const image = await this.imageOfGroup(group);
        const parsed = (0,image_ref/* parseImageIdentifier */.aj)(image);
        const digest = parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined;
        const live = (group.raw.Instances ?? []).filter((i) => i.LifecycleState === 'InService');
        return {
            kind: this.kind,
            arn: this.arn,
            name: group.name,
            url: await this.url(),
            image,
            digest,
            imageByDigest: (0,target/* byDigest */._W)(image, digest),
            environment: {},
            secrets: {},
            status: `${live.length}/${group.raw.DesiredCapacity ?? 0} InService`,
        };
    }
    async runningImages() {
        const groups = await this.groups();
        const images = await Promise.all(groups.map((g) => this.imageOfGroup(g).catch(() => undefined)));
        return images
            .filter((i) => i !== undefined)
            .map((image) => {
            const parsed = (0,image_ref/* parseImageIdentifier */.aj)(image);
            return { image, ...(parsed?.ref.kind === 'digest' ? { digest: parsed.ref.digest } : {}) };
        });
    }
    async refreshUnderWay(group) {
        const out = await this.call('DescribeInstanceRefreshes', () => this.clients.autoScaling.send(new dist_cjs/* DescribeInstanceRefreshesCommand */.XcR({ AutoScalingGroupName: group, MaxRecords: 5 })));
        const r = out.InstanceRefreshes?.find((x) => ['Pending', 'InProgress', 'Cancelling', 'RollbackInProgress'].includes(x.Status ?? ''));
        return r ? `an instance refresh ${r.Status} (${r.PercentageComplete ?? 0} % done)` : undefined;
    }
    async preflight() {
        let serving;
        try {
            serving = await this.serving();
        }
        catch (error) {
            if (error instanceof target/* TargetNotUpdatable */.dU)
                return { updatable: false, busy: false, paused: false, reason: error.message };
            throw error;
        }
        const { group } = serving;
        try {
            await this.checkConfiguration();
        }
        catch (error) {
            if (error instanceof target/* TargetNotUpdatable */.dU)
                return { updatable: false, busy: false, paused: false, reason: error.message };
            throw error;
        }
        const refresh = await this.refreshUnderWay(group.name);
        const instances = group.raw.Instances ?? [];
        const moving = instances.filter((i) => i.LifecycleState !== 'InService');
        const desired = group.raw.DesiredCapacity ?? 0;
        const inService = instances.length - moving.length;
        if (refresh || moving.length > 0 || inService !== desired)
            return {
                updatable: false,
                busy: true,
                paused: false,
                reason: `group ${group.name} is IN_PROGRESS: ${refresh ?? `${inService}/${desired} instances InService (${moving.map((i) => `${i.InstanceId} ${i.LifecycleState}`).join(', ')})`}`,
            };
        return {
            updatable: true,
            busy: false,
            paused: false,
            reason: `group ${group.name} serves with ${inService}/${desired} instances InService`,
        };
    }
    async waitUntilUpdatable(wait) {
        return (0,util_wait/* waitFor */.fm)({
            what: `group ${this.prefix}-* to have no instance refresh or scaling under way`,
            timeoutMs: wait.timeoutMs,
            intervalMs: wait.intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const check = await this.preflight();
                if (check.updatable)
                    return { done: true, value: await this.describe() };
                if (!check.busy)
                    throw new target/* TargetNotUpdatable */.dU(check.reason);
                return { done: false, status: check.reason };
            },
        });
    }
    async lastDeployedAt() {
        const { group } = await this.serving();
        return group.raw.CreatedTime;
    }
    // ------------------------------------------------------------ changing
    async forward(groups) {
        await this.call('ModifyListener', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* ModifyListenerCommand */.ugc({
            ListenerArn: this.arn,
            DefaultActions: [
                {
                    Type: 'forward',
                    ForwardConfig: {
                        TargetGroups: groups.map((g) => ({ TargetGroupArn: g.arn, Weight: g.weight })),
                    },
                },
            ],
        })));
    }
    /** Deletes a group (its instances drain for the deregistration delay) and its target group. */
    async remove(group) {
        this.deps.logger.info(`Deleting group ${group.name} and its target group`);
        await this.call('DeleteAutoScalingGroup', () => this.clients.autoScaling.send(new dist_cjs/* DeleteAutoScalingGroupCommand */.cUH({ AutoScalingGroupName: group.name, ForceDelete: true }))).catch((error) => {
            // Gone already (a retried delete whose answer was lost): nothing left to do.
            if (!/not found/i.test(error.message))
                throw error;
        });
        if (group.targetGroupArn) {
            const arn = group.targetGroupArn;
            await this.call('DeleteTargetGroup', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DeleteTargetGroupCommand */.tX({ TargetGroupArn: arn })));
        }
    }
    /**
     * What a killed run left: all traffic back on the serving group, every other group of ours
     * deleted. Returns the serving group.
     */
    async recover() {
        const { group, groups, weights } = await this.serving();
        const others = groups.filter((g) => g.name !== group.name);
        const split = weights.filter((w) => w.weight > 0).length > 1;
        if (split || others.length > 0)
            this.deps.logger.warning(`An earlier run left ${split ? `the listener split (${weights.map((w) => `${w.arn.split('/').at(-2)} ${w.weight}`).join(', ')})` : ''}${split && others.length ? ' and ' : ''}${others.length ? `group(s) ${others.map((g) => g.name).join(', ')}` : ''}: all traffic goes back to ${group.name} and the others are deleted first`);
        if (split || weights.length > 1)
            await this.forward([{ arn: group.targetGroupArn, weight: 1 }]);
        for (const g of others)
            await this.remove(g);
        return { group, groups: [group] };
    }
    describeSwitch(from, to) {
        const how = this.config.strategy === 'canary'
            ? `then weights ${this.config.canary.steps.map((s) => `${s.weight} %${s.hold ? ` for ${s.hold}` : ''}`).join(' \u2192 ')}, each judged against the old group`
            : 'then switch the listener to it';
        return `EC2 CreateLaunchTemplateVersion ${this.config['launch-template']} (user data IMAGE ${from} \u2192 ${to}), a new target group and Auto Scaling group ${this.prefix}-<version> at the serving group's capacity, wait until every target is healthy, ${how}; keep the old group ${this.config['keep-old']}`;
    }
    describeRestart() {
        return `Auto Scaling StartInstanceRefresh on the serving group ${this.prefix}-<n> (MinHealthyPercentage 50, same launch template version), follow it`;
    }
    async switchImage(image, options = {}) {
        if (options.environment && Object.keys(options.environment).length > 0)
            throw new target/* TargetNotUpdatable */.dU(`environment variables cannot be set on an asg target (the instances read them from their launch template); set them there`);
        const wait = options.wait ?? DEFAULT_WAIT;
        // A rollback in the same run: the old group is still there, one listener switch back.
        const kept = await this.keptGroupFor(image);
        if (kept)
            return kept;
        const { group: old } = await this.recover();
        // No old group left, and the image is what the previous launch template version ran: the
        // runbook's rollback, in place by an instance refresh.
        const inPlace = await this.previousVersionFor(old, image);
        if (inPlace !== undefined)
            return this.refreshTo(old, inPlace, image);
        const previous = await this.imageOfGroup(old);
        await this.checkFamily(previous, image);
        const template = await this.templateVersion(old.raw.LaunchTemplate?.Version ?? String(old.version));
        // One token per switch: a retried call whose answer was lost makes no second version.
        const token = (0,external_node_crypto_.createHash)('sha256')
            .update(`${this.arn} ${image} ${(0,external_node_crypto_.randomUUID)()}`)
            .digest('hex')
            .slice(0, 32);
        const ec2 = await this.clients.ec2();
        const { CreateLaunchTemplateVersionCommand } = await __webpack_require__.e(/* import() */ 193).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
        const made = await this.call('CreateLaunchTemplateVersion', () => ec2.send(new CreateLaunchTemplateVersionCommand({
            LaunchTemplateName: this.config['launch-template'],
            SourceVersion: String(template.number),
            ClientToken: token,
            VersionDescription: `apprunner-ops: ${image}`,
            LaunchTemplateData: { UserData: withImage(template.userData, image) },
        })));
        const version = made.LaunchTemplateVersion?.VersionNumber;
        if (!version)
            throw new Error('CreateLaunchTemplateVersion returned no version number');
        const name = `${this.prefix}-${version}`;
        const targetGroupArn = await this.createTargetGroup(name, old);
        await this.call('CreateAutoScalingGroup', () => this.clients.autoScaling.send(new dist_cjs/* CreateAutoScalingGroupCommand */.VrW({
            AutoScalingGroupName: name,
            LaunchTemplate: {
                LaunchTemplateName: this.config['launch-template'],
                Version: String(version),
            },
            MinSize: old.raw.MinSize,
            MaxSize: old.raw.MaxSize,
            DesiredCapacity: old.raw.DesiredCapacity,
            TargetGroupARNs: [targetGroupArn],
            HealthCheckType: 'ELB',
            HealthCheckGracePeriod: old.raw.HealthCheckGracePeriod ?? 300,
            ...(old.raw.VPCZoneIdentifier ? { VPCZoneIdentifier: old.raw.VPCZoneIdentifier } : {}),
        }))).catch((error) => {
            // A retried create whose first answer was lost: the group is ours (its name holds the
            // version this switch made).
            if ((0,call/* awsErrorName */.ZH)(error) !== 'AlreadyExistsFault')
                throw error;
            this.deps.logger.info(`CreateAutoScalingGroup: ${name} exists already (an answer was lost); following it`);
        });
        this.lastSwitch = { from: old.name, to: name };
        void wait;
        return { id: name, kind: 'switch', image, previous };
    }
    /** The previous launch template version of the group, when it names `image`. */
    async previousVersionFor(group, image) {
        const current = Number(group.raw.LaunchTemplate?.Version ?? group.version);
        if (!(current > 1))
            return undefined;
        const previous = await this.templateVersion(String(current - 1)).catch(() => undefined);
        return previous && imageOf(previous.userData) === image ? current - 1 : undefined;
    }
    /** The group to launch template `version` and an instance refresh (50 % healthy, 300 s). */
    async refreshTo(group, version, image) {
        const previous = await this.imageOfGroup(group);
        this.deps.logger.info(`Rolling ${group.name} back in place: launch template version ${version} and an instance refresh (MinHealthyPercentage 50, warm-up 300 s)`);
        await this.call('UpdateAutoScalingGroup', () => this.clients.autoScaling.send(new dist_cjs/* UpdateAutoScalingGroupCommand */.Idg({
            AutoScalingGroupName: group.name,
            LaunchTemplate: {
                LaunchTemplateName: this.config['launch-template'],
                Version: String(version),
            },
        })));
        const out = await this.call('StartInstanceRefresh', () => this.clients.autoScaling.send(new dist_cjs/* StartInstanceRefreshCommand */.Wkp({
            AutoScalingGroupName: group.name,
            Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 300 },
        })));
        return {
            id: `refresh/${group.name}/${out.InstanceRefreshId ?? ''}`,
            kind: 'switch',
            image,
            previous,
        };
    }
    /** The group an earlier switch of this run left, when it runs `image` (a rollback). */
    async keptGroupFor(image) {
        const last = this.lastSwitch;
        if (!last)
            return undefined;
        const groups = await this.groups();
        const old = groups.find((g) => g.name === last.from);
        if (!old)
            return undefined;
        const oldImage = await this.imageOfGroup(old);
        // The rollback names the old image by digest when the old group ran it by tag: the same
        // repository from the group this run switched away from is that image.
        if (oldImage !== image && repositoryOf(oldImage) !== repositoryOf(image))
            return undefined;
        this.deps.logger.info(`Switching the listener back to ${old.name} (kept since the switch)`);
        await this.forward([{ arn: old.targetGroupArn, weight: 1 }]);
        const current = groups.find((g) => g.name === last.to);
        this.lastSwitch = undefined;
        return {
            id: `listener/${old.name}`,
            kind: 'switch',
            image,
            previous: current ? await this.imageOfGroup(current) : image,
        };
    }
    /** The new image is of the same repository as the serving one (one image family). */
    async checkFamily(previous, image) {
        const a = repositoryOf(previous);
        const b = repositoryOf(image);
        if (a !== undefined && b !== undefined && a !== b)
            throw new target/* TargetNotUpdatable */.dU(`launch template ${this.config['launch-template']} runs images of ${a}, and ${image} is of ${b}: another image family; deploy an image of ${a}, or name this service's own launch template in target.launch-template`);
    }
    async targetGroupOf(arn) {
        const out = await this.call('DescribeTargetGroups', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: [arn] })));
        const tg = out.TargetGroups?.[0];
        if (!tg)
            throw new errors/* DomainFailure */.dY(`target group ${arn} not found`);
        return tg;
    }
    /** The deregistration delay of a target group, in ms. */
    async deregistrationDelayMs(arn) {
        const out = await this.call('DescribeTargetGroupAttributes', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupAttributesCommand */.cKh({ TargetGroupArn: arn })));
        const v = out.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value;
        return Number(v ?? 300) * 1000;
    }
    async createTargetGroup(name, old) {
        const model = await this.targetGroupOf(old.targetGroupArn);
        const out = await this.call('CreateTargetGroup', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* CreateTargetGroupCommand */.GGF({
            Name: name,
            Protocol: model.Protocol,
            Port: model.Port,
            VpcId: model.VpcId,
            HealthCheckPath: model.HealthCheckPath,
            HealthCheckIntervalSeconds: model.HealthCheckIntervalSeconds,
            HealthyThresholdCount: model.HealthyThresholdCount,
            UnhealthyThresholdCount: model.UnhealthyThresholdCount,
        })));
        const arn = out.TargetGroups?.[0]?.TargetGroupArn;
        if (!arn)
            throw new Error('CreateTargetGroup returned no target group');
        const delay = await this.deregistrationDelayMs(old.targetGroupArn);
        await this.call('ModifyTargetGroupAttributes', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* ModifyTargetGroupAttributesCommand */.fHb({
            TargetGroupArn: arn,
            Attributes: [
                { Key: 'deregistration_delay.timeout_seconds', Value: String(delay / 1000) },
            ],
        })));
        return arn;
    }
    /** Every target of a group's target group, with its state. */
    async health(arn) {
        const out = await this.call('DescribeTargetHealth', () => this.clients.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: arn })));
        return (out.TargetHealthDescriptions ?? []).map((d) => ({
            id: d.Target?.Id ?? '?',
            state: d.TargetHealth?.State ?? 'unknown',
            ...(d.TargetHealth?.Reason ? { reason: d.TargetHealth.Reason } : {}),
        }));
    }
    /** Waits until the group has its desired capacity InService and every target healthy. */
    async untilHealthy(name, timeoutMs, intervalMs) {
        await (0,util_wait/* waitFor */.fm)({
            what: `every target of group ${name} to be healthy behind the load balancer`,
            timeoutMs,
            intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const group = (await this.groups()).find((g) => g.name === name);
                if (!group?.targetGroupArn)
                    return { done: false, status: 'group not listed yet' };
                const desired = group.raw.DesiredCapacity ?? 0;
                const targets = await this.health(group.targetGroupArn);
                const healthy = targets.filter((t) => t.state === 'healthy').length;
                const live = targets.filter((t) => t.state !== 'draining');
                if (healthy >= desired && live.length === healthy)
                    return { done: true, value: undefined };
                const counts = [
                    ...new Set(live.map((t) => `${t.state}${t.reason ? ` (${t.reason})` : ''}`)),
                ]
                    .map((s) => `${live.filter((t) => `${t.state}${t.reason ? ` (${t.reason})` : ''}` === s).length} ${s}`)
                    .join(', ');
                return {
                    done: false,
                    status: `${healthy}/${desired} healthy${counts ? `: ${counts}` : ''}`,
                };
            },
        });
    }
    async follow(deployment, wait) {
        const id = deployment.id;
        const names = deployment.names ?? { image: deployment.image, previous: deployment.previous };
        if (id.startsWith('listener/')) {
            // A switch back: the group it left is deleted once the listener no longer sends to it.
            const back = id.slice('listener/'.length);
            for (const g of (await this.groups()).filter((x) => x.name !== back))
                await this.remove(g);
            return { ok: true, id, status: 'SWITCHED_BACK' };
        }
        if (id.startsWith('refresh/'))
            return this.followRefresh(id, wait);
        const groups = await this.groups();
        const fresh = groups.find((g) => g.name === id);
        const weights = await this.weights();
        const old = groups.find((g) => g.name !== id && (weights.find((w) => w.arn === g.targetGroupArn)?.weight ?? 0) > 0);
        if (!fresh?.targetGroupArn || !old?.targetGroupArn)
            return {
                ok: false,
                id,
                status: 'MISSING',
                emergency: true,
                message: `group ${id} or the serving group is gone (groups: ${groups.map((g) => g.name).join(', ') || 'none'}): check what the listener forwards to`,
            };
        const timeoutMs = Math.min(wait.timeoutMs, ms(this.config['healthy-timeout']));
        try {
            await this.untilHealthy(id, timeoutMs, wait.intervalMs);
        }
        catch (error) {
            await this.remove(fresh);
            return {
                ok: false,
                id,
                status: 'UNHEALTHY',
                emergency: false,
                message: `${names.image} never had every target healthy behind the load balancer (${error.message}); group ${id} deleted, and ${old.name} kept serving ${names.previous}`,
            };
        }
        if (this.config.strategy === 'canary')
            return this.canary(deployment, fresh, old, names);
        this.deps.logger.info(`Switching listener ${this.arn.split('/').slice(-3).join('/')} to ${id}`);
        await this.forward([{ arn: fresh.targetGroupArn, weight: 1 }]);
        return { ok: true, id, status: 'SWITCHED' };
    }
    thresholds() {
        const c = this.config.canary;
        return {
            errorRateRatio: c['error-rate-ratio'],
            errorRateMargin: c['error-rate-margin'],
            p99Ratio: c['p99-ratio'],
            p99MarginMs: ms(c['p99-margin']),
            minRequests: c['min-requests'],
        };
    }
    async groupTraffic(tgArn, start, end) {
        const client = (0,clients/* cloudWatchForArn */.PM)(this.arn, this.clients.cloudWatch);
        return (0,cloudwatch/* albTraffic */.nY)(client, [{ loadBalancerArn: await this.loadBalancerArn(), targetGroupArn: tgArn }], { start, end, periodSeconds: 60 }, this.deps);
    }
    /** The weighted steps, each held and judged; a breach takes the traffic back at once. */
    async canary(deployment, fresh, old, names) {
        const id = deployment.id;
        const poll = ms(this.config.canary['poll-interval']);
        for (const step of this.config.canary.steps) {
            if (step.weight === 100)
                break;
            await this.forward([
                { arn: old.targetGroupArn, weight: 100 - step.weight },
                { arn: fresh.targetGroupArn, weight: step.weight },
            ]);
            // Said once the listener has the weights: the line is what the load balancer does.
            this.deps.logger.info(`Canary step: ${step.weight} % to ${fresh.name}, ${100 - step.weight} % to ${old.name}, for ${step.hold}`);
            const started = this.deps.clock.now();
            const end = started + ms(step.hold ?? '0s');
            for (;;) {
                const last = this.deps.clock.now() >= end;
                // The same window for both groups (CloudWatch wants an end after the start).
                const until = Math.max(this.deps.clock.now(), started + 1_000);
                const [f, o] = await Promise.all([
                    this.groupTraffic(fresh.targetGroupArn, started, until),
                    this.groupTraffic(old.targetGroupArn, started, until),
                ]);
                const verdict = compareCanary(figuresOf(f), figuresOf(o), this.thresholds());
                // Too few requests is no verdict: the step waits for more until its hold ends, and a
                // step that ends without enough is not a pass.
                const unjudged = verdict.kind === 'no-data' || verdict.kind === 'too-few';
                if (verdict.kind === 'breach' || (last && unjudged)) {
                    this.canaryReport.push({
                        weight: step.weight,
                        fresh: figuresOf(f),
                        old: figuresOf(o),
                        verdict: verdict.line,
                    });
                    this.deps.logger.info(`Canary ${step.weight} %: ${verdict.line}; taking the traffic back`);
                    await this.forward([{ arn: old.targetGroupArn, weight: 1 }]);
                    await this.remove(fresh);
                    return {
                        ok: false,
                        id,
                        status: verdict.kind === 'breach'
                            ? 'CANARY_BREACHED'
                            : verdict.kind === 'too-few'
                                ? 'CANARY_TOO_FEW_REQUESTS'
                                : 'CANARY_NO_DATA',
                        emergency: false,
                        steps: this.stepLines(),
                        message: verdict.kind === 'breach'
                            ? `canary ${names.image} breached at the ${step.weight} % step: ${verdict.line}; all traffic is back on ${old.name} (${names.previous}) and group ${fresh.name} is deleted`
                            : `canary ${names.image} could not be judged at the ${step.weight} % step: ${verdict.line}; all traffic is back on ${old.name} (${names.previous}) and group ${fresh.name} is deleted`,
                    };
                }
                if (last) {
                    this.canaryReport.push({
                        weight: step.weight,
                        fresh: figuresOf(f),
                        old: figuresOf(o),
                        verdict: verdict.line,
                    });
                    this.deps.logger.info(`Canary ${step.weight} % held ${step.hold}: ${verdict.line}`);
                    break;
                }
                await this.deps.clock.sleep(Math.min(poll, Math.max(0, end - this.deps.clock.now())), this.deps.signal);
            }
        }
        await this.forward([{ arn: fresh.targetGroupArn, weight: 1 }]);
        this.canaryReport.push({
            weight: 100,
            fresh: { requests: 0, errors: 0, errorRate: 0, p99Ms: undefined },
            old: { requests: 0, errors: 0, errorRate: 0, p99Ms: undefined },
            verdict: `all traffic on ${fresh.name}`,
        });
        return { ok: true, id, status: 'CANARY_PROMOTED', steps: this.stepLines() };
    }
    /** Each step's weights and both groups' figures, side by side. */
    stepLines() {
        return this.canaryReport.map((r) => `${r.weight} % (old ${100 - r.weight} %): ${r.verdict}`);
    }
    /**
     * After the switch and its bake: the old group is kept for `keep-old` (a rollback is one
     * listener switch back until then), then deleted with its target group.
     */
    async retire() {
        const keep = ms(this.config['keep-old']);
        const { group, groups } = await this.serving();
        const old = groups.filter((g) => g.name !== group.name);
        if (old.length === 0)
            return 'no old group to delete';
        this.deps.logger.info(`Keeping ${old.map((g) => g.name).join(', ')} for ${(0,duration/* formatDuration */.a3)(keep)} (keep-old)`);
        await this.deps.clock.sleep(keep, this.deps.signal);
        // Only groups the listener still does not forward to: a person may have switched back.
        const now = await this.serving();
        const gone = [];
        for (const g of now.groups.filter((x) => x.name !== now.group.name)) {
            await this.remove(g);
            gone.push(g.name);
        }
        this.lastSwitch = undefined;
        return `kept ${(0,duration/* formatDuration */.a3)(keep)}, then deleted ${gone.join(', ') || 'nothing'}`;
    }
    // ------------------------------------------------------------ restart, in-place rollback, scale
    async restart(wait = DEFAULT_WAIT) {
        const { group } = await this.serving();
        const image = await this.imageOfGroup(group);
        const out = await this.call('StartInstanceRefresh', () => this.clients.autoScaling.send(new dist_cjs/* StartInstanceRefreshCommand */.Wkp({
            AutoScalingGroupName: group.name,
            Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 300 },
        })));
        void wait;
        return {
            id: `refresh/${group.name}/${out.InstanceRefreshId ?? ''}`,
            kind: 'restart',
            image,
            previous: image,
        };
    }
    async followRefresh(id, wait) {
        const [, group, refreshId] = id.split('/');
        const status = await (0,util_wait/* waitFor */.fm)({
            what: `instance refresh of ${group} to finish`,
            timeoutMs: wait.timeoutMs,
            intervalMs: wait.intervalMs,
            clock: this.deps.clock,
            logger: this.deps.logger,
            probe: async () => {
                const out = await this.call('DescribeInstanceRefreshes', () => this.clients.autoScaling.send(new dist_cjs/* DescribeInstanceRefreshesCommand */.XcR({
                    AutoScalingGroupName: group,
                    InstanceRefreshIds: [refreshId],
                })));
                const r = out.InstanceRefreshes?.[0];
                const s = r?.Status ?? 'not listed';
                if (['Successful', 'Failed', 'Cancelled', 'RollbackSuccessful', 'RollbackFailed'].includes(s))
                    return { done: true, value: s };
                return { done: false, status: `${s} (${r?.PercentageComplete ?? 0} %)` };
            },
        });
        if (status === 'Successful')
            return { ok: true, id, status: 'SUCCESSFUL' };
        return {
            ok: false,
            id,
            status: status.toUpperCase(),
            emergency: false,
            message: `the instance refresh of ${group} ended ${status}: check the group's activity history`,
        };
    }
    /**
     * The runbook's rollback when no old group is left: the serving group back to the previous
     * launch template version, and an instance refresh (MinHealthyPercentage 50, warm-up 300 s).
     */
    async rollBackInPlace(wait = DEFAULT_WAIT) {
        const { group } = await this.serving();
        const current = Number(group.raw.LaunchTemplate?.Version ?? group.version);
        if (!(current > 1))
            throw new target/* TargetNotUpdatable */.dU(`group ${group.name} runs launch template version ${current}: there is no previous version`);
        const previous = current - 1;
        const image = imageOf((await this.templateVersion(String(previous))).userData) ?? '';
        const started = await this.refreshTo(group, previous, image);
        const result = await this.followRefresh(started.id, wait);
        return { ...result, version: previous };
    }
    /** The serving group's min/max and desired capacity. */
    async capacity() {
        const { group } = await this.serving();
        return {
            name: group.name,
            min: group.raw.MinSize ?? 0,
            max: group.raw.MaxSize ?? 0,
            desired: group.raw.DesiredCapacity ?? 0,
        };
    }
    /** Desired capacity to `capacity` within min/max, then every target healthy. */
    async scale(capacity, wait = DEFAULT_WAIT) {
        const { group } = await this.serving();
        const min = group.raw.MinSize ?? 0;
        const max = group.raw.MaxSize ?? 0;
        if (!Number.isInteger(capacity) || capacity < min || capacity > max)
            throw new target/* TargetNotUpdatable */.dU(`capacity ${capacity} is outside group ${group.name}'s min/max (${min}\u2013${max}); give a capacity within it, or change the group's min/max first`);
        this.deps.logger.info(`Setting the desired capacity of ${group.name} from ${group.raw.DesiredCapacity ?? 0} to ${capacity}`);
        await this.call('SetDesiredCapacity', () => this.clients.autoScaling.send(new dist_cjs/* SetDesiredCapacityCommand */.iu7({
            AutoScalingGroupName: group.name,
            DesiredCapacity: capacity,
        })));
        await this.untilHealthy(group.name, wait.timeoutMs, wait.intervalMs);
        return `${group.name}: ${capacity} instances InService and healthy`;
    }
    async traffic(window) {
        const { group } = await this.serving();
        const client = (0,clients/* cloudWatchForArn */.PM)(this.arn, this.clients.cloudWatch);
        return (0,cloudwatch/* albTraffic */.nY)(client, [{ loadBalancerArn: await this.loadBalancerArn(), targetGroupArn: group.targetGroupArn }], window, this.deps);
    }
    /** An image of another repository than the serving group's is refused before any change. */
    async checkImage(image) {
        const { group } = await this.serving();
        await this.checkFamily(await this.imageOfGroup(group), image);
    }
    /**
     * Up as the load balancer sees it: the listener forwards to a group of ours whose desired
     * instances are InService and healthy behind it. An instance refresh or scaling under way is
     * a warning; no healthy target is a failure.
     */
    async serviceStatus() {
        let serving;
        try {
            serving = await this.serving();
        }
        catch (error) {
            if (!(error instanceof target/* TargetNotUpdatable */.dU))
                throw error;
            return { status: 'fail', line: error.message, observed: { listener: this.arn } };
        }
        const { group } = serving;
        const desired = group.raw.DesiredCapacity ?? 0;
        const targets = group.targetGroupArn ? await this.health(group.targetGroupArn) : [];
        const healthy = targets.filter((t) => t.state === 'healthy').length;
        const inService = (group.raw.Instances ?? []).filter((i) => i.LifecycleState === 'InService').length;
        const refresh = await this.refreshUnderWay(group.name);
        const observed = { group: group.name, desired, inService, healthy, targets: targets.length };
        const others = targets
            .filter((t) => t.state !== 'healthy')
            .map((t) => `${t.id} ${t.state}${t.reason ? ` (${t.reason})` : ''}`);
        const figures = `${healthy}/${desired} targets healthy, ${inService} InService`;
        if (healthy === 0 && desired > 0)
            return {
                status: 'fail',
                line: `${group.name} has no healthy target behind the load balancer (${figures}${others.length ? `: ${others.join(', ')}` : ''}); check the group's instances and their health check`,
                observed,
            };
        if (healthy < desired || refresh)
            return {
                status: 'warn',
                line: `${group.name} serves with ${figures}${refresh ? `; ${refresh}` : ''}${others.length ? ` (${others.join(', ')})` : ''}: a change or replacement is under way`,
                observed,
            };
        return { status: 'pass', line: `${group.name} serves with ${figures}`, observed };
    }
    /** Bad input AWS must answer: keep-old shorter than the serving group's deregistration delay. */
    async checkConfiguration() {
        const { group } = await this.serving();
        const delay = await this.deregistrationDelayMs(group.targetGroupArn);
        const keep = ms(this.config['keep-old']);
        if (keep < delay)
            throw new target/* TargetNotUpdatable */.dU(`target.keep-old ${this.config['keep-old']} is shorter than target group ${group.targetGroupArn.split('/').at(-2)}'s deregistration delay (${(0,duration/* formatDuration */.a3)(delay)}): the old group would be deleted while its connections still drain; make keep-old at least ${(0,duration/* formatDurationValue */.Hs)(delay)}`);
    }
}


/***/ })

};
