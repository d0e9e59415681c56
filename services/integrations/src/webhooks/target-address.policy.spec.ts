import { sendWebhook } from './webhook.sender';
import { isForbiddenAddress, TargetAddressPolicy } from './target-address.policy';

describe('TargetAddressPolicy', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => expect(isForbiddenAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) => expect(isForbiddenAddress(address)).toBe(false));

  const strict = new TargetAddressPolicy(false);
  const relaxed = new TargetAddressPolicy(true);

  it('requires https and a public host unless private targets are allowed', () => {
    expect(strict.urlProblem('https://hooks.example.com/x')).toBeUndefined();
    expect(strict.urlProblem('http://hooks.example.com/x')).toBe('must be an https URL');
    expect(strict.urlProblem('https://127.0.0.1:8080/x')).toMatch(/loopback/);
    expect(strict.urlProblem('https://[::1]/x')).toMatch(/loopback/);
    expect(strict.urlProblem('https://localhost/x')).toMatch(/loopback/);
    expect(relaxed.urlProblem('http://127.0.0.1:8080/x')).toBeUndefined();
  });

  it('refuses what is not a URL, credentials and other schemes', () => {
    expect(relaxed.urlProblem('not a url')).toBe('is not an absolute URL');
    expect(relaxed.urlProblem('ftp://example.com/')).toBe('must be an https URL');
    expect(relaxed.urlProblem('https://user:pw@example.com/')).toBe('must not carry credentials');
  });

  it('refuses a host name that resolves to an internal address when the endpoint is saved', async () => {
    const dns = (answers: Record<string, string[]>) => async (host: string) => {
      if (!answers[host]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return answers[host].map((address) => ({ address }));
    };
    const lookup = dns({ 'hooks.example.com': ['93.184.216.34'], 'inside.example.com': ['93.184.216.34', '10.0.0.5'] });
    const policy = new TargetAddressPolicy(false, lookup);
    expect(await policy.resolvedProblem('https://hooks.example.com/x')).toBeUndefined();
    expect(await policy.resolvedProblem('https://inside.example.com/x')).toBe(
      'resolves to 10.0.0.5, a loopback, private, link-local or metadata address',
    );
    // Not resolvable yet: accepted now, refused at delivery if it then leads inside.
    expect(await policy.resolvedProblem('https://not-yet.example.com/x')).toBeUndefined();
    expect(await new TargetAddressPolicy(true, lookup).resolvedProblem('https://inside.example.com/x')).toBeUndefined();
  });

  it('checks the address a name resolves to at delivery time', async () => {
    await expect(strict.resolve('https://localhost/x')).rejects.toThrow(/private|loopback/);
    await expect(relaxed.resolve('http://127.0.0.1:1/x')).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });
});

describe('sendWebhook', () => {
  it('refuses at delivery time a target that resolves to a private address, without connecting', async () => {
    const outcome = await sendWebhook(
      'https://localhost:9/hook',
      { id: 'msg_1', body: '{}', secrets: ['whsec_' + Buffer.alloc(32, 7).toString('base64')] },
      new TargetAddressPolicy(false),
    );
    expect(outcome.statusCode).toBeNull();
    expect(outcome.error).toMatch(/loopback, private/);
  });
});
