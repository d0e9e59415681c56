import type { EntityManager } from 'typeorm';
import type { AudienceTarget } from '../conversations/chat-scope.reader';
import { ChatErrors } from '../shared/chat.errors';
import type { InquiryRecord, InquiryRepository } from './inquiry.repository';

/** The inquiry of the tenant, or INQUIRY.NOT_FOUND; `lock` holds its row until the transaction ends. */
export async function existingInquiry(
  inquiries: InquiryRepository,
  manager: EntityManager,
  tenantId: string,
  inquiryId: string,
  lock = false,
): Promise<InquiryRecord> {
  const inquiry = await inquiries.get(manager, tenantId, inquiryId, lock);
  if (!inquiry) throw ChatErrors.inquiryNotFound();
  return inquiry;
}

/** An inquiry as the audience of its events is read (ChatScopeReader.audience): its client, its assignee, its branch. */
export function inquiryTarget(inquiry: InquiryRecord): AudienceTarget {
  return {
    kind: 'inquiry',
    branchId: inquiry.branchId,
    participants: [{ id: inquiry.contactId, kind: 'contact' }],
    assigneeId: inquiry.assigneeId,
  };
}
