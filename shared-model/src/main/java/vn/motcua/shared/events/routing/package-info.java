/** Events routing publishes on {@code motcua.routing.events}, keyed by dossier code. */
package vn.motcua.shared.events.routing;
