import { DEFAULT_TEMPLATES, PLACEHOLDERS } from './notification.templates';
import { placeholdersOf, renderTemplate } from './template.renderer';

describe('template renderer', () => {
  it('fills placeholders in subject, text and HTML', () => {
    const rendered = renderTemplate(
      { subject: 'Hi {{recipientName}}', text: 'From {{tenantName}}', html: '<p>{{ tenantName }}</p>' },
      { recipientName: 'Ann', tenantName: 'Acme' },
    );
    expect(rendered).toEqual({ subject: 'Hi Ann', text: 'From Acme', html: '<p>Acme</p>' });
  });

  it('escapes values in the HTML only', () => {
    const rendered = renderTemplate(
      { subject: '{{replyText}}', text: '{{replyText}}', html: '{{replyText}}' },
      { replyText: '<b>"x"</b>\nnext' },
    );
    expect(rendered.text).toBe('<b>"x"</b>\nnext');
    expect(rendered.html).toBe('&#60;b&#62;&#34;x&#34;&#60;/b&#62;<br>next');
    expect(rendered.subject).toBe('<b>"x"</b> next');
  });

  it('leaves an unknown placeholder empty', () => {
    expect(renderTemplate({ subject: '[{{nothing}}]', text: '', html: '' }, {}).subject).toBe('[]');
  });

  it('uses in every default template only the placeholders of its kind', () => {
    for (const language of ['en', 'ru'] as const) {
      for (const [kind, template] of Object.entries(DEFAULT_TEMPLATES[language])) {
        const used = placeholdersOf(template.subject + template.text + template.html);
        expect(used.filter((name) => !PLACEHOLDERS[kind as keyof typeof PLACEHOLDERS].includes(name))).toEqual([]);
        expect(used).toContain('unsubscribeUrl');
      }
    }
  });
});
