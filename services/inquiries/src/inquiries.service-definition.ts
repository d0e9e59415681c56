import type { ServiceDefinition } from '@warden/service-kit';
import { InquiriesModule } from './inquiries.module';
import { CreateInquiriesSchema1732400000000 } from './migrations/1732400000000-create-inquiries-schema.migration';

export const INQUIRIES_SERVICE: ServiceDefinition = {
  name: 'inquiries',
  rootModule: InquiriesModule,
  entities: [],
  migrations: [CreateInquiriesSchema1732400000000],
};
