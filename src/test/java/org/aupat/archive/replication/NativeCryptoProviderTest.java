package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.aupat.foundation.hashing.FileHasher;
import org.junit.jupiter.api.Test;

/**
 * What the SDK asks for as "SHA-256", and TLS as AES-GCM, is AUPAT's native crypto where NSS loads, with the
 * JDK's answers: the same hashes, the same ciphertexts, digests that copy as digests must.
 */
class NativeCryptoProviderTest {
    static final boolean NATIVE = !"SUN".equals(FileHasher.newDigest().getProvider().getName());

    @Test
    void sha256IsTheHashersOwnAndGivesTheStandardValues() throws Exception {
        NativeCryptoProvider.install();
        NativeCryptoProvider.install(); // once only
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(digest.getProvider().getName()).isEqualTo(NATIVE ? NativeCryptoProvider.NAME : "SUN");
        digest.update("ab".getBytes(StandardCharsets.US_ASCII));
        MessageDigest copy = (MessageDigest) digest.clone();
        digest.update((byte) 'c');
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(expected);
        copy.update(java.nio.ByteBuffer.wrap("c".getBytes(StandardCharsets.US_ASCII)));
        assertThat(HexFormat.of().formatHex(copy.digest())).isEqualTo(expected);
        assertThat(MessageDigest.getInstance("SHA256").getDigestLength()).isEqualTo(32);
        digest.update((byte) 'x');
        digest.reset();
        assertThat(HexFormat.of().formatHex(digest.digest("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(expected);
        assertThat(Security.getProvider(NativeCryptoProvider.NAME) != null).isEqualTo(NATIVE);
        assertThat(Security.getProviders("MessageDigest.SHA-256")[0].getName())
                .isEqualTo(NATIVE ? NativeCryptoProvider.NAME : "SUN");
    }

    /** The cipher of every TLS record: NSS's once installed, giving the JDK's ciphertext and tag and taking them back. */
    @Test
    void aesGcmIsNativeAndAgreesWithTheJdksOwn() throws Exception {
        NativeCryptoProvider.install();
        Cipher cipher = Cipher.getInstance(NativeCryptoProvider.GCM);
        assertThat(cipher.getProvider().getName()).isEqualTo(NATIVE ? NativeCryptoProvider.NAME : "SunJCE");
        Provider jdk = Security.getProvider("SunJCE");
        SecretKeySpec key = new SecretKeySpec(HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"), "AES");
        byte[] record = new byte[16 * 1024];
        new java.util.Random(3).nextBytes(record);
        byte[] nonce = HexFormat.of().parseHex("0a0b0c0d0e0f101112131415");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(new byte[] {23, 3, 3});
        byte[] sealed = cipher.doFinal(record);
        Cipher reference = Cipher.getInstance(NativeCryptoProvider.GCM, jdk);
        reference.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        reference.updateAAD(new byte[] {23, 3, 3});
        assertThat(reference.doFinal(sealed)).isEqualTo(record);
    }

    @Test
    void aCipherIsOfferedOnlyWhenItGivesTheJdksAnswer() {
        Provider jdk = Security.getProvider("SunJCE");
        assertThat(NativeCryptoProvider.gcmAgrees(jdk, jdk)).isTrue();
        assertThat(NativeCryptoProvider.gcmAgrees(Security.getProvider("SUN"), jdk)).as("no such cipher").isFalse();
        assertThat(NativeCryptoProvider.gcmAgrees(null, jdk)).isFalse();
        // A "GCM" that is something else (here AES-CTR, which refuses GCM's parameters) is not offered.
        Provider.Service ctr = jdk.getService("Cipher", "AES");
        Provider impostor = new Provider("IMPOSTOR", "1", "not GCM") {
            private static final long serialVersionUID = 1L;
            {
                putService(new Service(this, "Cipher", NativeCryptoProvider.GCM, ctr.getClassName(), null, null) {
                    @Override
                    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                        return ctr.newInstance(parameter);
                    }
                });
            }
        };
        assertThat(NativeCryptoProvider.gcmAgrees(impostor, jdk)).isFalse();
        if (NATIVE) {
            assertThat(NativeCryptoProvider.gcmAgrees(FileHasher.newDigest().getProvider(), jdk)).isTrue();
        }
    }
}
