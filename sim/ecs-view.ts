/** What tests see of the sim's ECS Express services (`sim.ecs`). */
import type { DeploymentStatus, ExpressServiceState } from './services/ecs.js';
import type { World } from './world.js';

export interface SimEcsServiceView {
  arn: string;
  name: string;
  status: ExpressServiceState['status'];
  /** What the serving tasks run. */
  running: { image: string; digest: string; version: string; behaviour: string };
  /** The configuration of the serving revision (environment and secrets in the order sent). */
  current: { revisionArn: string; image: string; environment: unknown; secrets: unknown };
  deployments: {
    arn: string;
    status: DeploymentStatus;
    statusReason?: string;
    targetRevisionArn: string;
    createdAt: number;
    history: { status: DeploymentStatus; at: number }[];
  }[];
  /** `http://127.0.0.1:<port>` where the service's tasks answer (behind the load balancer). */
  url: string;
}

export interface SimEcsHandle {
  service(arnOrName: string): SimEcsServiceView;
  /** DRAINING or INACTIVE, as DeleteExpressGatewayService leaves a service. */
  setStatus(arnOrName: string, status: ExpressServiceState['status']): void;
}

export function ecsView(world: World): SimEcsHandle {
  return {
    service(arnOrName) {
      world.clock.runDue();
      const s = world.ecs.lookup(arnOrName);
      return structuredClone({
        arn: s.arn,
        name: s.name,
        status: s.status,
        running: {
          image: s.running.image,
          digest: s.running.digest,
          version: s.running.version,
          behaviour: s.running.behaviour.behaviour,
        },
        current: {
          revisionArn: s.current.arn,
          image: s.current.config.primaryContainer.image,
          environment: s.current.config.primaryContainer['environment'],
          secrets: s.current.config.primaryContainer['secrets'],
        },
        deployments: [...s.deployments].reverse().map((d) => ({
          arn: d.arn,
          status: d.status,
          ...(d.statusReason ? { statusReason: d.statusReason } : {}),
          targetRevisionArn: d.target.arn,
          createdAt: d.createdAt,
          history: d.history,
        })),
        url: `http://${world.ecs.endpoint(s)}`,
      });
    },
    setStatus(arnOrName, status) {
      world.clock.runDue();
      world.ecs.setStatus(arnOrName, status);
    },
  };
}
