import { DomainError } from '@warden/kernel';
import { unsupportedPreviewKind } from '@warden/contracts';

export const PreviewErrors = {
  kindNotSupported: (kind: string): DomainError => DomainError.invalid('PREVIEW.KIND_NOT_SUPPORTED', 'kind', unsupportedPreviewKind(kind)),
};
