/**
 * EC2 (the ec2 query protocol): what the go-live gate reads (DescribeSecurityGroups) and the
 * launch templates of Auto Scaling groups (CreateLaunchTemplateVersion,
 * DescribeLaunchTemplateVersions; state in asg-state.ts).
 * Element names follow the EC2 model's XML names (`securityGroupInfo`, `ipPermissions`,
 * `ipRanges`/`cidrIp`, `ipv6Ranges`/`cidrIpv6`, lists of `item`), which differ from awsQuery's.
 */
import type { FixtureSecurityGroup } from '../fixture.js';
import { AwsError, xmlList } from '../aws/protocol.js';
import type { AwsService, Input } from '../aws/service.js';
import type { Fixture } from '../fixture.js';
import type { AsgState, LaunchTemplate, LaunchTemplateVersion } from './asg-state.js';

/** What this service reads of the world. */
interface Ec2World {
  fixture: Fixture;
  asg: AsgState;
}

function templateOf(world: Ec2World, input: Input): LaunchTemplate {
  const id = input['LaunchTemplateId'] as string | undefined;
  const name = input['LaunchTemplateName'] as string | undefined;
  if ((id === undefined) === (name === undefined))
    throw new AwsError(
      'MissingParameter',
      'The request must contain the parameter LaunchTemplateName or LaunchTemplateId',
    );
  const template = world.asg.template({ ...(id ? { id } : {}), ...(name ? { name } : {}) });
  if (!template)
    throw id
      ? new AwsError(
          'InvalidLaunchTemplateId.NotFound',
          `The specified launch template, with template ID ${id}, does not exist.`,
        )
      : new AwsError(
          'InvalidLaunchTemplateName.NotFoundException',
          `The specified launch template, with template name ${name}, does not exist.`,
        );
  return template;
}

function versionXml(template: LaunchTemplate, v: LaunchTemplateVersion): Input {
  return {
    launchTemplateId: template.id,
    launchTemplateName: template.name,
    versionNumber: v.number,
    ...(v.description ? { versionDescription: v.description } : {}),
    createTime: new Date(v.createdAt),
    createdBy: 'arn:aws:iam::123456789012:role/deployer',
    defaultVersion: v.number === template.defaultVersion,
    launchTemplateData: {
      imageId: v.imageId,
      instanceType: 't3.medium',
      ...(v.userData ? { userData: v.userData } : {}),
    },
  };
}

/** ClientToken → the version it made (EC2 answers a repeated token with the same version). */
const tokens = new WeakMap<AsgState, Map<string, LaunchTemplateVersion>>();

/** Groups of the fixture, plus a VPC-only default for every group an instance names. */
export function securityGroupsOf(world: Ec2World): FixtureSecurityGroup[] {
  const declared = [...world.fixture.ec2.securityGroups];
  for (const instance of world.fixture.rds.instances)
    for (const id of instance.securityGroups)
      if (!declared.some((g) => g.id === id))
        declared.push({
          id,
          name: `${instance.id}-sg`,
          ingress: [
            {
              protocol: 'tcp',
              fromPort: 5432,
              toPort: 5432,
              cidrs: ['10.0.0.0/16'],
              ipv6Cidrs: [],
            },
          ],
        });
  return declared;
}

function groupXml(world: Ec2World, g: FixtureSecurityGroup): Input {
  return {
    groupId: g.id,
    groupName: g.name,
    groupDescription: `${g.name} (sim)`,
    ownerId: world.fixture.account,
    vpcId: 'vpc-0123456789abcdef0',
    securityGroupArn: `arn:aws:ec2:${world.fixture.region}:${world.fixture.account}:security-group/${g.id}`,
    ipPermissions: xmlList(
      'item',
      g.ingress.map((rule) => ({
        ipProtocol: rule.protocol,
        fromPort: rule.fromPort,
        toPort: rule.toPort,
        groups: xmlList('item', []),
        ipRanges: xmlList(
          'item',
          rule.cidrs.map((cidrIp) => ({ cidrIp })),
        ),
        ipv6Ranges: xmlList(
          'item',
          rule.ipv6Cidrs.map((cidrIpv6) => ({ cidrIpv6 })),
        ),
        prefixListIds: xmlList('item', []),
      })),
    ),
    ipPermissionsEgress: xmlList('item', [
      {
        ipProtocol: '-1',
        groups: xmlList('item', []),
        ipRanges: xmlList('item', [{ cidrIp: '0.0.0.0/0' }]),
        ipv6Ranges: xmlList('item', []),
        prefixListIds: xmlList('item', []),
      },
    ]),
  };
}

const invalid = (message: string): AwsError => new AwsError('InvalidParameterValue', message);

export const ec2: AwsService<Ec2World> = {
  signingName: 'ec2',
  protocol: 'ec2',
  xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  invalid,
  faults: { throttling: 'RequestLimitExceeded', throttlingStatus: 503, internal: 'InternalError' },
  operations: {
    DescribeInstances: {
      mutating: false,
      handle(input, { world }) {
        // Filters (wire Filter.N.Name, Filter.N.Value.M): tag:<key>, instance-state-name,
        // instance-id; EC2 refuses a filter name it does not know.
        const filters = (input['Filter'] ?? []) as { Name?: string; Value?: string[] }[];
        const ids = input['InstanceId'] as string[] | undefined;
        const codes: Record<string, number> = {
          pending: 0,
          running: 16,
          stopping: 64,
          stopped: 80,
        };
        const instances = world.fixture.ec2.instances.filter((instance) => {
          if (ids && !ids.includes(instance.id)) return false;
          return filters.every(({ Name: name = '', Value: values = [] }) => {
            if (name.startsWith('tag:')) return values.includes(instance.tags[name.slice(4)] ?? '');
            if (name === 'instance-state-name') return values.includes(instance.state);
            if (name === 'instance-id') return values.includes(instance.id);
            throw new AwsError('InvalidParameterValue', `The filter '${name}' is invalid`);
          });
        });
        for (const id of ids ?? [])
          if (!world.fixture.ec2.instances.some((i) => i.id === id))
            throw new AwsError(
              'InvalidInstanceID.NotFound',
              `The instance ID '${id}' does not exist`,
            );
        return {
          reservationSet: xmlList(
            'item',
            instances.map((instance) => ({
              reservationId: `r-${instance.id.slice(2)}`,
              ownerId: world.fixture.account,
              instancesSet: xmlList('item', [
                {
                  instanceId: instance.id,
                  instanceType: 't4g.nano',
                  vpcId: 'vpc-0123456789abcdef0',
                  instanceState: { code: codes[instance.state], name: instance.state },
                  tagSet: xmlList(
                    'item',
                    Object.entries(instance.tags).map(([key, value]) => ({ key, value })),
                  ),
                },
              ]),
            })),
          ),
        };
      },
    },
    CreateLaunchTemplateVersion: {
      mutating: true,
      async handle(input, { world }) {
        const template = templateOf(world, input);
        const token = input['ClientToken'] as string | undefined;
        const seen = tokens.get(world.asg) ?? new Map<string, LaunchTemplateVersion>();
        tokens.set(world.asg, seen);
        const again = token === undefined ? undefined : seen.get(`${template.id}/${token}`);
        if (again) return { launchTemplateVersion: versionXml(template, again) };
        const sourceName = input['SourceVersion'] as string | undefined;
        const source =
          sourceName === undefined ? undefined : world.asg.versionOf(template, sourceName);
        if (sourceName !== undefined && !source)
          throw new AwsError(
            'InvalidLaunchTemplateId.VersionNotFound',
            `Could not find launch template version ${sourceName} for launch template ${template.id}`,
          );
        const data = (input['LaunchTemplateData'] as Input | undefined) ?? {};
        const imageId = (data['ImageId'] as string | undefined) ?? source?.imageId;
        if (imageId === undefined)
          throw new AwsError('MissingParameter', 'The request must contain the parameter ImageId');
        if (!/^ami-[0-9a-f]{8,17}$/.test(imageId))
          throw new AwsError(
            'InvalidAMIID.Malformed',
            `Invalid id: "${imageId}" (expecting "ami-...")`,
          );
        const userData = (data['UserData'] as string | undefined) ?? source?.userData;
        if (userData !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(userData))
          throw new AwsError('InvalidUserData.Malformed', 'Invalid BASE64 encoding of user data.');
        const version: LaunchTemplateVersion = {
          number: template.versions.length + 1,
          createdAt: world.asg.clock.now(),
          imageId,
          ...(userData !== undefined ? { userData } : {}),
          ...(input['VersionDescription']
            ? { description: input['VersionDescription'] as string }
            : {}),
          app: await world.asg.resolveApp(userData),
        };
        template.versions.push(version);
        if (token !== undefined) seen.set(`${template.id}/${token}`, version);
        return { launchTemplateVersion: versionXml(template, version) };
      },
    },
    DescribeLaunchTemplateVersions: {
      mutating: false,
      handle(input, { world }) {
        const template = templateOf(world, input);
        const asked = input['LaunchTemplateVersion'] as string[] | undefined;
        const versions = asked
          ? asked.map((a) => {
              const v = world.asg.versionOf(template, a);
              if (!v)
                throw new AwsError(
                  'InvalidLaunchTemplateId.VersionNotFound',
                  `Could not find launch template version ${a} for launch template ${template.id}`,
                );
              return v;
            })
          : [...template.versions].reverse();
        return {
          launchTemplateVersionSet: xmlList(
            'item',
            versions.map((v) => versionXml(template, v)),
          ),
        };
      },
    },
    DescribeSecurityGroups: {
      mutating: false,
      handle(input, { world }) {
        // GroupIds (wire GroupId.N) is a list of strings: EC2's model is checked first.
        const ids = input['GroupId'] as string[] | undefined;
        const all = securityGroupsOf(world);
        for (const id of ids ?? []) {
          if (!/^sg-[0-9a-f]{8,17}$/.test(id))
            throw new AwsError(
              'InvalidGroupId.Malformed',
              `Invalid id: "${id}" (expecting "sg-...")`,
            );
          if (!all.some((g) => g.id === id))
            throw new AwsError(
              'InvalidGroup.NotFound',
              `The security group '${id}' does not exist`,
            );
        }
        const groups = ids ? all.filter((g) => ids.includes(g.id)) : all;
        return {
          securityGroupInfo: xmlList(
            'item',
            groups.map((g) => groupXml(world, g)),
          ),
        };
      },
    },
  },
};
