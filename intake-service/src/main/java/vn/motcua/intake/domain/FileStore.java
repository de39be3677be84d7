package vn.motcua.intake.domain;

import io.quarkus.runtime.Shutdown;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.motcua.intake.config.FilesConfig;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The object store of the dossiers' files, through the S3 API (s3proxy on the local stack, any S3 in a deployment).
 * Objects are written whole with one PUT, which S3 makes visible only once complete: nothing reads a half-stored
 * object. The bucket is created on first use if missing.
 */
@ApplicationScoped
public class FileStore {
    private static final Logger LOG = Logger.getLogger(FileStore.class);
    private final S3Client s3;
    private final String bucket;
    private volatile boolean bucketReady;

    public FileStore(FilesConfig config) {
        FilesConfig.S3 c = config.s3();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(c.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(c.accessKey(), c.secretKey())))
                .forcePathStyle(c.pathStyle())
                // checksums only where S3 demands them: servers of the S3 API other than AWS differ on the newer ones
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // the JDK's client streams a body of known length (fixed-length mode), never buffering it
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)).build());
        c.endpoint().filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        this.s3 = builder.build();
        this.bucket = c.bucket();
    }

    /** Stores a spooled file under {@code key}; returns once the object is complete in the store. */
    public void put(String key, Path file, long size, String contentType) {
        ensureBucket();
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                RequestBody.fromFile(file));
    }

    /** The object's bytes as a stream; the caller closes it. */
    public ResponseInputStream<GetObjectResponse> open(String key) {
        return s3.getObject(b -> b.bucket(bucket).key(key));
    }

    /** Every object under {@code prefix}, page by page. */
    public void list(String prefix, Consumer<S3Object> each) {
        ensureBucket();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(each);
    }

    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(key));
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
                LOG.infof("created bucket %s", bucket);
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another instance created it first
            }
        }
        bucketReady = true;
    }

    @Shutdown
    void close() {
        s3.close();
    }
}
