/**
 * Catalogue events intake publishes on {@code motcua.catalog.events}, keyed by the item's code, so
 * other services keep local copies of procedures, agencies, one-stop units and the official calendar.
 */
package vn.motcua.shared.events.catalog;
