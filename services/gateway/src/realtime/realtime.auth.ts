import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier, bearerToken } from '../auth/access-token.verifier';
import type { Principal } from '../auth/principal';

/**
 * The realtime stream authenticates itself: browsers' EventSource cannot send an Authorization
 * header, so the same access token is also accepted as `?access_token=`; the header wins when both are sent.
 */
@Injectable()
export class RealtimeAuth {
  constructor(private readonly tokens: AccessTokenVerifier) {}

  principal(authorization: string | undefined, queryToken: string | undefined, requestId: string): Promise<Principal> {
    const token = bearerToken(authorization) ?? (queryToken?.trim() || null);
    return this.tokens.verify(token, requestId, 'Send an access token: Authorization: Bearer <token>, or ?access_token=<token>');
  }
}
