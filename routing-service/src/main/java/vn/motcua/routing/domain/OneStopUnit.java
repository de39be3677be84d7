package vn.motcua.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * Routing's copy of a one-stop unit (Bộ phận Tiếp nhận và Trả kết quả), as its latest
 * {@code OneStopUnitUpserted} says: the control sheet's issuer and the forms' place.
 */
@Entity
@Table(name = "one_stop_unit")
public class OneStopUnit {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String address;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * The place of the forms' date line: the last part of the address ("25 Đội Cấn, phường Ba Đình,
     * Hà Nội" → "Hà Nội"), as intake prints it; null without an address.
     */
    public String place() {
        if (address == null || address.isBlank()) {
            return null;
        }
        return address.substring(address.lastIndexOf(',') + 1).strip();
    }
}
