/**
 * Systems Manager (awsJson1_1, `AmazonSSM.<Op>`), only what port forwarding to a private
 * database needs: StartSession and TerminateSession. A session's data channel is served by
 * the stand-in `aws` command (sim/bin/aws), which reads where the session leads from the sim
 * (`GET /_sim/ssm/sessions/<id>`) and forwards its local port there.
 *
 * As strict as Systems Manager: the target must be a managed instance of the fixture
 * (`ec2.instances`) whose agent is Online (TargetNotConnected otherwise), the document must
 * exist (InvalidDocument), its parameters must be the document's (InvalidParameters).
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import type { AwsService, Input } from '../aws/service.js';
import { resolveInVpc } from '../vpc.js';

export const PORT_FORWARDING_TO_REMOTE_HOST = 'AWS-StartPortForwardingSessionToRemoteHost';
const DOCUMENTS = new Set([
  PORT_FORWARDING_TO_REMOTE_HOST,
  'AWS-StartPortForwardingSession',
  'AWS-StartSSHSession',
  'AWS-StartInteractiveCommand',
]);

export interface SsmSession {
  sessionId: string;
  target: string;
  document: string;
  host: string;
  port: number;
  /** Where the host leads inside the VPC; undefined when the VPC does not know the name. */
  forwardTo: { host: string; port: number } | undefined;
  startedAt: number;
  terminatedAt?: number;
  /** The process serving the session's port (the stand-in aws command). */
  pid?: number;
}

interface SsmWorld {
  fixture: Fixture;
  clock: SimClock;
  ssm: SsmState;
}

export class SsmState {
  readonly sessions: SsmSession[] = [];
  session(id: string): SsmSession | undefined {
    return this.sessions.find((s) => s.sessionId === id);
  }
}

const invalid = (message: string): AwsError => new AwsError('ValidationException', message);

function parameter(input: Input, name: string): string | undefined {
  const params = (input['Parameters'] ?? {}) as Record<string, unknown>;
  const value = params[name];
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

export const ssm: AwsService<SsmWorld> = {
  signingName: 'ssm',
  protocol: 'awsJson1_1',
  targetPrefix: 'AmazonSSM',
  messageKey: 'Message',
  invalid,
  faults: {
    throttling: 'ThrottlingException',
    throttlingStatus: 400,
    internal: 'InternalServerError',
  },
  operations: {
    StartSession: {
      mutating: true,
      handle(input, { world }) {
        const target = String(input['Target']);
        const document = String(input['DocumentName'] ?? 'SSM-SessionManagerRunShell');
        const instance = world.fixture.ec2.instances.find((i) => i.id === target);
        if (!instance || instance.state !== 'running' || instance.ssmAgent !== 'Online')
          throw new AwsError('TargetNotConnected', `${target} is not connected.`, 400);
        if (!DOCUMENTS.has(document))
          throw new AwsError(
            'InvalidDocument',
            `Document with name ${document} does not exist.`,
            400,
          );
        const host = parameter(input, 'host');
        const portNumber = parameter(input, 'portNumber');
        const localPortNumber = parameter(input, 'localPortNumber');
        const allowed = new Set(['host', 'portNumber', 'localPortNumber']);
        const given = Object.keys((input['Parameters'] ?? {}) as object);
        if (
          document === PORT_FORWARDING_TO_REMOTE_HOST &&
          (!host || !portNumber || given.some((p) => !allowed.has(p)))
        )
          throw new AwsError(
            'InvalidParameters',
            `Parameters ${JSON.stringify(input['Parameters'] ?? {})} are not valid for document ${document}: host and portNumber are required; localPortNumber is optional.`,
            400,
          );
        if (portNumber && !/^\d{1,5}$/.test(portNumber))
          throw new AwsError(
            'InvalidParameters',
            `portNumber ${portNumber} is not a port number.`,
            400,
          );
        if (localPortNumber && !/^\d{1,5}$/.test(localPortNumber))
          throw new AwsError(
            'InvalidParameters',
            `localPortNumber ${localPortNumber} is not a port number.`,
            400,
          );
        const port = Number(portNumber ?? 0);
        // Session ids are the caller's name and a suffix, as Systems Manager makes them.
        const sessionId = `apprunner-ops-${randomBytes(9).toString('hex')}`;
        world.ssm.sessions.push({
          sessionId,
          target,
          document,
          host: host ?? '',
          port,
          forwardTo: host ? resolveInVpc(host, port) : undefined,
          startedAt: world.clock.now(),
        });
        return {
          SessionId: sessionId,
          TokenValue: randomBytes(24).toString('base64'),
          StreamUrl: `wss://ssmmessages.${world.fixture.region}.amazonaws.com/v1/data-channel/${sessionId}?role=publish_subscribe&cell-number=AAEAAQ`,
        };
      },
    },
    TerminateSession: {
      mutating: true,
      handle(input, { world }) {
        const sessionId = String(input['SessionId']);
        const session = world.ssm.session(sessionId);
        // Terminating an unknown or ended session succeeds, as in Systems Manager.
        if (session && session.terminatedAt === undefined) session.terminatedAt = world.clock.now();
        return { SessionId: sessionId };
      },
    },
  },
};
