package org.aupat.archive.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * file_types.json and ignored_ext.json: which extensions are images and videos (lowercase, no dot),
 * which videos ffprobe has no reader for (optional), and which files are never imported.
 */
public record FileTypeRules(Set<String> imageExtensions, Set<String> videoExtensions, Set<String> videosFfprobeCannotRead,
                            List<Ignored> ignored) {
    private static final Pattern CONDITION = Pattern.compile("if '([^']+)' in filename");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");

    /**
     * One ignored_ext.json entry: a whole file name (Thumbs.db), an extension with its dot (.thm), or a
     * name pattern where {@code *} stands for any characters ({@code *~}, {@code ._*}); ignored always or
     * only when the file name contains {@code nameMustContain}. Case never matters.
     */
    public record Ignored(String entry, String nameMustContain, String reason) {
        /** Whether this entry names the file; {@code lowerName} is the file name in lowercase. */
        public boolean matches(String lowerName) {
            String pattern = entry.toLowerCase(Locale.ROOT);
            if (pattern.contains("*")) {
                return glob(pattern, lowerName);
            }
            return lowerName.equals(pattern) || (pattern.startsWith(".") && lowerName.endsWith(pattern));
        }

        /** {@code *} matches any run of characters (none included); everything else matches itself. */
        private static boolean glob(String pattern, String name) {
            String[] parts = pattern.split("\\*", -1);
            if (!name.startsWith(parts[0])) {
                return false;
            }
            int at = parts[0].length();
            for (int i = 1; i < parts.length - 1; i++) {
                int found = name.indexOf(parts[i], at);
                if (found < 0) {
                    return false;
                }
                at = found + parts[i].length();
            }
            String last = parts[parts.length - 1];
            return name.length() - at >= last.length() && name.endsWith(last);
        }
    }

    /**
     * Whether {@code fileName} is a video in a format ffmpeg has no reader for (RED, BRAW): ffprobe's failure
     * on it is no sign of damage. Judged by the extension after the last dot, case ignored.
     */
    public boolean ffprobeCannotRead(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && videosFfprobeCannotRead.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static FileTypeRules from(RuleFile fileTypes, RuleFile ignoredExt) {
        Set<String> images = extensions(fileTypes, "image_extensions");
        Set<String> videos = extensions(fileTypes, "video_extensions");
        for (String ext : images) {
            if (videos.contains(ext)) {
                throw fileTypes.wrong("video_extensions", "'" + ext + "' is also in image_extensions; keep it in one list");
            }
        }
        List<Ignored> ignored = new java.util.ArrayList<>();
        ignoredExt.object("extensions").fields().forEachRemaining(e -> {
            String field = "extensions." + e.getKey();
            String condition = ignoredExt.text(e.getValue().path("condition"), field + ".condition");
            String reason = e.getValue().path("reason").asText("");
            if (condition.equalsIgnoreCase("always")) {
                ignored.add(new Ignored(e.getKey(), null, reason));
            } else {
                Matcher m = CONDITION.matcher(condition);
                if (!m.matches()) {
                    throw ignoredExt.wrong(field + ".condition", "must be 'always' or \"if 'TEXT' in filename\", found '"
                            + condition + "'");
                }
                ignored.add(new Ignored(e.getKey(), m.group(1), reason));
            }
        });
        Set<String> unprobed = fileTypes.root().path("videos_ffprobe_cannot_read").isMissingNode() ? Set.of()
                : extensions(fileTypes, "videos_ffprobe_cannot_read");
        if (!videos.containsAll(unprobed)) {
            throw fileTypes.wrong("videos_ffprobe_cannot_read", "lists an extension that is not in video_extensions");
        }
        return new FileTypeRules(images, videos, unprobed, List.copyOf(ignored));
    }

    private static Set<String> extensions(RuleFile file, String field) {
        Set<String> out = new HashSet<>();
        for (String ext : file.strings(field)) {
            String lower = ext.toLowerCase(Locale.ROOT);
            if (!EXTENSION.matcher(lower).matches()) {
                throw file.wrong(field, "'" + ext + "' is not an extension: use letters and digits only, no dot");
            }
            out.add(lower);
        }
        return Set.copyOf(out);
    }
}
