import { DomainError } from '@warden/kernel';

export const CommentErrors = {
  bodyRequired: (): DomainError => DomainError.invalid('COMMENT.BODY_REQUIRED', 'body', 'must not be empty'),
  clientInternal: (): DomainError =>
    new DomainError('COMMENT.CLIENT_INTERNAL_NOTE', 'forbidden', 'A client writes public replies only; internal notes are for employees'),
  badCursor: (): DomainError => DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API'),
};
