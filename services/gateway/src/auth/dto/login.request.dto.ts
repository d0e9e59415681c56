import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ example: 'demo', description: 'The tenant slug' }) @IsString() @IsNotEmpty() @MaxLength(40) tenant!: string;
  @ApiProperty({ example: 'admin@demo.test' }) @IsString() @IsNotEmpty() @MaxLength(254) email!: string;
  @ApiProperty({ example: 'correct horse battery staple' }) @IsString() @IsNotEmpty() @MaxLength(200) password!: string;
}

export class RefreshRequestDto {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh; each works once' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}
