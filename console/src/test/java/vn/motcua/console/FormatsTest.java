package vn.motcua.console;

import org.junit.jupiter.api.Test;
import vn.motcua.console.client.ServiceException;
import vn.motcua.console.view.Formats;
import vn.motcua.console.view.Messages;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormatsTest {
    @Test
    void foldingIgnoresCaseDiacriticsAndTheBarredD() {
        assertEquals("khai sinh", Formats.fold("Khai  sinh"));
        assertEquals("dang ky khai sinh", Formats.fold("ĐĂNG KÝ khai sinh"));
        assertEquals(Formats.fold("thường trú"), Formats.fold("thuong tru"));
    }

    @Test
    void urgencyByDueTime() {
        OffsetDateTime now = OffsetDateTime.now(Formats.VIETNAM);
        assertEquals("overdue", Formats.urgency(now.minusMinutes(1)));
        assertEquals("due-soon", Formats.urgency(now.plusHours(1)));
        assertEquals("ok", Formats.urgency(now.plusDays(30)));
    }

    @Test
    void problemsBecomeSentences() {
        assertTrue(Messages.sentence(new ServiceException(422, "urn:motcua:problem:incomplete-dossier", "x", null))
                .startsWith("Hồ sơ chưa đủ thành phần"));
        assertTrue(Messages.sentence(new ServiceException(404, "urn:motcua:problem:not-found", null, null))
                .startsWith("Không tìm thấy"));
        assertTrue(Messages.sentence(new ServiceException(0, null, null, null)).startsWith("Hệ thống tạm thời"));
        assertTrue(Messages.sentence(new ServiceException(429, null, null, "30")).endsWith("một phút."));
    }
}
