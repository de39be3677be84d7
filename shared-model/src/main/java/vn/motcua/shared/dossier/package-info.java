/** Dossier rules every service shares: the state machine and the dossier code. */
package vn.motcua.shared.dossier;
