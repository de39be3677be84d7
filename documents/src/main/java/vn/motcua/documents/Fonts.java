package vn.motcua.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Liberation Serif 2.1.5 (SIL OFL 1.1, metric-compatible with Times New Roman, the typeface of
 * Decree 30/2020 for administrative documents), regular, bold and italic, from Debian's
 * fonts-liberation2; license next to the files. The bytes are read once; each document parses its
 * own copy, so rendering is thread-safe.
 */
final class Fonts {
    enum Style {
        REGULAR("LiberationSerif-Regular.ttf"),
        BOLD("LiberationSerif-Bold.ttf"),
        ITALIC("LiberationSerif-Italic.ttf");

        final String file;

        Style(String file) {
            this.file = file;
        }
    }

    private static final Map<Style, byte[]> BYTES = load();

    private Fonts() {
    }

    static byte[] bytes(Style style) {
        return BYTES.get(style);
    }

    private static Map<Style, byte[]> load() {
        Map<Style, byte[]> bytes = new EnumMap<>(Style.class);
        for (Style style : Style.values()) {
            String path = "/vn/motcua/documents/fonts/" + style.file;
            try (InputStream in = Fonts.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + path);
                }
                bytes.put(style, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }
}
