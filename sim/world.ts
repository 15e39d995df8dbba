/** Everything the sim knows: the seeded state of every stand-in, the clock, faults and calls. */
import { CallLog } from './call-log.js';
import { SimClock } from './clock.js';
import { Faults } from './faults.js';
import type { Fixture } from './fixture.js';
import { AppRunnerState } from './services/apprunner.js';
import { seedBetterStack, type BetterStackState } from './services/betterstack.js';
import { EcrState } from './services/ecr.js';
import { EcsState } from './services/ecs.js';
import { FlyState } from './services/fly.js';
import { AsgState } from './services/asg-state.js';
import { GithubState } from './services/github.js';
import { seedGithubHistory } from './services/github-history.js';
import { RdsState } from './services/rds.js';
import { SecretsState } from './services/secrets-manager.js';
import { SsmState } from './services/ssm.js';
import type { SlackMessage } from './services/slack.js';

export class World {
  /** Base URL of the sim's HTTP server, set once it listens. */
  url = '';
  /** URL of a real registry backing ECR repositories, when one is attached. */
  registryUrl: string | undefined;
  readonly clock: SimClock;
  readonly ecr: EcrState;
  readonly apprunner: AppRunnerState;
  readonly ecs: EcsState;
  readonly fly: FlyState;
  readonly asg: AsgState;
  readonly rds: RdsState;
  readonly secrets: SecretsState;
  readonly github = new GithubState();
  readonly ssm = new SsmState();
  readonly slack: SlackMessage[] = [];
  readonly betterstack: BetterStackState;
  readonly calls = new CallLog();
  readonly faults: Faults;
  /**
   * Answers checked against AWS's output shapes (on under vitest or SIM_CHECK_RESPONSES=1);
   * each answer outside the model is recorded here and makes `sim.stop()` throw.
   */
  checkResponses =
    process.env['VITEST'] !== undefined || process.env['SIM_CHECK_RESPONSES'] === '1';
  readonly modelViolations: string[] = [];
  /** When the sim started: fixture ages (log events) count back from here. */
  readonly startedAt: number;

  constructor(readonly fixture: Fixture) {
    this.clock = new SimClock(fixture.timeScale);
    this.ecr = new EcrState(fixture, this.clock);
    this.apprunner = new AppRunnerState(
      fixture,
      this.clock,
      this.ecr,
      () => this.faults.listingDelayMs,
    );
    this.rds = new RdsState(fixture, this.clock);
    this.secrets = new SecretsState(fixture, this.clock);
    this.apprunner.secretValue = (ref) => this.secrets.currentValue(ref);
    this.ecs = new EcsState(fixture, this.clock, this.ecr, () => this.faults.listingDelayMs);
    this.ecs.secretValue = (ref) => this.secrets.currentValue(ref);
    this.fly = new FlyState(fixture, this.clock, this.ecr);
    this.asg = new AsgState(fixture, this.clock, this.ecr);
    this.betterstack = seedBetterStack(fixture, this.clock.now());
    seedGithubHistory(this.github, fixture.github);
    this.faults = new Faults(fixture.seed, (ms) => this.clock.setSkew(ms));
    this.startedAt = this.clock.now();
  }
}
