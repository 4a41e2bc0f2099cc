import { jsonError } from './json-error';

describe('jsonError', () => {
  it.each([
    [400, 'Invalid JSON', '{"status":"error","code":400,"message":"Invalid JSON"}'],
    [415, 'Content-Type must be application/json', '{"status":"error","code":415,"message":"Content-Type must be application/json"}'],
    [413, 'a "quoted"\nline \\ </script>', '{"status":"error","code":413,"message":"a \\"quoted\\"\\nline \\\\ </script>"}'],
    [500, 'é', '{"status":"error","code":500,"message":"é"}'],
  ])('%d %j', (status, message, expected) => {
    const body = jsonError(status, message);
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(body.toString('utf8')).toBe(expected);
    expect(JSON.parse(body.toString('utf8'))).toEqual({ status: 'error', code: status, message });
  });

  it('refuses an invalid status', () => {
    expect(() => jsonError(1000, 'x')).toThrow(expect.objectContaining({ code: 'RB_INVALID_STATUS' }));
  });
});
