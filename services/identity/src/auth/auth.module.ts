import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PeopleModule } from '../people/people.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AuthMessages } from './auth.messages';
import { LoginHandler } from './login.handler';
import { LogoutHandler } from './logout.handler';
import { RefreshHandler } from './refresh.handler';
import { TokenIssuer } from './token.issuer';

@Module({
  // The secret is passed at signing time from the validated IdentityEnv.
  imports: [PeopleModule, TenantsModule, JwtModule.register({})],
  controllers: [AuthMessages],
  providers: [TokenIssuer, LoginHandler, RefreshHandler, LogoutHandler],
})
export class AuthModule {}
