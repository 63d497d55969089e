// Loads a provider's OpenAPI document and matches incoming requests to the operations it declares.
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { isPlainObject, validateAgainstSchema, type FormatCheckers, type RefResolver, type Schema, type SchemaIssue } from './stand-in-schema';

/** One parameter of an operation, as the spec declares it. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

/** The parts of an OpenAPI operation the stand-ins read. */
export interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  [keyword: string]: unknown;
}

/** A path template with the operations declared for it, keyed by lower-case method. */
export interface SpecRoute {
  template: string;
  operations: Map<string, OpenApiOperation>;
  pathParameters: OpenApiParameter[];
  pattern: RegExp;
  parameterNames: string[];
}

/** A parsed spec: the raw document, a `$ref` resolver and its routes, most specific first. */
export interface LoadedSpec {
  document: Record<string, unknown>;
  resolve: RefResolver;
  routes: SpecRoute[];
}

/** Where a request landed among the spec's routes. */
export type RouteMatch =
  | { kind: 'operation'; route: SpecRoute; method: string; operation: OpenApiOperation; params: Record<string, string> }
  | { kind: 'method-not-allowed'; route: SpecRoute }
  | { kind: 'not-found' };

/** A parameter that does not satisfy its declared schema. */
export interface ParameterIssue extends SchemaIssue {
  in: OpenApiParameter['in'];
  name: string;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Reads an OpenAPI document (YAML or JSON) and compiles its paths into matchable routes. Throws if it has no paths. */
export function loadOpenApiSpec(file: URL): LoadedSpec {
  const text = readFileSync(file, 'utf8');
  const document: unknown = file.pathname.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  if (!isPlainObject(document) || !isPlainObject(document.paths)) throw new Error(`${file.pathname} has no OpenAPI paths`);
  const resolve = createRefResolver(document);
  const routes = Object.entries(document.paths as Record<string, Record<string, unknown>>)
    .map(([template, item]) => compileRoute(template, item))
    .sort((a, b) => literalSegments(b.template) - literalSegments(a.template));
  return { document, resolve, routes };
}

/** Finds the operation for `method` + `path`; says whether the path exists with other methods only. */
export function matchSpecRoute(spec: LoadedSpec, method: string, path: string): RouteMatch {
  let pathExists: SpecRoute | undefined;
  const wanted = method.toLowerCase();
  for (const route of spec.routes) {
    const found = route.pattern.exec(path);
    if (!found) continue;
    const operation = route.operations.get(wanted);
    if (!operation) {
      pathExists ??= route;
      continue;
    }
    const params: Record<string, string> = {};
    route.parameterNames.forEach((name, index) => {
      params[name] = safeDecode(found[index + 1] ?? '');
    });
    return { kind: 'operation', route, method: wanted, operation, params };
  }
  return pathExists ? { kind: 'method-not-allowed', route: pathExists } : { kind: 'not-found' };
}

/**
 * Checks the path, query and header parameters of a matched operation against their declared schemas.
 * Text values are coerced to the declared type first (`"20"` for an integer), as a server would.
 */
export function checkParameters(
  spec: LoadedSpec,
  match: Extract<RouteMatch, { kind: 'operation' }>,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
  formats: FormatCheckers = {},
): ParameterIssue[] {
  const issues: ParameterIssue[] = [];
  for (const parameter of [...match.route.pathParameters, ...(match.operation.parameters ?? [])]) {
    const raw = readParameter(parameter, match.params, query, headers);
    if (raw === undefined) {
      if (parameter.required) issues.push({ in: parameter.in, name: parameter.name, path: parameter.name, problem: 'missing', message: 'is required' });
      continue;
    }
    if (!parameter.schema) continue;
    const schema = parameter.schema;
    for (const issue of validateAgainstSchema(coerceFromText(raw, schema, spec.resolve), schema, spec.resolve, formats, parameter.name)) {
      issues.push({ ...issue, in: parameter.in, name: parameter.name });
    }
  }
  return issues;
}

/** Returns the schema of the operation's request body for `mediaType`, or undefined when none is declared. */
export function requestBodySchema(operation: OpenApiOperation, mediaType: string): Schema | undefined {
  return operation.requestBody?.content?.[mediaType]?.schema;
}

/** Converts a text value (query, header, form field) to the JSON type its schema declares, when it parses cleanly. */
export function coerceFromText(text: string, rawSchema: Schema, resolve: RefResolver): unknown {
  const schema = typeof rawSchema.$ref === 'string' ? resolve(rawSchema.$ref) : rawSchema;
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number(text);
  if (types.includes('boolean') && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  return text;
}

function createRefResolver(document: Record<string, unknown>): RefResolver {
  const cache = new Map<string, Schema>();
  return (ref) => {
    const cached = cache.get(ref);
    if (cached) return cached;
    if (!ref.startsWith('#/')) throw new Error(`Only local $ref values are supported, got ${ref}`);
    let node: unknown = document;
    for (const segment of ref.slice(2).split('/')) {
      node = isPlainObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isPlainObject(node)) throw new Error(`Unresolvable $ref ${ref}`);
    cache.set(ref, node);
    return node;
  };
}

function compileRoute(template: string, item: Record<string, unknown>): SpecRoute {
  const operations = new Map<string, OpenApiOperation>();
  for (const method of HTTP_METHODS) {
    if (isPlainObject(item[method])) operations.set(method, item[method] as OpenApiOperation);
  }
  const parameterNames: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(name);
      return '([^/]+)';
    })
    .join('');
  const pathParameters = Array.isArray(item.parameters) ? (item.parameters as OpenApiParameter[]) : [];
  return { template, operations, pathParameters, pattern: new RegExp(`^${source}$`), parameterNames };
}

function readParameter(
  parameter: OpenApiParameter,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  headers: IncomingHttpHeaders,
): string | undefined {
  if (parameter.in === 'path') return pathParams[parameter.name];
  if (parameter.in === 'query') return query.get(parameter.name) ?? undefined;
  if (parameter.in === 'header') {
    const value = headers[parameter.name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function literalSegments(template: string): number {
  return template.split('/').filter((segment) => segment && !segment.includes('{')).length;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
