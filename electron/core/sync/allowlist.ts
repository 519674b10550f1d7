/** The device allowlist lives in shared/ (the device app queues writes by it); core enforces it. */
export { DEVICE_CALLS, DEVICE_EVENTS, DEVICE_WRITES, isDeviceCall, isDeviceEvent } from '../../../shared/sync/allowlist';
