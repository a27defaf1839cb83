import {
  ApiExtension,
  getSchemaPath,
  type MediaTypeObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type RequestBodyObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { createCsvTokenizer } from '../../core/ingest/csv-tokenizer.js';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import { httpStatusOf, type ErrorCode } from '../errors/error-codes.js';

/** The operation extension that carries a route's request example to `applyOpenApiExamples`. */
const EXTENSION = 'x-wfm-request-example';

/** A request that the route accepts as it is, shown in the Swagger UI. */
export interface RequestExample {
  /** The `application/json` body. An upload route may leave it out: it is derived from `csv`. */
  json?: unknown;
  /** The `text/csv` body of an upload route: a header row, then the rows. */
  csv?: string;
  /** Examples of the route's path and query parameters, by name. */
  params?: Record<string, string>;
  /** What a caller must put in before sending it (an id of their own); appended to the body's description. */
  note?: string;
}

/**
 * The request example of a POST or PUT route: its body and parameters
 * (`test/e2e/openapi-examples.e2e-spec.ts` sends every one and expects 2xx).
 */
export function ApiRequestExample(example: RequestExample): MethodDecorator {
  return ApiExtension(EXTENSION, example);
}

/** The code each documented error status shows when its description names none of that status. */
const GENERIC_CODE: Readonly<Partial<Record<number, ErrorCode>>> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  503: 'DATABASE_UNAVAILABLE',
};

/** A message of each code as the server words it (the error examples of the OpenAPI document). */
const MESSAGES: Readonly<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: 'Validation failed (uuid is expected)',
  MALFORMED_JSON: 'request body is not valid JSON',
  MALFORMED_MULTIPART: 'malformed multipart body: Unexpected end of form',
  REQUEST_ABORTED: 'the client closed the connection before the upload was read',
  UNAUTHENTICATED: 'missing API key: send Authorization: Bearer <key>',
  FORBIDDEN: 'the role of this API key may not call this route',
  NOT_FOUND: 'not found',
  ROUTE_NOT_FOUND: 'Cannot GET /api/v1/nowhere',
  API_KEY_NOT_FOUND: 'API key 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d not found',
  CHANNEL_NOT_FOUND: 'channel fax not found',
  PLAN_NOT_FOUND: 'staffing plan 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d not found',
  FORECAST_VERSION_NOT_FOUND: 'forecast version 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d not found',
  JOB_NOT_FOUND: 'job 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d not found',
  UPLOAD_NOT_FOUND: 'upload 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d not found',
  IMPORT_MAPPING_NOT_FOUND: 'import mapping acd-export not found',
  AGENT_NOT_FOUND: 'agent AVI not found',
  SCENARIO_NOT_FOUND: 'schedule scenario 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d not found',
  CONFLICT: 'the request conflicts with the stored data',
  CHANNEL_IN_USE: 'channel retail has data (forecasts, actuals or plans) and cannot be deleted',
  LAST_ADMIN_KEY: 'cannot revoke the last active admin key of the tenant',
  FORECAST_IN_USE: 'forecast version 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d is used by a staffing plan and cannot be deleted',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key "week-42" was used by upload 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d with a different body or mapping; send a new key for new content',
  SCHEDULES_EXIST: '12 (agent, day)s already hold shifts (first: AVI 1999-10-18); send replace: true to replace them',
  SCENARIO_ALREADY_PUBLISHED: 'schedule scenario 5b0f3e1c-7d2a-4c55-9e0b-6f1d2a3b4c5d is already published; send replace: true to publish it again',
  PAYLOAD_TOO_LARGE: 'request body is larger than the limit of 20000000 bytes',
  TOO_MANY_INTERVALS: 'a request may hold at most 100000 intervals; this one has 100001',
  COMPUTATION_TOO_LARGE: 'the staffing computation ran longer than 120 s (WFM_COMPUTE_TIMEOUT_SECONDS): send fewer intervals or smaller loads',
  UNSUPPORTED_MEDIA_TYPE: 'content type application/xml is not accepted: send text/csv, multipart/form-data with a file part, or application/json',
  VALIDATION_FAILED: 'serviceLevelTarget: must not be greater than 1',
  INVALID_INTERVALS: '2 interval fields are invalid; first: intervals[3].volume: must be a finite number >= 0',
  GOAL_UNREACHABLE: 'intervals[0]: no agent count meets the goal ({"maxAbandonRate":0})',
  INVALID_ROWS: '3 rows are invalid; first: line 7, volume: must be a finite number >= 0',
  EMPTY_UPLOAD: 'the upload has a header but no rows',
  UNKNOWN_CHANNELS: 'unknown channel codes: fax',
  INSUFFICIENT_HISTORY: 'channel retail has 5 days of actuals before 1999-10-17; weekday-profile needs 7',
  RATE_LIMITED: 'too many requests to expensive routes with this API key (WFM_RATE_LIMIT_EXPENSIVE=120 a minute); retry in 42 s',
  INTERNAL_ERROR: 'internal error; quote request id 0b7e5c2a-93f4-4d1e-8a6b-2c4d6e8f0a1b when reporting it',
  DATABASE_UNAVAILABLE: 'the database is unavailable; retry later',
  SHUTTING_DOWN: 'the engine is shutting down; retry on another instance or later',
  JOB_INTERRUPTED: 'the process running the job stopped before it finished; start the job again',
};

/**
 * The code an error response shows: the first code its description names that has its status,
 * else the generic code of the status.
 */
function exampleCode(status: number, description: string): ErrorCode | undefined {
  const words: string[] = description.match(/\b[A-Z][A-Z0-9_]+\b/g) ?? [];
  return words.filter(isErrorCode).find((code) => httpStatusOf(code) === status) ?? GENERIC_CODE[status];
}

function isErrorCode(word: string): word is ErrorCode {
  return Object.hasOwn(MESSAGES, word);
}

/** camelCase JSON key of a snake_case CSV column, as the upload reader expects it. */
function camel(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** CSV text as the JSON upload `rows`: keyed by camelCase(header), cell text as strings, empty cells left out. */
function rowsOfCsv(csv: string): Array<Record<string, string>> {
  const records: string[][] = [];
  const tokenizer = createCsvTokenizer({
    delimiter: ',',
    onRecord: (fields) => records.push([...fields]),
    onError: (line, reason) => {
      throw new Error(`CSV example, line ${line}: ${reason}`);
    },
  });
  tokenizer.push(csv);
  tokenizer.end();
  const [header = [], ...rows] = records;
  const keys = header.map((name) => camel(name.trim().toLowerCase()));
  return rows.map((fields) => Object.fromEntries(keys.flatMap((key, i) => (fields[i] ? [[key, fields[i]]] : []))));
}

/**
 * Schemas that Swagger UI shows as a text box (with the example in it) for a body it would
 * otherwise offer as a file to pick (`format: binary`).
 */
const TEXT_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  'text/csv': { type: 'string', description: 'CSV: a header row, then one row per record' },
  'application/json': {
    type: 'object',
    description: 'JSON rows: one object per CSV row, keyed by the camelCase column names',
    required: ['rows'],
    properties: { rows: { type: 'array', items: { type: 'object', additionalProperties: true } } },
  },
};

function isBinary(schema: SchemaObject | ReferenceObject | undefined): boolean {
  return schema !== undefined && !('$ref' in schema) && schema.format === 'binary';
}

/** Puts `value` as the example of the body's `mediaType`; the route must declare that media type. */
function placeExample(body: RequestBodyObject, mediaType: string, value: unknown, where: string): void {
  if (value === undefined) return;
  const media: MediaTypeObject | undefined = body.content[mediaType];
  if (!media) throw new Error(`${where}: a request example for ${mediaType}, which the route does not accept`);
  media.example = value;
  if (isBinary(media.schema) && TEXT_SCHEMAS[mediaType]) media.schema = TEXT_SCHEMAS[mediaType];
}

function applyRequestExample(operation: OperationObject & Record<string, unknown>, where: string): void {
  const example = operation[EXTENSION] as RequestExample | undefined;
  if (example === undefined) return;
  delete operation[EXTENSION];
  for (const [name, value] of Object.entries(example.params ?? {})) {
    const parameter = operation.parameters?.find((p): p is ParameterObject => !('$ref' in p) && p.name === name && (p.in === 'path' || p.in === 'query'));
    if (!parameter) throw new Error(`${where}: an example for parameter ${name}, which the route does not have`);
    parameter.example = value;
  }
  if (example.json === undefined && example.csv === undefined) return;
  const body = operation.requestBody as RequestBodyObject | undefined;
  if (!body?.content) throw new Error(`${where}: a request body example on a route without a request body`);
  const derivedJson = example.csv !== undefined && body.content['application/json'] ? { rows: rowsOfCsv(example.csv) } : undefined;
  placeExample(body, 'text/csv', example.csv, where);
  placeExample(body, 'application/json', example.json ?? derivedJson, where);
  if (example.note) body.description = body.description ? `${body.description}. ${example.note}` : example.note;
}

function applyErrorExamples(operation: OperationObject): void {
  const errorSchema = getSchemaPath(ErrorResponseDto);
  for (const [key, response] of Object.entries(operation.responses)) {
    const status = Number(key);
    if (!(status >= 400) || !response || '$ref' in response) continue;
    const { description, content } = response;
    const code = exampleCode(status, description);
    if (code === undefined) continue;
    for (const media of Object.values(content ?? {})) {
      const schema = media.schema as ReferenceObject | undefined;
      if (schema?.$ref === errorSchema) media.example = { statusCode: status, code, message: MESSAGES[code] };
    }
  }
}

/**
 * Finishes the OpenAPI document for the Swagger UI: each route's `@ApiRequestExample` becomes
 * the `example` of its `application/json` and `text/csv` request bodies (an upload's JSON rows
 * derived from its CSV when not given), and every error response of the `ErrorResponseDto`
 * shape gets an example `{ statusCode, code, message }` with the code its description names for
 * that status. Mutates and returns `document`.
 */
export function applyOpenApiExamples(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (!operation) continue;
      applyRequestExample(operation as OperationObject & Record<string, unknown>, `${method.toUpperCase()} ${path}`);
      applyErrorExamples(operation);
    }
  }
  return document;
}
