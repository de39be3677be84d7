package vn.motcua.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The audit chain's rules, in plain JDK so that the service's verification and the auditor's command-line verifier
 * ({@link AuditVerifier}) are the same code: how an entry is hashed, how a checkpoint is signed, how an export line is
 * written and read, and the walk that finds the first broken entry (docs/AUDIT.md).
 */
public final class AuditChain {
    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** A sealed entry. {@code recordedAt} counts microseconds (PostgreSQL's precision); subject and actor may be null. */
    public record Entry(long seq, long id, long recordedAtMicros, String kind, String type, String subject,
                        String actor, String payload, String prevHash, String hash) {
    }

    public record Checkpoint(long seq, String hash, long signedAtMillis, String keyId, String signature) {
    }

    /**
     * SHA-256 over the previous hash and the entry's fields, each written as its UTF-8 length, a colon and the value
     * (null as length -1), the payload by its own SHA-256: no two different entries have the same text.
     */
    public static String hash(String prevHash, long seq, long id, long recordedAtMicros, String kind, String type,
                              String subject, String actor, String payload) {
        StringBuilder text = new StringBuilder("motcua-audit-v1;");
        for (String field : new String[]{prevHash, Long.toString(seq), Long.toString(id), Long.toString(recordedAtMicros),
                kind, type, subject, actor, sha256(payload)}) {
            if (field == null) {
                text.append("-1:;");
            } else {
                text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(';');
            }
        }
        return sha256(text.toString());
    }

    public static String hashOf(Entry e) {
        return hash(e.prevHash(), e.seq(), e.id(), e.recordedAtMicros(), e.kind(), e.type(), e.subject(), e.actor(),
                e.payload());
    }

    /** What a checkpoint's Ed25519 signature covers. */
    public static String checkpointMessage(String service, long seq, String hash, long signedAtMillis) {
        return "motcua-audit-checkpoint-v1\n" + service + "\n" + seq + "\n" + hash + "\n" + signedAtMillis;
    }

    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the export: one record per line, tab-separated, texts in base64url so any tool can split them ----

    public static String exportHeader(String service) {
        return "motcua-audit-export\tv1\t" + text(service);
    }

    public static String exportLine(Entry e) {
        return String.join("\t", "entry", Long.toString(e.seq()), Long.toString(e.id()),
                Long.toString(e.recordedAtMicros()), text(e.kind()), text(e.type()), text(e.subject()), text(e.actor()),
                text(e.payload()), e.prevHash(), e.hash());
    }

    public static String exportLine(Checkpoint c) {
        return String.join("\t", "checkpoint", Long.toString(c.seq()), c.hash(), Long.toString(c.signedAtMillis()),
                c.keyId(), c.signature());
    }

    public static String exportHead(long seq, String hash) {
        return "head\t" + seq + "\t" + hash;
    }

    static String text(String value) {
        return value == null ? "-" : "=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String untext(String field) {
        return "-".equals(field) ? null
                : new String(Base64.getUrlDecoder().decode(field.substring(1)), StandardCharsets.UTF_8);
    }

    static Entry parseEntry(String[] f) {
        return new Entry(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), untext(f[4]), untext(f[5]),
                untext(f[6]), untext(f[7]), untext(f[8]), f[9], f[10]);
    }

    static Checkpoint parseCheckpoint(String[] f) {
        return new Checkpoint(Long.parseLong(f[1]), f[2], Long.parseLong(f[3]), f[4], f[5]);
    }

    // ---- the walk ----

    /** The verdict of a walk: where it first broke (entry id and chain position), and why, in plain words. */
    public record Verdict(boolean ok, long entries, String head, Long firstBroken, Long firstBrokenSeq, String reason,
                          int checkpoints) {
    }

    /**
     * Walks a chain entry by entry in seq order, then checks the head the service recorded and the signed checkpoints.
     * The first fault found is kept: an entry whose recomputed hash differs (altered), whose previous hash is not its
     * predecessor's (reordered, or one before it replaced), a jump in seq (deleted), a head or checkpoint beyond the
     * last entry (the end deleted), a checkpoint whose signature or hash does not match.
     */
    public static final class Walker {
        private final String service;
        private final PublicKey key;
        private final String keyId;
        private long expected = 1;
        private String previous = GENESIS;
        private long entries;
        private Long brokenId;
        private Long brokenSeq;
        private String reason;
        private int checkpoints;
        private final java.util.Map<Long, String> hashesAtCheckpoints = new java.util.HashMap<>();
        private final java.util.List<Checkpoint> pending = new java.util.ArrayList<>();

        /** {@code key} checks the checkpoints' signatures; null skips that (the service has its own key). */
        public Walker(String service, PublicKey key) {
            this.service = service;
            this.key = key;
            this.keyId = key == null ? null : SigningKey.keyIdOf(key);
        }

        /** Checkpoints are given first (they are few), so each entry's hash can be compared as it passes. */
        public void checkpoint(Checkpoint c) {
            pending.add(c);
            hashesAtCheckpoints.put(c.seq(), c.hash());
        }

        public void accept(Entry e) {
            entries++;
            if (reason != null) {
                return;
            }
            if (e.seq() != expected) {
                fail(e.id(), expected, e.seq() > expected
                        ? "mục thứ " + expected + " của chuỗi đã bị xoá (sau mục " + (expected - 1) + " là mục " + e.seq() + ")"
                        : "mục thứ " + e.seq() + " xuất hiện lại sau mục " + (expected - 1));
                return;
            }
            if (!previous.equals(e.prevHash())) {
                fail(e.id(), e.seq(), "mục thứ " + e.seq() + " không nối với mục trước nó (bị sắp xếp lại hoặc mục trước bị thay)");
                return;
            }
            String recomputed = hashOf(e);
            if (!recomputed.equals(e.hash())) {
                fail(e.id(), e.seq(), "nội dung mục thứ " + e.seq() + " đã bị sửa (mã băm không khớp)");
                return;
            }
            String signed = hashesAtCheckpoints.get(e.seq());
            if (signed != null && !signed.equals(e.hash())) {
                fail(e.id(), e.seq(), "mục thứ " + e.seq() + " khác với điểm kiểm tra đã ký tại vị trí đó");
                return;
            }
            previous = e.hash();
            expected++;
        }

        /** A line of an export that cannot be read counts as a break where the walk stands. */
        public void malformed(int line) {
            entries++;
            if (reason == null) {
                fail(null, expected, "dòng " + line + " của bản xuất không đọc được (đã bị sửa?)");
            }
        }

        /** Ends the walk against the head the service recorded; null when the export or table has none. */
        public Verdict finish(Long headSeq, String headHash) {
            long last = expected - 1;
            if (reason == null && headSeq != null && (headSeq != last || !previous.equals(headHash))) {
                fail(null, last + 1, headSeq > last
                        ? "chuỗi dừng ở mục " + last + " nhưng đầu chuỗi ghi mục " + headSeq + ": các mục cuối đã bị xoá"
                        : "đầu chuỗi không khớp với mục cuối cùng " + last);
            }
            for (Checkpoint c : pending) {
                if (reason != null) {
                    break;
                }
                if (key != null && (!keyId.equals(c.keyId()) || !SigningKey.verifies(key,
                        checkpointMessage(service, c.seq(), c.hash(), c.signedAtMillis()), decode(c.signature())))) {
                    fail(null, c.seq(), "chữ ký của điểm kiểm tra tại mục " + c.seq() + " không hợp lệ");
                } else if (c.seq() > last) {
                    fail(null, last + 1, "điểm kiểm tra đã ký tại mục " + c.seq() + " nằm sau mục cuối cùng " + last
                            + ": các mục cuối đã bị xoá");
                } else {
                    checkpoints++;
                }
            }
            return new Verdict(reason == null, entries, previous, brokenId, brokenSeq, reason, checkpoints);
        }

        private void fail(Long id, long seq, String why) {
            brokenId = id;
            brokenSeq = seq;
            reason = why;
        }

        private static byte[] decode(String signature) {
            try {
                return Base64.getUrlDecoder().decode(signature);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
    }
}
