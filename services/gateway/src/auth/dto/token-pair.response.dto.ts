import { ApiProperty } from '@nestjs/swagger';

export class TokenPairResponseDto {
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'JWT (HS256) to send as `Authorization: Bearer <accessToken>`' }) accessToken!: string;
  @ApiProperty({ type: 'integer', example: 900, description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'Opaque, single-use: exchange it at /auth/refresh for a new pair' }) refreshToken!: string;
  @ApiProperty({ type: String, format: 'date-time' }) refreshExpiresAt!: string;
}

export class LogoutResponseDto {
  @ApiProperty({ enum: [true] }) loggedOut!: true;
}
