import { DomainError } from '@warden/kernel';

/** What a person may write through the API; an inbound message keeps its whole text. */
export const COMMENT_BODY_MAX = 10_000;

export const CommentErrors = {
  bodyRequired: (): DomainError => DomainError.invalid('COMMENT.BODY_REQUIRED', 'body', 'must not be empty'),
  bodyTooLong: (): DomainError => DomainError.invalid('COMMENT.BODY_TOO_LONG', 'body', `must be at most ${COMMENT_BODY_MAX} characters`),
  clientInternal: (): DomainError =>
    new DomainError('COMMENT.CLIENT_INTERNAL_NOTE', 'forbidden', "A client writes public replies only; internal notes are for employees"),
  badCursor: (): DomainError => DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API'),
};
