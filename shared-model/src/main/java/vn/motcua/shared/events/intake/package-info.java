/** Events intake publishes on {@code motcua.intake.events}, keyed by dossier code. */
package vn.motcua.shared.events.intake;
