package vn.motcua.routing.domain;

/** What a head of agency hands to a delegate for a period (ủy quyền): signing results, or assigning tasks. */
public enum DelegationScope {
    SIGN,
    ASSIGN
}
