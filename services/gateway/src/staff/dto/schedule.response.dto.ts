import { ApiProperty } from '@nestjs/swagger';
import { WEEKDAYS } from '@warden/kernel';
import type { WorkingReason } from '@warden/kernel';

const WORKING_REASONS: WorkingReason[] = [
  'no_schedule',
  'weekly_hours',
  'exception_hours',
  'outside_weekly_hours',
  'outside_exception_hours',
  'weekly_day_off',
  'exception_day_off',
];

export class WorkIntervalDto {
  @ApiProperty({ example: '09:00' }) start!: string;
  @ApiProperty({ example: '13:00' }) end!: string;
}

export class WeeklyHoursDto {
  @ApiProperty({ type: [WorkIntervalDto] }) mon!: WorkIntervalDto[];
  @ApiProperty({ type: [WorkIntervalDto] }) tue!: WorkIntervalDto[];
  @ApiProperty({ type: [WorkIntervalDto] }) wed!: WorkIntervalDto[];
  @ApiProperty({ type: [WorkIntervalDto] }) thu!: WorkIntervalDto[];
  @ApiProperty({ type: [WorkIntervalDto] }) fri!: WorkIntervalDto[];
  @ApiProperty({ type: [WorkIntervalDto] }) sat!: WorkIntervalDto[];
  @ApiProperty({ type: [WorkIntervalDto] }) sun!: WorkIntervalDto[];
}

export class ScheduleExceptionDayDto {
  @ApiProperty({ example: '2025-12-31', format: 'date' }) date!: string;
  @ApiProperty({ type: [WorkIntervalDto], description: 'Empty: a day off' }) intervals!: WorkIntervalDto[];
}

/** As stored: a canonical time zone, every weekday, intervals by start, exceptions by date. */
export class WorkScheduleDto {
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ type: WeeklyHoursDto }) weekly!: WeeklyHoursDto;
  @ApiProperty({ type: [ScheduleExceptionDayDto] }) exceptions!: ScheduleExceptionDayDto[];
}

export class ScheduleResponseDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: WorkScheduleDto, nullable: true, description: 'null: no schedule (routing counts the employee as inside it)' })
  schedule!: WorkScheduleDto | null;
  @ApiProperty({ type: 'integer', example: 3, description: 'Grows with every change; 0 when never set' }) version!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

export class LocalTimeDto {
  @ApiProperty({ example: '2025-06-02', format: 'date' }) date!: string;
  @ApiProperty({ example: '10:15' }) time!: string;
  @ApiProperty({ enum: WEEKDAYS }) weekday!: string;
}

export class WorkingNowResponseDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'date-time', description: 'The instant answered for' }) at!: string;
  @ApiProperty() working!: boolean;
  @ApiProperty({ enum: WORKING_REASONS, description: 'no_schedule counts as working' }) reason!: WorkingReason;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When `working` flips next; null without a schedule or no change within 400 days',
  })
  nextChangeAt!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Europe/Berlin' }) timeZone!: string | null;
  @ApiProperty({ type: LocalTimeDto, nullable: true, description: "The schedule's wall clock at `at`" }) local!: LocalTimeDto | null;
}
