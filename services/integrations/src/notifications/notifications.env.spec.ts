import { loadEnv } from '@warden/service-kit';
import { NotificationsEnv } from './notifications.env';

describe('notifications environment', () => {
  it('takes an empty SMTP_URL (as Compose passes an unset one) for no SMTP server', () => {
    expect(loadEnv(NotificationsEnv, { SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(loadEnv(NotificationsEnv, { SMTP_URL: 'smtp://mail.example.com:587' }).SMTP_URL).toBe('smtp://mail.example.com:587');
  });

  it('refuses an SMTP_URL that is not one, naming it', () => {
    expect(() => loadEnv(NotificationsEnv, { SMTP_URL: 'mail.example.com' })).toThrow(/SMTP_URL/);
  });

  it('refuses the development token secret in production', () => {
    expect(() => loadEnv(NotificationsEnv, { NODE_ENV: 'production' })).toThrow(/NOTIFICATION_TOKEN_SECRET/);
    expect(
      loadEnv(NotificationsEnv, { NODE_ENV: 'production', NOTIFICATION_TOKEN_SECRET: 'q8Vt3Lz0pX2mK9rW7bN4cY6hJ1sD5fG8aE0uI3oP' }).NODE_ENV,
    ).toBe('production');
  });
});
