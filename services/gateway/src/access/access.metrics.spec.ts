import { DomainError } from '@warden/kernel';
import type { Decision } from '@warden/contracts';
import { MetricsRegistry } from '@warden/metrics';
import { AccessMetrics } from './access.metrics';

const decision = (allowed: boolean) => ({ allowed }) as Decision;

describe('AccessMetrics', () => {
  it('counts decisions by result and source; a silent permissions service is unavailable, any other failure an error', async () => {
    const metrics = new MetricsRegistry('gateway');
    const access = new AccessMetrics(metrics);
    access.decided('permissions', decision(true));
    access.decided('cache', decision(true));
    access.decided('cache', decision(true));
    access.decided('cache', decision(false));
    access.failed('cache', new DomainError('BUS.UNAVAILABLE', 'unavailable', 'gone'));
    access.failed('permissions', new DomainError('BUS.TIMEOUT', 'unavailable', 'slow'));
    access.failed('permissions', new Error('boom'));

    const text = await metrics.render();
    const count = (result: string, source: string) =>
      Number(
        new RegExp(`^warden_access_decisions_total\\{result="${result}",source="${source}",service="gateway"\\} (\\d+)$`, 'm').exec(
          text,
        )?.[1],
      );
    expect([count('allowed', 'permissions'), count('allowed', 'cache'), count('denied', 'cache'), count('denied', 'permissions')]).toEqual([
      1, 2, 1, 0,
    ]);
    expect([count('unavailable', 'cache'), count('unavailable', 'permissions'), count('error', 'permissions')]).toEqual([1, 1, 1]);
  });
});
