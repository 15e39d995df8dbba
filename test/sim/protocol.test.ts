import { describe, expect, it } from 'vitest';
import {
  AwsError,
  encodeJsonError,
  encodeJsonResult,
  encodeQueryError,
  encodeQueryResult,
  parseQueryBody,
  xmlList,
} from '../../sim/aws/protocol.js';
import { SimClock } from '../../sim/clock.js';
import { loadFixture } from '../../sim/fixture.js';

describe('awsQuery codec', () => {
  it('parses lists with member names into arrays', () => {
    const { action, params } = parseQueryBody(
      'Action=CreateDBSnapshot&Version=2014-10-31&DBSnapshotIdentifier=s1' +
        '&Tags.Tag.1.Key=a&Tags.Tag.1.Value=1&Tags.Tag.2.Key=b&Tags.Tag.2.Value=2' +
        '&Filters.Filter.1.Name=db-instance-id&Filters.Filter.1.Values.Value.1=drop-db',
    );
    expect(action).toBe('CreateDBSnapshot');
    expect(params).toEqual({
      DBSnapshotIdentifier: 's1',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
      Filters: [{ Name: 'db-instance-id', Values: ['drop-db'] }],
    });
  });

  it('encodes results with a Result wrapper, ISO timestamps, named list members and escaping', () => {
    const out = encodeQueryResult(
      'DescribeDBSnapshots',
      'http://rds.amazonaws.com/doc/2014-10-31/',
      {
        DBSnapshots: xmlList('DBSnapshot', [
          {
            DBSnapshotIdentifier: 'a&b',
            SnapshotCreateTime: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
            Skipped: undefined,
          },
        ]),
      },
      'req-1',
    );
    expect(out.body).toBe(
      '<DescribeDBSnapshotsResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBSnapshotsResult>' +
        '<DBSnapshots><DBSnapshot><DBSnapshotIdentifier>a&amp;b</DBSnapshotIdentifier>' +
        '<SnapshotCreateTime>2026-01-02T03:04:05.000Z</SnapshotCreateTime></DBSnapshot></DBSnapshots>' +
        '</DescribeDBSnapshotsResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DescribeDBSnapshotsResponse>',
    );
    expect(() => encodeQueryResult('X', 'ns', { Bare: [1] }, 'r')).toThrow(/xmlList/);
  });

  it('encodes errors as ErrorResponse with Sender/Receiver', () => {
    const out = encodeQueryError(new AwsError('Throttling', 'Rate exceeded'), 'r');
    expect(out.status).toBe(400);
    expect(out.body).toBe(
      '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    );
    expect(encodeQueryError(new AwsError('InternalFailure', 'x', 500), 'r').body).toContain(
      '<Type>Receiver</Type>',
    );
  });
});

describe('awsJson codec', () => {
  it('writes timestamps as epoch seconds and drops undefined members', () => {
    const out = encodeJsonResult(
      'awsJson1_0',
      { At: new Date(1_700_000_000_500), Gone: undefined, L: [{ D: new Date(0) }] },
      'r',
    );
    expect(JSON.parse(out.body)).toEqual({ At: 1_700_000_000.5, L: [{ D: 0 }] });
    expect(out.headers['content-type']).toBe('application/x-amz-json-1.0');
  });

  it('writes errors with __type, the message member of the service and x-amzn-errortype', () => {
    const out = encodeJsonError(
      'awsJson1_1',
      new AwsError('ImageNotFoundException', 'gone'),
      'r',
      'message',
    );
    expect(out.headers['x-amzn-errortype']).toBe('ImageNotFoundException');
    expect(JSON.parse(out.body)).toEqual({ __type: 'ImageNotFoundException', message: 'gone' });
  });
});

describe('fixture', () => {
  it('loads the Drop fixture with durations and defaults', () => {
    const f = loadFixture();
    expect(f.account).toBe('123456789012');
    expect(f.durations.deploy).toBe(180_000);
    expect(f.durations.snapshot).toBe(240_000);
    expect(f.apprunner.services[0]?.name).toBe('drop-web');
    expect(f.ecr.repositories[0]?.images.find((i) => i.tags.includes('v1.3.9'))?.pushedAgo).toBe(
      21 * 86_400_000,
    );
  });

  it('explains what is wrong, with paths and suggestions', () => {
    expect(() => loadFixture({ durations: { deploy: 'three minutes' } })).toThrow(
      /durations\.deploy: expected a duration/,
    );
    expect(() =>
      loadFixture({
        ecr: { repositories: [{ name: 'r', images: [{ tags: ['v1'], behavior: 'slow' }] }] },
      } as never),
    ).toThrow(
      /ecr\.repositories\[0\]\.images\[0\]\.behavior: unknown key; did you mean "behaviour"\?/,
    );
    expect(() =>
      loadFixture({ apprunner: { services: [{ name: 'web1', image: 'missing:v1' }] } }),
    ).toThrow(/apprunner\.services\[0\]\.image: missing:v1 is not in an ECR repository/);
    expect(() => loadFixture('/nonexistent/fixture.yml')).toThrow(/cannot read it/);
  });
});

describe('SimClock', () => {
  it('scales durations and runs due events in time order, each at its own time', () => {
    const clock = new SimClock(0.01);
    const seen: string[] = [];
    clock.after(200_000, () => seen.push('b'));
    clock.after(100_000, (at) => {
      seen.push('a');
      clock.at(at + 500, () => seen.push('a2'));
    });
    clock.runDue();
    expect(seen).toEqual([]);
    expect(clock.scaled(180_000)).toBe(1800);
    clock.advance(1500);
    expect(seen).toEqual(['a', 'a2']);
    clock.advance(1000);
    expect(seen).toEqual(['a', 'a2', 'b']);
    expect(clock.nextEventAt()).toBeUndefined();
  });
});
