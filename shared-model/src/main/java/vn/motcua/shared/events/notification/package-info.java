/** Delivery outcomes notification publishes on {@code motcua.notification.events}, keyed by dossier code. */
package vn.motcua.shared.events.notification;
