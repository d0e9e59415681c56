import type { Type } from '@nestjs/common';
import type { PreviewKind, Right } from '@warden/contracts';
import { PutGroupStatusAccessRequestDto, PutPersonStatusAccessRequestDto } from '../status-access/dto/status-access.request.dto';

/**
 * For each kind the preview answers: the right its route declares (a preview of a change the caller
 * could not make is refused alike), the DTO of its body, and whether its `{id}` is a person of the
 * staff (checked as the route checks it). Kinds missing here are not supported yet.
 */
export const PREVIEWED: Partial<Record<PreviewKind, { action: Right; body: Type<object>; staffTarget: boolean }>> = {
  'person-status-access': { action: 'permissions.manage', body: PutPersonStatusAccessRequestDto, staffTarget: true },
  'group-status-access': { action: 'permissions.manage', body: PutGroupStatusAccessRequestDto, staffTarget: false },
};
