import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { loadEnv } from '@warden/service-kit';
import { AuthController } from './auth.controller';
import { LoginRateEnv } from './login-rate.env';
import { accountTracker, addressTracker, LoginThrottlerGuard } from './login.throttler-guard';

@Module({
  imports: [
    // Applied only where LoginThrottlerGuard is used (sign-in); both limits must hold.
    ThrottlerModule.forRootAsync({
      useFactory: () => {
        const env = loadEnv(LoginRateEnv);
        const ttl = env.LOGIN_RATE_WINDOW_SECONDS * 1000;
        return {
          throttlers: [
            { name: 'address', ttl, limit: env.LOGIN_RATE_PER_ADDRESS, getTracker: addressTracker },
            { name: 'account', ttl, limit: env.LOGIN_RATE_PER_ACCOUNT, getTracker: accountTracker },
          ],
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [LoginThrottlerGuard],
})
export class AuthModule {}
