import { Module } from '@nestjs/common';
import { PersonsRepository } from './persons.repository';

@Module({
  providers: [PersonsRepository],
  exports: [PersonsRepository],
})
export class PersonsModule {}
