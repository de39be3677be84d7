package vn.motcua.result.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An agency's name as the events last gave it (plan snapshots, assignments, transfers). Written by SQL. */
@Entity
@Table(name = "agency_name")
public class AgencyName {
    @Id
    public String code;
    public String name;
}
