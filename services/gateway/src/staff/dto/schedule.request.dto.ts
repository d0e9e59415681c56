import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsISO8601, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

// The shape is checked here; the rules (HH:MM, start < end, no overlaps, a known time zone, real dates)
// are identity's, which answers 422 naming the field, e.g. `weekly.mon.1.end`.

export class WorkIntervalRequestDto {
  @ApiProperty({ example: '09:00', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'Local time HH:MM, inclusive' })
  @IsString()
  start!: string;

  @ApiProperty({ example: '13:00', description: 'Local time HH:MM after start, exclusive; 24:00 is midnight' })
  @IsString()
  end!: string;
}

function Intervals(description: string): PropertyDecorator {
  const decorators = [
    ApiPropertyOptional({ type: [WorkIntervalRequestDto], description }),
    IsOptional(),
    IsArray(),
    ValidateNested({ each: true }),
    Type(() => WorkIntervalRequestDto),
  ];
  return (target, property) => decorators.forEach((decorator) => decorator(target, property));
}

/** A missing weekday has no hours. */
export class WeeklyHoursRequestDto {
  @Intervals('Monday') mon?: WorkIntervalRequestDto[];
  @Intervals('Tuesday') tue?: WorkIntervalRequestDto[];
  @Intervals('Wednesday') wed?: WorkIntervalRequestDto[];
  @Intervals('Thursday') thu?: WorkIntervalRequestDto[];
  @Intervals('Friday') fri?: WorkIntervalRequestDto[];
  @Intervals('Saturday') sat?: WorkIntervalRequestDto[];
  @Intervals('Sunday') sun?: WorkIntervalRequestDto[];
}

export class ScheduleExceptionDayRequestDto {
  @ApiProperty({ example: '2025-12-31', format: 'date', description: "A date of the schedule's time zone" })
  @IsString()
  date!: string;

  @Intervals("The hours of that date instead of its weekday's; empty or missing: a day off") intervals?: WorkIntervalRequestDto[];
}

/** The whole schedule; it replaces the previous one. */
export class PutScheduleRequestDto {
  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone; UTC when missing' })
  @IsOptional()
  @IsString()
  timeZone?: string;

  @ApiProperty({
    type: WeeklyHoursRequestDto,
    description: 'Intervals per weekday; overnight shifts are two intervals, e.g. fri 22:00-24:00 and sat 00:00-06:00',
    example: {
      mon: [
        { start: '09:00', end: '13:00' },
        { start: '14:00', end: '18:00' },
      ],
      tue: [{ start: '09:00', end: '18:00' }],
    },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => WeeklyHoursRequestDto)
  weekly!: WeeklyHoursRequestDto;

  @ApiPropertyOptional({ type: [ScheduleExceptionDayRequestDto], description: 'Days off and days with other hours, by date (at most 366)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScheduleExceptionDayRequestDto)
  exceptions?: ScheduleExceptionDayRequestDto[];
}

export class WorkingNowQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Ask about this instant instead of now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  at?: string;
}
