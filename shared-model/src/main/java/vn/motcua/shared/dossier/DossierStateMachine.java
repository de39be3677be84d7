package vn.motcua.shared.dossier;

import vn.motcua.shared.events.ReceptionChannel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static vn.motcua.shared.dossier.DossierAction.*;
import static vn.motcua.shared.dossier.DossierState.*;
import static vn.motcua.shared.dossier.Role.*;

/**
 * The life of a dossier as data: every allowed (state, action) → state, and who may cause it. Anything
 * not in {@link #TRANSITIONS} is illegal. Task-level moves inside processing (claim, complete, return to
 * the previous step, transfer) do not change the dossier's state and are routing's business.
 */
public final class DossierStateMachine {

    private static final Set<Role> APPLICANT_SIDE = Set.of(CITIZEN, COUNTER_OFFICER);

    public static final List<Transition> TRANSITIONS = List.of(
            // Check of an online submission (Decree 118/2025/NĐ-CP: receive, guide once and in full, or refuse).
            new Transition(SUBMITTED, RECEIVE, RECEIVED, Set.of(COUNTER_OFFICER)),
            new Transition(SUBMITTED, REQUEST_SUPPLEMENT, SUBMISSION_SUPPLEMENT_REQUESTED, Set.of(COUNTER_OFFICER)),
            new Transition(SUBMITTED, REFUSE, REFUSED, Set.of(COUNTER_OFFICER)),
            new Transition(SUBMITTED, WITHDRAW, WITHDRAWN, APPLICANT_SIDE),
            new Transition(SUBMISSION_SUPPLEMENT_REQUESTED, SUPPLY_SUPPLEMENT, SUBMITTED, APPLICANT_SIDE),
            new Transition(SUBMISSION_SUPPLEMENT_REQUESTED, REFUSE, REFUSED, Set.of(COUNTER_OFFICER)),
            new Transition(SUBMISSION_SUPPLEMENT_REQUESTED, WITHDRAW, WITHDRAWN, APPLICANT_SIDE),
            // Received: routing hands it to the first agency.
            new Transition(RECEIVED, START_PROCESSING, IN_PROCESS, Set.of(SYSTEM)),
            new Transition(RECEIVED, WITHDRAW, WITHDRAWN, APPLICANT_SIDE),
            // Processing.
            new Transition(IN_PROCESS, REQUEST_SUPPLEMENT, SUPPLEMENT_REQUESTED, Set.of(AGENCY_OFFICER, COUNTER_OFFICER)),
            new Transition(IN_PROCESS, REQUEST_PAYMENT, AWAITING_PAYMENT, Set.of(AGENCY_OFFICER)),
            new Transition(IN_PROCESS, GRANT_EXTENSION, IN_PROCESS, Set.of(AGENCY_OFFICER, SUPERVISOR)),
            new Transition(IN_PROCESS, STOP_PROCESSING, STOPPED, Set.of(AGENCY_OFFICER, SUPERVISOR)),
            new Transition(IN_PROCESS, DECIDE, PROCESSED, Set.of(AGENCY_OFFICER, SYSTEM)),
            new Transition(IN_PROCESS, WITHDRAW, WITHDRAWN, APPLICANT_SIDE),
            new Transition(SUPPLEMENT_REQUESTED, SUPPLY_SUPPLEMENT, IN_PROCESS, APPLICANT_SIDE),
            new Transition(SUPPLEMENT_REQUESTED, STOP_PROCESSING, STOPPED, Set.of(AGENCY_OFFICER, SUPERVISOR)),
            new Transition(SUPPLEMENT_REQUESTED, WITHDRAW, WITHDRAWN, APPLICANT_SIDE),
            new Transition(AWAITING_PAYMENT, CONFIRM_PAYMENT, IN_PROCESS, Set.of(AGENCY_OFFICER, SYSTEM)),
            new Transition(AWAITING_PAYMENT, STOP_PROCESSING, STOPPED, Set.of(AGENCY_OFFICER, SUPERVISOR)),
            new Transition(AWAITING_PAYMENT, WITHDRAW, WITHDRAWN, APPLICANT_SIDE),
            // Result decided: the one-stop unit returns it (online return is done by the system).
            new Transition(PROCESSED, RETURN_RESULT, RESULT_RETURNED, Set.of(COUNTER_OFFICER, SYSTEM)));

    private static final Map<DossierState, Map<DossierAction, Transition>> BY_STATE = index();

    private DossierStateMachine() {
    }

    /** Where a new dossier starts: online submissions wait for a check, others are received on the spot. */
    public static DossierState initialState(ReceptionChannel channel) {
        return channel == ReceptionChannel.ONLINE ? SUBMITTED : RECEIVED;
    }

    /** The transition for this action in this state, if any. */
    public static Optional<Transition> find(DossierState from, DossierAction action) {
        return Optional.ofNullable(BY_STATE.get(from).get(action));
    }

    /** The state after {@code action}; throws {@link IllegalTransitionException} when it is not allowed. */
    public static DossierState next(DossierState from, DossierAction action) {
        return find(from, action).orElseThrow(() -> new IllegalTransitionException(from, action, null)).to();
    }

    /**
     * The state after {@code role} does {@code action}: {@link IllegalTransitionException} when the state
     * does not allow the action, {@link RoleNotAllowedException} when the role may not do it.
     */
    public static DossierState apply(DossierState from, DossierAction action, Role role) {
        Transition transition = find(from, action).orElseThrow(() -> new IllegalTransitionException(from, action, null));
        if (!transition.allows(role)) {
            throw new RoleNotAllowedException(transition, role);
        }
        return transition.to();
    }

    /** Checks a whole (from, action, to) triple, e.g. one a service is about to store. */
    public static Transition require(DossierState from, DossierAction action, DossierState to) {
        return find(from, action).filter(t -> t.to() == to)
                .orElseThrow(() -> new IllegalTransitionException(from, action, to));
    }

    /** The actions allowed from a state; empty for a terminal state. */
    public static List<Transition> exitsFrom(DossierState from) {
        return List.copyOf(BY_STATE.get(from).values());
    }

    private static Map<DossierState, Map<DossierAction, Transition>> index() {
        Map<DossierState, Map<DossierAction, Transition>> index = new EnumMap<>(DossierState.class);
        for (DossierState state : DossierState.values()) {
            index.put(state, new EnumMap<>(DossierAction.class));
        }
        for (Transition t : TRANSITIONS) {
            if (index.get(t.from()).put(t.action(), t) != null) {
                throw new IllegalStateException("two transitions for " + t.from() + " " + t.action());
            }
        }
        return index;
    }
}
