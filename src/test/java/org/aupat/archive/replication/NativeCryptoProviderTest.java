package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.aupat.foundation.hashing.FileHasher;
import org.junit.jupiter.api.Test;

/** What the SDK asks for as "SHA-256" is AUPAT's own digest, with the same bytes, and copies as a digest must. */
class NativeSha256ProviderTest {
    @Test
    void sha256IsTheHashersOwnAndGivesTheStandardValues() throws Exception {
        NativeSha256Provider.install();
        NativeSha256Provider.install(); // once only
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        String expected = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        boolean nativeDigest = !"SUN".equals(FileHasher.newDigest().getProvider().getName());
        assertThat(digest.getProvider().getName()).isEqualTo(nativeDigest ? NativeSha256Provider.NAME : "SUN");
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
    }
}
