package org.aupat.archive.replication;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.aupat.foundation.hashing.FileHasher;

/**
 * Gives the AWS SDK and TLS the native crypto of AUPAT's file hasher (NSS, where it loads, see README
 * Performance), which runs at full speed on the C1-only JIT that bin/aupat uses, where the JDK's own runs
 * about ten times slower:
 * <ul>
 * <li>MessageDigest SHA-256, which the SDK asks for to sign each request (and each body over plain HTTP);</li>
 * <li>Cipher AES/GCM/NoPadding, which TLS uses to encrypt every byte sent to an HTTPS endpoint: on C1 the
 * JDK's AES-GCM took three quarters of a replicate's CPU, more than the upload itself.</li>
 * </ul>
 * Only these two are offered, so nothing else of the JDK's security changes; the cipher only once it gives
 * the JDK's answer for a known key, nonce and data; without NSS nothing is installed.
 */
final class NativeCryptoProvider extends Provider {
    private static final long serialVersionUID = 1L;
    static final String NAME = "AUPAT-NATIVE";
    static final String GCM = "AES/GCM/NoPadding";

    private NativeCryptoProvider(Provider nss, boolean gcm) {
        super(NAME, "1", "SHA-256 and AES-GCM through the native crypto of AUPAT's file hasher");
        putService(new Service(this, "MessageDigest", "SHA-256", Digest.class.getName(),
                List.of("SHA256", "2.16.840.1.101.3.4.2.1", "OID.2.16.840.1.101.3.4.2.1"), null) {
            @Override
            public Object newInstance(Object parameter) {
                return new Digest(FileHasher.newDigest());
            }
        });
        if (gcm) {
            Provider.Service nssGcm = nss.getService("Cipher", GCM);
            putService(new Service(this, "Cipher", GCM, nssGcm.getClassName(), null, null) {
                @Override
                public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                    return nssGcm.newInstance(parameter);
                }
            });
        }
    }

    /** Puts it first for SHA-256 (and AES-GCM where NSS's proves right), once, when AUPAT's hasher is the native one. */
    static synchronized void install() {
        Provider hashing = FileHasher.newDigest().getProvider();
        if (Security.getProvider(NAME) == null && !"SUN".equals(hashing.getName())) {
            Security.insertProviderAt(new NativeCryptoProvider(hashing, gcmAgrees(hashing, Security.getProvider("SunJCE"))), 1);
        }
    }

    /**
     * Whether {@code candidate}'s AES-GCM gives {@code reference}'s ciphertext and tag for one fixed key, nonce,
     * associated data and text, and decrypts it back (a TLS record is exactly that).
     */
    static boolean gcmAgrees(Provider candidate, Provider reference) {
        if (candidate == null || reference == null || candidate.getService("Cipher", GCM) == null) {
            return false;
        }
        try {
            SecretKeySpec key = new SecretKeySpec(sequence(32, 1), "AES");
            byte[] aad = sequence(13, 7);
            byte[] text = sequence(1000, 3);
            byte[] expected = gcm(reference, Cipher.ENCRYPT_MODE, key, aad, text);
            byte[] actual = gcm(candidate, Cipher.ENCRYPT_MODE, key, aad, text);
            return Arrays.equals(expected, actual) && Arrays.equals(text, gcm(candidate, Cipher.DECRYPT_MODE, key, aad, expected));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] gcm(Provider provider, int mode, SecretKeySpec key, byte[] aad, byte[] input)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(GCM, provider);
        cipher.init(mode, key, new GCMParameterSpec(128, sequence(12, 5)));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    private static byte[] sequence(int length, int step) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * step);
        }
        return bytes;
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
