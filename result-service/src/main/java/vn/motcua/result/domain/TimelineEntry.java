package vn.motcua.result.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.shared.dossier.DossierState;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One step of a dossier's public history (quá trình xử lý), from one event. Written by SQL, read by JPA. */
@Entity
@Table(name = "dossier_timeline")
public class TimelineEntry {
    @Id
    public Long id;
    public String code;
    public OffsetDateTime at;
    @Enumerated(EnumType.STRING)
    public DossierState status;
    public String agency;
    public String note;
    @Column(name = "event_id")
    public UUID eventId;
}
