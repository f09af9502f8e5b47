package org.aupat.testing;

import java.net.URI;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server (s3proxy over jclouds' in-memory store) on the loopback address and a free port,
 * for the S3 replica tests: the SDK talks HTTP to it exactly as to a bucket elsewhere, and no network is
 * needed. It checks request signatures, so wrong credentials are refused as a real service refuses them; it
 * does not check flexible checksums (see the constructor).
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "AKIAAUPATTESTKEY0001";
    public static final String SECRET_KEY = "aupat-test-secret-0a1b2c3d4e5f6a7b8c9d";
    private final S3Proxy proxy;
    private final BlobStoreContext context;

    public LocalS3(String... buckets) throws Exception {
        this(null, buckets);
    }

    /** A server whose objects lie as files under {@code folder} (jclouds' filesystem store), or in memory when null. */
    public LocalS3(java.nio.file.Path folder, String... buckets) throws Exception {
        Properties overrides = new Properties();
        if (folder != null) {
            overrides.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
        }
        context = ContextBuilder.newBuilder(folder == null ? "transient" : "filesystem").credentials("identity", "credential")
                .overrides(overrides).build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // s3proxy answers 501 to the flexible-checksum headers (x-amz-checksum-sha256) that AUPAT sends for
                // services that check them; here they are ignored, and AUPAT's own hash of what it sent decides.
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        for (String bucket : buckets) {
            blobStore().createContainerInLocation(null, bucket);
        }
    }

    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The settings of an S3 replica in this server's bucket, as command-line arguments. */
    public String[] replica(String name, String bucket, String prefix) {
        String key = "--aupat.replicas." + name + ".s3.";
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(key + "bucket=" + bucket,
                key + "endpoint=" + endpoint(), key + "region=us-east-1", key + "path-style=true"));
        if (!prefix.isEmpty()) {
            args.add(key + "prefix=" + prefix);
        }
        return args.toArray(String[]::new);
    }

    /** Gives the SDK's default chain this server's credentials, as AWS_* variables would (system properties). */
    public static void useCredentials(String access, String secret) {
        System.setProperty("aws.accessKeyId", access);
        System.setProperty("aws.secretAccessKey", secret);
    }

    public static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    /**
     * The bench's server (bench/s3-replica.sh): {@code LocalS3 FOLDER BUCKET} stores objects under FOLDER, prints
     * {@code endpoint http://127.0.0.1:PORT} and serves until its standard input closes.
     */
    public static void main(String[] args) throws Exception {
        try (LocalS3 s3 = new LocalS3(java.nio.file.Path.of(args[0]), args[1])) {
            System.out.println("endpoint " + s3.endpoint());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the bench closes our input
            }
        }
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
