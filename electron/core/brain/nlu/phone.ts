/** Phones are read by the language layer's libphonenumber-js parser (electron/core/text/phone.ts). */
export { type PhoneMatch, type PhoneOptions, findPhone, findPhones, toE164 } from '../../text';
