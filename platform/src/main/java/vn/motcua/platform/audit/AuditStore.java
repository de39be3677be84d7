package vn.motcua.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/** Reads the service's audit chain from its tables, in seq order, with a cursor (the chain may hold millions). */
@ApplicationScoped
public class AuditStore {
    private final AgroalDataSource dataSource;
    private final AuditSealer sealer;

    public AuditStore(AgroalDataSource dataSource, AuditSealer sealer) {
        this.dataSource = dataSource;
        this.sealer = sealer;
    }

    /** What {@code GET /api/admin/audit/verify} answers; {@code pending}: entries committed but not yet sealed. */
    public record Report(boolean ok, long entries, String head, Long firstBroken, Long firstBrokenSeq, String reason,
                         int checkpoints, long pending, String keyId) {
    }

    /** Walks the chain as stored and checks it against the head and the checkpoints signed with this service's key. */
    public Report verify() {
        AuditChain.Walker walker = new AuditChain.Walker(sealer.service(), sealer.key().publicKey());
        long[] pending = new long[1];
        Long[] headSeq = new Long[1];
        String[] headHash = new String[1];
        read(new Reader() {
            @Override
            public void head(long seq, String hash) {
                headSeq[0] = seq;
                headHash[0] = hash;
            }

            @Override
            public void checkpoint(AuditChain.Checkpoint c) {
                walker.checkpoint(c);
            }

            @Override
            public void entry(AuditChain.Entry e) {
                walker.accept(e);
            }

            @Override
            public void pending(long count) {
                pending[0] = count;
            }
        });
        AuditChain.Verdict v = walker.finish(headSeq[0], headHash[0]);
        return new Report(v.ok(), v.entries(), v.head(), v.firstBroken(), v.firstBrokenSeq(), v.reason(),
                v.checkpoints(), pending[0], sealer.key().keyId());
    }

    /** Writes the export an auditor verifies with {@link AuditVerifier}: header, checkpoints, entries, head. */
    public void export(Writer out) {
        Consumer<String> line = text -> {
            try {
                out.write(text);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        line.accept(AuditChain.exportHeader(sealer.service()));
        String[] head = new String[1];
        read(new Reader() {
            @Override
            public void head(long seq, String hash) {
                head[0] = AuditChain.exportHead(seq, hash);
            }

            @Override
            public void checkpoint(AuditChain.Checkpoint c) {
                line.accept(AuditChain.exportLine(c));
            }

            @Override
            public void entry(AuditChain.Entry e) {
                line.accept(AuditChain.exportLine(e));
            }
        });
        line.accept(head[0]);
    }

    private interface Reader {
        void head(long seq, String hash);

        void checkpoint(AuditChain.Checkpoint c);

        void entry(AuditChain.Entry e);

        default void pending(long count) {
        }
    }

    /** Head, checkpoints, entries and the count of unsealed ones, from one snapshot (repeatable read). */
    private void read(Reader reader) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                try (PreparedStatement head = connection.prepareStatement("select seq, hash from audit_head");
                     ResultSet rs = head.executeQuery()) {
                    if (rs.next()) {
                        reader.head(rs.getLong(1), rs.getString(2));
                    }
                }
                try (PreparedStatement checkpoints = connection.prepareStatement(
                        "select seq, hash, signed_at, key_id, signature from audit_checkpoint order by seq");
                     ResultSet rs = checkpoints.executeQuery()) {
                    while (rs.next()) {
                        reader.checkpoint(new AuditChain.Checkpoint(rs.getLong(1), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli(), rs.getString(4),
                                rs.getString(5)));
                    }
                }
                try (PreparedStatement entries = connection.prepareStatement(
                        "select seq, id, recorded_at, kind, type, subject, actor, payload, prev_hash, hash"
                                + " from audit_entry where seq is not null order by seq")) {
                    entries.setFetchSize(1_000);
                    try (ResultSet rs = entries.executeQuery()) {
                        while (rs.next()) {
                            reader.entry(new AuditChain.Entry(rs.getLong(1), rs.getLong(2),
                                    AuditChain.micros(rs.getObject(3, OffsetDateTime.class).toInstant()), rs.getString(4),
                                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                                    rs.getString(10)));
                        }
                    }
                }
                try (PreparedStatement pending = connection.prepareStatement(
                        "select count(*) from audit_entry where seq is null");
                     ResultSet rs = pending.executeQuery()) {
                    rs.next();
                    reader.pending(rs.getLong(1));
                }
                connection.commit();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }
}
