import { Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { IEventPublisher } from '@nestjs/cqrs';
import { EntityManager } from 'typeorm';
import type { OutgoingEvent } from '@warden/contracts';
import { OutboxWriter } from './outbox.writer';

/**
 * The EventBus of every service publishes to its outbox: a command handler announces what it changed with
 * `eventBus.publish(event, manager)`, passing the EntityManager of its transaction as the dispatcher context, and
 * awaits it. The event is then recorded in that transaction (libs/messaging/src/outbox.writer.ts) and exists
 * exactly when the change was committed; the relay takes it to JetStream, where every consumer, in this service
 * or another, reads it. Nothing is handed to in-process handlers before the commit.
 */
@Injectable()
export class OutboxEventPublisher implements IEventPublisher<OutgoingEvent>, OnModuleInit {
  constructor(
    private readonly eventBus: EventBus<OutgoingEvent>,
    private readonly outbox: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.eventBus.publisher = this;
  }

  async publish<E extends OutgoingEvent>(event: E, dispatcherContext?: unknown): Promise<void> {
    await this.outbox.add(transactionOf(dispatcherContext), event);
  }

  async publishAll<E extends OutgoingEvent>(events: E[], dispatcherContext?: unknown): Promise<void> {
    await this.outbox.add(transactionOf(dispatcherContext), ...events);
  }
}

function transactionOf(dispatcherContext: unknown): EntityManager {
  if (dispatcherContext instanceof EntityManager && dispatcherContext.queryRunner?.isTransactionActive) return dispatcherContext;
  throw new Error("An event is published inside the transaction of its change: pass that transaction's EntityManager");
}
