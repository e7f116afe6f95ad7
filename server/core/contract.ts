// Loads api/openapi.yaml and compiles, per operation, validators for its request parts and its responses, so the
// server enforces exactly the contract the client's types are generated from.
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { MAX_REPORTED_FIELDS, type FieldError } from './errors';

/** A validator returns the bad fields (empty when valid); it may coerce and default `data` in place. */
type Check = (data: unknown) => FieldError[];

export type ResponseCheck =
  { kind: 'json'; check: Check } | { kind: 'empty' } | { kind: 'binary'; contentType: string };

export interface Operation {
  operationId: string;
  method: string;
  /** As in the contract: /v1/pois/{id}. */
  path: string;
  tags: string[];
  /** Has a bearerAuth security requirement. */
  secured: boolean;
  checkParams: Check;
  checkQuery: Check;
  checkHeaders: Check;
  /** Undefined when the operation takes no body (a body sent anyway is ignored). */
  checkBody?: Check;
  /** The response declaration for a status: the exact code, else `default` for error statuses. */
  response(status: number): ResponseCheck | undefined;
}

export interface Contract {
  document: OpenApiDocument;
  operations: Operation[];
}

type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface Content {
  [mediaType: string]: { schema?: JsonSchema } | undefined;
}

interface OperationObject {
  operationId: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: (Parameter | Ref)[];
  requestBody?: { required?: boolean; content: Content };
  responses: Record<string, { content?: Content } | Ref>;
}

interface Ref {
  $ref: string;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, { content?: Content }>;
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const SCHEMA_ID = 'wayfarer-contract';

export const contractPath = join(__dirname, '..', '..', 'api', 'openapi.yaml');

let cached: Contract | undefined;

/** The compiled contract; compiled once per process (tests build many servers). */
export function loadContract(): Contract {
  cached ??= compileContract(parse(readFileSync(contractPath, 'utf8')) as OpenApiDocument);
  return cached;
}

export function compileContract(document: OpenApiDocument): Contract {
  // Bodies and responses are JSON and checked as they are; query, path and header values arrive as strings and
  // are coerced to the declared types (and defaults filled) the way a real server framework would.
  const strict = newAjv({});
  const coercing = newAjv({ coerceTypes: 'array', useDefaults: true });
  const defs = rewriteRefs(document.components.schemas);
  strict.addSchema({ $id: SCHEMA_ID, $defs: defs });
  coercing.addSchema({ $id: SCHEMA_ID, $defs: defs });

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => resolve<Parameter>(document, p));
      const json = op.requestBody?.content['application/json']?.schema;
      const responses = new Map<string, ResponseCheck>();
      for (const [status, declared] of Object.entries(op.responses)) {
        responses.set(status, responseCheck(strict, resolve(document, declared).content));
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        tags: op.tags ?? [],
        secured: (op.security ?? []).some((requirement) => 'bearerAuth' in requirement),
        checkParams: parameterCheck(coercing, params, 'path'),
        checkQuery: parameterCheck(coercing, params, 'query'),
        checkHeaders: parameterCheck(coercing, params, 'header'),
        checkBody: json ? bodyCheck(strict, json, op.requestBody?.required === true) : undefined,
        response(status) {
          const exact = responses.get(String(status));
          if (exact || status < 400) return exact;
          return responses.get('default');
        },
      });
    }
  }
  return { document, operations };
}

function newAjv(options: { coerceTypes?: 'array'; useDefaults?: boolean }): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, ...options });
  addFormats(ajv);
  return ajv;
}

/** The contract's `#/components/schemas/X` refs, pointed at the one schema Ajv holds them in. */
function rewriteRefs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(rewriteRefs) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      out[key] =
        key === '$ref' && typeof v === 'string'
          ? v.replace('#/components/schemas/', `${SCHEMA_ID}#/$defs/`)
          : rewriteRefs(v);
    }
    return out as T;
  }
  return value;
}

function resolve<T>(document: OpenApiDocument, value: T | Ref): T {
  if (typeof value !== 'object' || value === null || !('$ref' in value)) return value;
  const [, , group, name] = value.$ref.split('/');
  const target = (document.components as Record<string, Record<string, unknown> | undefined>)[group ?? '']?.[
    name ?? ''
  ];
  if (target === undefined) throw new Error(`unresolved $ref ${value.$ref}`);
  return target as T;
}

function parameterCheck(ajv: Ajv2020, params: Parameter[], location: Parameter['in']): Check {
  const own = params.filter((p) => p.in === location);
  // Header names arrive lower-cased; errors name them as the contract spells them.
  const key = (p: Parameter): string => (location === 'header' ? p.name.toLowerCase() : p.name);
  const names = new Map(own.map((p) => [key(p), p.name]));
  const validate = lazy(ajv, {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [key(p), rewriteRefs(p.schema)])),
    required: own.filter((p) => p.required).map(key),
  });
  // A parameter is named as a whole (`status`, not `status[1]`).
  return (data) =>
    fieldErrors(validate(), data, ([first]) => (first === undefined ? '' : (names.get(first) ?? first)));
}

function bodyCheck(ajv: Ajv2020, schema: JsonSchema, required: boolean): Check {
  const validate = lazy(ajv, rewriteRefs(schema));
  return (data) => {
    if (data === undefined && !required) return [];
    // Ajv's cost with allErrors grows faster than the body: a body far beyond any real request is refused first.
    if (!withinValues(data, MAX_BODY_VALUES)) {
      return [{ field: 'body', code: 'too_long', message: `body has more than ${MAX_BODY_VALUES} values` }];
    }
    return fieldErrors(validate(), data, jsonPath);
  };
}

/** The largest real request (20 order items, 9 travellers) has a few hundred JSON values. */
export const MAX_BODY_VALUES = 2000;

/** Whether `data` holds at most `max` JSON values (counted without recursion, stopping at the limit). */
function withinValues(data: unknown, max: number): boolean {
  const stack: unknown[] = [data];
  let count = 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > max) return false;
    if (Array.isArray(value)) stack.push(...value.slice(0, max));
    else if (value !== null && typeof value === 'object') stack.push(...Object.values(value).slice(0, max));
  }
  return true;
}

function responseCheck(ajv: Ajv2020, content: Content | undefined): ResponseCheck {
  if (!content) return { kind: 'empty' };
  const json = content['application/json'];
  if (json?.schema) {
    const validate = lazy(ajv, rewriteRefs(json.schema));
    return { kind: 'json', check: (data) => fieldErrors(validate(), data, jsonPath) };
  }
  return { kind: 'binary', contentType: Object.keys(content)[0] ?? 'application/octet-stream' };
}

// Machine codes from the client's closed list (miniprogram/domain/validate VALIDATION_CODES), so one message
// catalogue explains both what the forms and what the server reject.
const CODES: Record<string, string> = {
  required: 'required',
  type: 'invalid_type',
  enum: 'choice',
  const: 'choice',
  minLength: 'too_short',
  maxLength: 'too_long',
  minItems: 'too_short',
  maxItems: 'too_long',
  minimum: 'out_of_range',
  maximum: 'out_of_range',
  exclusiveMinimum: 'out_of_range',
  exclusiveMaximum: 'out_of_range',
  additionalProperties: 'unknown_field',
  pattern: 'bad_chars',
  format: 'invalid',
};

/** Formats and patterns say more by the named schema they belong to. */
const CODES_BY_SCHEMA: Record<string, string> = {
  LocalDate: 'date.format',
  Instant: 'date.format',
  E164: 'mobile.format',
  Email: 'email.format',
};

function errorCode(error: ErrorObject): string {
  const schema = /\$defs\/(\w+)\/(?:pattern|format)$/.exec(error.schemaPath)?.[1];
  return (schema && CODES_BY_SCHEMA[schema]) || (CODES[error.keyword] ?? 'invalid');
}

/** Compiled on first use: most operations are never called in a given test file, and startup stays fast. */
function lazy(ajv: Ajv2020, schema: JsonSchema): () => ValidateFunction {
  let validate: ValidateFunction | undefined;
  return () => (validate ??= ajv.compile(schema));
}

function fieldErrors(
  validate: ValidateFunction,
  data: unknown,
  name: (segments: string[]) => string,
): FieldError[] {
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of errors) {
    // A failed oneOf/anyOf also reports each branch's errors; those name the field better.
    if ((error.keyword === 'oneOf' || error.keyword === 'anyOf') && errors.length > 1) continue;
    const field = name(errorSegments(error)) || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, code: errorCode(error), message: `${field} ${errorMessage(error)}` });
    if (out.length === MAX_REPORTED_FIELDS) break;
  }
  return out;
}

/** Ajv's instance path as segments, including the missing or unexpected property. */
function errorSegments(error: ErrorObject): string[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty) segments.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && params.additionalProperty) {
    segments.push(params.additionalProperty);
  }
  return segments;
}

/** `travellers[1].documentNumber`: the path style of `details.field`. */
function jsonPath(segments: string[]): string {
  return segments.reduce((path, s) => {
    if (/^[0-9]+$/.test(s)) return `${path}[${s}]`;
    if (/^[A-Za-z_$][\w$]*$/.test(s)) return path ? `${path}.${s}` : s;
    return `${path}[${JSON.stringify(s)}]`;
  }, '');
}

function errorMessage(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not allowed';
  return error.message ?? 'is invalid';
}
