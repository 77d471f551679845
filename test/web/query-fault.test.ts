import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api-client.js';
import {
  isStaleCursor,
  queryFaultOf,
  splitAtFault,
} from '../../web/src/features/search/utils/query-fault.js';

// The 400 the server answers for `深度:1500..500`.
const reversedRange = new ApiError(400, {
  type: 'urn:coreshare:problem:invalid_input',
  detail: 'q: reversed range for depth: 1500 is greater than 500 (write 500..1500)',
  errors: [
    {
      field: 'q',
      position: 3,
      length: 9,
      message: 'reversed range for depth: 1500 is greater than 500 (write 500..1500)',
      message_zh: '深度的范围颠倒：1500 大于 500（应写作 500..1500）',
    },
  ],
});

describe('queryFaultOf', () => {
  it('takes the message in the reader’s language and where the fault is', () => {
    expect(queryFaultOf(reversedRange, 'zh')).toEqual({
      message: '深度的范围颠倒：1500 大于 500（应写作 500..1500）',
      position: 3,
      length: 9,
    });
    expect(queryFaultOf(reversedRange, 'en')?.message).toBe(
      'reversed range for depth: 1500 is greater than 500 (write 500..1500)',
    );
  });

  it('falls back to English without a Chinese message, and to no position without one', () => {
    const error = new ApiError(400, { errors: [{ field: 'q', message: 'bad query' }] });
    expect(queryFaultOf(error, 'zh')).toEqual({ message: 'bad query', position: null, length: 0 });
  });

  it('is null for anything that is not a 400 about q', () => {
    expect(queryFaultOf(new ApiError(500, { detail: 'boom' }), 'zh')).toBeNull();
    expect(queryFaultOf(new ApiError(400, { detail: 'bad' }), 'zh')).toBeNull();
    expect(queryFaultOf(new TypeError('Failed to fetch'), 'zh')).toBeNull();
    const cursor = new ApiError(400, { errors: [{ field: 'cursor', message: 'malformed cursor' }] });
    expect(queryFaultOf(cursor, 'zh')).toBeNull();
    expect(isStaleCursor(cursor)).toBe(true);
    expect(isStaleCursor(reversedRange)).toBe(false);
  });
});

describe('splitAtFault', () => {
  it('cuts the query around the part at fault', () => {
    expect(splitAtFault('深度:1500..500', 3, 9)).toEqual({ before: '深度:', fault: '1500..500', after: '' });
    expect(splitAtFault('铜 AND', 2, 3)).toEqual({ before: '铜 ', fault: 'AND', after: '' });
    expect(splitAtFault('(铜 金', 0, 1)).toEqual({ before: '', fault: '(', after: '铜 金' });
  });

  it('keeps a zero-length fault as a gap at its place', () => {
    expect(splitAtFault('省: 铜', 2, 0)).toEqual({ before: '省:', fault: '', after: ' 铜' });
  });

  it('clamps offsets that run past either end', () => {
    expect(splitAtFault('铜', 5, 3)).toEqual({ before: '铜', fault: '', after: '' });
    expect(splitAtFault('铜金', 1, 40)).toEqual({ before: '铜', fault: '金', after: '' });
    expect(splitAtFault('铜金', -2, 1)).toEqual({ before: '', fault: '铜', after: '金' });
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    // 𠀀 (U+20000) is two UTF-16 units; offsets landing inside it widen to the whole character.
    expect(splitAtFault('𠀀:x', 1, 1)).toEqual({ before: '', fault: '𠀀', after: ':x' });
    expect(splitAtFault('a𠀀b', 1, 1)).toEqual({ before: 'a', fault: '𠀀', after: 'b' });
  });
});
