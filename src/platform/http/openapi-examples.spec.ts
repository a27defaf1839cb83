import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { applyOpenApiExamples } from './openapi-examples.js';

const ERROR = { $ref: '#/components/schemas/ErrorResponseDto' };
const BINARY = { type: 'string', format: 'binary' } as const;

function documentOf(paths: Record<string, Record<string, Partial<OperationObject> & Record<string, unknown>>>): OpenAPIObject {
  const withResponses = Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [path, Object.fromEntries(Object.entries(item).map(([m, op]) => [m, { responses: {}, ...op }]))]),
  );
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: withResponses };
}

describe('applyOpenApiExamples', () => {
  it('moves a JSON example into the request body and parameter examples into the parameters, and removes the extension', () => {
    const doc = applyOpenApiExamples(documentOf({
      '/channels/{code}': {
        put: {
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }, { name: 'dryRun', in: 'query', schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ChannelPutDto' } } } },
          'x-wfm-request-example': { json: { name: 'Retail', media: 'voice-inbound' }, params: { code: 'retail', dryRun: 'true' } },
        },
      },
    }));
    const op = doc.paths['/channels/{code}'].put as OperationObject & Record<string, unknown>;
    expect(op['x-wfm-request-example']).toBeUndefined();
    expect(op.requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ChannelPutDto' }, example: { name: 'Retail', media: 'voice-inbound' } } },
    });
    expect(op.parameters?.map((p) => ('example' in p ? p.example : null))).toEqual(['retail', 'true']);
  });

  it("gives an upload the CSV example and JSON rows derived from it (camelCase keys, cell text, empty cells left out) as text boxes, not file pickers", () => {
    const doc = applyOpenApiExamples(documentOf({
      '/forecasts': {
        post: {
          requestBody: { content: { 'text/csv': { schema: BINARY }, 'multipart/form-data': { schema: BINARY }, 'application/json': { schema: BINARY } } },
          'x-wfm-request-example': { csv: 'channel,interval_start,aht_seconds,shrinkage\nretail,1999-10-17 09:00,180,\r\n"a,b",1999-10-17 09:30,175,0.3\n' },
        },
      },
    }));
    const content = (doc.paths['/forecasts'].post?.requestBody as { content: Record<string, { schema: unknown; example?: unknown }> }).content;
    expect(content['text/csv']).toEqual({ schema: { type: 'string', description: expect.any(String) }, example: expect.stringMatching(/^channel,interval_start/) });
    expect(content['application/json'].example).toEqual({
      rows: [
        { channel: 'retail', intervalStart: '1999-10-17 09:00', ahtSeconds: '180' },
        { channel: 'a,b', intervalStart: '1999-10-17 09:30', ahtSeconds: '175', shrinkage: '0.3' },
      ],
    });
    expect(content['application/json'].schema).toMatchObject({ type: 'object', required: ['rows'] });
    expect(content['multipart/form-data']).toEqual({ schema: BINARY });
  });

  it('keeps a JSON example given beside the CSV one, and appends the note to the body description', () => {
    const doc = applyOpenApiExamples(documentOf({
      '/plans': {
        post: {
          requestBody: { description: 'The plan', content: { 'application/json': { schema: { type: 'object' } } } },
          'x-wfm-request-example': { json: { forecastVersionId: 'x' }, note: 'Replace forecastVersionId with yours' },
        },
      },
      '/uploads': {
        post: {
          requestBody: { content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
          'x-wfm-request-example': { csv: 'a_b\n1', json: { rows: [{ aB: 1 }] } },
        },
      },
    }));
    expect(doc.paths['/plans'].post?.requestBody).toMatchObject({ description: 'The plan. Replace forecastVersionId with yours' });
    expect(doc.paths['/uploads'].post?.requestBody).toMatchObject({ content: { 'application/json': { example: { rows: [{ aB: 1 }] } } } });
  });

  it.each([
    ['a media type the route does not accept', { requestBody: { content: { 'application/json': {} } }, 'x-wfm-request-example': { csv: 'a\n1' } }, /POST \/r: a request example for text\/csv/],
    ['a parameter the route does not have', { parameters: [], 'x-wfm-request-example': { params: { from: '1999-10-01' } } }, /POST \/r: an example for parameter from/],
    ['a body on a route without one', { 'x-wfm-request-example': { json: {} } }, /POST \/r: a request body example on a route without a request body/],
  ])('refuses an example for %s', (_, post, message) => {
    expect(() => applyOpenApiExamples(documentOf({ '/r': { post } }))).toThrow(message);
  });

  it('gives each error response of the error shape its status and the first code of that status its description names, else the generic code of the status', () => {
    const doc = applyOpenApiExamples(documentOf({
      '/staffing/calculate': {
        post: {
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/StaffingResponseDto' } } } },
            '401': { description: 'No or bad API key (UNAUTHENTICATED)', content: { 'application/json': { schema: ERROR } } },
            '403': { description: 'Role lacks the right; allowed: admin, scheduler', content: { 'application/json': { schema: ERROR }, 'text/csv': { schema: ERROR } } },
            '404': { description: 'FORECAST_VERSION_NOT_FOUND, PLAN_NOT_FOUND', content: { 'application/json': { schema: ERROR } } },
            '413': { description: 'TOO_MANY_INTERVALS (more than 100,000) or PAYLOAD_TOO_LARGE', content: { 'application/json': { schema: ERROR } } },
            '422': { description: 'NOT_A_CODE, TOO_MANY_INTERVALS (a 413), then GOAL_UNREACHABLE', content: { 'application/json': { schema: ERROR } } },
            '503': { description: 'The database is not reachable' },
          },
        },
      },
    }));
    const responses = doc.paths['/staffing/calculate'].post?.responses ?? {};
    const example = (status: string, media = 'application/json'): unknown => (responses[status] as { content: Record<string, { example?: unknown }> }).content[media].example;
    expect(example('200')).toBeUndefined();
    expect(example('401')).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'missing API key: send Authorization: Bearer <key>' });
    expect(example('403')).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(example('403', 'text/csv')).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(example('404')).toMatchObject({ statusCode: 404, code: 'FORECAST_VERSION_NOT_FOUND', message: expect.stringMatching(/^forecast version \S+ not found$/) });
    expect(example('413')).toMatchObject({ statusCode: 413, code: 'TOO_MANY_INTERVALS' });
    expect(example('422')).toMatchObject({ statusCode: 422, code: 'GOAL_UNREACHABLE' });
    expect(responses['503']).toEqual({ description: 'The database is not reachable' });
  });

  it('falls back to VALIDATION_FAILED for a 422 that names no code of its status', () => {
    const doc = applyOpenApiExamples(documentOf({
      '/r': { put: { responses: { '422': { description: 'bad input; see CONFLICT', content: { 'application/json': { schema: ERROR } } } } } },
    }));
    expect(doc.paths['/r'].put?.responses['422']).toMatchObject({ content: { 'application/json': { example: { statusCode: 422, code: 'VALIDATION_FAILED' } } } });
  });
});
