package vn.motcua.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** Routing's copy of a catalogue agency (cơ quan có thẩm quyền), as its latest {@code AgencyUpserted} says. */
@Entity
@Table(name = "agency")
public class Agency {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** An inactive agency receives no transfer or reassignment; its existing tasks stay. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
