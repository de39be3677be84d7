package vn.motcua.routing.domain;

import vn.motcua.shared.events.routing.DelegationScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.routing.messaging.RoutingEvents;
import vn.motcua.shared.events.routing.DelegationGranted;
import vn.motcua.shared.events.routing.DelegationRevoked;
import vn.motcua.shared.events.routing.SignatureMark;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Delegations of authority (ủy quyền): the head of an agency delegates signing or assignment to a named
 * officer of the agency for a period, with a reason; lists them; revokes one. Rows are never deleted, and each
 * grant and revocation is published on the agency topic in the same transaction (the audit trail).
 */
@ApplicationScoped
public class Delegations {
    private final EntityManager em;
    private final TaskLocks locks;
    private final RoutingEvents events;
    private final IdempotencyKeys idempotency;

    public Delegations(EntityManager em, TaskLocks locks, RoutingEvents events, IdempotencyKeys idempotency) {
        this.em = em;
        this.locks = locks;
        this.events = events;
        this.idempotency = idempotency;
    }

    /**
     * Runs the grant once per Idempotency-Key of the head (the same key for another body: 422, as everywhere):
     * a retried request answers the first delegation instead of granting a second one.
     */
    @Transactional
    public <T> IdempotencyKeys.Outcome<T> grantOnce(String key, Caller head, Object request, Class<T> type,
                                                    java.util.function.Supplier<T> grant) {
        requireHead(head);
        return idempotency.once("POST /api/delegations:" + head.user(), key, request, 201, type, grant);
    }

    /** The head grants a delegation; a period already over may be recorded (it never authorises anything). */
    @Transactional
    public Delegation grant(Caller head, String delegate, DelegationScope scope, LocalDate from, LocalDate to,
                            String reason, SignatureMark signAs) {
        requireHead(head);
        if (signAs != null && scope != DelegationScope.SIGN) {
            throw ProblemException.validation(List.of(new Problem.FieldError("signAs",
                    "chỉ dùng cho ủy quyền ký (scope SIGN)")));
        }
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("delegation-period-invalid",
                    "Ngày kết thúc ủy quyền (to) không được trước ngày bắt đầu (from).");
        }
        if (delegate.equals(head.user())) {
            throw ProblemException.badRequest("delegation-to-self", "Không thể tự ủy quyền cho chính mình.");
        }
        Delegation d = new Delegation();
        d.id = UUID.randomUUID();
        d.agency = head.agency();
        d.delegator = head.user();
        d.delegate = delegate;
        d.scope = scope;
        d.validFrom = from;
        d.validTo = to;
        d.reason = reason;
        d.signAs = scope == DelegationScope.SIGN ? (signAs == null ? SignatureMark.KT : signAs) : null;
        d.grantedAt = locks.now();
        em.persist(d);
        events.publish(new DelegationGranted(d.id, d.agency, d.delegator, d.delegate, d.scope, d.validFrom,
                d.validTo, d.reason, d.grantedAt, d.signAs));
        return d;
    }

    /** Revokes a delegation of the head's agency (another agency's looks absent); revoking twice changes nothing. */
    @Transactional
    public Delegation revoke(Caller head, UUID id) {
        requireHead(head);
        Delegation d = em.find(Delegation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !d.agency.equals(head.agency())) {
            throw ProblemException.notFound("Không có ủy quyền " + id + ".");
        }
        if (d.revokedAt == null) {
            d.revokedAt = locks.now();
            d.revokedBy = head.user();
            events.publish(new DelegationRevoked(d.id, d.agency, d.delegate, d.scope, d.revokedBy,
                    d.revokedAt));
        }
        return d;
    }

    /** The page of the caller's agency's delegations, the latest first, and how many there are. */
    public record Found(List<Delegation> items, long total) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found list(Caller caller, int page, int size) {
        long total = em.createQuery("select count(d) from Delegation d where d.agency = :agency", Long.class)
                .setParameter("agency", caller.agency()).getSingleResult();
        List<Delegation> items = total == 0 ? List.of() : em.createQuery("select d from Delegation d"
                        + " where d.agency = :agency order by d.grantedAt desc, d.id", Delegation.class)
                .setParameter("agency", caller.agency())
                .setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE))
                .setMaxResults(size).getResultList();
        return new Found(items, total);
    }

    /** A delegation of the scope to the officer in the agency, in force on that day. */
    Optional<Delegation> inForce(String agency, String delegate, DelegationScope scope, LocalDate day) {
        return em.createQuery("select d from Delegation d where d.agency = :agency and d.delegate = :delegate"
                        + " and d.scope = :scope and d.revokedAt is null and d.validFrom <= :day and d.validTo >= :day"
                        + " order by d.grantedAt desc", Delegation.class)
                .setParameter("agency", agency)
                .setParameter("delegate", delegate)
                .setParameter("scope", scope)
                .setParameter("day", day)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    private static void requireHead(Caller caller) {
        if (!caller.lead()) {
            throw AgencyWork.forbidden("forbidden", "Chỉ lãnh đạo cơ quan được ủy quyền hoặc thu hồi ủy quyền.");
        }
    }
}
