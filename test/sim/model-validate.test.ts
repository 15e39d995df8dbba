/** The model checks on their own: what each protocol's values look like and how refusals read. */
import { describe, expect, it } from 'vitest';
import { modelOf } from '../../sim/aws/model.js';
import { requestError, violations } from '../../sim/aws/model-validate.js';
import { AwsError, xmlList } from '../../sim/aws/protocol.js';

const rds = modelOf('rds')!;
const sm = modelOf('secretsmanager')!;
const ecs = modelOf('ecs')!;
const invalid = (m: string): AwsError => new AwsError('InvalidParameterException', m);

describe('model checks', () => {
  it('reads awsQuery values as text: booleans, integers, and an empty list written as Name=', () => {
    const input = rds.operations['RestoreDBInstanceFromDBSnapshot']!.input!.shape;
    const ok = {
      DBInstanceIdentifier: 'drop-db-drill',
      DBSnapshotIdentifier: 'snap',
      MultiAZ: 'false',
      Port: '5432',
      VpcSecurityGroupIds: '',
    };
    expect(violations(rds, 'awsQuery', 'input', input, ok, 'query')).toEqual([]);
    const bad = violations(
      rds,
      'awsQuery',
      'input',
      input,
      { ...ok, MultiAZ: 'yes', Port: 'x' },
      'query',
    );
    expect(bad.map((v) => v.path)).toEqual(['MultiAZ', 'Port']);
    const missing = violations(
      rds,
      'awsQuery',
      'input',
      input,
      { DBSnapshotIdentifier: 's' },
      'query',
    );
    expect(requestError('awsQuery', missing, { signingName: 'rds', invalid })).toMatchObject({
      code: 'MissingParameter',
      message: 'The request must contain the parameter DBInstanceIdentifier',
    });
  });

  it('never prints a sensitive value', () => {
    const input = sm.operations['PutSecretValue']!.input!.shape;
    const found = violations(sm, 'awsJson1_1', 'input', input, {
      SecretId: 'x',
      SecretString: 's3cr3t'.repeat(20_000),
    });
    const error = requestError('awsJson1_1', found, { signingName: 'secretsmanager', invalid });
    expect(error.code).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
    );
    expect(error.message).not.toContain('s3cr3t');
  });

  it('refuses unknown members and wrong JSON types as Coral fails to read them', () => {
    const input = ecs.operations['ListServiceDeployments']!.input!.shape;
    const unknown = violations(ecs, 'awsJson1_1', 'input', input, { service: 's', colour: 'x' });
    expect(requestError('awsJson1_1', unknown, { signingName: 'ecs', invalid })).toMatchObject({
      code: 'SerializationException',
    });
    const typed = violations(ecs, 'awsJson1_1', 'input', input, { service: 's', maxResults: '5' });
    expect(typed.map((v) => [v.path, v.kind])).toEqual([['maxResults', 'type']]);
  });

  it('holds answers to the output shape: enum values, unknown members, awsQuery list member names', () => {
    const output = ecs.operations['DescribeServiceDeployments']!.output!.shape;
    const found = violations(ecs, 'awsJson1_1', 'output', output, {
      serviceDeployments: [{ status: 'FAILED', invented: 1 }],
    });
    expect(found.map((v) => `${v.path}: ${v.constraint}`)).toEqual([
      expect.stringMatching(
        /^serviceDeployments\.1\.member\.status: Member must satisfy enum value set/,
      ),
      'serviceDeployments.1.member.invented: Member is not in the model',
    ]);
    const snapshots = rds.operations['DescribeDBSnapshots']!.output!.shape;
    expect(
      violations(
        rds,
        'awsQuery',
        'output',
        snapshots,
        { DBSnapshots: xmlList('Snapshot', []) },
        'query',
      )[0]?.constraint,
    ).toBe("Member must be a list of <DBSnapshot> (xmlList('DBSnapshot', …)), not <Snapshot>");
  });
});
