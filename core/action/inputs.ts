import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { APP_RUNNER_SERVICE_ARN } from '../config/fields.js';
import { formatDurationValue, parseDuration } from '../util/duration.js';
import { InputError } from '../util/errors.js';
import { formatIssues } from '../util/zod-issues.js';

/** Raw input text by its action.yml name ('' when unset, as the runner does). */
export type InputSource = (name: string) => string;

/**
 * Typed readers over raw action inputs. Each reader names the input in its error and says
 * the accepted form. Defaults live in action.yml only, so an empty value means "not given".
 */
export class InputReader {
  /** Every input name read, so a test can compare them with action.yml. */
  readonly names = new Set<string>();

  constructor(
    private readonly source: InputSource,
    private readonly mask: (value: string) => void = () => {},
  ) {}

  private raw(name: string): string {
    this.names.add(name);
    return this.source(name).trim();
  }

  /** A string, or undefined when empty. */
  optional(name: string): string | undefined {
    const value = this.raw(name);
    return value === '' ? undefined : value;
  }

  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new InputError(name, 'is required');
    return value;
  }

  /** Secret values are masked in the log the moment they are read. */
  secret(name: string): string | undefined {
    const value = this.optional(name);
    if (value !== undefined) {
      this.mask(value);
    }
    return value;
  }

  /**
   * A secret URL (webhook, database URL): masked on read, and never echoed in an error,
   * which names only the input and the expected form.
   */
  secretUrl(name: string, protocols: readonly string[]): URL | undefined {
    const value = this.secret(name);
    if (value === undefined) return undefined;
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || !protocols.includes(url.protocol.replace(/:$/, ''))) {
      throw new InputError(
        name,
        `expected a ${protocols.join(':// or ')}:// URL (value not shown: it is a secret)`,
      );
    }
    return url;
  }

  /** Strict YAML 1.2 booleans only: `true` or `false` (any case). "yes" is refused. */
  boolean(name: string): boolean {
    const value = this.required(name).toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    throw new InputError(name, `expected true or false, got "${this.source(name).trim()}"`);
  }

  integer(name: string, bounds: { min: number; max: number }): number {
    const text = this.required(name);
    if (!/^-?\d+$/.test(text)) throw new InputError(name, `expected a whole number, got "${text}"`);
    const value = Number(text);
    if (value < bounds.min || value > bounds.max) {
      throw new InputError(
        name,
        `expected a number from ${bounds.min} to ${bounds.max}, got ${value}`,
      );
    }
    return value;
  }

  /** A duration such as `90s`, `5m`, `1h30m`, in milliseconds, within bounds. */
  duration(name: string, bounds: { min: number; max: number }): number {
    const text = this.required(name);
    const ms = parseDuration(text);
    if (ms === undefined) {
      throw new InputError(
        name,
        `expected a duration with a unit like 90s, 5m or 1h30m, got "${text}"`,
      );
    }
    if (ms < bounds.min || ms > bounds.max) {
      throw new InputError(
        name,
        `expected a duration from ${formatDurationValue(bounds.min)} to ${formatDurationValue(bounds.max)}, got ${text}`,
      );
    }
    return ms;
  }

  /** An absolute http(s) URL; trailing slashes are kept as given. */
  url(name: string): URL | undefined {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new InputError(
        name,
        `expected an absolute URL like https://example.com, got "${text}"`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new InputError(name, `expected an http:// or https:// URL, got "${text}"`);
    }
    return url;
  }

  /** An App Runner service ARN. */
  serviceArn(name: string): string | undefined {
    const text = this.optional(name);
    if (text !== undefined && !APP_RUNNER_SERVICE_ARN.test(text)) {
      throw new InputError(
        name,
        `expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service/<name>/<32 hex id>, got "${text}"`,
      );
    }
    return text;
  }

  enumOf<const T extends string>(name: string, values: readonly T[]): T {
    const text = this.required(name);
    if (!(values as readonly string[]).includes(text)) {
      throw new InputError(name, `expected one of ${values.join(', ')}, got "${text}"`);
    }
    return text as T;
  }

  /** Items separated by newlines or commas; blanks dropped. */
  list(name: string): string[] {
    const text = this.optional(name);
    if (text === undefined) return [];
    return text
      .split(/[\n,]/)
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** Inline YAML validated by a schema; errors name the input and the path inside it. */
  yaml<S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined {
    const text = this.optional(name);
    if (text === undefined) return undefined;
    const doc = parseDocument(text, { prettyErrors: true });
    const yamlError = doc.errors[0];
    if (yamlError) {
      const first = (yamlError.message.split('\n')[0] ?? '').replace(/:$/, '');
      throw new InputError(name, `invalid YAML: ${first}`);
    }
    const data: unknown = doc.toJS();
    const result = schema.safeParse(data);
    if (!result.success) {
      throw new InputError(name, formatIssues(schema, data, result.error.issues).join('; '));
    }
    return result.data;
  }
}
