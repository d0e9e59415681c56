import { CommentErrors } from './order-comment.errors';
import { commentRefusal } from './order-comment.policy';

describe('a comment written through the API', () => {
  it('an employee writes notes and replies, a client replies', () => {
    expect(commentRefusal({ body: 'Parts ordered.', visibility: 'internal', authorKind: 'employee' })).toBeNull();
    expect(commentRefusal({ body: 'On its way', visibility: 'public', authorKind: 'employee' })).toBeNull();
    expect(commentRefusal({ body: 'Thanks!', visibility: 'public', authorKind: 'contact' })).toBeNull();
  });

  it('refuses an empty body', () => {
    expect(commentRefusal({ body: '', visibility: 'public', authorKind: 'employee' })?.toPayload()).toEqual(
      CommentErrors.bodyRequired().toPayload(),
    );
  });

  it("refuses a client's internal note", () => {
    expect(commentRefusal({ body: 'psst', visibility: 'internal', authorKind: 'contact' })?.toPayload()).toEqual(
      CommentErrors.clientInternal().toPayload(),
    );
  });

  it('checks the body before who writes it', () => {
    expect(commentRefusal({ body: '', visibility: 'internal', authorKind: 'contact' })?.toPayload()).toMatchObject({
      code: 'COMMENT.BODY_REQUIRED',
    });
  });
});
