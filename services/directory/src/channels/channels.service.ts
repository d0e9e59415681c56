import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder, OutboxWriter, resourceValues } from '@warden/messaging';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import type { ChannelChanges, ChannelInput, ChannelView } from '@warden/contracts';
import { DepartmentErrors } from '../departments/department.errors';
import { DepartmentRepository } from '../departments/department.repository';
import { ChannelErrors } from './channel.errors';
import { channelCreated, channelDeleted, channelUpdated } from './channel.events';
import { ChannelRepository } from './channel.repository';
import type { ChannelRecord } from './channel.repository';

function toRecord(id: string, input: ChannelInput): ChannelRecord {
  return { id, kind: input.kind, address: input.address, name: input.name, departmentId: input.departmentId };
}

@Injectable()
export class ChannelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRepository,
    private readonly departments: DepartmentRepository,
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditRecorder,
  ) {}

  list(tenantId: string, departmentId?: string): Promise<ChannelView[]> {
    return this.channels.list(this.dataSource.manager, tenantId, departmentId);
  }

  async get(tenantId: string, channelId: string): Promise<ChannelView> {
    const channel = await this.channels.find(this.dataSource.manager, tenantId, channelId);
    if (!channel) throw ChannelErrors.notFound();
    return channel;
  }

  async create(tenantId: string, input: ChannelInput): Promise<ChannelView> {
    const record = toRecord(newId(), input);
    return this.write(async (manager) => {
      await this.requireDepartment(manager, tenantId, record.departmentId);
      const channel = await this.channels.insert(manager, tenantId, record);
      await this.outbox.add(manager, channelCreated(tenantId, channel));
      await this.audit.record(manager, tenantId, { action: 'channel.created', resource: { type: 'channel', id: channel.id }, before: null, after: resourceValues(channel) });
      return channel;
    });
  }

  async update(tenantId: string, channelId: string, changes: ChannelChanges): Promise<ChannelView> {
    return this.write(async (manager) => {
      const current = await this.channels.find(manager, tenantId, channelId, true);
      if (!current) throw ChannelErrors.notFound();
      const record = toRecord(channelId, { ...current, ...changes });
      if (changes.departmentId !== undefined) await this.requireDepartment(manager, tenantId, record.departmentId);
      const channel = await this.channels.update(manager, tenantId, record);
      await this.outbox.add(manager, channelUpdated(tenantId, channel));
      await this.audit.record(manager, tenantId, { action: 'channel.updated', resource: { type: 'channel', id: channelId }, before: resourceValues(current), after: resourceValues(channel) });
      return channel;
    });
  }

  async delete(tenantId: string, channelId: string): Promise<{ deleted: true }> {
    return this.write(async (manager) => {
      const current = await this.channels.find(manager, tenantId, channelId, true);
      if (!current) throw ChannelErrors.notFound();
      await this.channels.delete(manager, tenantId, channelId);
      await this.outbox.add(manager, channelDeleted(tenantId, channelId));
      await this.audit.record(manager, tenantId, { action: 'channel.deleted', resource: { type: 'channel', id: channelId }, before: resourceValues(current), after: null });
      return { deleted: true as const };
    });
  }

  private async requireDepartment(manager: EntityManager, tenantId: string, departmentId: string): Promise<void> {
    // Locked so the department cannot be deleted under the new channel.
    if (!(await this.departments.find(manager, tenantId, departmentId, true))) throw DepartmentErrors.unknown('departmentId');
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'channels_address_key')) throw ChannelErrors.addressTaken();
      if (isForeignKeyViolation(error)) throw ChannelErrors.inUse();
      throw error;
    }
  }
}
