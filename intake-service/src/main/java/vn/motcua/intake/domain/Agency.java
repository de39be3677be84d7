package vn.motcua.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Cơ quan có thẩm quyền: an agency that handles steps of procedures. Its code is the {@code agency}
 * claim of its officers' tokens and the {@code agencyCode} of routing plan steps.
 */
@Entity
@Table(name = "agency")
public class Agency extends Office {
}
