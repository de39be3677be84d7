package vn.motcua.routing.domain;

/**
 * Who is asking, as far as routing cares: the user name, the agency of an agency officer (from the
 * token's {@code agency} claim), whether they head that agency ({@code agency-lead}: the whole inbox,
 * assignment, signature, delegations) and whether they supervise (see every agency, read-only).
 */
public record Caller(String user, String agency, boolean supervisor, boolean lead) {

    public Caller(String user, String agency, boolean supervisor) {
        this(user, agency, supervisor, false);
    }

    /** May this caller see the task? Officers see their own agency's tasks; supervisors see all. */
    public boolean sees(AgencyTask task) {
        return supervisor || acts(task);
    }

    /** May this caller act on the task? Only an officer of the task's agency. */
    public boolean acts(AgencyTask task) {
        return agency != null && agency.equals(task.agency);
    }

    /** Does the inbox show this caller only their own and unassigned tasks (an officer who is not the head)? */
    public boolean seesOnlyOwnAndUnassigned() {
        return !supervisor && !lead;
    }
}
