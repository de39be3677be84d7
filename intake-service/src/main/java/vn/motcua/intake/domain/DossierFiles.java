package vn.motcua.intake.domain;

import vn.motcua.shared.dossier.DossierState;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import vn.motcua.intake.config.FilesConfig;
import vn.motcua.platform.idempotency.IdempotencyKeys;
import vn.motcua.platform.problem.Problem;
import vn.motcua.platform.problem.ProblemException;
import vn.motcua.shared.events.EventJson;
import vn.motcua.shared.events.PlanStep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Upload, list and read of a dossier's files (số hoá thành phần hồ sơ). The order of an upload is what makes it
 * crash-safe: the bytes are checked and stored whole in the object store first, and only then is the row that
 * references them committed; an object whose row never came is collected by {@link #collectOrphans} after the
 * grace period. Who sees a dossier's files: the counter officers of its unit, supervisors, administrators, and
 * the officers of the agencies its routing plan sends it to; anyone else gets 404, as for the dossier itself.
 */
@ApplicationScoped
public class DossierFiles {
    private static final Logger LOG = Logger.getLogger(DossierFiles.class);
    /** Every file object lives under this prefix, the only one the collector looks at. */
    static final String PREFIX = "dossier-files/";

    private final FileStore store;
    private final IdempotencyKeys idempotency;
    private final FilesConfig config;

    public DossierFiles(FileStore store, IdempotencyKeys idempotency, FilesConfig config) {
        this.store = store;
        this.idempotency = idempotency;
        this.config = config;
    }

    /** The caller, as far as files are concerned: all = supervisor or administrator. */
    public record Caller(String username, boolean all, String unitCode, String agencyCode) {
    }

    /** One file as the API shows it. */
    public record FileView(UUID id, int component, String componentName, String name, long size, String type,
                           String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
        static FileView of(DossierFile f, List<String> components) {
            return new FileView(f.id, f.component, f.component < components.size() ? components.get(f.component) : null,
                    f.fileName, f.sizeBytes, f.contentType, f.sha256, f.uploadedBy,
                    f.uploadedAt.withOffsetSameInstant(EventJson.VIETNAM));
        }
    }

    /** What an Idempotency-Key is bound to: a repeat with another file or component is refused. */
    private record Fingerprint(String code, int component, String name, String sha256) {
    }

    /** The dossier whose files the caller may read, else 404 as if it did not exist. */
    public Dossier readable(String code, Caller caller) {
        return Dossier.byCode(code).filter(d -> mayRead(d, caller)).orElseThrow(() -> notFound(code));
    }

    /**
     * Uploads are the reception's work: counter officers of the dossier's unit, while the dossier is open. A refused,
     * withdrawn or stopped dossier, or one whose result was handed back, takes no new file (409).
     */
    public Dossier writable(String code, Caller caller) {
        Dossier dossier = Dossier.byCode(code).filter(d -> caller.unitCode() != null && caller.unitCode().equals(d.unitCode))
                .orElseThrow(() -> notFound(code));
        if (CLOSED.contains(dossier.state())) {
            throw ProblemException.conflict("dossier-closed", "Hồ sơ " + code + " đã kết thúc ("
                    + dossier.state().citizenText().toLowerCase(java.util.Locale.ROOT) + "); không nhận thêm tệp.");
        }
        return dossier;
    }

    private static final java.util.Set<DossierState> CLOSED = java.util.EnumSet.of(DossierState.REFUSED,
            DossierState.WITHDRAWN, DossierState.STOPPED, DossierState.RESULT_RETURNED);

    static boolean mayRead(Dossier dossier, Caller caller) {
        if (caller.all()) {
            return true;
        }
        if (caller.unitCode() != null && caller.unitCode().equals(dossier.unitCode)) {
            return true;
        }
        return caller.agencyCode() != null && procedureOf(dossier).routingPlan().steps().stream()
                .map(PlanStep::agencyCode).anyMatch(caller.agencyCode()::equals);
    }

    /**
     * A replayed outcome leaves the transaction marked for rollback (its own row undone); QuarkusTransaction would
     * report that as a failed commit, so the replay leaves the transaction as an exception that rolls it back.
     */
    private static IdempotencyKeys.Outcome<FileView> replayedRollsBack(IdempotencyKeys.Outcome<FileView> outcome) {
        if (outcome.replayed()) {
            throw new ReplayedUpload(outcome);
        }
        return outcome;
    }

    private static final class ReplayedUpload extends RuntimeException {
        private final transient IdempotencyKeys.Outcome<FileView> outcome;

        ReplayedUpload(IdempotencyKeys.Outcome<FileView> outcome) {
            super("replayed", null, false, false);
            this.outcome = outcome;
        }
    }

    public List<FileView> list(Dossier dossier) {
        List<String> components = componentNames(dossier);
        return DossierFile.ofDossier(dossier.id).stream().map(f -> FileView.of(f, components)).toList();
    }

    public DossierFile file(Dossier dossier, UUID id) {
        DossierFile file = id == null ? null : DossierFile.findById(id);
        if (file == null || !file.dossierId.equals(dossier.id)) {
            throw ProblemException.notFound("Không tìm thấy tệp " + id + " của hồ sơ " + dossier.code + ".");
        }
        return file;
    }

    /** The object's bytes; the caller closes the stream. */
    public ResponseInputStream<GetObjectResponse> open(DossierFile file) {
        try {
            return store.open(file.objectKey);
        } catch (SdkException e) {
            throw storeUnavailable(e);
        }
    }

    /**
     * Checks a spooled upload (size, type by its bytes, component), stores it in the object store, then records
     * it. {@code spooled} is the HTTP layer's temporary file: the upload is never whole in memory.
     */
    public IdempotencyKeys.Outcome<FileView> upload(Dossier dossier, String component, String fileName, Path spooled,
                                                    Caller caller, String idempotencyKey) {
        List<String> components = componentNames(dossier);
        int index = component(component, components.size());
        long size = size(spooled);
        if (size > config.maxBytes()) {
            throw new ProblemException(Problem.of("file-too-large", "Tệp quá lớn", 413,
                    "Mỗi tệp tối đa " + (config.maxBytes() / (1024 * 1024)) + " MB; tệp gửi lên có " + size + " byte."));
        }
        if (size == 0) {
            throw ProblemException.badRequest("empty-file", "Tệp gửi lên không có nội dung.");
        }
        FileTypes type = sniff(spooled);
        String name = cleanName(fileName, type);
        String sha256 = sha256(spooled);
        String key = objectKey(Instant.now());
        try {
            store.put(key, spooled, size, type.mediaType);
        } catch (SdkException e) {
            deleteQuietly(key); // a PUT cut off stores nothing, but a timed-out one may have; no row will name it
            throw storeUnavailable(e);
        }
        IdempotencyKeys.Outcome<FileView> outcome;
        try {
            outcome = QuarkusTransaction.requiringNew().call(() -> replayedRollsBack(idempotency.once(
                    "POST /api/dossiers/{code}/files:" + caller.username(), idempotencyKey,
                    new Fingerprint(dossier.code, index, name, sha256), 201, FileView.class, () -> {
                        DossierFile f = new DossierFile();
                        f.id = UUID.randomUUID();
                        f.dossierId = dossier.id;
                        f.component = index;
                        f.fileName = name;
                        f.contentType = type.mediaType;
                        f.sizeBytes = size;
                        f.sha256 = sha256;
                        f.objectKey = key;
                        f.uploadedBy = caller.username();
                        f.uploadedAt = OffsetDateTime.now();
                        f.persist();
                        return FileView.of(f, components);
                    })));
        } catch (ReplayedUpload replayed) {
            outcome = replayed.outcome;
        } catch (RuntimeException e) {
            deleteQuietly(key);
            throw e;
        }
        if (outcome.replayed()) {
            deleteQuietly(key); // the first request's object is the one referenced
        }
        return outcome;
    }

    /**
     * Deletes the objects under the files' prefix that no row references and that are older than the grace
     * period (uploads cut off between the store and the commit). Safe on several instances at once: an object
     * past the grace period with no row can only be an orphan, and deleting it twice is harmless.
     *
     * @return how many objects were deleted
     */
    public int collectOrphans(Instant storedBefore) {
        AtomicInteger deleted = new AtomicInteger();
        // only the hours in which an orphan can still be waiting: a pass lists recent uploads, never the whole bucket
        Instant hour = storedBefore.minus(config.collectLookback()).truncatedTo(ChronoUnit.HOURS);
        for (; !hour.isAfter(storedBefore); hour = hour.plus(1, ChronoUnit.HOURS)) {
            store.list(hourPrefix(hour), object -> {
                if (object.lastModified().isBefore(storedBefore) && !referenced(object.key())) {
                    deleteQuietly(object.key());
                    deleted.incrementAndGet();
                }
            });
        }
        if (deleted.get() > 0) {
            LOG.infof("collected %d unreferenced file objects stored before %s", deleted.get(), storedBefore);
        }
        return deleted.get();
    }

    /** A new object's key: under the hour it is stored in (UTC), so the collector lists only recent hours. */
    public static String objectKey(Instant storedAt) {
        return hourPrefix(storedAt) + UUID.randomUUID();
    }

    private static String hourPrefix(Instant at) {
        return PREFIX + HOUR.format(at) + "/";
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private static boolean referenced(String key) {
        return QuarkusTransaction.joiningExisting().call(() -> DossierFile.count("objectKey", key) > 0);
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not delete object %s now (the collector will): %s", key, e.getMessage());
        }
    }

    private static ProcedureVersion procedureOf(Dossier dossier) {
        return ProcedureVersion.findById(new ProcedureVersion.Key(dossier.procedureCode, dossier.procedureVersion));
    }

    private static List<String> componentNames(Dossier dossier) {
        return procedureOf(dossier).requiredDocuments().stream().map(d -> d.name()).toList();
    }

    private static int component(String value, int count) {
        String detail = "chỉ số giấy tờ của thủ tục, từ 0 đến " + (count - 1);
        if (value == null || value.isBlank()) {
            throw ProblemException.validation(List.of(new Problem.FieldError("component", "bắt buộc: " + detail)));
        }
        try {
            int index = Integer.parseInt(value.strip());
            if (index >= 0 && index < count) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.validation(List.of(new Problem.FieldError("component", "không hợp lệ: " + detail)));
    }

    private static FileTypes sniff(Path file) {
        byte[] head = new byte[FileTypes.HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FileTypes.sniff(head, n).orElseThrow(() -> new ProblemException(Problem.of("unsupported-file-type",
                "Loại tệp không được chấp nhận", 415,
                "Chỉ nhận tệp PDF, JPEG hoặc PNG; nội dung tệp gửi lên không thuộc loại nào trong số đó.")));
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name without any path a browser sent, without control characters, at most 255 characters. */
    static String cleanName(String fileName, FileTypes type) {
        String name = Objects.requireNonNullElse(fileName, "").replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "tep." + type.name().toLowerCase();
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    /** The object store is down or refused: 503, and the upload recorded nothing. */
    private static ProblemException storeUnavailable(SdkException e) {
        LOG.warnf("object store failed: %s", e.getMessage());
        return ProblemException.unavailable("Kho lưu trữ tệp tạm thời không truy cập được; tệp chưa được lưu hoặc chưa đọc được,"
                + " vui lòng thử lại sau ít phút.");
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("Không tìm thấy hồ sơ " + code + ".");
    }
}
