/**
 * An AWS Systems Manager port-forwarding session to a host inside the VPC: the AWS CLI's
 * `aws ssm start-session --document-name AWS-StartPortForwardingSessionToRemoteHost`, which
 * runs the Session Manager plugin and listens on a local port. GitHub-hosted Ubuntu runners
 * carry both; the CLI speaks the session's own protocol, which no SDK client does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, constants, readFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { DomainFailure } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

/** The state key under which the main step records its session processes for the post step. */
export const TUNNEL_STATE = 'database-tunnel-pids';

export const PORT_FORWARDING_DOCUMENT = 'AWS-StartPortForwardingSessionToRemoteHost';

const INSTALL_CLI =
  'install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html); GitHub-hosted Ubuntu runners have it';
const INSTALL_PLUGIN =
  'install the Session Manager plugin (https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html), e.g. in a step before the suite: curl -sSfo /tmp/smp.deb https://s3.amazonaws.com/session-manager-downloads/plugin/latest/ubuntu_64bit/session-manager-plugin.deb && sudo dpkg -i /tmp/smp.deb';

export class SsmTunnelFailed extends DomainFailure {
  override readonly name = 'SsmTunnelFailed';
}

async function onPath(command: string, envPath: string | undefined): Promise<string | undefined> {
  for (const dir of (envPath ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, command);
    try {
      await access(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** The tools a session needs, checked before any change: one error naming what to install. */
export async function checkSsmTools(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const missing: string[] = [];
  if (!(await onPath('aws', env['PATH'])))
    missing.push(`the AWS CLI ("aws") is not on the PATH: ${INSTALL_CLI}`);
  if (!(await onPath('session-manager-plugin', env['PATH'])))
    missing.push(
      `the Session Manager plugin ("session-manager-plugin") is not on the PATH: ${INSTALL_PLUGIN}`,
    );
  if (missing.length > 0)
    throw new SsmTunnelFailed(
      `database.access is ssm, but ${missing.join('; and ')}. Nothing was changed.`,
    );
}

/** A free local TCP port (the OS picks it; the session binds it a moment later). */
export function freeLocalPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1_000, () => done(false));
  });
}

/** The CLI's error, said with what to do about it. */
function explain(stderr: string, target: string): string {
  const text = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ') || 'no output';
  if (/TargetNotConnected/.test(stderr))
    return `${text} — the instance ${target} is not connected to Systems Manager: check that it runs, that its SSM agent is online (Systems Manager > Fleet Manager) and that its role has AmazonSSMManagedInstanceCore`;
  if (/AccessDenied/.test(stderr))
    return `${text} — the runner's role may not start this session: grant ssm:StartSession on the instance and on the document ${PORT_FORWARDING_DOCUMENT}, and ssm:TerminateSession on its own sessions (docs/iam-policy*.json)`;
  if (/SessionManagerPlugin is not found/.test(stderr)) return `${text} — ${INSTALL_PLUGIN}`;
  if (/InvalidDocument|InvalidParameters/.test(stderr))
    return `${text} — the account or region does not offer ${PORT_FORWARDING_DOCUMENT}`;
  return text;
}

export interface SsmTunnel {
  localPort: number;
  pid: number;
  /** Ends the session: SIGTERM to the CLI (it terminates the session), SIGKILL after 5 s. */
  close(): Promise<void>;
}

export interface SsmTunnelRequest {
  target: string;
  host: string;
  port: number;
  region: string;
  /** How long the local port may take to accept. */
  deadlineMs: number;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

/** Starts a session and waits until its local port accepts connections. */
export async function openSsmTunnel(request: SsmTunnelRequest): Promise<SsmTunnel> {
  const env = request.env ?? process.env;
  await checkSsmTools(env);
  const localPort = await freeLocalPort();
  const args = [
    'ssm',
    'start-session',
    '--region',
    request.region,
    '--target',
    request.target,
    '--document-name',
    PORT_FORWARDING_DOCUMENT,
    '--parameters',
    `host=${request.host},portNumber=${request.port},localPortNumber=${localPort}`,
  ];
  request.logger.info(
    `Opening an SSM port-forwarding session through ${request.target} to ${request.host}:${request.port} on 127.0.0.1:${localPort}`,
  );
  const child: ChildProcess = spawn('aws', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.once('error', (error) => {
      output += `\n${error.message}`;
      exited = { code: -1, signal: null };
      resolve();
    });
  });
  const close = async (): Promise<void> => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + request.deadlineMs;
  for (;;) {
    if (exited) break;
    if (await accepts(localPort)) {
      // Its output may hold nothing secret (ids and ports), but only our own line is logged.
      return { localPort, pid: child.pid!, close };
    }
    if (Date.now() >= deadline) break;
    await Promise.race([exit, new Promise((r) => setTimeout(r, 100))]);
  }
  await close();
  throw new SsmTunnelFailed(
    exited && !(exited.signal === 'SIGTERM')
      ? `the SSM session through ${request.target} to ${request.host}:${request.port} did not start (aws exited with ${exited.code ?? exited.signal}): ${explain(output, request.target)}`
      : `the SSM session through ${request.target} to ${request.host}:${request.port} did not accept connections on 127.0.0.1:${localPort} within ${request.deadlineMs / 1000} s: ${explain(output, request.target)}`,
  );
}

/**
 * The post step: ends sessions a cancelled main step left running. Only a process that is
 * still our `aws ssm start-session` is signalled (a pid may have been reused since).
 */
export async function closeLeftoverSessions(
  pids: readonly number[],
  logger: Logger,
): Promise<number> {
  let closed = 0;
  for (const pid of pids) {
    let cmdline: string;
    try {
      cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
    } catch {
      continue; // gone (or not Linux: nothing to read, nothing signalled)
    }
    if (!/\bssm start-session\b/.test(cmdline) || !cmdline.includes(PORT_FORWARDING_DOCUMENT))
      continue;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      continue;
    }
    const until = Date.now() + 5_000;
    while (Date.now() < until && (await stillRunning(pid)))
      await new Promise((r) => setTimeout(r, 100));
    if (await stillRunning(pid)) process.kill(pid, 'SIGKILL');
    logger.info(`Closed the SSM port-forwarding session (process ${pid}) the run left open`);
    closed++;
  }
  return closed;
}

async function stillRunning(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie has ended
  } catch {
    return false;
  }
}
