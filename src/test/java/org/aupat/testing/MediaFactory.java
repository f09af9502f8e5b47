package org.aupat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Real media files for tests: tiny JPEGs, MP4s and MOVs made by ffmpeg, tagged by exiftool exactly as
 * cameras tag them, plus broken files (empty, truncated, random bytes). Every file goes into one folder.
 */
public final class MediaFactory {
    private final Path folder;

    public MediaFactory(Path folder) {
        this.folder = folder;
    }

    /** A 16x16 JPEG without metadata (each call with another name gives different bytes). */
    public Path jpeg(String name) {
        Path file = folder.resolve(name);
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=0x" + colour(name) + ":s=16x16",
                "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg", file.toString());
        return file;
    }

    /** A JPEG with EXIF Make and Model, as a camera writes them. */
    public Path photo(String name, String make, String model) {
        return tag(jpeg(name), "-Make=" + make, "-Model=" + model);
    }

    /**
     * A JPEG with make, model, capture time with offset (e.g. "2023:05:01 10:00:00", "-04:00") and GPS
     * (signed decimal degrees; south and west negative).
     */
    public Path photo(String name, String make, String model, String dateTimeOriginal, String offset,
                      double latitude, double longitude) {
        return tag(photo(name, make, model), "-DateTimeOriginal=" + dateTimeOriginal, "-OffsetTimeOriginal=" + offset,
                "-GPSLatitude=" + Math.abs(latitude), "-GPSLatitudeRef=" + (latitude < 0 ? "S" : "N"),
                "-GPSLongitude=" + Math.abs(longitude), "-GPSLongitudeRef=" + (longitude < 0 ? "W" : "E"));
    }

    /**
     * {@code count} copies of one JPEG named {@code <prefix><i>.jpg}, each with Make {@code make} and Model
     * {@code "Model <i>"}, tagged by a single exiftool run (fast enough for hundreds).
     */
    public List<Path> photos(String prefix, int count, String make) {
        try {
            Path original = jpeg(prefix + "-original.jpg");
            List<Path> files = new ArrayList<>();
            StringBuilder args = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Path file = Files.copy(original, folder.resolve(prefix + i + ".jpg"));
                files.add(file);
                args.append("-overwrite_original\n-Make=").append(make).append("\n-Model=Model ").append(i)
                        .append('\n').append(file).append("\n-execute\n");
            }
            Path argFile = Files.writeString(folder.resolve(prefix + "-exiftool-args.txt"), args);
            run("exiftool", "-q", "-@", argFile.toString());
            Files.delete(argFile);
            Files.delete(original);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes tags with exiftool (arguments as on its command line, e.g. "-Model=FC3170"). */
    public Path tag(Path file, String... exiftoolArgs) {
        List<String> command = new ArrayList<>(List.of("exiftool", "-q", "-overwrite_original"));
        command.addAll(Arrays.asList(exiftoolArgs));
        command.add(file.toString());
        run(command.toArray(String[]::new));
        return file;
    }

    /** A half-second H.264 MP4; handlerName (e.g. "DJI.AVC", as DJI drones write) may be null. */
    public Path mp4(String name, String handlerName) {
        Path file = folder.resolve(name);
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=s=32x32:d=0.5:r=10", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                "-metadata", "creation_time=2023-05-01T14:00:00Z", "-metadata", "comment=" + name));
        if (handlerName != null) {
            command.addAll(List.of("-metadata:s:v:0", "handler_name=" + handlerName));
        }
        command.addAll(List.of("-f", "mp4", file.toString()));
        run(command.toArray(String[]::new));
        return file;
    }

    /** An iPhone-style MOV: QuickTime Keys make/model and creation date with zone, as iPhones write them. */
    public Path iphoneMov(String name, String model) {
        Path file = folder.resolve(name);
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=s=32x32:d=0.5:r=10", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-metadata", "comment=" + name, "-f", "mov", file.toString());
        return tag(file, "-Keys:Make=Apple", "-Keys:Model=" + model, "-Keys:CreationDate=2023:05:01 10:00:00-04:00");
    }

    /** An empty file. */
    public Path zeroBytes(String name) {
        return write(name, new byte[0]);
    }

    /** The first 300 bytes of a tagged JPEG: a copy cut short. */
    public Path truncatedJpeg(String name) {
        try {
            byte[] whole = Files.readAllBytes(photo("whole-" + name, "Canon", "Canon EOS 5D Mark IV"));
            return write(name, Arrays.copyOf(whole, Math.min(300, whole.length)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random bytes under a media name (e.g. junk.jpg), from a fixed seed so runs repeat. */
    public Path randomBytes(String name, int size) {
        byte[] bytes = new byte[size];
        new Random(name.hashCode()).nextBytes(bytes);
        return write(name, bytes);
    }

    /** A text file with the given content. */
    public Path text(String name, String content) {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(folder.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String colour(String name) {
        return String.format("%06x", name.hashCode() & 0xffffff);
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Test media command failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Test media needs ffmpeg and exiftool on PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Canon JPEG with DateTimeOriginal 2019:04:05 06:07:08, cut in half as by a card pulled out while the
     * camera wrote it: big enough (320x240) that the cut falls inside the image data, so exiftool still
     * reads its tags and only the missing end marker tells.
     */
    public Path jpegCutInHalf(String name) {
        Path file = folder.resolve(name);
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=s=320x240", "-frames:v", "1", "-f", "image2",
                "-c:v", "mjpeg", file.toString());
        tag(file, "-Make=Canon", "-Model=Canon EOS 5D", "-DateTimeOriginal=2019:04:05 06:07:08");
        try {
            byte[] whole = Files.readAllBytes(file);
            return write(name, Arrays.copyOf(whole, whole.length / 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A half-second MJPEG AVI without any metadata (as older Canon compacts write them, with the EXIF in a .THM). */
    public Path avi(String name) {
        Path file = folder.resolve(name);
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=s=32x32:d=0.5:r=10", "-c:v", "mjpeg",
                "-fflags", "+bitexact", "-f", "avi", file.toString());
        return file;
    }
}
