import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { OrderView } from '@warden/contracts';
import { Public } from '../auth/route-metadata';

/**
 * An order-shaped body of the size a real order has, so the benchmark's baseline pays for the same
 * serialization and bytes on the wire as GET /api/v1/orders/{id}, but for no token, check or bus call.
 */
const FIXED_ORDER: OrderView = {
  id: '01936f4e-8c2a-7d3b-9a41-5c6e7f809a1b',
  number: 1042,
  title: 'Bench order 1042',
  description: 'Phone does not charge; replace the charging port and check the battery',
  clientRef: null,
  responsibleId: null,
  workflowId: '01936f4e-8b10-7c22-8e33-4d5e6f708192',
  status: { id: '01936f4e-8b11-7a01-b2c3-d4e5f6a7b8c9', name: 'In repair', category: 'active', color: '#3f51b5' },
  version: 1,
  createdBy: '01936f4e-8a00-7b11-9c22-3d4e5f607182',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-01T10:00:00.000Z',
  closedAt: null,
};

/** Registered only with BENCH_ROUTES=on (see features.ts): the unprotected baseline of `npm run bench`. */
@ApiExcludeController()
@Controller('api/v1/bench')
export class BenchController {
  @Get('order')
  @Public('benchmark baseline, registered only with BENCH_ROUTES=on; returns a fixed body')
  order(@Res({ passthrough: true }) reply: FastifyReply): OrderView {
    void reply.header('etag', `"${FIXED_ORDER.version}"`);
    return FIXED_ORDER;
  }
}
