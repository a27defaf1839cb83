import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { DemoSeeder } from './demo.seeder.js';

@Module({ imports: [ChannelsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
