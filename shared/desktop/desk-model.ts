import type { EventMessage } from '../contract/events';
import type { EscalationCode, NotifierCode, NotifierNotice } from '../domain/notices';
import { type DeskLocale, type DeskStrings, deskStrings, fill } from './desk-strings';
import { wordNotifier } from './notifier-strings';
import type { NoticeKind, NoticePrefs } from './desktop-prefs';

/**
 * What the seller sees outside the window — the tray's icon, tooltip, counts and menu, and which notifications pop
 * up — as a pure function of core's events and the clock. The Electron shell and the browser both feed it and render
 * what it says; tests feed it scripted events.
 */
// NoticeKind and NoticePrefs live in desktop-prefs.ts (below the contract), so the contract does not import this model.
export type { NoticeKind, NoticePrefs } from './desktop-prefs';

/** Where a click on a notification leads. */
export type NoticeTarget =
  { page: 'inbox'; conversationId: number } | { page: 'orders'; orderId: number } | { page: 'connect' } | { page: 'settings' };

export interface Notice {
  kind: NoticeKind;
  title: string;
  body: string;
  target: NoticeTarget;
}

export type TrayIcon = 'ok' | 'disconnected' | 'paused' | 'restarting';

export interface TrayView {
  icon: TrayIcon;
  tooltip: string;
  counts: { unread: number; waiting: number; ordersToday: number };
  menu: { id: 'open' | 'open-waiting' | 'toggle-bot' | 'quit'; label: string; enabled: boolean }[];
}

export interface DeskModelOptions {
  locale: DeskLocale;
  prefs: NoticePrefs;
  /** The shop's time zone: "today" and quiet hours are the seller's, not the machine's. */
  timeZone: string;
  /** How long a number stays disconnected before the seller is told (a blip during a reconnect is not news). */
  disconnectGraceMs?: number;
}

/** Escalation codes (shared/domain/notices.ts) with a title of their own; the others say "… needs you". */
const ESCALATION_TITLES: Partial<Record<EscalationCode, keyof DeskStrings>> = {
  human_request: 'humanTitle',
  refund_complaint: 'complaintTitle',
  low_confidence: 'unsureTitle',
  safe_reply: 'unsureTitle',
};

/**
 * Core's notifier codes that no other event tells (the rest — orders, escalations, drafts, failed sends, a full disk,
 * a stopped number — the model words from their own events): shown as a notice of this kind, leading there.
 */
const NOTIFIER_SHOWN: Partial<Record<NotifierCode, { kind: NoticeKind; target: NoticeTarget }>> = {
  wa_keeps_disconnecting: { kind: 'disconnected', target: { page: 'connect' } },
  wa_unreadable: { kind: 'disconnected', target: { page: 'connect' } },
};

function localParts(at: Date, timeZone: string): { day: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export function isQuiet(prefs: NoticePrefs, at: Date, timeZone: string): boolean {
  if (!prefs.quietHours) return false;
  const now = localParts(at, timeZone).minutes;
  const from = toMinutes(prefs.quietHours.from);
  const to = toMinutes(prefs.quietHours.to);
  return from <= to ? now >= from && now < to : now >= from || now < to;
}

export function makeDeskModel(options: DeskModelOptions) {
  let { locale, prefs } = options;
  const grace = options.disconnectGraceMs ?? 60_000;
  const conversations = new Map<number, { unread: number; waiting: boolean; takeover: boolean; name: string | null }>();
  const ordersByDay = new Map<string, Set<number>>();
  const disconnectedSince = new Map<number, { since: number; told: boolean }>();
  let coreState: 'connected' | 'connecting' | 'disconnected' = 'connecting';
  let paused: 'disk_full' | 'error' | null = null;
  /** The seller paused the bot on every shop (bot.aiEnabled off): customers wait for the seller. */
  let botPaused = false;

  const s = () => deskStrings[locale];
  const customer = (conversationId: number) => conversations.get(conversationId)?.name ?? s().aCustomer;
  const allowed = (kind: NoticeKind, at: Date) => prefs.kinds[kind] !== false && !isQuiet(prefs, at, options.timeZone);
  const notice = (kind: NoticeKind, at: Date, title: string, body: string, target: NoticeTarget): Notice[] =>
    allowed(kind, at) ? [{ kind, title, body, target }] : [];

  /** Feeds one core event; returns the notifications it raises (none while quiet or switched off). */
  function onEvent(event: EventMessage, at: Date): Notice[] {
    switch (event.name) {
      case 'conversations/updated': {
        const c = (event as EventMessage<'conversations/updated'>).payload;
        conversations.set(c.id, { unread: c.unread, waiting: c.status === 'waiting_human', takeover: c.takeover, name: c.contactName });
        return [];
      }
      case 'conversations/escalated': {
        const { conversationId, notices } = (event as EventMessage<'conversations/escalated'>).payload;
        const known = conversations.get(conversationId);
        conversations.set(conversationId, {
          unread: known?.unread ?? 1,
          waiting: true,
          takeover: known?.takeover ?? false,
          name: known?.name ?? null,
        });
        const titled = notices.map((n) => ESCALATION_TITLES[n.code]).find((key) => key !== undefined);
        const title = s()[titled ?? 'needsYouTitle'];
        return notice('human', at, fill(title, { customer: customer(conversationId) }), s().needsYouBody, {
          page: 'inbox',
          conversationId,
        });
      }
      case 'messages/new': {
        const m = (event as EventMessage<'messages/new'>).payload;
        const values = { customer: customer(m.conversationId) };
        const target: NoticeTarget = { page: 'inbox', conversationId: m.conversationId };
        // A customer writing while the seller has taken over gets no bot answer: the seller must know.
        if (m.direction === 'in' && conversations.get(m.conversationId)?.takeover)
          return notice('human', at, fill(s().wroteTitle, values), s().needsYouBody, target);
        return m.status === 'draft' ? notice('draft', at, fill(s().draftTitle, values), s().draftBody, target) : [];
      }
      case 'messages/status': {
        const m = (event as EventMessage<'messages/status'>).payload;
        if (m.status !== 'failed') return [];
        return notice('failed', at, fill(s().failedTitle, { customer: customer(m.conversationId) }), s().failedBody, {
          page: 'inbox',
          conversationId: m.conversationId,
        });
      }
      case 'orders/created': {
        const o = (event as EventMessage<'orders/created'>).payload;
        const day = localParts(new Date(o.createdAt), options.timeZone).day;
        ordersByDay.set(day, (ordersByDay.get(day) ?? new Set()).add(o.id));
        const items = o.items.map((line) => `${line.name} ×${line.quantity}`).join(', ');
        const total = new Intl.NumberFormat(locale === 'ar' ? 'ar-DZ-u-nu-latn' : locale, {
          style: 'currency',
          currency: o.currency,
        }).format(o.total);
        return notice(
          'order',
          at,
          fill(s().orderTitle, { customer: o.customerName || s().aCustomer }),
          fill(s().orderBody, { items, total }),
          { page: 'orders', orderId: o.id },
        );
      }
      case 'system/notice': {
        const n = (event as EventMessage<'system/notice'>).payload;
        const shown = NOTIFIER_SHOWN[n.code];
        if (!shown) return [];
        const { title, body } = wordNotifier(locale, n);
        return notice(shown.kind, at, title, body, shown.target);
      }
      // Electron's main feeds every event here; the browser glue also calls setPaused, which tells a pause once.
      case 'system/storage': {
        const s = (event as EventMessage<'system/storage'>).payload;
        return setPaused(s.state === 'disk_full' ? 'disk_full' : null, at);
      }
      case 'accounts/status': {
        const { accountId, status } = (event as EventMessage<'accounts/status'>).payload;
        if (status === 'connected' || status === 'connecting' || status === 'qr_ready') disconnectedSince.delete(accountId);
        else if (!disconnectedSince.has(accountId)) disconnectedSince.set(accountId, { since: at.getTime(), told: false });
        return tick(at);
      }
      default:
        return [];
    }
  }

  /** The clock moved: a number disconnected for longer than the grace is told once. */
  function tick(at: Date): Notice[] {
    const out: Notice[] = [];
    for (const [, d] of disconnectedSince) {
      if (d.told || at.getTime() - d.since < grace) continue;
      d.told = true;
      out.push(...notice('disconnected', at, s().disconnectedTitle, s().disconnectedBody, { page: 'connect' }));
    }
    return out;
  }

  function setPaused(reason: 'disk_full' | 'error' | null, at: Date): Notice[] {
    const was = paused;
    paused = reason;
    if (!reason || reason === was) return [];
    const [title, body] = reason === 'disk_full' ? [s().pausedDiskTitle, s().pausedDiskBody] : [s().pausedErrorTitle, s().pausedErrorBody];
    return notice('paused', at, title, body, { page: 'settings' });
  }

  function tray(at: Date): TrayView {
    const all = [...conversations.values()];
    const counts = {
      unread: all.reduce((sum, c) => sum + c.unread, 0),
      waiting: all.filter((c) => c.waiting).length,
      ordersToday: ordersByDay.get(localParts(at, options.timeZone).day)?.size ?? 0,
    };
    const icon: TrayIcon =
      coreState !== 'connected'
        ? 'restarting'
        : paused || botPaused
          ? 'paused'
          : [...disconnectedSince.values()].some((d) => at.getTime() - d.since >= grace)
            ? 'disconnected'
            : 'ok';
    const head = { ok: s().trayRunning, disconnected: s().trayDisconnected, paused: s().trayPaused, restarting: s().trayRestarting }[icon];
    const lines = [
      head,
      fill(s().trayWaiting, { count: counts.waiting }),
      fill(s().trayUnread, { count: counts.unread }),
      fill(s().trayOrders, { count: counts.ordersToday }),
    ];
    return {
      icon,
      tooltip: lines.join('\n'),
      counts,
      menu: [
        { id: 'open', label: s().menuOpen, enabled: true },
        { id: 'open-waiting', label: fill(s().menuOpenWaiting, { count: counts.waiting }), enabled: counts.waiting > 0 },
        { id: 'toggle-bot', label: botPaused ? s().menuResumeBot : s().menuPauseBot, enabled: coreState === 'connected' },
        { id: 'quit', label: s().menuQuit, enabled: true },
      ],
    };
  }

  return {
    onEvent,
    tick,
    tray,
    setPaused,
    /** Whether the bot is off on every shop (the tray offers to resume it). */
    setBotPaused(next: boolean) {
      botPaused = next;
    },
    /** Core's own process: restarting shows in the icon. */
    setCoreState(state: 'connected' | 'connecting' | 'disconnected') {
      coreState = state;
    },
    /** The shell's own words in the seller's language. */
    strings(): DeskStrings {
      return s();
    },
    /** A notifier code from core in the seller's language (main's log line). */
    wordNotifier(n: NotifierNotice): { title: string; body: string } {
      return wordNotifier(locale, n);
    },
    setLocale(next: DeskLocale) {
      locale = next;
    },
    setPrefs(next: NoticePrefs) {
      prefs = next;
    },
  };
}

export type DeskModel = ReturnType<typeof makeDeskModel>;
