package org.aupat.archive.replication;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import org.aupat.foundation.hashing.FileHasher;

/**
 * Gives the AWS SDK the SHA-256 AUPAT's own hashing uses (NSS's native one where it loads, see README
 * Performance): the SDK signs each upload's body (over plain HTTP it must) with MessageDigest.getInstance,
 * which would take the JDK's own SHA-256, about ten times slower on the C1-only JIT that bin/aupat runs.
 * Only MessageDigest SHA-256 is offered, so nothing else of the JDK's security changes; without NSS nothing
 * is installed.
 */
final class NativeSha256Provider extends Provider {
    private static final long serialVersionUID = 1L;
    static final String NAME = "AUPAT-SHA256";

    private NativeSha256Provider() {
        super(NAME, "1", "SHA-256 through the native digest of AUPAT's file hasher");
        putService(new Service(this, "MessageDigest", "SHA-256", Digest.class.getName(),
                List.of("SHA256", "2.16.840.1.101.3.4.2.1", "OID.2.16.840.1.101.3.4.2.1"), null) {
            @Override
            public Object newInstance(Object parameter) {
                return new Digest(FileHasher.newDigest());
            }
        });
    }

    /** Puts it first for SHA-256, once, when AUPAT's hasher is the native one. */
    static synchronized void install() {
        if (Security.getProvider(NAME) == null && !"SUN".equals(FileHasher.newDigest().getProvider().getName())) {
            Security.insertProviderAt(new NativeSha256Provider(), 1);
        }
    }

    /** A SHA-256 that hands every call to the native digest. */
    static final class Digest extends MessageDigestSpi implements Cloneable {
        private MessageDigest digest;

        Digest(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        protected void engineUpdate(byte input) {
            digest.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            digest.update(input, offset, len);
        }

        @Override
        protected void engineUpdate(ByteBuffer input) {
            digest.update(input);
        }

        @Override
        protected byte[] engineDigest() {
            return digest.digest();
        }

        @Override
        protected void engineReset() {
            digest.reset();
        }

        @Override
        protected int engineGetDigestLength() {
            return 32;
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            Digest copy = (Digest) super.clone();
            copy.digest = (MessageDigest) digest.clone();
            return copy;
        }
    }
}
