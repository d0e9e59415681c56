import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { randomUUID } from 'node:crypto';
import { BusClient } from '@warden/messaging';
import { Public } from '../auth/route-metadata';

/**
 * An order-shaped body of the size a real order has, so the benchmark's baseline pays for the same
 * serialization and bytes on the wire as GET /api/v1/orders/{id}, but for no token, check or bus call.
 */
const FIXED_ORDER = {
  id: '01936f4e-8c2a-7d3b-9a41-5c6e7f809a1b',
  number: 1042,
  title: 'Bench order 1042',
  description: 'Phone does not charge; replace the charging port and check the battery',
  clientRef: null,
  responsibleId: null,
  workflowId: '01936f4e-8b10-7c22-8e33-4d5e6f708192',
  status: { id: '01936f4e-8b11-7a01-b2c3-d4e5f6a7b8c9', name: 'In repair', category: 'active', color: '#3f51b5' },
  departmentId: '01936f4e-8b20-7d01-a2b3-c4d5e6f7a8b9',
  clientContactId: '01936f4e-8b21-7d01-a2b3-c4d5e6f7a8b9',
  clientCompanyId: '01936f4e-8b22-7d01-a2b3-c4d5e6f7a8b9',
  equipmentId: null,
  inboundMessageId: null,
  channelId: null,
  tags: [],
  version: 1,
  createdBy: '01936f4e-8a00-7b11-9c22-3d4e5f607182',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
  closedAt: null,
};

/**
 * Registered only with BENCH_ROUTES=on outside production (see features.ts): the unprotected baselines of
 * `npm run bench`. Without parameters it returns the fixed body; with `tenantId` and `orderId` it fetches
 * the order from the workflow service exactly as GET /api/v1/orders/{id} does, minus token and checks, so
 * the difference between the two is the cost of the access path alone.
 */
@ApiExcludeController()
@Controller('api/v1/bench')
export class BenchController {
  constructor(private readonly bus: BusClient) {}

  @Get('order')
  @Public('benchmark baseline, registered only with BENCH_ROUTES=on outside production')
  async order(
    @Query('tenantId') tenantId: string | undefined,
    @Query('orderId') orderId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ version: number }> {
    const order: { version: number } =
      tenantId && orderId
        ? await this.bus.request('workflow.orders.get', { tenantId, actorId: null, requestId: randomUUID() }, { orderId })
        : FIXED_ORDER;
    void reply.header('etag', `"${order.version}"`);
    return order;
  }
}
