package org.aupat.archive.metadata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a JPEG stops before its end-of-image marker: the usual damage of a card pulled out mid-write,
 * which exiftool does not report (it stops reading at the image data). The last bytes are checked first,
 * so a whole JPEG costs one small read; only a file that does not end on the marker (truncated, or with
 * a trailer such as a motion photo's video) is walked segment by segment.
 */
final class JpegEnd {
    private static final int TAIL = 64;

    private JpegEnd() {
    }

    /** True when the file starts as a JPEG and its image data ends without an end-of-image marker. */
    static boolean truncated(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length < 4 || in.readUnsignedShort() != 0xFFD8) {
                return false;
            }
            byte[] tail = new byte[(int) Math.min(TAIL, length)];
            in.seek(length - tail.length);
            in.readFully(tail);
            for (int i = tail.length - 2; i >= 0; i--) {
                if ((tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false; // unreadable files are exiftool's to report
        }
        return !reachesEnd(file);
    }

    /** Walks the segments and the entropy-coded data to the end-of-image marker. */
    private static boolean reachesEnd(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(2);
            boolean inScan = false;
            int b;
            while ((b = in.read()) >= 0) {
                if (b != 0xFF) {
                    if (!inScan) {
                        return false; // no marker where a marker must be: not a JPEG we can follow
                    }
                    continue;
                }
                int marker = in.read();
                while (marker == 0xFF) {
                    marker = in.read();
                }
                if (marker < 0) {
                    return false;
                }
                if (marker == 0xD9) {
                    return true;
                }
                if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                    continue; // stuffed byte or restart marker inside the image data
                }
                int high = in.read();
                int low = in.read();
                if (high < 0 || low < 0) {
                    return false;
                }
                int length = (high << 8 | low) - 2;
                if (length < 0) {
                    return false;
                }
                in.skipNBytes(length);
                inScan = marker == 0xDA;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
