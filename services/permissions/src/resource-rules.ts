import type { Type } from '@nestjs/common';
import type { ResourceRule } from './check/resource-rule';
import { EquipmentRule } from './order-access/equipment.rule';
import { OrderRule } from './order-access/order.rule';
import { ParticipantRule } from './order-access/participant.rule';
import { ProjectRule } from './order-access/project.rule';
import { TemplateRule } from './order-access/template.rule';
import { TaskRule } from './task-access/task.rule';
import { ConversationRule } from './chat-access/conversation.rule';
import { InquiryRule } from './chat-access/inquiry.rule';

/**
 * Every resource rule the check consults (check/decision.evaluator.ts), one per `resource.type`; what each
 * decides is listed in docs/rules.md. A rule is provided by the module of its folder and registered
 * from this list by PermissionsModule at start-up: a new resource type is added here, nowhere else.
 */
export const RESOURCE_RULES: ReadonlyArray<Type<ResourceRule>> = [
  OrderRule, // `order`: status levels, closed lock, department / client placement, transfer target
  TaskRule, // `task`: taking part, department read, transitions and their grants, status levels
  ProjectRule, // `project`: a client sees its own company's projects
  TemplateRule, // `template`: a client sees templates that name its company's contacts
  ParticipantRule, // `participant`: a client names no other company's contacts on a task
  EquipmentRule, // `equipment`: a client reads its own company's equipment
  ConversationRule, // `conversation`: who sees a chat and may post in it
  InquiryRule, // `inquiry`: who sees, answers, closes and reassigns an inquiry, and to which branch
];
