import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  CouplesSummary,
  type CouplesView,
  type PartnerLink,
} from '../../../../shared/api/couples-schemas';
import { ValidationError } from '../../errors';
import { sessions } from '../schema';
import { couplesSummaries, jointSessions, partnerLinks } from '../schema-couples';
import { recordAudit } from './audit';
import { requireClient } from './clients';
import { createSession, listClientSessions } from './sessions';
import { atomically, type DbOrTx } from './types';

export type PartnerLinkRow = typeof partnerLinks.$inferSelect;

/** The client's active link (as either side), or undefined. */
export function activeLinkOf(db: DbOrTx, clientId: string): PartnerLinkRow | undefined {
  return db
    .select()
    .from(partnerLinks)
    .where(
      and(
        isNull(partnerLinks.unlinkedAt),
        or(eq(partnerLinks.clientAId, clientId), eq(partnerLinks.clientBId, clientId)),
      ),
    )
    .get();
}

/** The active link, or a user-facing error saying how to make one. */
export function requireActiveLink(db: DbOrTx, clientId: string): PartnerLinkRow {
  const link = activeLinkOf(db, clientId);
  if (!link)
    throw new ValidationError(
      'no_partner_linked',
      'This client has no partner linked. Link their partner first (Couples, on the client page, or `cairn couples link`).',
    );
  return link;
}

/**
 * Links two clients as partners. Refused for the same client twice, an unknown client, or a
 * client already linked to someone else (unlink first: a couple is two people). Linking the same
 * two again is a no-op that returns their link.
 */
export function linkPartners(
  db: DbOrTx,
  input: { clientId: string; partnerId: string; actor: string },
): { link: PartnerLinkRow; created: boolean } {
  return atomically(db, (tx) => {
    const { clientId, partnerId } = input;
    if (clientId === partnerId)
      throw new ValidationError(
        'partner_is_self',
        'A client cannot be linked as their own partner. Choose the other partner.',
      );
    requireClient(tx, clientId);
    requireClient(tx, partnerId);
    const mine = activeLinkOf(tx, clientId);
    const theirs = activeLinkOf(tx, partnerId);
    if (mine && mine.id === theirs?.id) return { link: mine, created: false };
    if (mine || theirs)
      throw new ValidationError(
        'already_linked',
        `${mine ? 'This client' : 'The chosen partner'} is already linked to another partner. Unlink them first.`,
      );
    const link: PartnerLinkRow = {
      id: randomUUID(),
      clientAId: clientId,
      clientBId: partnerId,
      linkedAt: Date.now(),
      unlinkedAt: null,
    };
    tx.insert(partnerLinks).values(link).run();
    recordAudit(tx, {
      actor: input.actor,
      action: 'couples.linked',
      entityType: 'client',
      entityId: clientId,
      detail: { link: link.id, clientA: clientId, clientB: partnerId },
    });
    return { link, created: true };
  });
}

/** Ends the client's active link; its joint summaries are kept with it. */
export function unlinkPartner(db: DbOrTx, clientId: string, actor: string): PartnerLinkRow {
  return atomically(db, (tx) => {
    requireClient(tx, clientId);
    const link = requireActiveLink(tx, clientId);
    const unlinkedAt = Date.now();
    tx.update(partnerLinks).set({ unlinkedAt }).where(eq(partnerLinks.id, link.id)).run();
    recordAudit(tx, {
      actor,
      action: 'couples.unlinked',
      entityType: 'client',
      entityId: clientId,
      detail: { link: link.id, clientA: link.clientAId, clientB: link.clientBId },
    });
    return { ...link, unlinkedAt };
  });
}

/** The link a joint session was planned or prepared for, if any. */
function mappedLinkId(db: DbOrTx, sessionId: string): string | undefined {
  return db
    .select({ linkId: jointSessions.linkId })
    .from(jointSessions)
    .where(eq(jointSessions.sessionId, sessionId))
    .get()?.linkId;
}

/**
 * The couple's joint session on `date`: one already theirs, else a `couple` session of the link's
 * first client that day no other couple has (an imported joint recording), else a planned one
 * (status `scheduled`). It is recorded as this link's, so a later partner's link never takes it.
 */
export function jointSessionFor(db: DbOrTx, link: PartnerLinkRow, date: string): string {
  const theirs = db
    .select({ id: sessions.id })
    .from(sessions)
    .innerJoin(jointSessions, eq(jointSessions.sessionId, sessions.id))
    .where(and(eq(jointSessions.linkId, link.id), eq(sessions.date, date)))
    .orderBy(desc(sessions.createdAt))
    .limit(1)
    .get();
  if (theirs) return theirs.id;
  const unclaimed = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.clientId, link.clientAId),
        eq(sessions.kind, 'couple'),
        eq(sessions.date, date),
      ),
    )
    .orderBy(desc(sessions.createdAt))
    .all()
    .find((s) => mappedLinkId(db, s.id) === undefined);
  let id = unclaimed?.id;
  if (!id) {
    id = createSession(db, { clientId: link.clientAId, date, kind: 'couple' });
    db.update(sessions).set({ status: 'scheduled' }).where(eq(sessions.id, id)).run();
  }
  db.insert(jointSessions).values({ sessionId: id, linkId: link.id }).run();
  return id;
}

/**
 * The link a joint session belongs to, which must still be active: the partners a run merges are
 * the couple the session was prepared for, never whoever its client is linked to now.
 */
export function linkOfJointSession(db: DbOrTx, sessionId: string): PartnerLinkRow {
  const session = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!session)
    throw new ValidationError('session_not_found', 'The joint session no longer exists.');
  if (session.kind !== 'couple' || !session.clientId)
    throw new ValidationError(
      'not_a_joint_session',
      'A joint summary is prepared for a couple’s joint session only.',
    );
  const linkId = mappedLinkId(db, sessionId);
  const link = linkId
    ? db.select().from(partnerLinks).where(eq(partnerLinks.id, linkId)).get()
    : activeLinkOf(db, session.clientId);
  if (link?.unlinkedAt !== null)
    throw new ValidationError(
      'no_partner_linked',
      'The partners were unlinked before the joint summary was made. Link them again to prepare it.',
    );
  return link;
}

/** The newest joint summary made for the link, or null. */
export function latestCouplesSummary(db: DbOrTx, linkId: string): CouplesSummary | null {
  const row = db
    .select()
    .from(couplesSummaries)
    .where(eq(couplesSummaries.linkId, linkId))
    .orderBy(desc(couplesSummaries.createdAt))
    .limit(1)
    .get();
  if (!row) return null;
  return CouplesSummary.parse({
    id: row.id,
    linkId: row.linkId,
    sessionId: row.sessionId,
    runId: row.runId,
    createdAt: row.createdAt,
    clientIds: [row.clientAId, row.clientBId],
    summary: JSON.parse(row.summaryJson) as unknown,
    isolation: JSON.parse(row.isolationJson) as unknown,
  });
}

function linkView(db: DbOrTx, link: PartnerLinkRow): PartnerLink {
  const a = requireClient(db, link.clientAId);
  const b = requireClient(db, link.clientBId);
  return {
    id: link.id,
    clientA: { id: a.id, name: a.name },
    clientB: { id: b.id, name: b.name },
    linkedAt: link.linkedAt,
  };
}

/**
 * A client's couples view. Joint sessions are those recorded as this link's, and `couple` sessions
 * of either partner no couple has claimed (imported joint recordings); a session another couple's
 * link holds is left out, and nothing of either partner's individual sessions is part of it.
 */
export function couplesViewOf(db: DbOrTx, clientId: string): CouplesView {
  requireClient(db, clientId);
  const link = activeLinkOf(db, clientId);
  if (!link) return { clientId, link: null, jointSessions: [], latest: null };
  const joint = [link.clientAId, link.clientBId]
    .flatMap((id) => listClientSessions(db, id))
    .filter((s) => s.kind === 'couple')
    .filter((s) => {
      const owner = mappedLinkId(db, s.id);
      return owner === undefined || owner === link.id;
    })
    .sort((x, y) => x.date.localeCompare(y.date) || x.createdAt - y.createdAt);
  return {
    clientId,
    link: linkView(db, link),
    jointSessions: joint,
    latest: latestCouplesSummary(db, link.id),
  };
}
