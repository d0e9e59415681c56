import { DomainError } from '@warden/kernel';

export const EquipmentErrors = {
  notFound: (): DomainError => DomainError.notFound('EQUIPMENT.NOT_FOUND', 'The equipment'),
  cycle: (): DomainError =>
    DomainError.invalid('EQUIPMENT.CYCLE', 'parentId', 'is the node itself or one of its descendants; the tree would get a cycle'),
  parentOfOtherCompany: (): DomainError => DomainError.invalid('EQUIPMENT.PARENT_OTHER_COMPANY', 'parentId', 'belongs to another company'),
  parentUnknown: (): DomainError => DomainError.invalid('EQUIPMENT.PARENT_UNKNOWN', 'parentId', 'is not equipment of this tenant'),
  hasChildren: (): DomainError => new DomainError('EQUIPMENT.HAS_CHILDREN', 'conflict', 'The node has children; move or delete them first'),
};
