// A small validator for the JSON Schema subset used by the provider OpenAPI documents (3.0 and 3.1 dialects).

/** One node of an OpenAPI schema, as parsed from the spec file. */
export type Schema = { [keyword: string]: unknown };

/** Resolves a local `$ref` such as `#/components/schemas/Tag`. */
export type RefResolver = (ref: string) => Schema;

/** What went wrong at one place in a value; `path` is dotted (`to`, `tags.0.name`), empty for the root. */
export interface SchemaIssue {
  path: string;
  problem: 'missing' | 'type' | 'enum' | 'limit' | 'pattern' | 'format';
  message: string;
}

/** Checks a string against a named `format`; formats without a checker are accepted. */
export type FormatCheckers = Record<string, (value: string) => boolean>;

interface Context {
  resolve: RefResolver;
  formats: FormatCheckers;
}

/**
 * Validates `value` against `schema`: `$ref`, `allOf`, `oneOf`/`anyOf`, `type` (arrays of types, `nullable`),
 * `const`, `enum`, `required`, `properties`, `additionalProperties`, `items`, `minItems`/`maxItems`,
 * `minLength`/`maxLength`, `pattern`, `minimum`/`maximum` and `format` (through `formats`).
 * Returns every issue found; an empty list means the value conforms.
 */
export function validateAgainstSchema(
  value: unknown,
  schema: Schema,
  resolve: RefResolver,
  formats: FormatCheckers = {},
  path = '',
): SchemaIssue[] {
  return check(value, schema, { resolve, formats }, path);
}

function check(value: unknown, rawSchema: Schema, context: Context, path: string): SchemaIssue[] {
  const schema = typeof rawSchema.$ref === 'string' ? context.resolve(rawSchema.$ref) : rawSchema;
  const issues: SchemaIssue[] = [];
  for (const part of asSchemas(schema.allOf)) issues.push(...check(value, part, context, path));
  const alternatives = [...asSchemas(schema.oneOf), ...asSchemas(schema.anyOf)];
  if (alternatives.length > 0) issues.push(...checkAlternatives(value, alternatives, context, path));
  if (value === null && (schema.nullable === true || allowedTypes(schema).includes('null'))) return issues;
  const typeIssue = checkType(value, schema, path);
  if (typeIssue) return [...issues, typeIssue];
  if ('const' in schema && value !== schema.const) {
    issues.push({ path, problem: 'enum', message: `must be ${JSON.stringify(schema.const)}` });
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    issues.push({ path, problem: 'enum', message: `must be one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}` });
  }
  if (typeof value === 'string') issues.push(...checkString(value, schema, context, path));
  if (typeof value === 'number') issues.push(...checkNumber(value, schema, path));
  if (Array.isArray(value)) issues.push(...checkArray(value, schema, context, path));
  else if (isPlainObject(value)) issues.push(...checkObject(value, schema, context, path));
  return issues;
}

function checkAlternatives(value: unknown, alternatives: Schema[], context: Context, path: string): SchemaIssue[] {
  const results = alternatives.map((alternative) => check(value, alternative, context, path));
  if (results.some((result) => result.length === 0)) return [];
  const sameType = results.find((result) => !result.some((issue) => issue.problem === 'type' && issue.path === path));
  if (sameType) return sameType;
  const names = alternatives.flatMap((alternative) => allowedTypes(resolveRef(alternative, context)));
  return [{ path, problem: 'type', message: `must be ${names.join(' or ')}` }];
}

function checkType(value: unknown, schema: Schema, path: string): SchemaIssue | undefined {
  const types = allowedTypes(schema);
  if (types.length === 0 || types.some((type) => hasType(value, type))) return undefined;
  return { path, problem: 'type', message: `must be ${types.join(' or ')}` };
}

function checkString(value: string, schema: Schema, context: Context, path: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
    issues.push({ path, problem: 'limit', message: `must be at least ${schema.minLength} characters` });
  }
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
    issues.push({ path, problem: 'limit', message: `must be at most ${schema.maxLength} characters` });
  }
  if (typeof schema.pattern === 'string' && !compilePattern(schema.pattern).test(value)) {
    issues.push({ path, problem: 'pattern', message: `must match ${schema.pattern}` });
  }
  const checker = typeof schema.format === 'string' ? context.formats[schema.format] : undefined;
  if (checker && !checker(value)) issues.push({ path, problem: 'format', message: `must be a valid ${String(schema.format)}` });
  return issues;
}

function checkNumber(value: number, schema: Schema, path: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (typeof schema.minimum === 'number' && value < schema.minimum) {
    issues.push({ path, problem: 'limit', message: `must be at least ${schema.minimum}` });
  }
  if (typeof schema.maximum === 'number' && value > schema.maximum) {
    issues.push({ path, problem: 'limit', message: `must be at most ${schema.maximum}` });
  }
  return issues;
}

function checkArray(value: unknown[], schema: Schema, context: Context, path: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
    issues.push({ path, problem: 'limit', message: `must have at least ${schema.minItems} items` });
  }
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) {
    issues.push({ path, problem: 'limit', message: `must have at most ${schema.maxItems} items` });
  }
  if (isPlainObject(schema.items)) {
    const items = schema.items;
    value.forEach((item, index) => issues.push(...check(item, items, context, join(path, String(index)))));
  }
  return issues;
}

function checkObject(value: Record<string, unknown>, schema: Schema, context: Context, path: string): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
    if (value[name] === undefined) issues.push({ path: join(path, name), problem: 'missing', message: 'is required' });
  }
  const properties = isPlainObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
  for (const [name, propertyValue] of Object.entries(value)) {
    if (propertyValue === undefined) continue;
    const propertySchema = properties[name] ?? (isPlainObject(schema.additionalProperties) ? schema.additionalProperties : undefined);
    if (propertySchema) issues.push(...check(propertyValue, propertySchema, context, join(path, name)));
  }
  return issues;
}

const compiledPatterns = new Map<string, RegExp>();

function compilePattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

function allowedTypes(schema: Schema): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? (schema.type as string[]) : [];
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isPlainObject(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function resolveRef(schema: Schema, context: Context): Schema {
  return typeof schema.$ref === 'string' ? context.resolve(schema.$ref) : schema;
}

function asSchemas(list: unknown): Schema[] {
  return Array.isArray(list) ? (list.filter(isPlainObject) as Schema[]) : [];
}

/** True for JSON objects (not arrays, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, segment: string): string {
  return path ? `${path}.${segment}` : segment;
}
