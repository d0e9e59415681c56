import { IsInt, Max, Min } from 'class-validator';

const relaxed = process.env.NODE_ENV === 'test';

/**
 * Sign-in rate limits. Defaults: 20 attempts a minute per address, 5 per account. Test runs share one
 * address (127.0.0.1) across every spec, so there the defaults are relaxed; a spec that tests the
 * limits sets them explicitly.
 */
export class LoginRateEnv {
  @IsInt() @Min(1) @Max(3600) LOGIN_RATE_WINDOW_SECONDS: number = 60;
  @IsInt() @Min(1) LOGIN_RATE_PER_ADDRESS: number = relaxed ? 10_000 : 20;
  @IsInt() @Min(1) LOGIN_RATE_PER_ACCOUNT: number = relaxed ? 10_000 : 5;
}
