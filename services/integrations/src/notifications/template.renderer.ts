import type { NotificationTemplate } from './notification.templates';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** The placeholder names a piece of template text uses. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

/**
 * Fills `{{name}}` placeholders: as they are in the subject and the text, HTML-escaped in the HTML (values come
 * from people — a contact's name or a reply must never become markup). A line break in a value becomes `<br>`.
 */
export function renderTemplate(template: NotificationTemplate, values: Record<string, string>): NotificationTemplate {
  const fill = (text: string, transform: (value: string) => string) =>
    text.replace(PLACEHOLDER, (_whole, name: string) => transform(values[name] ?? ''));
  return {
    subject: fill(template.subject, (value) => value.replace(/\s+/g, ' ')),
    text: fill(template.text, (value) => value),
    html: fill(template.html, (value) => escapeHtml(value).replace(/\r?\n/g, '<br>')),
  };
}
