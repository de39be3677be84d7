package vn.motcua.platform.audit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chain's rules without a database: what each kind of tampering looks like to the walk. */
class AuditChainTest {
    static final SigningKey KEY = SigningKey.fromSecret(Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes()));
    static final String SERVICE = "intake";

    /** A chain of n entries with ids 101.., payloads with Vietnamese text, a checkpoint at 3 and at the end. */
    static List<AuditChain.Entry> chain(int n) {
        List<AuditChain.Entry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            entries.add(sealed(seq, 100 + seq, prev, "{\"trạng thái\":\"Đã tiếp nhận\",\"n\":" + seq + "}"));
            prev = entries.get(entries.size() - 1).hash();
        }
        return entries;
    }

    static AuditChain.Entry sealed(long seq, long id, String prev, String payload) {
        long micros = 1_764_000_000_000_000L + seq;
        String hash = AuditChain.hash(prev, seq, id, micros, "event", "vn.motcua.dossier.received.v1", "H29.99-261205-000" + seq,
                seq % 2 == 0 ? null : "counter1", payload);
        return new AuditChain.Entry(seq, id, micros, "event", "vn.motcua.dossier.received.v1", "H29.99-261205-000" + seq,
                seq % 2 == 0 ? null : "counter1", payload, prev, hash);
    }

    static AuditChain.Checkpoint checkpoint(AuditChain.Entry at) {
        long signedAt = 1_764_900_000_000L;
        return new AuditChain.Checkpoint(at.seq(), at.hash(), signedAt, KEY.keyId(), Base64.getUrlEncoder()
                .withoutPadding().encodeToString(KEY.sign(AuditChain.checkpointMessage(SERVICE, at.seq(), at.hash(),
                        signedAt))));
    }

    static AuditChain.Verdict walk(List<AuditChain.Entry> entries, List<AuditChain.Checkpoint> checkpoints,
                                   long headSeq, String headHash) {
        AuditChain.Walker walker = new AuditChain.Walker(SERVICE, KEY.publicKey());
        checkpoints.forEach(walker::checkpoint);
        entries.forEach(walker::accept);
        return walker.finish(headSeq, headHash);
    }

    @Test
    void anUntouchedChainHolds() {
        List<AuditChain.Entry> entries = chain(6);
        AuditChain.Verdict v = walk(entries, List.of(checkpoint(entries.get(2)), checkpoint(entries.get(5))), 6,
                entries.get(5).hash());
        assertTrue(v.ok(), v::reason);
        assertEquals(6, v.entries());
        assertEquals(2, v.checkpoints());
        assertEquals(entries.get(5).hash(), v.head());
        assertNull(v.firstBroken());
    }

    @Test
    void anAlteredPayloadIsNamed() {
        List<AuditChain.Entry> entries = chain(6);
        AuditChain.Entry e = entries.get(3);
        entries.set(3, new AuditChain.Entry(e.seq(), e.id(), e.recordedAtMicros(), e.kind(), e.type(), e.subject(),
                e.actor(), e.payload().replace("Đã tiếp nhận", "Đã trả kết quả"), e.prevHash(), e.hash()));
        AuditChain.Verdict v = walk(entries, List.of(), 6, entries.get(5).hash());
        assertFalse(v.ok());
        assertEquals(104L, v.firstBroken());
        assertEquals(4L, v.firstBrokenSeq());
        assertTrue(v.reason().contains("đã bị sửa"), v.reason());
    }

    @Test
    void anAlteredEntryWhoseHashWasRecomputedBreaksAtItsSuccessor() {
        List<AuditChain.Entry> entries = chain(6);
        AuditChain.Entry e = entries.get(1);
        AuditChain.Entry forged = sealed(e.seq(), e.id(), e.prevHash(), "{\"forged\":true}");
        entries.set(1, forged);
        AuditChain.Verdict v = walk(entries, List.of(), 6, entries.get(5).hash());
        assertFalse(v.ok());
        assertEquals(103L, v.firstBroken(), "the next entry no longer links to it");
    }

    @Test
    void aDeletedEntryIsNamedByTheGap() {
        List<AuditChain.Entry> entries = chain(6);
        entries.remove(2);
        AuditChain.Verdict v = walk(entries, List.of(), 6, entries.get(4).hash());
        assertFalse(v.ok());
        assertEquals(104L, v.firstBroken());
        assertEquals(3L, v.firstBrokenSeq(), "position 3 is missing");
        assertTrue(v.reason().contains("bị xoá"), v.reason());
    }

    @Test
    void swappedEntriesAreNamed() {
        List<AuditChain.Entry> entries = chain(6);
        AuditChain.Entry a = entries.get(1);
        AuditChain.Entry b = entries.get(2);
        // the rows keep their positions but exchange everything else
        entries.set(1, new AuditChain.Entry(2, b.id(), b.recordedAtMicros(), b.kind(), b.type(), b.subject(), b.actor(),
                b.payload(), b.prevHash(), b.hash()));
        entries.set(2, new AuditChain.Entry(3, a.id(), a.recordedAtMicros(), a.kind(), a.type(), a.subject(), a.actor(),
                a.payload(), a.prevHash(), a.hash()));
        AuditChain.Verdict v = walk(entries, List.of(), 6, entries.get(5).hash());
        assertFalse(v.ok());
        assertEquals(b.id(), v.firstBroken());
    }

    @Test
    void aDeletedTailIsCaughtByTheHeadAndByASignedCheckpoint() {
        List<AuditChain.Entry> entries = chain(6);
        AuditChain.Checkpoint last = checkpoint(entries.get(5));
        List<AuditChain.Entry> cut = entries.subList(0, 4);
        AuditChain.Verdict byHead = walk(cut, List.of(), 6, entries.get(5).hash());
        assertFalse(byHead.ok());
        assertEquals(5L, byHead.firstBrokenSeq());
        // the intruder also moved the head back: the checkpoint signed at 6 still tells
        AuditChain.Verdict byCheckpoint = walk(cut, List.of(last), 4, cut.get(3).hash());
        assertFalse(byCheckpoint.ok());
        assertTrue(byCheckpoint.reason().contains("điểm kiểm tra"), byCheckpoint.reason());
    }

    @Test
    void aCheckpointSignedByAnotherKeyOrForAnotherHashFails() {
        List<AuditChain.Entry> entries = chain(4);
        SigningKey other = SigningKey.fromSecret(Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210"
                .getBytes()));
        AuditChain.Entry at = entries.get(3);
        String foreign = Base64.getUrlEncoder().withoutPadding().encodeToString(other.sign(
                AuditChain.checkpointMessage(SERVICE, 4, at.hash(), 1L)));
        assertFalse(walk(entries, List.of(new AuditChain.Checkpoint(4, at.hash(), 1L, KEY.keyId(), foreign)), 4,
                at.hash()).ok());
        AuditChain.Checkpoint good = checkpoint(at);
        assertFalse(walk(entries, List.of(new AuditChain.Checkpoint(4, AuditChain.GENESIS, good.signedAtMillis(),
                good.keyId(), good.signature())), 4, at.hash()).ok(), "a signature over another hash");
    }

    @Test
    void theExportRoundTripsAndTheVerifierReadsIt() throws IOException {
        List<AuditChain.Entry> entries = chain(5);
        StringBuilder export = new StringBuilder(AuditChain.exportHeader(SERVICE)).append('\n');
        export.append(AuditChain.exportLine(checkpoint(entries.get(4)))).append('\n');
        entries.forEach(e -> export.append(AuditChain.exportLine(e)).append('\n'));
        export.append(AuditChain.exportHead(5, entries.get(4).hash())).append('\n');
        AuditChain.Verdict v = AuditVerifier.verify(new BufferedReader(new StringReader(export.toString())),
                SigningKey.publicKeyOf(KEY.publicKeyBase64Url()));
        assertTrue(v.ok(), v::reason);
        assertEquals(5, v.entries());
        assertEquals(1, v.checkpoints());
        String tampered = export.toString().replace(AuditChain.exportLine(entries.get(2)),
                AuditChain.exportLine(entries.get(2)).replace("\t=", "\t=A"));
        assertFalse(AuditVerifier.verify(new BufferedReader(new StringReader(tampered)), KEY.publicKey()).ok());
    }

    @Test
    void theSigningKeyIsTheSeedAndItsSignaturesVerifyOnlyUnaltered() throws Exception {
        byte[] seed = "0123456789abcdef0123456789abcdef".getBytes();
        SigningKey again = SigningKey.fromSecret("dev-only-" + Base64.getEncoder().encodeToString(seed));
        assertEquals(KEY.publicKeyBase64Url(), again.publicKeyBase64Url(), "the same secret gives the same key");
        // the seed read as an RFC 8032 private key by the JDK's own key factory signs what KEY's public half verifies
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(pkcs8(seed))));
        signer.update("Giấy tiếp nhận".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(SigningKey.verifies(KEY.publicKey(), "Giấy tiếp nhận", signer.sign()));
        assertEquals(16, KEY.keyId().length());
        assertThrows(IllegalArgumentException.class, () -> SigningKey.fromSecret("c2hvcnQ="));

        String token = CompactJws.sign(KEY, "{\"code\":\"000.00.31.H29-261205-0001\"}");
        assertEquals("{\"code\":\"000.00.31.H29-261205-0001\"}",
                CompactJws.verify(SigningKey.publicKeyOf(KEY.publicKeyBase64Url()), token).orElseThrow());
        // every character, the signature's last one included (its spare bits must not be a second spelling)
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            String flipped = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertTrue(CompactJws.verify(KEY.publicKey(), flipped).isEmpty(), "flipped at " + i);
        }
        assertNotEquals(KEY.keyId(), SigningKey.fromSecret(Base64.getEncoder().encodeToString(new byte[32])).keyId());
    }

    /** RFC 8410's PKCS#8 wrapping of a raw Ed25519 private key, to read the key pair's private half back. */
    private static byte[] pkcs8(byte[] seed) {
        byte[] prefix = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] der = java.util.Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(seed, 0, der, prefix.length, 32);
        return der;
    }
}
