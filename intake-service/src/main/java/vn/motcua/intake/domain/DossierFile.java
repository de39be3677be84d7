package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A file of a dossier (thành phần hồ sơ đã số hoá): its metadata; the bytes are the object {@link #objectKey}. */
@Entity
@Table(name = "dossier_file")
public class DossierFile extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "dossier_id")
    public UUID dossierId;
    /** The index of the procedure version's required document this file belongs to. */
    public int component;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    public static List<DossierFile> ofDossier(UUID dossierId) {
        return list("dossierId = ?1 order by uploadedAt, id", dossierId);
    }
}
