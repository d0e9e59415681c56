import { findInputProblem, MAX_INPUT_DEPTH } from './input-check';

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });

describe('findInputProblem', () => {
  it('passes ordinary input, emoji (surrogate pairs) and every other Unicode character included', () => {
    expect(findInputProblem({ name: 'Support 🛠', tags: ['ÿ', '中文', '\u2028'], n: 1, ok: true, none: null })).toBeUndefined();
    expect(findInputProblem(undefined)).toBeUndefined();
  });

  it.each([
    ['a NUL in a value', { name: 'a\u0000b' }, 'name', 'contains a NUL character (U+0000)'],
    [
      'a NUL deep in an array',
      { levels: [{ statusId: 'x' }, { statusId: '\u0000' }] },
      'levels.1.statusId',
      'contains a NUL character (U+0000)',
    ],
    ['a lone high surrogate', { email: 'a\ud800@x.test' }, 'email', 'contains an unpaired UTF-16 surrogate (not valid Unicode)'],
    ['a lone low surrogate', { email: '\udc00' }, 'email', 'contains an unpaired UTF-16 surrogate (not valid Unicode)'],
    ['a reversed pair', { name: '\udc00\ud800' }, 'name', 'contains an unpaired UTF-16 surrogate (not valid Unicode)'],
    ['a NUL in a field name', { 'x\u0000': 1 }, 'x\u0000', 'has a field name that contains a NUL character (U+0000)'],
    ['a bare string body', '\u0000', '(body)', 'contains a NUL character (U+0000)'],
  ])('finds %s', (_case, input, field, reason) => {
    expect(findInputProblem(input)).toEqual({ field, reason });
  });

  it(`takes nesting up to ${MAX_INPUT_DEPTH} levels and refuses deeper, naming where`, () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH))).toBeUndefined();
    expect(findInputProblem(nested(MAX_INPUT_DEPTH + 1))).toEqual({
      field: Array(MAX_INPUT_DEPTH).fill('a').join('.'),
      reason: `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
    });
  });

  it('does not overflow on 100,000 levels', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(findInputProblem(deep)?.reason).toBe(`is nested deeper than ${MAX_INPUT_DEPTH} levels`);
  });
});
