package vn.motcua.platform.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

/**
 * The auditor's command-line verifier, without the service (docs/AUDIT.md). Plain JDK 17:
 * <pre>
 * java -cp platform/target/classes vn.motcua.platform.audit.AuditVerifier chain export.tsv PUBLIC_KEY_X
 * java -cp platform/target/classes vn.motcua.platform.audit.AuditVerifier receipt TOKEN PUBLIC_KEY_X
 * </pre>
 * {@code PUBLIC_KEY_X} is the {@code x} of the service's key in its {@code /.well-known/jwks.json}, taken from a
 * source the auditor trusts (not from the export). Exit 0 when the chain or receipt holds, 1 when it does not, 2 on
 * bad usage.
 */
public final class AuditVerifier {
    private AuditVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !List.of("chain", "receipt").contains(args[0])) {
            System.err.println("usage: AuditVerifier chain EXPORT_FILE PUBLIC_KEY_X | AuditVerifier receipt TOKEN PUBLIC_KEY_X");
            System.exit(2);
        }
        PublicKey key = SigningKey.publicKeyOf(args[2]);
        if (args[0].equals("receipt")) {
            var payload = CompactJws.verify(key, args[1]);
            System.out.println(payload.map(p -> "valid: " + p).orElse("INVALID: the token was not signed by this key or was altered"));
            System.exit(payload.isPresent() ? 0 : 1);
        }
        AuditChain.Verdict verdict;
        try (BufferedReader reader = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            verdict = verify(reader, key);
        }
        System.out.println((verdict.ok() ? "ok" : "BROKEN") + ": " + verdict.entries() + " entries, "
                + verdict.checkpoints() + " signed checkpoints, head " + verdict.head()
                + (verdict.ok() ? "" : "; first broken entry " + verdict.firstBroken() + " (position "
                + verdict.firstBrokenSeq() + "): " + verdict.reason()));
        System.exit(verdict.ok() ? 0 : 1);
    }

    /** Verifies an export read line by line; its checkpoints come before its entries, its head last. */
    public static AuditChain.Verdict verify(BufferedReader reader, PublicKey key) throws IOException {
        String header = reader.readLine();
        if (header == null || !header.startsWith("motcua-audit-export\tv1\t")) {
            throw new IllegalArgumentException("not a motcua audit export (v1)");
        }
        String service = AuditChain.untext(header.split("\t")[2]);
        AuditChain.Walker walker = new AuditChain.Walker(service, key);
        Long headSeq = null;
        String headHash = null;
        int number = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "checkpoint" -> walker.checkpoint(AuditChain.parseCheckpoint(f));
                    case "entry" -> walker.accept(AuditChain.parseEntry(f));
                    case "head" -> {
                        headSeq = Long.parseLong(f[1]);
                        headHash = f[2];
                    }
                    default -> throw new IllegalArgumentException("unknown record " + f[0]);
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
                walker.malformed(number);
            }
        }
        return walker.finish(headSeq, headHash);
    }
}
