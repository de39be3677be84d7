package vn.motcua.shared.dossier;

import org.junit.jupiter.api.Test;
import vn.motcua.shared.events.ReceptionChannel;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DossierStateMachineTest {

    /** The table as the domain reads it, written independently of the code: from action to roles. */
    private static final String EXPECTED = """
            SUBMITTED                       RECEIVE            RECEIVED                        counter-officer
            SUBMITTED                       REQUEST_SUPPLEMENT SUBMISSION_SUPPLEMENT_REQUESTED counter-officer
            SUBMITTED                       REFUSE             REFUSED                         counter-officer
            SUBMITTED                       WITHDRAW           WITHDRAWN                       citizen,counter-officer
            SUBMISSION_SUPPLEMENT_REQUESTED SUPPLY_SUPPLEMENT  SUBMITTED                       citizen,counter-officer
            SUBMISSION_SUPPLEMENT_REQUESTED REFUSE             REFUSED                         counter-officer
            SUBMISSION_SUPPLEMENT_REQUESTED WITHDRAW           WITHDRAWN                       citizen,counter-officer
            RECEIVED                        START_PROCESSING   IN_PROCESS                      system
            RECEIVED                        WITHDRAW           WITHDRAWN                       citizen,counter-officer
            IN_PROCESS                      REQUEST_SUPPLEMENT SUPPLEMENT_REQUESTED            agency-officer,counter-officer
            IN_PROCESS                      REQUEST_PAYMENT    AWAITING_PAYMENT                agency-officer
            IN_PROCESS                      GRANT_EXTENSION    IN_PROCESS                      agency-officer,supervisor
            IN_PROCESS                      STOP_PROCESSING    STOPPED                         agency-officer,supervisor
            IN_PROCESS                      DECIDE             PROCESSED                       agency-officer,system
            IN_PROCESS                      WITHDRAW           WITHDRAWN                       citizen,counter-officer
            SUPPLEMENT_REQUESTED            SUPPLY_SUPPLEMENT  IN_PROCESS                      citizen,counter-officer
            SUPPLEMENT_REQUESTED            STOP_PROCESSING    STOPPED                         agency-officer,supervisor
            SUPPLEMENT_REQUESTED            WITHDRAW           WITHDRAWN                       citizen,counter-officer
            AWAITING_PAYMENT                CONFIRM_PAYMENT    IN_PROCESS                      agency-officer,system
            AWAITING_PAYMENT                STOP_PROCESSING    STOPPED                         agency-officer,supervisor
            AWAITING_PAYMENT                WITHDRAW           WITHDRAWN                       citizen,counter-officer
            PROCESSED                       RETURN_RESULT      RESULT_RETURNED                 counter-officer,system
            """;

    private record Expected(DossierState to, Set<Role> roles) {
    }

    private static Map<String, Expected> expected() {
        Map<String, Expected> table = new HashMap<>();
        EXPECTED.lines().filter(l -> !l.isBlank()).forEach(line -> {
            String[] f = line.trim().split("\\s+");
            Set<Role> roles = Arrays.stream(f[3].split(",")).map(n -> Role.ofRoleName(n).orElseThrow())
                    .collect(Collectors.toSet());
            table.put(f[0] + " " + f[1], new Expected(DossierState.valueOf(f[2]), roles));
        });
        return table;
    }

    @Test
    void everyStateActionPairIsAllowedExactlyAsTheTableSays() {
        Map<String, Expected> table = expected();
        int allowed = 0;
        for (DossierState from : DossierState.values()) {
            for (DossierAction action : DossierAction.values()) {
                Expected want = table.get(from + " " + action);
                if (want == null) {
                    var e = assertThrows(IllegalTransitionException.class, () -> DossierStateMachine.next(from, action),
                            from + " " + action + " must be illegal");
                    assertEquals(from, e.from());
                    assertEquals(action, e.action());
                    assertNull(e.to());
                    for (Role role : Role.values()) {
                        assertThrows(IllegalTransitionException.class, () -> DossierStateMachine.apply(from, action, role));
                    }
                    continue;
                }
                allowed++;
                assertEquals(want.to(), DossierStateMachine.next(from, action), from + " " + action);
                for (Role role : Role.values()) {
                    if (want.roles().contains(role)) {
                        assertEquals(want.to(), DossierStateMachine.apply(from, action, role), from + " " + action + " " + role);
                    } else {
                        var e = assertThrows(RoleNotAllowedException.class, () -> DossierStateMachine.apply(from, action, role),
                                role + " may not " + from + " " + action);
                        assertEquals(role, e.role());
                    }
                }
            }
        }
        assertEquals(table.size(), allowed);
        assertEquals(table.size(), DossierStateMachine.TRANSITIONS.size());
    }

    @Test
    void terminalStatesHaveNoExits() {
        Set<DossierState> terminal = EnumSet.of(DossierState.REFUSED, DossierState.WITHDRAWN, DossierState.STOPPED,
                DossierState.RESULT_RETURNED);
        for (DossierState state : DossierState.values()) {
            assertEquals(terminal.contains(state), state.isTerminal(), state.name());
            assertEquals(terminal.contains(state), DossierStateMachine.exitsFrom(state).isEmpty(), state.name());
        }
    }

    @Test
    void everyStateIsReachableFromTheStartAndEveryPathCanEnd() {
        Set<DossierState> reached = reachableFrom(DossierStateMachine.initialState(ReceptionChannel.ONLINE));
        assertEquals(EnumSet.allOf(DossierState.class), reached);
        for (DossierState state : DossierState.values()) {
            assertTrue(reachableFrom(state).stream().anyMatch(DossierState::isTerminal), state + " can reach an end");
        }
        assertEquals(DossierState.RECEIVED, DossierStateMachine.initialState(ReceptionChannel.COUNTER));
        assertEquals(DossierState.RECEIVED, DossierStateMachine.initialState(ReceptionChannel.POSTAL));
    }

    private static Set<DossierState> reachableFrom(DossierState start) {
        Set<DossierState> seen = EnumSet.of(start);
        var queue = new ArrayDeque<DossierState>();
        queue.add(start);
        while (!queue.isEmpty()) {
            for (Transition t : DossierStateMachine.exitsFrom(queue.poll())) {
                if (seen.add(t.to())) {
                    queue.add(t.to());
                }
            }
        }
        return seen;
    }

    @Test
    void statesMapOntoEveryNationalStatusCode() {
        Set<Integer> codes = Arrays.stream(DossierState.values()).map(DossierState::nationalStatusCode)
                .collect(Collectors.toSet());
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), codes);
        assertEquals(5, DossierState.SUBMISSION_SUPPLEMENT_REQUESTED.nationalStatusCode());
        assertEquals(5, DossierState.SUPPLEMENT_REQUESTED.nationalStatusCode());
        assertEquals("Đã trả kết quả", NationalStatus.ofCode(10).label());
        assertEquals("Yêu cầu nghĩa vụ tài chính", DossierState.AWAITING_PAYMENT.nationalStatus().label());
        assertThrows(IllegalArgumentException.class, () -> NationalStatus.ofCode(11));
        for (DossierState state : DossierState.values()) {
            assertFalse(state.citizenText().isBlank(), state.name());
        }
    }

    @Test
    void withdrawalIsPossibleUntilAResultExists() {
        for (DossierState state : DossierState.values()) {
            boolean beforeResult = !state.isTerminal() && state != DossierState.PROCESSED;
            assertEquals(beforeResult, DossierStateMachine.find(state, DossierAction.WITHDRAW).isPresent(), state.name());
        }
    }

    @Test
    void aWholeTripleIsChecked() {
        assertEquals(DossierState.PROCESSED, DossierStateMachine.require(DossierState.IN_PROCESS, DossierAction.DECIDE,
                DossierState.PROCESSED).to());
        var e = assertThrows(IllegalTransitionException.class, () -> DossierStateMachine.require(
                DossierState.IN_PROCESS, DossierAction.DECIDE, DossierState.RESULT_RETURNED));
        assertEquals(DossierState.RESULT_RETURNED, e.to());
        assertTrue(e.getMessage().contains("IN_PROCESS") && e.getMessage().contains("DECIDE"), e.getMessage());
    }

    @Test
    void adminCausesNoTransitionAndRoleNamesMatchTheRealm() {
        assertTrue(DossierStateMachine.TRANSITIONS.stream().noneMatch(t -> t.allows(Role.ADMIN)));
        assertEquals(Role.COUNTER_OFFICER, Role.ofRoleName("counter-officer").orElseThrow());
        assertTrue(Role.ofRoleName("root").isEmpty());
    }
}
