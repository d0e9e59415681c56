import { ChannelCreatedV1, ChannelDeletedV1, ChannelUpdatedV1 } from '@warden/contracts';
import type { ChannelSnapshotV1, ChannelView, NewEvent } from '@warden/contracts';

function snapshot(channel: ChannelView): ChannelSnapshotV1 {
  return { channelId: channel.id, kind: channel.kind, address: channel.address, name: channel.name, departmentId: channel.departmentId, at: channel.updatedAt };
}

export function channelCreated(tenantId: string, channel: ChannelView): NewEvent<ChannelSnapshotV1> {
  return { type: ChannelCreatedV1.type, tenantId, subject: channel.id, data: snapshot(channel) };
}

export function channelUpdated(tenantId: string, channel: ChannelView): NewEvent<ChannelSnapshotV1> {
  return { type: ChannelUpdatedV1.type, tenantId, subject: channel.id, data: snapshot(channel) };
}

export function channelDeleted(tenantId: string, channelId: string): NewEvent<ChannelDeletedV1> {
  return { type: ChannelDeletedV1.type, tenantId, subject: channelId, data: { channelId, at: new Date().toISOString() } };
}
