package vn.motcua.intake.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types a dossier accepts, recognised by their first bytes (magic numbers), never by the name or the
 * type the client claims: a program renamed {@code .pdf} is not a PDF.
 */
public enum FileTypes {
    PDF("application/pdf", new byte[]{'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    /** How many leading bytes {@link #sniff} needs at most. */
    public static final int HEAD = 8;

    public final String mediaType;
    private final byte[] magic;

    FileTypes(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    /** The type whose signature the file starts with, if any ({@code head} = the first bytes read, {@code length} of them). */
    public static Optional<FileTypes> sniff(byte[] head, int length) {
        for (FileTypes type : values()) {
            if (length >= type.magic.length && Arrays.equals(head, 0, type.magic.length, type.magic, 0, type.magic.length)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
