import { ChannelCreatedV1, ChannelDeletedV1, ChannelUpdatedV1 } from '@warden/contracts';
import type { ChannelSnapshotV1, ChannelView, OutgoingEvent } from '@warden/contracts';

function snapshot(channel: ChannelView): ChannelSnapshotV1 {
  return {
    channelId: channel.id,
    kind: channel.kind,
    address: channel.address,
    name: channel.name,
    departmentId: channel.departmentId,
    at: channel.updatedAt,
  };
}

export function channelCreated(tenantId: string, channel: ChannelView): OutgoingEvent<ChannelSnapshotV1> {
  return { contract: ChannelCreatedV1, tenantId, subject: channel.id, data: snapshot(channel) };
}

export function channelUpdated(tenantId: string, channel: ChannelView): OutgoingEvent<ChannelSnapshotV1> {
  return { contract: ChannelUpdatedV1, tenantId, subject: channel.id, data: snapshot(channel) };
}

export function channelDeleted(tenantId: string, channelId: string): OutgoingEvent<ChannelDeletedV1> {
  return { contract: ChannelDeletedV1, tenantId, subject: channelId, data: { channelId, at: new Date().toISOString() } };
}
