/**
 * The sim's stand-in for `aws` (AWS CLI v2), serving only what the suite runs:
 *
 *   aws ssm start-session --target <instance> \
 *     --document-name AWS-StartPortForwardingSessionToRemoteHost \
 *     --parameters host=<db host>,portNumber=<port>,localPortNumber=<local port> [--region r]
 *
 * As the CLI does: it first runs `session-manager-plugin` (missing: the CLI's own message,
 * exit 255), calls the sim's Systems Manager StartSession with SigV4 (an error: "An error
 * occurred (<Code>) when calling the StartSession operation: <message>", exit 254), prints
 * "Starting session with SessionId: …", then, as the plugin does, listens on the local port
 * ("Port N opened for sessionId …. Waiting for connections...") and forwards each connection to
 * where the session leads inside the sim's VPC (a private RDS endpoint's real PostgreSQL). A
 * host the VPC does not know fails each connection ("Connection to destination port failed").
 * SIGTERM or SIGINT ends it: TerminateSession, "Exiting session with sessionId: …", exit 0.
 *
 * Plain JavaScript with no dependencies, so it starts as fast as a command should.
 */
/* global fetch, URL -- Node's own (the shared .mjs settings name only process and console) */
import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import net from 'node:net';

const args = process.argv.slice(2);
const fail = (message, code) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

function option(name) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

if (args[0] !== 'ssm' || args[1] !== 'start-session')
  fail(
    `aws (sim): only "aws ssm start-session" is served here, not "aws ${args.slice(0, 2).join(' ')}"`,
    252,
  );

const target = option('target');
const documentName = option('document-name');
const parametersText = option('parameters');
const region = option('region') ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
if (!target)
  fail(
    'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\naws: error: the following arguments are required: --target',
    252,
  );
if (!region)
  fail(
    'You must specify a region. You can also configure your region by running "aws configure".',
    253,
  );

// Shorthand syntax: key=value,key=value (each value a one-element list).
const parameters = {};
if (parametersText) {
  for (const pair of parametersText.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0)
      fail(`\nError parsing parameter '--parameters': Expected: '=', received: '${pair}'`, 252);
    parameters[pair.slice(0, at)] = [pair.slice(at + 1).replace(/^"|"$/g, '')];
  }
}

// The CLI checks for the plugin before it starts a session.
const plugin = spawnSync('session-manager-plugin', [], { stdio: 'ignore' });
if (plugin.error)
  fail(
    '\nSessionManagerPlugin is not found. Please refer to SessionManager Documentation here: http://docs.aws.amazon.com/console/systems-manager/session-manager-plugin-not-found\n',
    255,
  );

const endpoint = process.env.AWS_ENDPOINT_URL_SSM ?? process.env.AWS_ENDPOINT_URL;
if (!endpoint)
  fail('aws (sim): AWS_ENDPOINT_URL_SSM is not set; this stand-in only talks to the sim', 253);
const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
if (!accessKeyId || !secretAccessKey)
  fail(
    '\nUnable to locate credentials. You can configure credentials by running "aws configure".',
    253,
  );

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const hmac = (key, text) => createHmac('sha256', key).update(text).digest();

/** One signed awsJson1_1 request to Systems Manager (SigV4, as the CLI signs it). */
async function call(operation, body) {
  const url = new URL(endpoint);
  const payload = JSON.stringify(body);
  const amzDate = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const headers = {
    'content-type': 'application/x-amz-json-1.1',
    host: url.host,
    'x-amz-date': amzDate,
    'x-amz-target': `AmazonSSM.${operation}`,
    ...(process.env.AWS_SESSION_TOKEN
      ? { 'x-amz-security-token': process.env.AWS_SESSION_TOKEN }
      : {}),
  };
  const names = Object.keys(headers).sort();
  const canonical = [
    'POST',
    url.pathname || '/',
    '',
    ...names.map((n) => `${n}:${headers[n]}`),
    '',
    names.join(';'),
    sha256(payload),
  ].join('\n');
  const scope = `${day}/${region}/ssm/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  let key = hmac(`AWS4${secretAccessKey}`, day);
  for (const part of [region, 'ssm', 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    },
    body: payload,
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const code = String(json.__type ?? response.headers.get('x-amzn-errortype') ?? 'Unknown')
      .split('#')
      .pop()
      .split(':')[0];
    const message = json.message ?? json.Message ?? '';
    fail(`\nAn error occurred (${code}) when calling the ${operation} operation: ${message}`, 254);
  }
  return json;
}

const started = await call('StartSession', {
  Target: target,
  ...(documentName ? { DocumentName: documentName } : {}),
  ...(parametersText ? { Parameters: parameters } : {}),
});
const sessionId = started.SessionId;
process.stdout.write(`\nStarting session with SessionId: ${sessionId}\n`);

// The plugin's data channel: where the session leads inside the VPC, from the sim.
const simUrl = new URL(endpoint);
const leads = await fetch(
  new URL(`/_sim/ssm/sessions/${encodeURIComponent(sessionId)}?pid=${process.pid}`, simUrl),
).then((r) => r.json());

const localPort = Number(parameters.localPortNumber?.[0] ?? 0);
const sockets = new Set();
const server = net.createServer((client) => {
  process.stdout.write(`\nConnection accepted for session [${sessionId}]\n`);
  sockets.add(client);
  client.on('close', () => sockets.delete(client));
  if (!leads.forwardTo) {
    process.stdout.write('Connection to destination port failed, check SSM Agent logs.\n');
    client.destroy();
    return;
  }
  const upstream = net.connect(leads.forwardTo.port, leads.forwardTo.host);
  sockets.add(upstream);
  upstream.on('close', () => sockets.delete(upstream));
  client.pipe(upstream).pipe(client);
  client.on('error', () => upstream.destroy());
  upstream.on('error', () => {
    process.stdout.write('Connection to destination port failed, check SSM Agent logs.\n');
    client.destroy();
  });
});
server.on('error', (error) => fail(`\nCannot perform start session: ${error.message}`, 255));
server.listen(localPort, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(
    `Port ${port} opened for sessionId ${sessionId}.\nWaiting for connections...\n`,
  );
});

let exiting = false;
const exit = async () => {
  if (exiting) return;
  exiting = true;
  server.close();
  for (const s of sockets) s.destroy();
  await call('TerminateSession', { SessionId: sessionId }).catch(() => undefined);
  process.stdout.write(`\n\nExiting session with sessionId: ${sessionId}.\n\n`);
  process.exit(0);
};
process.on('SIGTERM', exit);
process.on('SIGINT', exit);
