import { systemStatusOf, fullNameOf } from './person.mapper';

describe('systemStatusOf', () => {
  const base = { deleted_at: null, access_enabled: true, password_hash: 'hash', presence: 'offline' as const };

  it('is deleted when soft-deleted, whatever else is true', () => {
    expect(systemStatusOf({ ...base, deleted_at: new Date(), presence: 'online' })).toBe('deleted');
  });
  it('is no_access without the access flag', () => {
    expect(systemStatusOf({ ...base, access_enabled: false, presence: 'online' })).toBe('no_access');
  });
  it('is no_access without a password', () => {
    expect(systemStatusOf({ ...base, password_hash: null })).toBe('no_access');
  });
  it('follows presence otherwise', () => {
    expect(systemStatusOf({ ...base, presence: 'online' })).toBe('online');
    expect(systemStatusOf(base)).toBe('offline');
  });
});

describe('fullNameOf', () => {
  it('joins last, first and middle name, skipping what is missing', () => {
    expect(fullNameOf({ last_name: 'Petrov', first_name: 'Ivan', middle_name: null })).toBe('Petrov Ivan');
    expect(fullNameOf({ last_name: 'Petrov', first_name: 'Ivan', middle_name: 'S' })).toBe('Petrov Ivan S');
  });
});
