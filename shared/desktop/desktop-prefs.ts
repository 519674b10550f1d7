import { z } from 'zod';

/** A kind of desktop notice the seller can switch off (desk-model.ts words and shows them). */
export type NoticeKind = 'human' | 'order' | 'disconnected' | 'draft' | 'paused' | 'failed';

/** The notification switches desk-model.ts applies: per kind, and quiet hours. */
export interface NoticePrefs {
  /** Per-kind switches; a kind missing here is on. */
  kinds: Partial<Record<NoticeKind, boolean>>;
  /** Local "HH:MM" bounds; a window across midnight (22:00–08:00) is allowed. Null = never quiet. */
  quietHours: { from: string; to: string } | null;
}

/**
 * The shell's own preferences, kept by core (table app_preferences) rather than in electron-store: the Settings page
 * of both shells reads and changes them through the one contract, a browser tab included, and main learns of a change
 * from core's `desktop/prefs-changed` event. Each field has a default, so an empty or older stored value parses.
 */
export const NOTICE_KINDS = ['human', 'order', 'disconnected', 'draft', 'paused', 'failed'] as const satisfies readonly NoticeKind[];

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

const kindSwitches = Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, z.boolean().default(true)])) as Record<
  NoticeKind,
  z.ZodDefault<z.ZodBoolean>
>;
const QuietHours = z.object({ from: HHMM, to: HHMM });

export const NotificationPrefs = z.object({
  kinds: z.object(kindSwitches).prefault({}),
  quietHours: QuietHours.nullable().default(null),
});

export const BackupPrefs = z.object({
  /** Where the daily backup goes (an absolute folder the seller picked); null = no backup. */
  folder: z.string().max(4096).nullable().default(null),
  /** How many backups to keep there. */
  keep: z.number().int().min(1).max(90).default(7),
  /** Back up once a day on the scheduler (needs a folder and a passphrase). */
  daily: z.boolean().default(true),
});

export const DesktopPrefs = z.object({
  /** The window's last size and place, restored on the next start. */
  window: WindowBounds.nullable().default(null),
  /** Closing the window keeps Souqbot answering from the tray (on), or quits it (off). */
  closeToTray: z.boolean().default(true),
  /** The first close to the tray was explained once. */
  closeToTrayExplained: z.boolean().default(false),
  /** Opt-in: Souqbot starts when the seller logs in to the computer. */
  startAtLogin: z.boolean().default(false),
  updateChannel: z.enum(['stable', 'beta']).default('stable'),
  /** While a number is linked and the bot is on, keep the computer from sleeping. */
  keepAwake: z.boolean().default(true),
  notifications: NotificationPrefs.prefault({}),
  backup: BackupPrefs.prefault({}),
});
export type DesktopPrefs = z.infer<typeof DesktopPrefs>;

/** What the contract shows: the backup passphrase is write-only (kept in core's sealed secret store). */
export const PublicDesktopPrefs = DesktopPrefs.extend({
  backup: BackupPrefs.extend({ passphraseSet: z.boolean() }),
});
export type PublicDesktopPrefs = z.infer<typeof PublicDesktopPrefs>;

export const DesktopPrefsPatch = z
  .object({
    window: WindowBounds.nullable(),
    closeToTray: z.boolean(),
    closeToTrayExplained: z.boolean(),
    startAtLogin: z.boolean(),
    updateChannel: z.enum(['stable', 'beta']),
    keepAwake: z.boolean(),
    notifications: z
      .object({
        kinds: z.object(Object.fromEntries(NOTICE_KINDS.map((k) => [k, z.boolean()]))).partial(),
        quietHours: QuietHours.nullable(),
      })
      .partial()
      .strict(),
    backup: z
      .object({
        folder: z.string().trim().max(4096).nullable(),
        keep: z.number().int().min(1).max(90),
        daily: z.boolean(),
        /** A new passphrase (8 characters or more); '' forgets the stored one. */
        passphrase: z.union([z.literal(''), z.string().min(8).max(200)]),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type DesktopPrefsPatch = z.infer<typeof DesktopPrefsPatch>;

/** Merges a patch (nested objects field by field) and re-validates. The passphrase is not a stored field. */
export function mergeDesktopPrefs(current: DesktopPrefs, patch: DesktopPrefsPatch): DesktopPrefs {
  const { passphrase: _secret, ...backup } = patch.backup ?? {};
  return DesktopPrefs.parse({
    ...current,
    ...patch,
    notifications: {
      ...current.notifications,
      ...patch.notifications,
      kinds: { ...current.notifications.kinds, ...patch.notifications?.kinds },
    },
    backup: { ...current.backup, ...backup },
  });
}

/** The desk model's notice preferences from the stored ones. */
export const noticePrefsOf = (prefs: Pick<DesktopPrefs, 'notifications'>): NoticePrefs => ({
  kinds: { ...prefs.notifications.kinds },
  quietHours: prefs.notifications.quietHours,
});

/** The last backup's outcome, shown in Settings. */
export const BackupStatus = z.object({
  lastAt: z.string().nullable(),
  lastResult: z.enum(['ok', 'failed']).nullable(),
  lastFolder: z.string().nullable(),
  lastError: z.string().nullable(),
  lastBytes: z.number().int().nonnegative().nullable(),
  /** Backups present in the chosen folder, newest first. */
  backups: z.array(z.string()),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

/** The updater's state as the UI sees it (mirrors electron/main/updater/update-policy.ts's UpdateState). */
export const UpdateStatus = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('off'), reason: z.string() }),
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('checking') }),
  z.object({ phase: z.literal('up-to-date') }),
  z.object({ phase: z.literal('downloading'), version: z.string(), percent: z.number() }),
  z.object({ phase: z.literal('ready'), version: z.string() }),
  z.object({ phase: z.literal('installing'), version: z.string() }),
  z.object({ phase: z.literal('error'), message: z.string() }),
]);
export type UpdateStatus = z.infer<typeof UpdateStatus>;
