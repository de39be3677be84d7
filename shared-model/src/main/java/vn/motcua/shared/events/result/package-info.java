/** Events result publishes on {@code motcua.result.events}, keyed by dossier code. */
package vn.motcua.shared.events.result;
