import { DomainError } from '@warden/kernel';

export const ChannelErrors = {
  notFound: (): DomainError => DomainError.notFound('CHANNEL.NOT_FOUND', 'The channel'),
  addressTaken: (): DomainError =>
    new DomainError('CHANNEL.ADDRESS_TAKEN', 'conflict', 'Another channel of this kind has this address', [
      { field: 'address', reason: 'is taken' },
    ]),
  inUse: (): DomainError =>
    new DomainError('CHANNEL.IN_USE', 'conflict', 'The channel has received messages; it can be renamed or moved, not deleted'),
  senderUnknown: (): DomainError => DomainError.invalid('INBOUND.SENDER_UNKNOWN', 'from', 'must carry an email, a messengerId or a phone'),
};
