import type { Type } from '@nestjs/common';

/** The HTTP feature modules of the gateway, one per area of the API. */
export const FEATURE_MODULES: Type<unknown>[] = [];
