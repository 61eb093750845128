/**
 * Small typed readers over untrusted JSON that report problems at JSON paths and return
 * `undefined` for anything wrong, so validation goes on and finds every problem at once.
 */
import { TYPE_RANGE, type PropertyDef } from './configProperties';
import { childPath, type ProblemList } from './problems';

export type JsonObject = Record<string, unknown>;

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Readers return undefined, silently, for an undefined value: optional fields are defaulted
 * before they are read, and a missing required one was already reported by `required`.
 */
export class FieldReader {
  constructor(readonly problems: ProblemList) {}

  object(value: unknown, path: string, allowed: readonly string[]): JsonObject | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problems.add(path, `must be an object, not ${describeType(value)}`);
      return undefined;
    }
    const object = value as JsonObject;
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.problems.add(childPath(path, key), `unknown field (expected one of: ${allowed.join(', ')})`);
    }
    return object;
  }

  integer(value: unknown, path: string, min: number, max: number, why?: string): number | undefined {
    if (value === undefined) return undefined; // a missing required field: `required` said so
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.problems.add(path, `must be a whole number, not ${describeType(value)}`);
      return undefined;
    }
    if (value < min || value > max) {
      const range = max >= Number.MAX_SAFE_INTEGER ? `at least ${min}` : min <= Number.MIN_SAFE_INTEGER ? `at most ${max}` : `from ${min} to ${max}`;
      this.problems.add(path, `${value} is out of range (must be ${range}${why ? `: ${why}` : ''})`);
      return undefined;
    }
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined; // a missing required field: `required` said so
    if (typeof value !== 'string') {
      this.problems.add(path, `must be a string, not ${describeType(value)}`);
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined) return undefined; // a missing required field: `required` said so
    if (typeof value !== 'boolean') {
      this.problems.add(path, `must be true or false, not ${describeType(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string | number>(value: unknown, path: string, values: readonly T[]): T | undefined {
    if (value === undefined) return undefined; // a missing required field: `required` said so
    if (!values.includes(value as T)) {
      this.problems.add(path, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeType(value)}`);
      return undefined;
    }
    return value as T;
  }

  array(value: unknown, path: string): unknown[] | undefined {
    if (value === undefined) return undefined; // a missing required field: `required` said so
    if (!Array.isArray(value)) {
      this.problems.add(path, `must be an array, not ${describeType(value)}`);
      return undefined;
    }
    return value;
  }

  required(object: JsonObject, key: string, path: string): unknown {
    if (!(key in object)) this.problems.add(childPath(path, key), 'is required');
    return object[key];
  }

  /** A Kafka property checked against its definition. */
  property(value: unknown, path: string, def: PropertyDef): number | boolean | string | undefined {
    switch (def.type) {
      case 'boolean':
        return this.boolean(value, path);
      case 'enum':
        return this.oneOf(value, path, def.values ?? []);
      default: {
        const [typeMin, typeMax] = TYPE_RANGE[def.type];
        return this.integer(value, path, Math.max(typeMin, def.min ?? typeMin), Math.min(typeMax, def.max ?? typeMax), def.why);
      }
    }
  }
}
