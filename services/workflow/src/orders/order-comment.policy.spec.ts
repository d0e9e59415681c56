import { DomainError } from '@warden/kernel';
import { COMMENT_BODY_MAX, CommentErrors } from './order-comment.errors';
import { commentBody } from './order-comment.policy';

function refusal(outcome: unknown): unknown {
  expect(outcome).toBeInstanceOf(DomainError);
  return (outcome as DomainError).toPayload();
}

describe('a comment written through the API', () => {
  it('stores the body trimmed: an employee writes notes and replies, a client replies', () => {
    expect(commentBody({ body: '  Parts ordered. ', visibility: 'internal', authorKind: 'employee' })).toBe('Parts ordered.');
    expect(commentBody({ body: 'On its way', visibility: 'public', authorKind: 'employee' })).toBe('On its way');
    expect(commentBody({ body: 'Thanks!', visibility: 'public', authorKind: 'contact' })).toBe('Thanks!');
  });

  it('accepts a body of exactly the longest length, counted after trimming', () => {
    expect(commentBody({ body: ` ${'x'.repeat(COMMENT_BODY_MAX)} `, visibility: 'public', authorKind: 'employee' })).toHaveLength(COMMENT_BODY_MAX);
  });

  it('refuses a blank body', () => {
    expect(refusal(commentBody({ body: ' \n ', visibility: 'public', authorKind: 'employee' }))).toEqual(CommentErrors.bodyRequired().toPayload());
  });

  it('refuses a body longer than the longest', () => {
    expect(refusal(commentBody({ body: 'x'.repeat(COMMENT_BODY_MAX + 1), visibility: 'public', authorKind: 'employee' }))).toEqual(
      CommentErrors.bodyTooLong().toPayload(),
    );
  });

  it("refuses a client's internal note", () => {
    expect(refusal(commentBody({ body: 'psst', visibility: 'internal', authorKind: 'contact' }))).toEqual(CommentErrors.clientInternal().toPayload());
  });

  it('checks the body before who writes it', () => {
    expect(refusal(commentBody({ body: '', visibility: 'internal', authorKind: 'contact' }))).toMatchObject({ code: 'COMMENT.BODY_REQUIRED' });
  });
});
