import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AccessTokenClaims, TokenPair } from '@warden/contracts';
import { IDENTITY_ENV } from '../config/identity.env';
import type { IdentityEnv } from '../config/identity.env';

export interface RefreshSecret {
  /** Given to the client once, never stored. */
  token: string;
  /** What is stored: the SHA-256 of the token (a random 256-bit token needs no slow hash). */
  hash: string;
  expiresAt: Date;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Signs access tokens (HS256, short-lived) and makes opaque refresh tokens. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    @Inject(IDENTITY_ENV) private readonly env: IdentityEnv,
  ) {}

  newRefreshSecret(now = Date.now()): RefreshSecret {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: hashRefreshToken(token), expiresAt: new Date(now + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000) };
  }

  async pair(claims: AccessTokenClaims, refresh: RefreshSecret): Promise<TokenPair> {
    const accessToken = await this.jwt.signAsync(
      { ...claims },
      { algorithm: 'HS256', expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS, secret: this.env.JWT_SECRET },
    );
    return {
      tokenType: 'Bearer',
      accessToken,
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken: refresh.token,
      refreshExpiresAt: refresh.expiresAt.toISOString(),
    };
  }
}
