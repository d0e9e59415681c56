import type { DomainError } from '@warden/kernel';
import type { AddOrderCommentData } from '@warden/contracts';
import { CommentErrors } from './order-comment.errors';

/**
 * A comment written through the API: its body not empty (its request's class trims it and bounds its length,
 * libs/contracts/src/rpc/workflow.rpc.ts); a client (contact) writes public replies only, internal notes are
 * for employees. Inbound replies do not pass here: they keep their whole text.
 */
export function commentRefusal(comment: Pick<AddOrderCommentData, 'body' | 'visibility' | 'authorKind'>): DomainError | null {
  if (!comment.body) return CommentErrors.bodyRequired();
  if (comment.authorKind === 'contact' && comment.visibility !== 'public') return CommentErrors.clientInternal();
  return null;
}
