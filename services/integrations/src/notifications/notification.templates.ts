import type { NotificationKind, NotificationLanguage } from '@warden/contracts';

export interface NotificationTemplate {
  subject: string;
  text: string;
  html: string;
}

/** Placeholders every email has. */
const COMMON = ['tenantName', 'recipientName', 'unsubscribeUrl'] as const;

/** The placeholders (`{{name}}`) each kind of notification fills in; a template may use only these. */
export const PLACEHOLDERS: Record<NotificationKind, readonly string[]> = {
  'order-created': [...COMMON, 'orderNumber', 'orderTitle', 'statusName'],
  'order-closed': [...COMMON, 'orderNumber', 'orderTitle', 'statusName'],
  'order-public-reply': [...COMMON, 'orderNumber', 'orderTitle', 'replyText'],
  'order-transferred': [...COMMON, 'orderNumber', 'orderTitle', 'departmentName'],
  'inquiry-assigned': [...COMMON, 'clientName'],
  'automation-notify': [...COMMON, 'orderNumber', 'orderTitle', 'ruleName'],
};

const FOOTER = {
  en: {
    text: '\n\n--\n{{tenantName}}\nTo stop these emails: {{unsubscribeUrl}}',
    html: '<p style="color:#777">{{tenantName}} · <a href="{{unsubscribeUrl}}">Unsubscribe</a></p>',
  },
  ru: {
    text: '\n\n--\n{{tenantName}}\nОтписаться от этих писем: {{unsubscribeUrl}}',
    html: '<p style="color:#777">{{tenantName}} · <a href="{{unsubscribeUrl}}">Отписаться</a></p>',
  },
};

function template(language: NotificationLanguage, subject: string, lines: string[]): NotificationTemplate {
  return {
    subject,
    text: lines.join('\n') + FOOTER[language].text,
    html: lines.map((line) => `<p>${line}</p>`).join('') + FOOTER[language].html,
  };
}

/** The product's wording, used for every kind and language a tenant has not written its own for. */
export const DEFAULT_TEMPLATES: Record<NotificationLanguage, Record<NotificationKind, NotificationTemplate>> = {
  en: {
    'order-created': template('en', '[{{tenantName}}] Ticket #{{orderNumber}} received: {{orderTitle}}', [
      'Hello {{recipientName}},',
      'we have received your request "{{orderTitle}}" and opened ticket #{{orderNumber}} (status: {{statusName}}).',
    ]),
    'order-closed': template('en', '[{{tenantName}}] Ticket #{{orderNumber}} is {{statusName}}', [
      'Hello {{recipientName}},',
      'your ticket #{{orderNumber}} "{{orderTitle}}" is now {{statusName}}.',
    ]),
    'order-public-reply': template('en', '[{{tenantName}}] New reply on ticket #{{orderNumber}}', [
      'Hello {{recipientName}},',
      'there is a new reply on your ticket #{{orderNumber}} "{{orderTitle}}":',
      '{{replyText}}',
    ]),
    'order-transferred': template('en', '[{{tenantName}}] Ticket #{{orderNumber}} transferred to {{departmentName}}', [
      'Hello {{recipientName}},',
      'ticket #{{orderNumber}} "{{orderTitle}}" was transferred to your department {{departmentName}}.',
    ]),
    'inquiry-assigned': template('en', '[{{tenantName}}] An inquiry from {{clientName}} is yours', [
      'Hello {{recipientName}},',
      'an inquiry from {{clientName}} was assigned to you.',
    ]),
    'automation-notify': template('en', '[{{tenantName}}] Ticket #{{orderNumber}}: {{ruleName}}', [
      'Hello {{recipientName}},',
      'the automation rule "{{ruleName}}" asks you to look at ticket #{{orderNumber}} "{{orderTitle}}".',
    ]),
  },
  ru: {
    'order-created': template('ru', '[{{tenantName}}] Заявка №{{orderNumber}} принята: {{orderTitle}}', [
      'Здравствуйте, {{recipientName}}!',
      'Мы получили ваше обращение «{{orderTitle}}» и открыли заявку №{{orderNumber}} (статус: {{statusName}}).',
    ]),
    'order-closed': template('ru', '[{{tenantName}}] Заявка №{{orderNumber}}: {{statusName}}', [
      'Здравствуйте, {{recipientName}}!',
      'Ваша заявка №{{orderNumber}} «{{orderTitle}}» переведена в статус «{{statusName}}».',
    ]),
    'order-public-reply': template('ru', '[{{tenantName}}] Новый ответ по заявке №{{orderNumber}}', [
      'Здравствуйте, {{recipientName}}!',
      'По вашей заявке №{{orderNumber}} «{{orderTitle}}» новый ответ:',
      '{{replyText}}',
    ]),
    'order-transferred': template('ru', '[{{tenantName}}] Заявка №{{orderNumber}} передана в {{departmentName}}', [
      'Здравствуйте, {{recipientName}}!',
      'Заявка №{{orderNumber}} «{{orderTitle}}» передана в ваш департамент «{{departmentName}}».',
    ]),
    'inquiry-assigned': template('ru', '[{{tenantName}}] Вам назначено обращение: {{clientName}}', [
      'Здравствуйте, {{recipientName}}!',
      'Вам назначено обращение клиента {{clientName}}.',
    ]),
    'automation-notify': template('ru', '[{{tenantName}}] Заявка №{{orderNumber}}: {{ruleName}}', [
      'Здравствуйте, {{recipientName}}!',
      'Правило автоматизации «{{ruleName}}» просит вас обратить внимание на заявку №{{orderNumber}} «{{orderTitle}}».',
    ]),
  },
};
