package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Whole TLS records out of the HTTP client's small writes, and a socket that is the wrapped one in all else. */
class BufferedTlsSocketFactoryTest {
    /** Records every write it is given, and the bytes. */
    static final class Writes extends OutputStream {
        final List<Integer> sizes = new ArrayList<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int flushes;

        @Override
        public void write(int b) {
            sizes.add(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sizes.add(len);
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }

    @Test
    void smallWritesGoOnInWholeRecordsAndTheRestAtTheFlush() throws Exception {
        Writes socket = new Writes();
        OutputStream out = new BufferedTlsSocketFactory.RecordOutputStream(socket);
        byte[] body = new byte[5 * 8192 + 100];
        new Random(1).nextBytes(body);
        out.write(body, 0, 3); // a request head, then the body in the client's 8 KB writes
        out.flush();
        assertThat(socket.sizes).containsExactly(3);
        assertThat(socket.flushes).isEqualTo(1);
        for (int at = 3; at < body.length; at += 8192) {
            out.write(body, at, Math.min(8192, body.length - at));
        }
        out.write(7);
        assertThat(socket.sizes.subList(1, socket.sizes.size())).containsOnly(BufferedTlsSocketFactory.RECORD);
        out.flush();
        int total = body.length + 1;
        assertThat(socket.sizes.subList(1, socket.sizes.size())).hasSize((total - 3) / BufferedTlsSocketFactory.RECORD + 1);
        byte[] sent = socket.bytes.toByteArray();
        assertThat(sent).hasSize(total);
        assertThat(java.util.Arrays.copyOf(sent, body.length)).isEqualTo(body);
        assertThat(sent[body.length]).isEqualTo((byte) 7);
        assertThat(BufferedTlsSocketFactory.RECORD).isLessThan(16384 - 17); // TLS 1.3's plaintext per record
    }

    @Test
    void everySettingAndStateIsTheWrappedSockets() throws Exception {
        SSLSocket wrapped = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket();
        SSLSocket socket = new BufferedTlsSocketFactory.BufferedSslSocket(wrapped);
        socket.setSoTimeout(1234);
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        socket.setSoLinger(true, 5);
        socket.setReuseAddress(true);
        socket.setTrafficClass(0x10);
        socket.setSendBufferSize(65536);
        socket.setReceiveBufferSize(65536);
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        socket.setEnabledCipherSuites(new String[] {"TLS_AES_128_GCM_SHA256"});
        socket.setUseClientMode(true);
        socket.setWantClientAuth(true);
        socket.setNeedClientAuth(false);
        socket.setEnableSessionCreation(false);
        assertThat(wrapped.getSoTimeout()).isEqualTo(1234);
        assertThat(wrapped.getTcpNoDelay()).isTrue();
        assertThat(wrapped.getSoLinger()).isEqualTo(5);
        assertThat(wrapped.getEnabledProtocols()).containsExactly("TLSv1.3");
        assertThat(wrapped.getEnabledCipherSuites()).containsExactly("TLS_AES_128_GCM_SHA256");
        assertThat(wrapped.getEnableSessionCreation()).isFalse();
        // Each getter answers what the wrapped socket answers.
        int compared = 0;
        for (Method getter : BufferedTlsSocketFactory.BufferedSslSocket.class.getDeclaredMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() == 0 && (name.startsWith("get") || name.startsWith("is"))
                    && !List.of("getOutputStream", "getInputStream", "getSession", "getSSLParameters", "getOOBInline").contains(name)) {
                Object mine = getter.invoke(socket);
                Object theirs = SSLSocket.class.getMethod(name).invoke(wrapped);
                assertThat(mine instanceof Object[] a ? List.of(a) : mine).as(name)
                        .isEqualTo(theirs instanceof Object[] b ? List.of(b) : theirs);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
        socket.setSSLParameters(wrapped.getSSLParameters());
        assertThat(socket.getSSLParameters().getProtocols()).containsExactly("TLSv1.3");
        assertThat(socket.toString()).isEqualTo(wrapped.toString());
        socket.close();
        assertThat(wrapped.isClosed()).isTrue();
        assertThat(Objects.requireNonNull(socket.getSession()).getCipherSuite()).isNotNull();
    }
}
