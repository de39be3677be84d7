package vn.motcua.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where the dossiers' files are stored ({@code motcua.files.*}): any server of the S3 API. */
@ConfigMapping(prefix = "motcua.files")
public interface FilesConfig {
    /** The largest file accepted, in bytes (default 20 MB); larger ones answer 413. */
    @WithDefault("20971520")
    long maxBytes();

    /** How long an object may stay unreferenced (an upload in flight, or one a crash cut off) before it is collected. */
    @WithDefault("PT1H")
    Duration orphanGrace();

    /**
     * How far back before the grace period a pass looks (object keys start with their upload hour): an orphan older
     * than grace + lookback, left while the collector did not run for that long, stays until found by hand.
     */
    @WithDefault("P2D")
    Duration collectLookback();

    /** How often unreferenced objects are looked for ({@code off} in tests, which call the collector themselves). */
    @WithDefault("10m")
    String collectEvery();

    S3 s3();

    interface S3 {
        /** The S3 endpoint URL (the local stack: its s3proxy on 127.0.0.1, port 8087); empty for AWS itself. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        @WithDefault("motcua-files")
        String bucket();

        String accessKey();

        String secretKey();

        /** Path-style addressing ({@code endpoint/bucket/key}), what s3proxy, MinIO and Ceph expect. */
        @WithDefault("true")
        boolean pathStyle();
    }
}
