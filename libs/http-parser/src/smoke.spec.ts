import { DEFAULT_PARSER_LIMITS } from '@mths/http-parser';
test('limits', () => { expect(DEFAULT_PARSER_LIMITS.maxHeaderCount).toBe(100); });
