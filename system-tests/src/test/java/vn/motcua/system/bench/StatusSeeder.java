package vn.motcua.system.bench;

import vn.motcua.system.Stack;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;

import vn.motcua.shared.dossier.DossierCode;
import vn.motcua.shared.dossier.DossierState;

/**
 * Loads (or removes) N in-process dossiers straight into result-service's read model ({@code result.dossier_status}
 * and three {@code dossier_timeline} lines each) of the running stack's PostgreSQL, with PostgreSQL's COPY. Every
 * dossier's lookup PIN is {@code bench.pin}, stored as result's {@code PinHasher} stores it: lower-case hex
 * HMAC-SHA256 under {@code motcua.result.pin-key} of {@code code + '\0' + PIN}. The codes belong to 50 bench units
 * {@code 000.NN.98.H29} received on 200 days of 2025, up to 100 a unit a day, so they never meet a code intake gives
 * today, and removing them ({@code -Dbench.seed.action=drop}) touches nothing else.
 *
 * <pre>
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.StatusSeeder -Dbench.dossiers=1000000
 * ./mvnw -pl system-tests -Pbench verify -Dbench.main=vn.motcua.system.bench.StatusSeeder -Dbench.seed.action=drop
 * </pre>
 */
public final class StatusSeeder {
    static final int UNITS = 50;
    static final int DAYS = 200;
    static final int PER_UNIT_AND_DAY = 100;
    static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 2);
    static final String DEV_PIN_KEY = "dev-only-result-pin-key-do-not-use-in-production";
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private StatusSeeder() {
    }

    /** The {@code i}-th bench dossier's code, 0 ≤ i < 1,000,000. */
    static String code(int i) {
        int unit = i % UNITS + 1;
        int sequence = i / (UNITS * DAYS) + 1;
        return DossierCode.format(unitCode(unit), receivedAt(i), sequence);
    }

    static String unitCode(int unit) {
        return "000.%02d.98.H29".formatted(unit);
    }

    static OffsetDateTime receivedAt(int i) {
        int day = i / UNITS % DAYS;
        int minute = i / (UNITS * DAYS) * 4; // 08:00 plus 4 minutes per sequence number
        return FIRST_DAY.plusDays(day).atTime(8, 0).plusMinutes(minute).atOffset(VIETNAM);
    }

    public static void main(String[] args) throws Exception {
        int dossiers = Integer.getInteger("bench.dossiers", 1_000_000);
        if ("drop".equals(System.getProperty("bench.seed.action"))) {
            dossiers = 0;
        }
        load(dossiers, false);
    }

    /**
     * Makes result's read model hold exactly {@code dossiers} bench dossiers: removes the earlier ones and writes
     * the new ones; with {@code keepIfThere} it leaves them when exactly that many are there already (a seed of 1M
     * takes about 90 s).
     */
    static void load(int dossiers, boolean keepIfThere) throws Exception {
        String url = System.getProperty("bench.jdbc", Stack.JDBC);
        String user = System.getProperty("bench.jdbc.user", "motcua");
        String password = System.getProperty("bench.jdbc.password", "motcua");
        String pin = System.getProperty("bench.pin", "123456");
        String key = System.getProperty("bench.pin-key", DEV_PIN_KEY);
        if (dossiers > UNITS * DAYS * PER_UNIT_AND_DAY) {
            throw new IllegalArgumentException("at most " + UNITS * DAYS * PER_UNIT_AND_DAY + " bench dossiers");
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set search_path = result");
                if (keepIfThere) {
                    try (ResultSet rs = s.executeQuery("select count(*) from dossier_status where " + BENCH_CODES)) {
                        rs.next();
                        if (rs.getLong(1) == dossiers) {
                            System.out.printf("result holds the %d bench dossiers already%n", dossiers);
                            c.rollback();
                            return;
                        }
                    }
                }
                long start = System.nanoTime();
                int removed = drop(s);
                c.commit();
                System.out.printf("removed %d bench dossiers in %.1f s%n", removed, (System.nanoTime() - start) / 1e9);
                if (dossiers > 0) {
                    start = System.nanoTime();
                    seed(c, dossiers, pin, key);
                    c.commit();
                    System.out.printf("loaded %d bench dossiers (PIN %s) in %.1f s%n", dossiers, pin,
                            (System.nanoTime() - start) / 1e9);
                }
                c.setAutoCommit(true);
                start = System.nanoTime();
                s.execute("vacuum analyze dossier_status");
                s.execute("vacuum analyze dossier_timeline");
                System.out.printf("vacuum analyze in %.1f s%n", (System.nanoTime() - start) / 1e9);
                try (ResultSet rs = s.executeQuery("select count(*), pg_size_pretty(pg_total_relation_size('dossier_status')),"
                        + " pg_size_pretty(pg_total_relation_size('dossier_timeline')) from dossier_status")) {
                    rs.next();
                    System.out.printf("dossier_status: %d rows, %s; dossier_timeline: %s%n", rs.getLong(1), rs.getString(2),
                            rs.getString(3));
                }
            }
        }
    }

    private static final String BENCH_CODES = "code like '000.__.98.H29-%'";

    private static int drop(Statement s) throws Exception {
        s.executeUpdate("delete from dossier_timeline where " + BENCH_CODES);
        return s.executeUpdate("delete from dossier_status where " + BENCH_CODES);
    }

    private static void seed(Connection c, int dossiers, String pin, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HexFormat hex = HexFormat.of();
        PGConnection pg = c.unwrap(PGConnection.class);
        String procedure = "Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi";
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg,
                "copy dossier_status (code, procedure_code, procedure_name, unit_code, channel, status,"
                        + " national_status_code, received_at, appointment_at, current_agency, current_agency_name, pin_hmac,"
                        + " updated_at, last_event_time, submitted_at, lead_agency, appointment_time, paused)"
                        + " from stdin (format csv)"), StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < dossiers; i++) {
                String code = code(i);
                OffsetDateTime received = receivedAt(i);
                OffsetDateTime assigned = received.plusHours(2);
                String hmac = hex.formatHex(mac.doFinal((code + '\0' + pin).getBytes(StandardCharsets.UTF_8)));
                out.write(code + ",LT-KS-TT-BHYT,\"" + procedure + "\"," + code.substring(0, 13) + ",COUNTER,IN_PROCESS,4,"
                        + received + "," + received.plusDays(7).withHour(17).withMinute(0) + ",TUPHAP-BADINH,"
                        + "\"Phòng Tư pháp quận Ba Đình\"," + hmac + "," + assigned + "," + assigned + ",," 
                        + "TUPHAP-BADINH," + received + ",false\n");
            }
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg,
                "copy dossier_timeline (code, at, status, agency, note, event_id) from stdin (format csv)"),
                StandardCharsets.UTF_8), 1 << 16)) {
            for (int i = 0; i < dossiers; i++) {
                String code = code(i);
                OffsetDateTime received = receivedAt(i);
                out.write(code + "," + received + ",RECEIVED,," + DossierState.RECEIVED.citizenText() + "," + UUID.randomUUID() + "\n");
                out.write(code + "," + received.plusHours(2) + ",IN_PROCESS,TUPHAP-BADINH,"
                        + "Hồ sơ được chuyển đến Phòng Tư pháp quận Ba Đình," + UUID.randomUUID() + "\n");
                out.write(code + "," + received.plusHours(2).plusMinutes(5) + ",IN_PROCESS,TUPHAP-BADINH,"
                        + "\"Phòng Tư pháp quận Ba Đình đã nhận hồ sơ, đang giải quyết\"," + UUID.randomUUID() + "\n");
            }
        }
    }
}
