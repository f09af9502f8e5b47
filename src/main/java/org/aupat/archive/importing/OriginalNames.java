package org.aupat.archive.importing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How an original file or folder name is recorded (the database's original name and folder, the master
 * JSON, the import's report): as its UTF-8 text, except that a byte that is not part of valid UTF-8 is
 * written {@code \xHH} and a backslash is written {@code \\}. So every name on disk, whatever its bytes
 * and whatever the JVM's locale, is kept as one text that {@link #bytes} maps back to the exact bytes;
 * never a U+FFFD replacement character.
 */
final class OriginalNames {
    private OriginalNames() {
    }

    /** The recorded text of a path (each of its names; absolute paths start with /). */
    static String text(Path path) {
        String plain = path.toString();
        if (isAscii(plain)) {
            return plain.replace("\\", "\\\\");
        }
        // Not ASCII: the String may have lost bytes (invalid UTF-8, or a JVM under the C locale), the Path has not.
        StringBuilder text = new StringBuilder(path.isAbsolute() ? "/" : "");
        for (int i = 0; i < path.getNameCount(); i++) {
            text.append(i == 0 ? "" : "/").append(escape(rawBytes(path.getName(i))));
        }
        return text.toString();
    }

    /** The bytes a recorded text stands for (the inverse of {@link #text}). */
    static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == 'x')) {
                out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
                run.setLength(0);
                if (text.charAt(i + 1) == '\\') {
                    out.write('\\');
                    i++;
                } else {
                    out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                    i += 3;
                }
            } else {
                run.append(c);
            }
        }
        out.writeBytes(run.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Valid UTF-8 as text, each other byte as \xHH, a backslash doubled. */
    static String escape(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder text = new StringBuilder(bytes.length + 8);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        while (true) {
            CoderResult result = utf8.decode(in, out, true);
            text.append(out.flip().toString().replace("\\", "\\\\"));
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x%02X", in.get() & 0xff));
                }
            } else if (result.isUnderflow()) {
                return text.toString();
            }
        }
    }

    /** One name's bytes as they are on disk: the URI of a Path is built from its bytes, not its String. */
    private static byte[] rawBytes(Path name) {
        String uri = Path.of("/").resolve(name).toUri().getRawPath();
        int end = uri.endsWith("/") && uri.length() > 1 ? uri.length() - 1 : uri.length();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 1; i < end; i++) {
            char c = uri.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(uri.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
