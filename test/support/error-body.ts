/**
 * A supertest assertion for a refusal: the status and the error code together, in the one error
 * body shape of the API ({ statusCode, code, message, details? }, docs/api-conventions.md).
 *
 * @example
 * await request(url).delete(path).set(auth).expect(failsWith(409, 'FORECAST_IN_USE'));
 */
export function failsWith(status: number, code: string): (res: { status: number; body: unknown }) => void {
  return (res) => {
    const body = (res.body ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
    expect({ status: res.status, statusCode: body.statusCode, code: body.code, message: typeof body.message }).toEqual({ status, statusCode: status, code, message: 'string' });
  };
}
