/** Environment variable names a platform keeps for itself: setting one is refused up front. */
const RESERVED: readonly { prefix: RegExp; platform: string }[] = [
  { prefix: /^(AWSAPPRUNNER|AWS_APPRUNNER)/, platform: 'App Runner' },
  // ECS sets these in every task (task metadata endpoints, the container agent's own).
  { prefix: /^(ECS_CONTAINER_METADATA_URI|ECS_AGENT_URI)/, platform: 'ECS' },
];

/** The platform that reserves `name`, or undefined. */
export function reservedBy(name: string): string | undefined {
  return RESERVED.find((r) => r.prefix.test(name))?.platform;
}
