package vn.motcua.shared.events.result;

import vn.motcua.shared.events.DossierEvent;

/** A dossier event published by result on {@link vn.motcua.shared.events.Topics#RESULT}. */
public sealed interface ResultEvent extends DossierEvent permits ResultReturned, DossierRated {
}
