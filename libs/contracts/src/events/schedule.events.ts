import { Type } from 'class-transformer';
import { IsArray, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import type { ScheduleExceptionDay, WeeklyHours, WorkInterval, WorkSchedule } from '@warden/kernel';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WorkIntervalV1 implements WorkInterval {
  /** `HH:MM`, local to the schedule's time zone. */
  @Matches(CLOCK_TIME) start!: string;
  /** `HH:MM` after start; `24:00` ends at midnight. */
  @Matches(CLOCK_TIME) end!: string;
}

const intervals = (): PropertyDecorator => {
  const decorators = [IsArray(), ValidateNested({ each: true }), Type(() => WorkIntervalV1)];
  return (target, property) => decorators.forEach((decorator) => decorator(target, property));
};

export class WeeklyHoursV1 implements WeeklyHours {
  @intervals() mon!: WorkIntervalV1[];
  @intervals() tue!: WorkIntervalV1[];
  @intervals() wed!: WorkIntervalV1[];
  @intervals() thu!: WorkIntervalV1[];
  @intervals() fri!: WorkIntervalV1[];
  @intervals() sat!: WorkIntervalV1[];
  @intervals() sun!: WorkIntervalV1[];
}

/** Other hours for one date of the schedule's time zone; no intervals: a day off. */
export class ScheduleExceptionDayV1 implements ScheduleExceptionDay {
  @Matches(CALENDAR_DATE) date!: string;
  @intervals() intervals!: WorkIntervalV1[];
}

/** A whole work schedule, as identity validated and normalized it (every weekday present). */
export class WorkScheduleV1 implements WorkSchedule {
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  @IsString() timeZone!: string;
  @ValidateNested() @Type(() => WeeklyHoursV1) weekly!: WeeklyHoursV1;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ScheduleExceptionDayV1) exceptions!: ScheduleExceptionDayV1[];
}

/**
 * An employee's work schedule was set (the whole schedule) or cleared (`schedule: null`). `version`
 * grows with every change of the person's schedule, so a consumer keeps the highest it has seen.
 */
export class WorkScheduleChangedV1 {
  static readonly type = 'identity.schedule.changed.v1';
  @IsUUID() personId!: string;
  @IsOptional() @ValidateNested() @Type(() => WorkScheduleV1) schedule!: WorkScheduleV1 | null;
  @IsInt() @Min(1) version!: number;
  @IsISO8601() at!: string;
}
