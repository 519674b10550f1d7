// One WebSocket connection: hello → challenge → auth, then the member's frames. The session caches its group's
// member list (refreshed by `members` bus events), so forwarding a body needs no store lookup.
import { randomBytes } from 'node:crypto';
import { ClientFrame, parseFrame, verifyChallenge, type RelayErrorCode, type RelayFrame, type RelayMember } from '../../shared/relay/index';
import type { AckReply, BusEvent } from './bus';
import type { RelayContext } from './context';
import type { GroupMember, Membership } from './store';

export interface SessionSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
}

type Phase = { kind: 'hello' } | { kind: 'challenged'; device: string; nonce: string; create: boolean } | { kind: 'ready'; device: string };

export function makeSession(ctx: RelayContext, socket: SessionSocket, ip: string) {
  let phase: Phase = { kind: 'hello' };
  let membership: Membership | null = null;
  let members: GroupMember[] = [];
  let unsubscribe: (() => void) | null = null;
  let closed = false;
  /** ids delivered on this connection and not yet acked: never delivered twice on it */
  const delivered = new Set<string>();
  /** offered deliveries (offer-first) waiting for this device's ack, by id */
  const offered = new Map<string, AckReply>();
  // Frames are handled one at a time, in order (store calls are async).
  let queue: Promise<void> = Promise.resolve();

  const send = (frame: RelayFrame): void => {
    if (!closed) socket.send(JSON.stringify(frame));
  };
  const fail = (code: RelayErrorCode, message: string, ref?: string): void => send({ t: 'error', code, message, ...(ref ? { ref } : {}) });
  const shut = (code: RelayErrorCode, message: string, wsCode = 4000): void => {
    fail(code, message);
    closed = true;
    socket.close(wsCode, code);
  };

  const authTimer = setTimeout(() => {
    if (phase.kind !== 'ready') shut('auth-failed', 'authenticate first', 4001);
  }, ctx.limits.authTimeoutMs);
  authTimer.unref();

  async function memberView(list: GroupMember[]): Promise<RelayMember[]> {
    const presence = await ctx.store.presence(list.map((m) => m.device));
    return list.map((m) => ({
      device: m.device,
      role: m.role,
      online: presence.get(m.device)?.online ?? false,
      lastSeen: presence.get(m.device)?.lastSeen ?? null,
    }));
  }

  function onBus(device: string, event: BusEvent, reply?: AckReply): void {
    if (closed) return;
    switch (event.kind) {
      case 'deliver':
        if (reply) offered.set(event.item.id, reply);
        if (delivered.has(event.item.id)) return;
        delivered.add(event.item.id);
        send({ t: 'deliver', ...event.item });
        return;
      case 'frame':
        send(event.frame);
        return;
      case 'members':
        if (event.removed.includes(device)) {
          membership = null;
          members = [];
          shut('unpaired', 'this device was removed from its group', 4003);
          return;
        }
        if (event.members.some((m) => m.device === device)) {
          membership = { group: event.group, role: event.members.find((m) => m.device === device)!.role };
          members = event.members;
        }
        queue = queue.then(async () => send({ t: 'members', members: await memberView(event.members) })).catch(() => {});
        return;
    }
  }

  async function announce(device: string, online: boolean): Promise<void> {
    const at = ctx.now();
    for (const m of members)
      if (m.device !== device) ctx.bus.publish(m.device, { kind: 'frame', frame: { t: 'presence', device, online, at } });
  }

  async function authenticated(device: string, create: boolean): Promise<void> {
    membership = await ctx.store.membership(device);
    if (!membership && create) {
      if (!ctx.groupLimiter.take(ip)) return shut('rate-limited', 'too many new groups from this address', 4029);
      membership = await ctx.store.createGroup(device);
    }
    phase = { kind: 'ready', device };
    clearTimeout(authTimer);
    unsubscribe = ctx.bus.subscribe(device, (event, reply) => onBus(device, event, reply));
    ctx.connected(device, +1);
    await ctx.store.setPresence(device, true, ctx.now());
    if (membership) {
      members = await ctx.store.members(membership.group);
      await announce(device, true);
    }
    send({
      t: 'welcome',
      role: membership?.role ?? 'pending',
      group: membership?.group ?? null,
      members: await memberView(members),
      mailbox: membership ? await ctx.store.count(device) : 0,
    });
  }

  async function handle(frame: ClientFrame): Promise<void> {
    if (phase.kind === 'hello') {
      if (frame.t !== 'hello') return shut('auth-failed', 'say hello first', 4001);
      const nonce = randomBytes(32).toString('base64url');
      phase = { kind: 'challenged', device: frame.device, nonce, create: frame.create === true };
      return send({ t: 'challenge', nonce });
    }
    if (phase.kind === 'challenged') {
      if (frame.t !== 'auth' || !verifyChallenge(phase.device, phase.nonce, frame.sig))
        return shut('auth-failed', 'signature does not match the key', 4001);
      return authenticated(phase.device, phase.create);
    }
    const device = phase.device;
    if (!ctx.deviceLimiter.take(device))
      return fail('rate-limited', 'too many frames from this device', 'ref' in frame ? frame.ref : undefined);
    switch (frame.t) {
      case 'hello':
      case 'auth':
        return fail('bad-frame', 'already authenticated');
      case 'send':
        return forward(device, frame);
      case 'ack':
        if (!membership) return fail('not-member', 'pair first');
        return ack(device, frame.ids);
      case 'drain':
        return drain(device, frame.max ?? 100);
      case 'pair-join':
        return pairJoin(device, frame);
      case 'pair-accept':
      case 'pair-reject':
      case 'unpair':
        return desktopCommand(device, frame);
    }
  }

  async function ack(device: string, ids: readonly string[]): Promise<void> {
    const stored: string[] = [];
    for (const id of ids) {
      delivered.delete(id);
      const reply = offered.get(id);
      if (reply) {
        offered.delete(id);
        reply();
      } else stored.push(id);
    }
    if (stored.length) await ctx.store.ack(device, stored);
  }

  /**
   * store-first (one instance, SQLite): write to the mailbox, then deliver live; the ack deletes it.
   * offer-first (NATS): offer it live and write it to the mailbox only if the device is not connected or does not ack
   * within offerTimeoutMs. Most deliveries then never touch JetStream. `sent` is answered only once every item is
   * acked or stored, so a sender that got no `sent` resends (the receiver's replay window drops the repeat).
   */
  async function forward(device: string, frame: Extract<ClientFrame, { t: 'send' }>): Promise<void> {
    if (!membership) return fail('not-member', 'pair first', frame.ref);
    const accepted: { to: string; body: string }[] = [];
    const refused: { to: string; code: RelayErrorCode }[] = [];
    for (const item of frame.items) {
      if (!members.some((m) => m.device === item.to) || item.to === device) refused.push({ to: item.to, code: 'not-member' });
      else if (!ctx.groupQuota.take(membership.group, item.body.length)) refused.push({ to: item.to, code: 'quota-exceeded' });
      else accepted.push(item);
    }
    if (ctx.deliveryMode === 'store-first') {
      const ids: string[] = [];
      for (const item of accepted) {
        const at = ctx.now();
        const id = await ctx.store.put(item.to, { from: device, body: item.body, at });
        ids.push(id);
        ctx.bus.publish(item.to, { kind: 'deliver', item: { id, from: device, body: item.body, at } });
      }
      return send({ t: 'sent', ref: frame.ref, ids, refused });
    }
    // Not awaited: this sender's next frames need not wait for the recipients' acks.
    void Promise.all(
      accepted.map(async ({ to, body }) => {
        const item = { id: ctx.hotId(), from: device, body, at: ctx.now() };
        const outcome = await ctx.bus.offer(to, item, ctx.offerTimeoutMs);
        if (outcome === 'acked') return item.id;
        const id = await ctx.store.put(to, { from: device, body, at: item.at });
        // It may have connected meanwhile (its drain could have missed this): deliver the stored copy live too.
        if (outcome === 'absent') ctx.bus.publish(to, { kind: 'deliver', item: { ...item, id } });
        return id;
      }),
    )
      .then((ids) => send({ t: 'sent', ref: frame.ref, ids, refused }))
      .catch((err: unknown) => {
        ctx.log(`forward failed: ${err instanceof Error ? err.message : String(err)}`);
        fail('internal', 'relay error', frame.ref);
      });
  }

  async function drain(device: string, max: number): Promise<void> {
    if (!membership) return fail('not-member', 'pair first');
    const items = await ctx.store.list(device, max, delivered);
    for (const item of items) {
      delivered.add(item.id);
      send({ t: 'deliver', ...item });
    }
    const remaining = Math.max(0, (await ctx.store.count(device)) - delivered.size);
    send({ t: 'drained', remaining });
  }

  async function pairJoin(device: string, frame: Extract<ClientFrame, { t: 'pair-join' }>): Promise<void> {
    if (membership) return fail('not-allowed', 'already in a group');
    if (!ctx.pairLimiter.take(ip)) return fail('rate-limited', 'too many pairing attempts from this address');
    const desktop = await ctx.store.membership(frame.desktop);
    if (desktop?.role !== 'desktop') return fail('unknown-device', 'no such desktop');
    const online = (await ctx.store.presence([frame.desktop])).get(frame.desktop)?.online ?? false;
    if (!online) return fail('desktop-offline', 'the desktop is not connected');
    const { t: _t, desktop: _d, ...rest } = frame;
    ctx.bus.publish(frame.desktop, { kind: 'frame', frame: { t: 'pair-request', device, ...rest } });
  }

  async function desktopCommand(
    device: string,
    frame: Extract<ClientFrame, { t: 'pair-accept' | 'pair-reject' | 'unpair' }>,
  ): Promise<void> {
    if (membership?.role !== 'desktop') return fail('not-allowed', 'only the desktop of a group may do this');
    const group = membership.group;
    if (frame.t === 'pair-reject') {
      ctx.bus.publish(frame.device, { kind: 'frame', frame: { t: 'pair-refused', desktop: device } });
      return;
    }
    if (frame.t === 'pair-accept') {
      if (await ctx.store.membership(frame.device)) return fail('not-allowed', 'that device is already in a group');
      if (members.length >= ctx.limits.groupMaxDevices) return fail('quota-exceeded', 'this group has too many devices');
      await ctx.store.addDevice(group, frame.device);
      const list = await ctx.store.members(group);
      for (const m of list) ctx.bus.publish(m.device, { kind: 'members', group, members: list, removed: [] });
      ctx.bus.publish(frame.device, { kind: 'frame', frame: { t: 'paired', group, desktop: device } });
      return;
    }
    if (frame.device === device || !(await ctx.store.removeDevice(group, frame.device)))
      return fail('not-member', 'no such device in this group');
    const list = await ctx.store.members(group);
    for (const m of [...list, { device: frame.device }])
      ctx.bus.publish(m.device, { kind: 'members', group, members: list, removed: [frame.device] });
  }

  return {
    onMessage(text: string): void {
      const frame = parseFrame(ClientFrame, text);
      queue = queue
        .then(async () => {
          if (closed) return;
          if (!frame) return phase.kind === 'ready' ? fail('bad-frame', 'not a relay frame') : shut('bad-frame', 'not a relay frame');
          await handle(frame);
        })
        .catch((err: unknown) => {
          ctx.log(`session error: ${err instanceof Error ? err.message : String(err)}`);
          fail('internal', 'relay error');
        });
    },
    onClose(): void {
      closed = true;
      clearTimeout(authTimer);
      unsubscribe?.();
      if (phase.kind === 'ready') {
        const device = phase.device;
        if (ctx.connected(device, -1) === 0) {
          queue = queue
            .then(async () => {
              await ctx.store.setPresence(device, false, ctx.now());
              if (membership) await announce(device, false);
            })
            .catch(() => {});
        }
      }
    },
  };
}
