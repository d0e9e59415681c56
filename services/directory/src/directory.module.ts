import { Module } from '@nestjs/common';

/** Branches, departments, channels, contacts, companies and equipment arrive with their issue. */
@Module({})
export class DirectoryModule {}
