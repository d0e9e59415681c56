import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Histogram } from 'prom-client';
import { lastValueFrom, of, throwError } from 'rxjs';
import { DomainError } from '@warden/kernel';
import { MetricsRegistry } from '@warden/metrics';
import { RpcHandler } from './rpc-handler.decorator';
import { RpcMetricsInterceptor, rpcOutcome } from './rpc-metrics.interceptor';

class StaffMessages {
  @RpcHandler('identity.staff.get')
  get(): void {}

  plain(): void {}
}

const contextOf = (handler: () => void) => ({ getHandler: () => handler }) as unknown as ExecutionContext;
const answering = (value: unknown): CallHandler => ({ handle: () => of(value) });
const failing = (error: unknown): CallHandler => ({ handle: () => throwError(() => error) });

describe('rpcOutcome', () => {
  it('is ok without an error, the kind of a coded error, and error for anything else', () => {
    expect(rpcOutcome()).toBe('ok');
    expect(rpcOutcome(DomainError.notFound('STAFF.NOT_FOUND', 'person'))).toBe('not_found');
    expect(rpcOutcome(new DomainError('ORDER.VERSION_MISMATCH', 'conflict', 'stale'))).toBe('conflict');
    expect(rpcOutcome(new Error('boom'))).toBe('error');
  });
});

describe('RpcMetricsInterceptor', () => {
  it('counts and times each RpcMap handler call by subject and outcome, and passes answers and errors through', async () => {
    const metrics = new MetricsRegistry('identity');
    const interceptor = new RpcMetricsInterceptor(new Reflector(), metrics);
    const handler = StaffMessages.prototype.get;

    await expect(lastValueFrom(interceptor.intercept(contextOf(handler), answering({ id: 1 })))).resolves.toEqual({ id: 1 });
    await lastValueFrom(interceptor.intercept(contextOf(handler), answering(null)));
    const notFound = DomainError.notFound('STAFF.NOT_FOUND', 'person');
    await expect(lastValueFrom(interceptor.intercept(contextOf(handler), failing(notFound)))).rejects.toBe(notFound);
    await expect(lastValueFrom(interceptor.intercept(contextOf(handler), failing(new Error('boom'))))).rejects.toThrow('boom');

    const text = await metrics.render();
    expect(text).toContain('warden_rpc_handled_total{subject="identity.staff.get",outcome="ok",service="identity"} 2');
    expect(text).toContain('warden_rpc_handled_total{subject="identity.staff.get",outcome="not_found",service="identity"} 1');
    expect(text).toContain('warden_rpc_handled_total{subject="identity.staff.get",outcome="error",service="identity"} 1');
    const duration = await (metrics.registry.getSingleMetric('warden_rpc_duration_seconds') as Histogram).get();
    expect(duration.values.find((value) => value.metricName === 'warden_rpc_duration_seconds_count')).toMatchObject({
      labels: { subject: 'identity.staff.get' },
      value: 4,
    });
  });

  it('leaves handlers outside the RpcMap (health pings) out of the series', async () => {
    const metrics = new MetricsRegistry('identity');
    const interceptor = new RpcMetricsInterceptor(new Reflector(), metrics);
    await lastValueFrom(interceptor.intercept(contextOf(StaffMessages.prototype.plain), answering('pong')));
    expect(await metrics.render()).not.toMatch(/^warden_rpc_handled_total\{/m);
  });
});
