// The contract itself: valid OpenAPI 3.1, complete enough to code against, compilable by the dev API's validator,
// and in step with the generated client types.
import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import { promisify } from 'util';
import { parse } from 'yaml';
import { compileContract, contractPath, type OpenApiDocument } from '../../server/core/contract';
import { apiTypesAreFresh } from '../../scripts/gen-api-types';

const document = parse(readFileSync(contractPath, 'utf8')) as OpenApiDocument;

interface Op {
  method: string;
  path: string;
  operationId?: string;
  security?: Record<string, string[]>[];
  tags?: string[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
}

const operations: Op[] = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ ...(op as unknown as Op), method, path })),
);

function schemaOf(ref: string | undefined): Record<string, unknown> {
  const name = ref?.replace('#/components/schemas/', '') ?? '';
  const schema = document.components.schemas[name];
  if (!schema) throw new Error(`no schema ${ref}`);
  return schema;
}

const PUBLIC = [
  'createSession',
  'getDestination',
  'listPois',
  'getPoi',
  'listEvents',
  'listProducts',
  'getProduct',
  'getProductCalendar',
  'listOffers',
  'getOffer',
  'listInsurancePlans',
];

describe('api/openapi.yaml', () => {
  it('is valid OpenAPI 3.1', async () => {
    // The validator is an ES module, which jest's CommonJS runtime cannot load: it runs in a plain node instead.
    const script = `
      import { Validator } from '@seriousme/openapi-schema-validator';
      const validator = new Validator();
      const result = await validator.validate(${JSON.stringify(contractPath)});
      console.log(JSON.stringify({ version: validator.version, ...result }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: `${__dirname}/../..`,
    });
    expect(JSON.parse(stdout)).toEqual({ version: '3.1', valid: true });
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations.map((op) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares a 4xx response with the Error schema on every operation', () => {
    for (const op of operations) {
      const errors = Object.entries(op.responses)
        .filter(([status]) => /^4\d\d$/.test(status))
        .map(([, response]) => {
          const name = response.$ref?.replace('#/components/responses/', '');
          const resolved = name ? (document.components.responses?.[name] ?? {}) : response;
          return resolved.content?.['application/json']?.schema as { $ref?: string } | undefined;
        });
      expect({ op: op.operationId, has4xx: errors.length > 0 }).toEqual({ op: op.operationId, has4xx: true });
      for (const schema of errors) expect(schema?.$ref).toBe('#/components/schemas/Error');
    }
  });

  it('requires the bearer token on every user operation and on no public one', () => {
    for (const op of operations) {
      const secured = (op.security ?? []).some((requirement) => 'bearerAuth' in requirement);
      const expected = !PUBLIC.includes(op.operationId ?? '') && !(op.tags ?? []).includes('dev');
      expect({ op: op.operationId, secured }).toEqual({ op: op.operationId, secured: expected });
    }
  });

  it('keeps dev operations under /dev/ and everything else under /v1/', () => {
    for (const op of operations) {
      expect({ op: op.operationId, path: op.path.split('/')[1] }).toEqual({
        op: op.operationId,
        path: (op.tags ?? []).includes('dev') ? 'dev' : 'v1',
      });
    }
  });

  it('closes every request body to unknown properties', () => {
    for (const op of operations.filter((o) => o.requestBody)) {
      const body = schemaOf(op.requestBody?.content['application/json']?.schema?.$ref);
      expect({ op: op.operationId, additionalProperties: body.additionalProperties }).toEqual({
        op: op.operationId,
        additionalProperties: false,
      });
    }
  });

  it('gives every object schema a required list, and closes it unless it is meant to be open', () => {
    for (const [name, schema] of Object.entries(document.components.schemas)) {
      if (schema.type !== 'object' || name === 'ErrorDetails') continue;
      expect({ name, required: Array.isArray(schema.required) }).toEqual({ name, required: true });
      expect({ name, additionalProperties: schema.additionalProperties }).toEqual({
        name,
        additionalProperties: false,
      });
    }
  });

  it('compiles in the dev API validator (Ajv, JSON Schema 2020-12, strict)', () => {
    const contract = compileContract(document);
    for (const op of contract.operations) {
      // Validators compile lazily: run each once so a schema Ajv rejects fails here, not in a request.
      op.checkParams({});
      op.checkQuery({});
      op.checkHeaders({});
      op.checkBody?.({});
      for (const status of Object.keys(
        operations.find((o) => o.operationId === op.operationId)?.responses ?? {},
      )) {
        const declared = op.response(status === 'default' ? 500 : Number(status));
        if (declared?.kind === 'json') declared.check({});
      }
    }
    expect(contract.operations).toHaveLength(operations.length);
  });

  it('matches typings/api.d.ts (run npm run gen:api after editing the contract)', () => {
    expect(apiTypesAreFresh()).toBe(true);
  });
});
