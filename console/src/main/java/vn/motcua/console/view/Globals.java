package vn.motcua.console.view;

import io.quarkus.qute.TemplateGlobal;
import vn.motcua.shared.dossier.DossierState;

import java.util.Arrays;
import java.util.List;

/** Values every template may use. */
@TemplateGlobal
public final class Globals {
    private Globals() {
    }

    /** The dossier states an officer filters by, in the order of a dossier's life. */
    static List<String> dossierStates() {
        return Arrays.stream(DossierState.values()).map(Enum::name).toList();
    }
}
