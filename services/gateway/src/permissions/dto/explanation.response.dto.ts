import { ApiProperty } from '@nestjs/swagger';
import type { DecisionStep, Explanation } from '@warden/contracts';

export class DecisionStepDto implements DecisionStep {
  @ApiProperty({ example: 'group.rights', description: 'The rule applied' }) rule!: string;
  @ApiProperty({ enum: ['allow', 'deny', 'none'], description: '`none`: the rule did not decide, the next one was asked' })
  effect!: 'allow' | 'deny' | 'none';
  @ApiProperty({ example: "Granted by group(s) 'Administrator'" }) detail!: string;
}

export class ExplanationResponseDto implements Explanation {
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ example: 'ALLOWED.GROUP', description: 'Machine-readable reason' }) code!: string;
  @ApiProperty({ example: "The right 'groups.manage' is granted by group 'Administrator'" }) reason!: string;
  @ApiProperty({ type: 'integer', description: "The tenant's policy version the decision was made under" }) policyVersion!: number;
  @ApiProperty({ type: [DecisionStepDto], description: 'The chain of rules, in the order they were applied' }) steps!: DecisionStepDto[];
}
