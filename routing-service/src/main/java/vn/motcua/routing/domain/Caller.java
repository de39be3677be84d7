package vn.motcua.routing.domain;

/**
 * Who is asking, as far as routing cares: the user name, the agency of an agency officer (from the
 * token's {@code agency} claim) and whether they supervise (see every agency, read-only).
 */
public record Caller(String user, String agency, boolean supervisor) {

    /** May this caller see the task? Officers see their own agency's tasks; supervisors see all. */
    public boolean sees(AgencyTask task) {
        return supervisor || acts(task);
    }

    /** May this caller act on the task? Only an officer of the task's agency. */
    public boolean acts(AgencyTask task) {
        return agency != null && agency.equals(task.agency);
    }
}
