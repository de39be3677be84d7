package vn.motcua.notification.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MaskingTest {
    @Test
    void phoneKeepsTwoDigitsAtEachEnd() {
        assertEquals("09******78", Masking.phone("0912345678"));
        assertEquals("+8********78", Masking.phone("+84912345678"));
        assertEquals("*****", Masking.phone("12345"));
        assertNull(Masking.phone(" "));
    }

    @Test
    void emailKeepsTheFirstLetterAndTheDomain() {
        assertEquals("n***@example.com", Masking.email("nguyen.van.an@example.com"));
        assertEquals("a***@b.vn", Masking.email("a@b.vn"));
        assertEquals("***", Masking.email("not-an-address"));
        assertEquals("***", Masking.email("@example.com"));
        assertNull(Masking.email(null));
    }

    @Test
    void errorTextsLoseAddressesAndLongNumbers() {
        assertEquals("550 mailbox n***@example.com unknown; ID 00********45",
                Masking.scrub("550 mailbox  nguyen.an@example.com unknown;\n ID 001090012345", 200));
        assertEquals("SMS gateway answered HTTP 503", Masking.scrub("SMS gateway answered HTTP 503", 200));
        assertEquals("abcd…", Masking.scrub("abcdefgh", 5));
    }
}
