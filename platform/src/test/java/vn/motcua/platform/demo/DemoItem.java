package vn.motcua.platform.demo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A test-only aggregate: written by Hibernate in the same transaction as its outbox event. */
@Entity
@Table(name = "demo_item")
public class DemoItem extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public int quantity;
}
