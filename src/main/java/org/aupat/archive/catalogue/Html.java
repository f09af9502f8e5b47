package org.aupat.archive.catalogue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The catalogue's one escaping rule: every text that comes from a file, a camera or a user (names, EXIF
 * fields, URLs) passes through {@link #escape} before it is written into a page, as element text or as an
 * attribute value. Data the page's script shows goes through {@link #scriptData}, and the script puts it in
 * the page as text only (textContent), never as markup.
 */
public final class Html {
    private Html() {
    }

    /** {@code text} as HTML text or a quoted attribute value: {@code & < > " '} become entities; null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON written inside a {@code <script type="application/json">} element: {@code <}, {@code >} and {@code &}
     * become JSON escapes, so no value can end the element or start markup; the parsed values are unchanged.
     */
    static String scriptData(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A relative link from a page in {@code fromFolder} to {@code target}, each path segment percent-encoded,
     * so that it works from {@code file://} whatever the names hold ({@code #}, {@code ?}, spaces, non-ASCII).
     */
    static String link(Path fromFolder, Path target) {
        Path relative = fromFolder.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        StringBuilder out = new StringBuilder();
        for (Path segment : relative) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(encodeSegment(segment.toString()));
        }
        return out.toString();
    }

    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** Whether a recorded URL may become a link: http or https only (never javascript: or data:). */
    static boolean linkable(String url) {
        try {
            String scheme = URI.create(url.trim()).getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
