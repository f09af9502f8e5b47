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
    private final boolean secure;
    private javax.net.ssl.TrustManager[] trust;

    public LocalS3(String... buckets) throws Exception {
        this(null, buckets);
    }

    /** A server whose objects lie as files under {@code folder} (jclouds' filesystem store), or in memory when null. */
    public LocalS3(java.nio.file.Path folder, String... buckets) throws Exception {
        this(folder, null, null, buckets);
    }

    /**
     * A server that speaks HTTPS only when {@code keyStore} (a PKCS12 file with the server's key and certificate,
     * for 127.0.0.1) is given, as every real service is used; plain HTTP otherwise.
     */
    public LocalS3(java.nio.file.Path folder, java.nio.file.Path keyStore, String keyStorePassword, String... buckets)
            throws Exception {
        secure = keyStore != null;
        Properties overrides = new Properties();
        if (folder != null) {
            overrides.setProperty("jclouds.filesystem.basedir", folder.toAbsolutePath().toString());
        }
        context = ContextBuilder.newBuilder(folder == null ? "transient" : "filesystem").credentials("identity", "credential")
                .overrides(overrides).build(BlobStoreContext.class);
        S3Proxy.Builder builder = S3Proxy.builder().blobStore(context.getBlobStore());
        if (secure) {
            builder.secureEndpoint(URI.create("https://127.0.0.1:0")).keyStore(keyStore.toString(), keyStorePassword);
        } else {
            builder.endpoint(URI.create("http://127.0.0.1:0"));
        }
        proxy = builder
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

    /**
     * A server over HTTPS, as every real service is used, with a key and self-signed certificate for 127.0.0.1
     * made by the JDK's keytool in {@code folder}; {@link #trust()} trusts that certificate alone.
     */
    public static LocalS3 overHttps(java.nio.file.Path folder, String... buckets) throws Exception {
        java.nio.file.Path keyStore = folder.resolve("server.p12");
        String password = "local-s3-" + System.nanoTime();
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s3", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-keypass", password).redirectErrorStream(true).start();
        String said = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool could not make the test server's certificate: " + said);
        }
        LocalS3 s3 = new LocalS3(null, keyStore, password, buckets);
        java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            keys.load(in, password.toCharArray());
        }
        java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("s3", keys.getCertificate("s3"));
        javax.net.ssl.TrustManagerFactory factory = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        factory.init(trusted);
        s3.trust = factory.getTrustManagers();
        return s3;
    }

    /** Trust in this server's certificate alone (over HTTPS), or null. */
    public javax.net.ssl.TrustManager[] trust() {
        return trust;
    }

    public BlobStore blobStore() {
        return context.getBlobStore();
    }

    public URI endpoint() {
        return secure ? URI.create("https://127.0.0.1:" + proxy.getSecurePort())
                : URI.create("http://127.0.0.1:" + proxy.getPort());
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
     * The bench's server (bench/s3-replica.sh): {@code LocalS3 FOLDER BUCKET [KEYSTORE PASSWORD]} stores objects
     * under FOLDER, prints {@code endpoint http[s]://127.0.0.1:PORT} and serves until its standard input closes;
     * with a PKCS12 key store, over HTTPS.
     */
    public static void main(String[] args) throws Exception {
        java.nio.file.Path keyStore = args.length > 3 ? java.nio.file.Path.of(args[2]) : null;
        try (LocalS3 s3 = new LocalS3(java.nio.file.Path.of(args[0]), keyStore, keyStore == null ? null : args[3],
                args[1])) {
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
