import { DomainError } from './domain-error';
import { ERROR_CODES, isErrorCode } from './error-codes';

describe('the error-code catalog', () => {
  it('defines each code once, in the group of its area', () => {
    const all = Object.values(ERROR_CODES).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const [group, codes] of Object.entries(ERROR_CODES)) {
      const area = group.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();
      for (const code of codes) expect(code === area || code.startsWith(`${area}.`)).toBe(true);
    }
  });

  it('types DomainError by it: a misspelt code does not compile', () => {
    expect(new DomainError('STATUS.UNKNOWN', 'validation', 'statusId: unknown').code).toBe('STATUS.UNKNOWN');
    // @ts-expect-error — not a code of the catalog
    expect(DomainError.notFound('ORDER.NOT_FUOND', 'Order').code).toBe('ORDER.NOT_FUOND');
  });

  it('tells codes read from elsewhere apart', () => {
    expect(isErrorCode('RIGHT.NOT_GRANTED')).toBe(true);
    expect(isErrorCode('HTTP.409')).toBe(true);
    expect(isErrorCode('ALLOWED.GROUP')).toBe(false);
    expect(isErrorCode('ORDER.NOT_FUOND')).toBe(false);
  });
});
