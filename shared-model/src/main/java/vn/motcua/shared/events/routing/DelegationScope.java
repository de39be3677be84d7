package vn.motcua.shared.events.routing;

/** What a head of agency hands to a delegate for a period (ủy quyền): signing results, or assigning tasks. */
public enum DelegationScope {
    SIGN,
    ASSIGN
}
