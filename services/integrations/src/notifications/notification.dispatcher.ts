import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PollingWorkers } from '@warden/service-kit';
import type { EntityManager } from 'typeorm';
import { EventBus } from '@nestjs/cqrs';
import type { OutgoingEvent } from '@warden/contracts';
import { RetrySchedule } from '../webhooks/retry.schedule';
import { MailSender } from './mail.sender';
import { NotificationComposer } from './notification.composer';
import { notificationSent } from './notification.events';
import { notificationEligibility } from './notification-eligibility.policy';
import { NotificationReadModelRepository } from './notification-read-model.repository';
import { NotificationSettingsRepository } from './notification-settings.repository';
import { NotificationRepository } from './notification.repository';
import { NOTIFICATIONS_ENV } from './notifications.env';
import type { NotificationsEnv } from './notifications.env';

/** Emails in flight at once per process; each holds a database connection while its SMTP server answers. */
const WORKERS = 3;
/** How often an idle worker looks for due retries when nothing woke it. */
const POLL_INTERVAL_MS = 500;
/** How long a notification whose recipient is not known yet waits before it is looked at again. */
const RECIPIENT_RECHECK_MS = 1000;

/**
 * Sends due notifications. Each attempt runs in a transaction holding its row with FOR UPDATE SKIP LOCKED, so
 * replicas share the queue and never send one twice at a time; one refusing mailbox fails (and is retried after
 * `NOTIFICATION_RETRY_SCHEDULE`) on its own row while the other workers go on with the rest.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationDispatcher.name);
  private readonly schedule: RetrySchedule;
  private readonly workers = new PollingWorkers(
    NotificationDispatcher.name,
    () => this.dataSource.transaction((manager) => this.attemptOne(manager)),
    {
      workers: WORKERS,
      pollIntervalMs: POLL_INTERVAL_MS,
    },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationRepository,
    private readonly readModel: NotificationReadModelRepository,
    private readonly settings: NotificationSettingsRepository,
    private readonly composer: NotificationComposer,
    private readonly mail: MailSender,
    private readonly events: EventBus<OutgoingEvent>,
    @Inject(NOTIFICATIONS_ENV) env: NotificationsEnv,
  ) {
    this.schedule = RetrySchedule.parse(env.NOTIFICATION_RETRY_SCHEDULE);
  }

  onApplicationBootstrap(): void {
    this.workers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.workers.stop();
  }

  /** Called inside the transaction that queues: look shortly, once it has committed. */
  wakeSoon(): void {
    setTimeout(() => this.wake(), 50).unref();
  }

  private wake(): void {
    this.workers.wake();
  }

  /** Claims, decides, sends and records one due notification; false when none was due. */
  private async attemptOne(manager: EntityManager): Promise<boolean> {
    const notification = await this.notifications.claimDue(manager);
    if (!notification) return false;
    const person = await this.readModel.person(manager, notification.tenantId, notification.recipientId);
    const settings = person?.kind === 'employee' ? await this.settings.get(manager, notification.tenantId, person.personId) : null;
    const eligibility = notificationEligibility(notification.kind, person, settings, Date.now() - notification.createdAt.getTime());
    if (!eligibility.send) {
      if (eligibility.wait) await this.notifications.postpone(manager, notification.id, eligibility.reason, RECIPIENT_RECHECK_MS);
      else await this.notifications.markSkipped(manager, notification.id, eligibility.reason, person?.email ?? null);
      return true;
    }
    const mail = await this.composer.compose(manager, notification, person!);
    const outcome = await this.mail.send(mail);
    if (outcome.sent) {
      await this.notifications.markSent(manager, notification.id, mail.to, mail.subject);
      await this.events.publish(notificationSent(notification), manager);
    } else {
      const retryInMs = outcome.retry ? this.schedule.nextDelayMs(notification.attempts + 1) : null;
      this.logger.warn(
        `Notification ${notification.id} to ${mail.to} not sent${retryInMs === null ? '' : ', will retry'}: ${outcome.reason}`,
      );
      await this.notifications.markFailed(manager, notification.id, outcome.reason, retryInMs, mail.to, mail.subject);
    }
    return true;
  }
}
