// One relay instance's store: a SQLite file (WAL). Memberships are also held in a Map and per-device mailbox totals
// in memory, so authentication and the caps check cost no query; mailbox bodies live only in the file.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { DEFAULT_CAPS, type GroupMember, type Presence, type MailboxCaps, type MailItem, type Membership, type RelayStore } from './store';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS members (device TEXT PRIMARY KEY, grp TEXT NOT NULL, role TEXT NOT NULL) STRICT;
  CREATE INDEX IF NOT EXISTS members_grp ON members (grp);
  CREATE TABLE IF NOT EXISTS mail (
    id INTEGER PRIMARY KEY AUTOINCREMENT, dest TEXT NOT NULL, src TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS mail_dest ON mail (dest, id);
  CREATE INDEX IF NOT EXISTS mail_at ON mail (at);
`;

interface Totals {
  count: number;
  bytes: number;
}

export function openSqliteStore(path: string, caps: MailboxCaps = DEFAULT_CAPS, now: () => number = Date.now): RelayStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(SCHEMA);

  const memberships = new Map<string, Membership>();
  for (const row of db.prepare('SELECT device, grp, role FROM members').all() as {
    device: string;
    grp: string;
    role: Membership['role'];
  }[]) {
    memberships.set(row.device, { group: row.grp, role: row.role });
  }
  const presence = new Map<string, Presence>();
  const totals = new Map<string, Totals>();
  for (const row of db.prepare('SELECT dest, count(*) AS n, sum(length(body)) AS b FROM mail GROUP BY dest').all() as {
    dest: string;
    n: number;
    b: number;
  }[]) {
    totals.set(row.dest, { count: row.n, bytes: row.b });
  }

  const insertMember = db.prepare('INSERT OR REPLACE INTO members (device, grp, role) VALUES (?, ?, ?)');
  const deleteMember = db.prepare('DELETE FROM members WHERE device = ? AND grp = ?');
  const insertMail = db.prepare('INSERT INTO mail (dest, src, body, at) VALUES (?, ?, ?, ?)');
  const oldest = db.prepare('SELECT id, length(body) AS b FROM mail WHERE dest = ? ORDER BY id LIMIT 1');
  const deleteMail = db.prepare('DELETE FROM mail WHERE id = ? AND dest = ? RETURNING length(body) AS b');
  const listMail = db.prepare('SELECT id, src, body, at FROM mail WHERE dest = ? AND at >= ? ORDER BY id LIMIT ?');
  const dropMailbox = db.prepare('DELETE FROM mail WHERE dest = ?');
  const expired = db.prepare('DELETE FROM mail WHERE at < ? RETURNING dest, length(body) AS b');

  const totalsOf = (device: string): Totals => {
    let t = totals.get(device);
    if (!t) totals.set(device, (t = { count: 0, bytes: 0 }));
    return t;
  };

  const sweep = (): void => {
    for (const row of expired.all(now() - caps.maxAgeMs) as { dest: string; b: number }[]) {
      const t = totalsOf(row.dest);
      t.count--;
      t.bytes -= row.b;
    }
  };
  // Age cap: swept once a minute and checked on read, so an expired body is never delivered.
  const sweeper = setInterval(sweep, 60_000);
  sweeper.unref();

  const put = db.transaction((to: string, item: Omit<MailItem, 'id'>): string => {
    const t = totalsOf(to);
    const size = item.body.length;
    while (t.count > 0 && (t.count + 1 > caps.maxCount || t.bytes + size > caps.maxBytes)) {
      const row = oldest.get(to) as { id: number; b: number } | undefined;
      if (!row) break;
      deleteMail.run(row.id, to);
      t.count--;
      t.bytes -= row.b;
    }
    const id = insertMail.run(to, item.from, item.body, item.at).lastInsertRowid;
    t.count++;
    t.bytes += size;
    return String(id);
  });

  const ack = db.transaction((to: string, ids: readonly string[]) => {
    const t = totalsOf(to);
    for (const id of ids) {
      const row = deleteMail.get(Number(id), to) as { b: number } | undefined;
      if (row) {
        t.count--;
        t.bytes -= row.b;
      }
    }
  });

  return {
    membership: async (device) => memberships.get(device) ?? null,
    async createGroup(desktop) {
      const m: Membership = { group: randomBytes(16).toString('base64url'), role: 'desktop' };
      insertMember.run(desktop, m.group, m.role);
      memberships.set(desktop, m);
      return m;
    },
    async addDevice(group, device) {
      insertMember.run(device, group, 'device');
      memberships.set(device, { group, role: 'device' });
    },
    async removeDevice(group, device) {
      if (memberships.get(device)?.group !== group) return false;
      deleteMember.run(device, group);
      memberships.delete(device);
      dropMailbox.run(device);
      totals.delete(device);
      return true;
    },
    async members(group) {
      const out: GroupMember[] = [];
      for (const [device, m] of memberships) if (m.group === group) out.push({ device, role: m.role });
      return out;
    },
    put: async (to, item) => put(to, item),
    async list(to, max, skip) {
      const rows = listMail.all(to, now() - caps.maxAgeMs, max + (skip?.size ?? 0)) as {
        id: number;
        src: string;
        body: string;
        at: number;
      }[];
      return rows
        .map((r) => ({ id: String(r.id), from: r.src, body: r.body, at: r.at }))
        .filter((r) => !skip?.has(r.id))
        .slice(0, max);
    },
    count: async (to) => totals.get(to)?.count ?? 0,
    ack: async (to, ids) => ack(to, ids),
    async setPresence(device, online, at) {
      presence.set(device, { online, lastSeen: at });
    },
    async presence(devices) {
      const out = new Map<string, Presence>();
      for (const d of devices) {
        const p = presence.get(d);
        if (p) out.set(d, p);
      }
      return out;
    },
    async close() {
      clearInterval(sweeper);
      db.close();
    },
  };
}
