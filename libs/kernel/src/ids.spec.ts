import { isUUID } from 'class-validator';
import { isUuid, newId } from './ids';

describe('newId (UUID v7)', () => {
  it('makes version-7 ids whose first 48 bits are the millisecond', () => {
    const id = newId(0x0123456789ab + 100_000_000);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('is strictly increasing for ids of the same millisecond, so id order is creation order (the outbox relies on it)', () => {
    const now = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => newId(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps increasing when the clock steps back a little', () => {
    const now = Date.now() + 120_000;
    const first = newId(now);
    const after = newId(now - 5);
    expect(after > first).toBe(true);
  });

  it('keeps the timestamp of an id for a past instant', () => {
    const past = Date.UTC(2020, 0, 1);
    expect(newId(past).replace(/-/g, '').slice(0, 12)).toBe(past.toString(16).padStart(12, '0'));
  });
});

describe('isUuid', () => {
  it.each([
    ['0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b', true],
    ['0190A5B2-7C3D-7E4F-8A1B-2C3D4E5F6A7B', true],
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['01900000-0000-0000-0000-000000000000', false], // version 0
    ['01900000-0000-7000-0000-000000000000', false], // variant 0
    ['01900000-0000-9000-8000-000000000000', false], // version 9
    ['0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7', false],
    ['not-a-uuid', false],
  ])('%s: %s, as class-validator IsUUID("all") judges it', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
    expect(isUUID(value, 'all')).toBe(expected);
  });
});
