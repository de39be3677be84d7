package vn.motcua.intake.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Bộ phận Một cửa (or a Public Administrative Service Centre) and its identity code (QCVN 102:2016),
 * the first part of the dossier codes it issues and the {@code unit} claim of its counter officers.
 */
@Entity
@Table(name = "one_stop_unit")
public class OneStopUnit extends Office {
}
