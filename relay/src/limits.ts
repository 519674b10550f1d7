import { MAX_FRAME_BYTES } from '../../shared/relay/index';
import { DEFAULT_CAPS, type MailboxCaps } from './store';

/** Every limit the relay enforces; defaults suit one shop's desktop and a few phones per group. */
export interface RelayLimits {
  /** frames a second per device (token bucket), and the burst */
  deviceFramesPerSecond: number;
  deviceFrameBurst: number;
  /** new connections a second per IP, and the burst (a shop's NAT holds a desktop and a few phones) */
  ipConnectionsPerSecond: number;
  ipConnectionBurst: number;
  /** group creations (new desktops) an hour per IP */
  ipGroupsPerHour: number;
  /** pair-join attempts a minute per IP */
  ipPairJoinsPerMinute: number;
  /** messages and bytes a group may forward a day (per instance) */
  groupMessagesPerDay: number;
  groupBytesPerDay: number;
  /** devices per group, the desktop included */
  groupMaxDevices: number;
  mailbox: MailboxCaps;
  /** close a socket that has not authenticated by then */
  authTimeoutMs: number;
  maxFrameBytes: number;
}

export const DEFAULT_LIMITS: RelayLimits = {
  deviceFramesPerSecond: 50,
  deviceFrameBurst: 200,
  ipConnectionsPerSecond: 1,
  ipConnectionBurst: 20,
  ipGroupsPerHour: 10,
  ipPairJoinsPerMinute: 10,
  groupMessagesPerDay: 200_000,
  groupBytesPerDay: 512 * 1024 * 1024,
  groupMaxDevices: 10,
  mailbox: DEFAULT_CAPS,
  authTimeoutMs: 10_000,
  maxFrameBytes: MAX_FRAME_BYTES,
};
