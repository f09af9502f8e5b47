package org.aupat.archive.importing;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Canon/GoPro-style video thumbnail: a small JPEG named like its video with the extension .THM, which
 * holds the EXIF (capture time, camera make and model) the video itself often lacks. The thumbnail is
 * ignored as a file (ignored_ext.json: a derived picture of the archived video) but what it says is
 * read while its video is imported, because only the video is staged; db_organize uses it for the video.
 */
final class VideoThumbnail {
    /** The spellings looked for beside {@code NAME.ext}: NAME.THM, NAME.thm. */
    private static final List<String> EXTENSIONS = List.of("THM", "thm");

    private VideoThumbnail() {
    }

    /** The regular file with the video's name stem and a thumbnail extension in the video's folder, if any. */
    static Optional<Path> beside(Path video) {
        String name = video.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        for (String extension : EXTENSIONS) {
            Path thumbnail = video.resolveSibling(name.substring(0, dot) + "." + extension);
            if (Files.isRegularFile(thumbnail, LinkOption.NOFOLLOW_LINKS) && Files.isReadable(thumbnail)) {
                return Optional.of(thumbnail);
            }
        }
        return Optional.empty();
    }
}
