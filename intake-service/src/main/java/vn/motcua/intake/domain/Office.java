package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What agencies and one-stop units have in common: an identity code, a level, a parent of the same
 * kind, contacts and an active flag. An inactive office stays in the catalogue (old dossiers name it)
 * but new procedure versions may not route to it.
 */
@MappedSuperclass
public abstract class Office extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String level;
    @Column(name = "parent_code")
    public String parentCode;
    public String address;
    public String email;
    public String phone;
    public boolean active = true;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public OfficeRecord record() {
        return new OfficeRecord(code, name, level, parentCode, address, email, phone, active, updatedAt);
    }

    /** Whether the office already holds what the (normalized) record says. */
    public boolean holds(OfficeRecord r) {
        return Objects.equals(name, r.name()) && Objects.equals(level, r.level())
                && Objects.equals(parentCode, r.parentCode()) && Objects.equals(address, r.address())
                && Objects.equals(email, r.email()) && Objects.equals(phone, r.phone()) && active == r.active();
    }

    public void apply(OfficeRecord r, OffsetDateTime at) {
        name = r.name();
        level = r.level();
        parentCode = r.parentCode();
        address = r.address();
        email = r.email();
        phone = r.phone();
        active = r.active();
        updatedAt = at;
    }
}
