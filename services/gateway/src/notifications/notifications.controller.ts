import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import type { Principal } from '../auth/principal';
import { Action, Public, SignedIn } from '../auth/route-metadata';
import { ApiProblems } from '../http/problem.dto';
import { Ctx, CurrentPrincipal } from '../http/request-context.decorator';
import {
  ListNotificationsQueryDto,
  NotificationLanguageRequestDto,
  TemplateParamsDto,
  UnsubscribeQueryDto,
  UpdateNotificationSettingsRequestDto,
  UpdateNotificationTemplateRequestDto,
} from './dto/notification.request.dto';
import {
  NotificationPageResponseDto,
  NotificationSettingsResponseDto,
  NotificationTemplateResponseDto,
  NotificationTemplatesResponseDto,
  UnsubscribedResponseDto,
} from './dto/notification.response.dto';

const PLACEHOLDER_HELP =
  'Placeholders `{{name}}`: every kind has tenantName, recipientName, unsubscribeUrl; tickets add orderNumber, orderTitle and statusName (created, closed), replyText (public reply) or departmentName (transferred); inquiry-assigned adds clientName.';

/** Email notifications: the log, the unsubscribe link, each person's choices and the tenant's templates. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly bus: BusClient) {}

  @Get('api/v1/notifications')
  @Action('integrations.manage')
  @ApiOperation({ summary: 'The email notification log, newest first: to whom, about what, sent, failed or skipped, and why' })
  @ApiOkResponse({ type: NotificationPageResponseDto })
  @ApiProblems(401, 403, 422, 503)
  list(@Ctx() ctx: RequestContext, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageResponseDto> {
    return this.bus.request('integrations.notifications.list', ctx, query);
  }

  @Get('api/v1/notifications/unsubscribe')
  @Public('the signed token of an email link says whose notifications to turn off')
  @ApiOperation({
    summary: 'The link in every email: turns the notifications off without signing in',
    description:
      "A contact's link turns its notifications flag off (as `PATCH /contacts/{id}` with `notifications: false` would); an employee's turns off that kind of email in its own settings. Repeating it changes nothing.",
  })
  @ApiOkResponse({ type: UnsubscribedResponseDto })
  @ApiProblems(404, 422, 503)
  unsubscribe(@Ctx() ctx: RequestContext, @Query() query: UnsubscribeQueryDto): Promise<UnsubscribedResponseDto> {
    return this.bus.request('integrations.notifications.unsubscribe', ctx, { token: query.token });
  }

  @Get('api/v1/me/notification-settings')
  @SignedIn()
  @ApiOperation({ summary: 'Which emails the signed-in employee gets (all on until turned off)' })
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  @ApiProblems(401, 403, 503)
  settings(@Ctx() ctx: RequestContext, @CurrentPrincipal() principal: Principal): Promise<NotificationSettingsResponseDto> {
    return this.bus.request('integrations.notification-settings.get', ctx, { personId: principal.personId });
  }

  @Put('api/v1/me/notification-settings')
  @SignedIn()
  @ApiOperation({ summary: 'Turn kinds of emails on or off for oneself; fields left out stay as they are' })
  @ApiOkResponse({ type: NotificationSettingsResponseDto })
  @ApiProblems(401, 403, 422, 503)
  updateSettings(
    @Ctx() ctx: RequestContext,
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateNotificationSettingsRequestDto,
  ): Promise<NotificationSettingsResponseDto> {
    return this.bus.request('integrations.notification-settings.update', ctx, { personId: principal.personId, changes: body });
  }

  @Get('api/v1/notifications/templates')
  @Action('integrations.manage')
  @ApiOperation({
    summary: "The tenant's email language and every template (its own or the default), in English and Russian",
    description: PLACEHOLDER_HELP,
  })
  @ApiOkResponse({ type: NotificationTemplatesResponseDto })
  @ApiProblems(401, 403, 503)
  templates(@Ctx() ctx: RequestContext): Promise<NotificationTemplatesResponseDto> {
    return this.bus.request('integrations.notification-templates.list', ctx, {});
  }

  @Put('api/v1/notifications/templates/:kind/:language')
  @Action('integrations.manage')
  @ApiOperation({
    summary: "Write the tenant's own template of one kind in one language",
    description: `${PLACEHOLDER_HELP} An unknown placeholder is 422 naming the field.`,
  })
  @ApiOkResponse({ type: NotificationTemplateResponseDto })
  @ApiProblems(401, 403, 422, 503)
  updateTemplate(
    @Ctx() ctx: RequestContext,
    @Param() params: TemplateParamsDto,
    @Body() body: UpdateNotificationTemplateRequestDto,
  ): Promise<NotificationTemplateResponseDto> {
    return this.bus.request('integrations.notification-templates.update', ctx, { kind: params.kind, language: params.language, ...body });
  }

  @Put('api/v1/notifications/language')
  @Action('integrations.manage')
  @ApiOperation({ summary: "The language of the tenant's emails (en or ru)" })
  @ApiOkResponse({ type: NotificationTemplatesResponseDto })
  @ApiProblems(401, 403, 422, 503)
  setLanguage(@Ctx() ctx: RequestContext, @Body() body: NotificationLanguageRequestDto): Promise<NotificationTemplatesResponseDto> {
    return this.bus.request('integrations.notification-language.update', ctx, { language: body.language });
  }
}
