import type { IncomingMessage } from 'node:http';
import { isSaneRequestId, requestIdOf } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function requestWith(header: string | string[] | undefined): IncomingMessage {
  return { headers: header === undefined ? {} : { 'x-request-id': header } } as unknown as IncomingMessage;
}

describe('request id', () => {
  it.each([
    ['a UUID', '0b6f2c0e-7a1d-4f51-9a0e-3f1c2d4e5f60'],
    ['a ULID', '01HZX3J5Q8W2KJ9M4V7T6R5P3N'],
    ['a W3C traceparent', '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['dots, colons and underscores', 'edge-1:req_42.7'],
    ['128 characters', 'a'.repeat(128)],
  ])('keeps %s', (_case, id) => {
    expect(isSaneRequestId(id)).toBe(true);
    expect(requestIdOf(requestWith(id))).toBe(id);
  });

  it.each([
    ['is missing', undefined],
    ['is empty', ''],
    ['has 129 characters', 'a'.repeat(129)],
    ['has a space', 'abc def'],
    ['has a tab', 'abc\tdef'],
    ['has a line break', 'abc\ndef'],
    ['has characters outside ASCII', 'idé'],
    ['has quotes or braces', '"}{"level":60'],
    ['was sent twice (joined with ", ")', 'one, two'],
    ['is an array', ['one', 'two']],
  ])('replaces an id that %s with a new UUID', (_case, header) => {
    const id = requestIdOf(requestWith(header));
    expect(id).toMatch(UUID);
    expect(requestIdOf(requestWith(header))).not.toBe(id);
  });
});
