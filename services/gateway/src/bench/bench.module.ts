import { Module } from '@nestjs/common';
import { BenchController } from './bench.controller';

/** The benchmark's unprotected baseline route; never listed unless BENCH_ROUTES=on. */
@Module({ controllers: [BenchController] })
export class BenchModule {}
