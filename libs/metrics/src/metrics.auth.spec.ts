import { metricsScrapeAllowed } from './metrics.auth';

describe('metricsScrapeAllowed', () => {
  const token = 'scrape-token-0123456789';

  it('lets anyone scrape when no token is configured', () => {
    expect(metricsScrapeAllowed(undefined, undefined)).toBe(true);
    expect(metricsScrapeAllowed('Bearer whatever', undefined)).toBe(true);
  });

  it('requires exactly the configured bearer token when one is set', () => {
    expect(metricsScrapeAllowed(`Bearer ${token}`, token)).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['another token', 'Bearer another-token-0123456789'],
    ['a prefix of the token', `Bearer ${token.slice(0, -1)}`],
    ['the token without the Bearer scheme', token],
    ['an empty bearer', 'Bearer '],
  ])('refuses %s', (_case, header) => {
    expect(metricsScrapeAllowed(header, token)).toBe(false);
  });
});
