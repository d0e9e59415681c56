import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { COMMENT_VISIBILITIES, Trim } from '@warden/contracts';
import type { CommentVisibility } from '@warden/contracts';

export class AddOrderCommentRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 10000, example: 'The screen is on order, expected on Thursday.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  body!: string;

  @ApiProperty({
    enum: COMMENT_VISIBILITIES,
    description:
      "'internal': employees who see the order; 'public': also the order's client and its company's client managers. Clients write public replies only",
  })
  @IsIn(COMMENT_VISIBILITIES)
  visibility!: CommentVisibility;
}

export class ListOrderCommentsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
