package vn.motcua.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Bộ phận Một cửa (or a Public Administrative Service Centre) and its identity code. */
@Entity
@Table(name = "one_stop_unit")
public class OneStopUnit extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String level;
    public String address;
    public String phone;
    public String email;
}
