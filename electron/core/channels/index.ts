/** The channels' door: what every channel exchanges with the pipeline, and the simulator's phone-number ids. */
export {
  type AcceptAck,
  type Channel,
  ChannelSendError,
  type ChannelSink,
  type DeliveryStatus,
  type NormalizedInbound,
  type OwnMessageEcho,
} from './types';
export { phoneToJid } from './simulator/test-phone';
export { deleteContactData as deleteWhatsAppContactData } from './whatsapp/erase-contact-repo';
