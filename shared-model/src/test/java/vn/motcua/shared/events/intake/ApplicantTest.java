package vn.motcua.shared.events.intake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whom letters address, by the kind of applicant (issue 24). */
class ApplicantTest {

    @Test
    void anOrganisationIsAddressedByItsNameAndEveryoneElseByTheirOwn() {
        assertEquals("Nguyễn Thị Hoa", new Applicant("Nguyễn Thị Hoa", null, null, null).addressee());
        assertEquals("Công ty TNHH Phú Thọ Xanh", new Applicant("Lê Văn Cường", null, null, null,
                ApplicantKind.ORGANISATION, "Công ty TNHH Phú Thọ Xanh", "2600123456", null).addressee());
        // A representative submitted and follows the dossier up: they are the one addressed.
        assertEquals("Trần Văn Bình", new Applicant("Trần Văn Bình", null, null, null,
                ApplicantKind.REPRESENTATIVE, null, null, "Nguyễn Thị Hoa").addressee());
        // An organisation without its name (never from intake) falls back to the person.
        assertEquals("Lê Văn Cường", new Applicant("Lê Văn Cường", null, null, null,
                ApplicantKind.ORGANISATION, null, null, null).addressee());
    }
}
