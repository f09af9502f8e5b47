package org.aupat.archive.replication;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import org.aupat.foundation.config.ReplicaTarget;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.CopyResult;
import org.aupat.foundation.rollback.FileTransaction;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A replica in an S3-compatible bucket, through the AWS SDK for Java v2: each file is one object whose key
 * is the prefix plus the archive's relative path. Every upload carries its SHA-256 (known from the
 * database, or computed per part while reading) as the flexible checksum, so the service refuses bytes that
 * do not match; files above {@link #MULTIPART_ABOVE} go in 16 MB parts, each with its own SHA-256, one part
 * in memory at a time. Throttling and network errors are retried by the SDK's standard retry strategy
 * (exponential backoff with jitter, which knows S3's throttling and transient codes): one policy, the SDK's.
 * Credentials come only from the SDK's default chain; nothing here ever names one.
 */
final class S3Replica implements Replica {
    static final long MULTIPART_ABOVE = 64L * 1024 * 1024;
    static final int PART_SIZE = 16 * 1024 * 1024;
    static final int MAX_ATTEMPTS = 5;
    /**
     * Uploads at once: a request's latency, not the bandwidth, bounds one upload of a photo-sized file (as
     * rclone's four transfers by default); memory stays bounded (one 16 MB part each at most).
     */
    static final int CONCURRENT_SENDS = 4;
    /** Reads of an archived file while it is sent: 16 times the SDK's own 4 KB, so fewer reads and hash calls. */
    static final int READ_BUFFER = 64 * 1024;
    private static final String SHA_METADATA = "aupat-sha256";
    private static final String MTIME_METADATA = "aupat-mtime";

    private final String name;
    private final ReplicaTarget.S3 settings;
    private final FileHasher hasher;
    private final long multipartAbove;
    private final int partSize;
    private final TrustManager[] trust;
    private S3Client client;

    S3Replica(String name, ReplicaTarget.S3 settings, FileHasher hasher) {
        this(name, settings, hasher, MULTIPART_ABOVE, PART_SIZE, null);
    }

    /**
     * With other multipart sizes (a test's, to send parts without 64 MB files) and the certificates to trust over
     * HTTPS (a test server's own; null: the JDK's trust store, as for every real service).
     */
    S3Replica(String name, ReplicaTarget.S3 settings, FileHasher hasher, long multipartAbove, int partSize,
            TrustManager[] trust) {
        this.name = name;
        this.settings = settings;
        this.hasher = hasher;
        this.multipartAbove = multipartAbove;
        this.partSize = partSize;
        this.trust = trust;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String where() {
        return "s3://" + settings.bucket() + "/" + settings.keyPrefix()
                + (settings.endpoint() == null ? "" : " at " + settings.endpoint());
    }

    private synchronized S3Client client() {
        if (client == null) {
            NativeCryptoProvider.install();
            S3ClientBuilder builder = S3Client.builder()
                    .httpClientBuilder(httpClient())
                    .region(Region.of(settings.regionOrDefault()))
                    .credentialsProvider(DefaultCredentialsProvider.builder().build())
                    .forcePathStyle(settings.usesPathStyle())
                    // One signature over the whole body, not one per 64 KB chunk (aws-chunked): the service
                    // checks one hash instead of a chain, and over HTTPS the body is not signed at all (the
                    // SHA-256 checksum header proves it).
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                    // Checksums are set on each upload (SHA-256), not left to the SDK's CRC default.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                            .maxAttempts(MAX_ATTEMPTS).build()).addExecutionInterceptor(new NoExpectContinue()));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint());
            }
            client = builder.build();
        }
        return client;
    }

    /** The SDK's Apache client, trusting the JDK's certificate authorities or, where given, a test server's own. */
    private ApacheHttpClient.Builder httpClient() {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder();
        if (trust != null) {
            http.tlsTrustManagersProvider(() -> trust);
        }
        return http;
    }

    /**
     * Sends each body with its headers instead of asking the server first ("Expect: 100-continue", which the SDK
     * adds to every upload, whatever its client's setting): that question costs a round trip per file, which
     * over a network is a photo's upload time again; it only spares the body of a request the server refuses,
     * and pre-flight has already proven the bucket and the credentials.
     */
    static final class NoExpectContinue implements ExecutionInterceptor {
        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            SdkHttpRequest request = context.httpRequest();
            return request.firstMatchingHeader("Expect").isPresent() ? request.toBuilder().removeHeader("Expect").build()
                    : request;
        }
    }

    private String key(String path) {
        if (path.startsWith("/") || path.contains("/../") || path.startsWith("../")) {
            throw new FileSystemError("replica " + name + ": the path " + path + " is not a plain relative path", null);
        }
        return settings.keyPrefix() + path;
    }

    @Override
    public void requireReachable(boolean write) {
        try {
            client().headBucket(b -> b.bucket(settings.bucket()));
        } catch (SdkException | IllegalArgumentException e) {
            throw new PreflightError("replica " + name + ": cannot reach " + where() + ": " + reason(e), e);
        }
    }

    @Override
    public Optional<String> hash(String path) {
        try (ResponseInputStream<GetObjectResponse> in = client().getObject(g -> g.bucket(settings.bucket()).key(key(path)))) {
            return Optional.of(hasher.sha256(in));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException | SdkException e) {
            throw failure("read back " + path, e);
        }
    }

    @Override
    public CopyResult send(Path file, String path, String sha256, FileTransaction transaction) {
        try {
            long size = Files.size(file);
            Map<String, String> metadata = Map.of(SHA_METADATA, sha256,
                    MTIME_METADATA, Files.getLastModifiedTime(file).toInstant().toString());
            if (size > multipartAbove) {
                multipart(file, path, sha256, metadata);
            } else {
                putHashed(file, size, path, sha256, metadata);
            }
            return new CopyResult(sha256, size, false);
        } catch (IOException | SdkException e) {
            throw failure("send " + file + " as " + path, e);
        }
    }

    /**
     * One PUT carrying the recorded SHA-256 for the service to check, while AUPAT hashes the bytes it read to
     * send (each attempt reads the file anew): a service that does not check flexible checksums still never
     * gets a copy recorded as proven when the file rotted or changed; such an object is removed again. The
     * hash is taken below the read buffer, so it covers at least the bytes sent; when it is the recorded one,
     * the bytes read were exactly the recorded file, and those sent (its length) were that file.
     */
    private void putHashed(Path file, long size, String path, String sha256, Map<String, String> metadata) {
        java.util.concurrent.atomic.AtomicReference<MessageDigest> sent = new java.util.concurrent.atomic.AtomicReference<>();
        RequestBody body = RequestBody.fromContentProvider(() -> {
            MessageDigest digest = FileHasher.newDigest();
            sent.set(digest);
            try {
                return new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), digest), READ_BUFFER);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, size, "application/octet-stream");
        client().putObject(p -> p.bucket(settings.bucket()).key(key(path)).metadata(metadata)
                .checksumSHA256(base64(sha256)), body);
        String actual = FileHasher.hex(sent.get().digest());
        if (!actual.equals(sha256)) {
            client().deleteObject(d -> d.bucket(settings.bucket()).key(key(path)));
            throw new ChecksumMismatchError(file, sha256, actual);
        }
    }

    /** A large file in parts, each with its SHA-256; the whole file's SHA-256 is checked before completing. */
    private void multipart(Path file, String path, String sha256, Map<String, String> metadata) throws IOException {
        String key = key(path);
        String upload = client().createMultipartUpload(c -> c.bucket(settings.bucket()).key(key).metadata(metadata)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        boolean completed = false;
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest whole = FileHasher.newDigest();
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[partSize];
            for (int number = 1; ; number++) {
                int n = in.readNBytes(buffer, 0, partSize);
                if (n == 0 && number > 1) {
                    break;
                }
                whole.update(buffer, 0, n);
                MessageDigest part = FileHasher.newDigest();
                part.update(buffer, 0, n);
                String partSha = Base64.getEncoder().encodeToString(part.digest());
                int partNumber = number;
                String etag = client().uploadPart(u -> u.bucket(settings.bucket()).key(key).uploadId(upload)
                        .partNumber(partNumber).checksumSHA256(partSha),
                        RequestBody.fromBytes(n == partSize ? buffer : java.util.Arrays.copyOf(buffer, n))).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).checksumSHA256(partSha).build());
                if (n < partSize) {
                    break;
                }
            }
            String actual = FileHasher.hex(whole.digest());
            if (!actual.equals(sha256)) {
                throw new ChecksumMismatchError(file, sha256, actual);
            }
            client().completeMultipartUpload(c -> c.bucket(settings.bucket()).key(key).uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
            completed = true;
        } finally {
            if (!completed) {
                try {
                    client().abortMultipartUpload(a -> a.bucket(settings.bucket()).key(key).uploadId(upload));
                } catch (SdkException ignored) {
                    // the bucket's lifecycle rule for incomplete uploads removes it (README)
                }
            }
        }
    }

    /** The uploads need no transaction (an object appears whole or not at all), so several run at once. */
    @Override
    public int concurrentSends() {
        return CONCURRENT_SENDS;
    }

    @Override
    public void sendText(String text, String path, FileTransaction transaction) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = FileHasher.hex(FileHasher.newDigest().digest(bytes));
        try {
            client().putObject(p -> p.bucket(settings.bucket()).key(key(path)).metadata(Map.of(SHA_METADATA, sha))
                    .checksumSHA256(base64(sha)), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("send " + path, e);
        }
    }

    @Override
    public CopyResult fetch(String path, Path target, String sha256, FileTransaction transaction) {
        try (ResponseInputStream<GetObjectResponse> in = client().getObject(g -> g.bucket(settings.bucket()).key(key(path)))) {
            String mtime = in.response().metadata().get(MTIME_METADATA);
            FileTime modified = modified(mtime);
            return transaction.copy(in, target, sha256, modified);
        } catch (NoSuchKeyException e) {
            throw new FileSystemError("replica " + name + " has no " + path, true, Map.of("path", path), null);
        } catch (IOException | SdkException e) {
            throw failure("fetch " + path, e);
        }
    }

    /** The modification time recorded with an object, or null when it has none or it is not an instant. */
    private static FileTime modified(String recorded) {
        try {
            return recorded == null ? null : FileTime.from(java.time.Instant.parse(recorded));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public Optional<String> readText(String path) {
        try {
            return Optional.of(client().getObjectAsBytes(g -> g.bucket(settings.bucket()).key(key(path))).asUtf8String());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("read " + path, e);
        }
    }

    @Override
    public List<String> list(String folder) {
        String prefix = key(folder.endsWith("/") ? folder : folder + "/");
        List<String> names = new ArrayList<>();
        try {
            client().listObjectsV2Paginator(l -> l.bucket(settings.bucket()).prefix(prefix).delimiter("/")).stream()
                    .forEach(page -> {
                        for (S3Object o : page.contents()) {
                            names.add(o.key().substring(prefix.length()));
                        }
                    });
        } catch (SdkException e) {
            throw failure("list " + folder, e);
        }
        names.sort(null);
        return names;
    }

    private static String base64(String hexSha) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hexSha));
    }

    private FileSystemError failure(String what, Exception e) {
        return new FileSystemError("replica " + name + ": cannot " + what + " (" + where() + "): " + reason(e), true,
                Map.of("replica", name), null);
    }

    /**
     * One line about what went wrong, from the service's error code or the SDK's first sentence: no request
     * headers, no signature, nothing that could carry a credential.
     */
    static String reason(Exception e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            String code = s3.awsErrorDetails().errorCode();
            return "the service answered " + s3.statusCode() + (code == null ? "" : " " + code)
                    + (s3.statusCode() == 403 ? " (the credentials from the AWS chain are refused or lack access)" : "")
                    + (s3.statusCode() == 404 ? " (no such bucket)" : "");
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unable to load credentials")) {
            return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with"
                    + " ~/.aws/credentials, or run where an instance role applies";
        }
        int end = message.indexOf('\n');
        message = end < 0 ? message : message.substring(0, end);
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
