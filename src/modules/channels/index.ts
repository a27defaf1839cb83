/** The channels module's public surface beyond its service: the settings a channel is written with. */
export { ChannelPutDto } from './dto/channel.dto.js';
