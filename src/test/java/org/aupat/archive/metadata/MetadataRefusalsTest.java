package org.aupat.archive.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.aupat.foundation.error.ExternalToolError;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the metadata readers do with input a user can hand them and tools that misbehave: a broken or
 * hung ffprobe, a missing exiftool, a file name exiftool cannot be given, placeholder dates, a GPS clock
 * across midnight, and JPEGs that end oddly. The broken tools are small shell scripts standing in for a
 * real tool that fails (a real one cannot be made to hang on demand).
 */
class MetadataRefusalsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path tool(String name, String body) throws Exception {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void anFfprobeThatCannotBeStartedNamesTheCommandAndWhatToDo() {
        VideoProbe probe = new VideoProbe(dir.resolve("no-such-ffprobe").toString(), Duration.ofSeconds(5));
        assertThatThrownBy(() -> probe.probe(dir.resolve("clip.mp4"), "clip.mp4"))
                .isInstanceOf(ExternalToolError.class)
                .hasMessageContaining("ffprobe could not be started as '" + dir.resolve("no-such-ffprobe") + "'")
                .hasMessageContaining("Install ffmpeg or set aupat.ffprobe");
    }

    @Test
    void aHungFfprobeIsStoppedAfterItsTimeoutAsARecoverableErrorNamingTheFile() throws Exception {
        Path clip = new MediaFactory(dir).mp4("clip.mp4", "DJI.AVC");
        VideoProbe probe = new VideoProbe(tool("hung-ffprobe", "exec sleep 30").toString(), Duration.ofSeconds(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> probe.probe(clip, "clip.mp4")).isInstanceOf(ExternalToolError.class)
                .hasMessageContaining("ffprobe did not finish within 1 s and was stopped on " + clip)
                .hasMessageContaining("rerun to retry it")
                .satisfies(e -> assertThat(((ExternalToolError) e).recoverable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void anFfprobeAnsweringWithoutJsonIsARecoverableErrorPerFileInAProbeOfSeveral() throws Exception {
        MediaFactory media = new MediaFactory(dir);
        Path clip = media.mp4("clip.mp4", "DJI.AVC");
        VideoProbe probe = new VideoProbe(tool("chatty-ffprobe", "echo 'this is not json {'").toString(),
                Duration.ofSeconds(10));
        List<VideoProbe.Probed> answers = probe.probeAll(List.of(clip), List.of("clip.mp4"));
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).metadata()).isNull();
        assertThat(answers.get(0).error().getMessage()).contains("ffprobe gave no usable JSON").contains(clip.toString());
    }

    @Test
    void aDurationFfprobeCannotGiveAsANumberIsLeftEmpty() throws Exception {
        VideoProbe probe = new VideoProbe(tool("odd-ffprobe",
                "echo '{\"format\":{\"duration\":\"N/A\",\"tags\":{\"make\":\"GoPro\"}},\"streams\":[]}'").toString(),
                Duration.ofSeconds(10));
        VideoMetadata m = probe.probe(dir.resolve("clip.mp4"), "clip.mp4");
        assertThat(m.durationSeconds()).isNull();
        assertThat(m.make()).isEqualTo("GoPro");
        assertThat(m.codec()).isNull();
    }

    @Test
    void aToolThatFailsItsVersionCheckIsReportedWithItsExitCodeAndTheRemedy() throws Exception {
        Path broken = tool("broken-exiftool", "echo 'Can not locate Image/ExifTool.pm'; exit 2");
        assertThatThrownBy(() -> new ExiftoolPool(broken.toString(), 1, Duration.ofSeconds(5)).checkAvailable())
                .isInstanceOf(ExternalToolError.class)
                .hasMessageContaining("exiftool ('" + broken + "') failed (exit 2): Can not locate Image/ExifTool.pm")
                .hasMessageContaining("apt install libimage-exiftool-perl");
        Path silent = tool("silent-ffprobe", "exit 0");
        assertThatThrownBy(() -> new VideoProbe(silent.toString(), Duration.ofSeconds(5)).checkAvailable())
                .hasMessageContaining("ffprobe ('" + silent + "') failed (exit 0)");
    }

    @Test
    void aMissingExiftoolMakesEveryFileAFailedReadingNamingTheCommand() throws Exception {
        Path photo = new MediaFactory(dir).jpeg("a.jpg");
        try (ExiftoolPool pool = new ExiftoolPool(dir.resolve("no-exiftool").toString(), 1, Duration.ofSeconds(5))) {
            ExifReading reading = pool.read(photo);
            assertThat(reading.failed()).isTrue();
            assertThat(reading.failure().getMessage()).contains("exiftool failed twice on " + photo)
                    .contains(dir.resolve("no-exiftool").toString()).contains("rerun to retry it");
        }
    }

    @Test
    void aFileNameWithALineBreakFailsAloneAndItsNeighboursAreRead() throws Exception {
        MediaFactory media = new MediaFactory(dir);
        Path good = media.photo("good.jpg", "Canon", "EOS 5D");
        Path odd = Files.copy(good, dir.resolve("two\nlines.jpg"));
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30))) {
            List<ExifReading> readings = pool.read(List.of(good, odd));
            assertThat(readings.get(0).failed()).isFalse();
            assertThat(readings.get(0).metadata().make()).isEqualTo("Canon");
            assertThat(readings.get(1).failed()).isTrue();
            assertThat(readings.get(1).failure().getMessage()).contains("File name contains a line break")
                    .contains("two\\nlines.jpg").contains("Rename the file");
        }
    }

    @Test
    void placeholderAndMalformedDatesAreSkippedForTheNextTagThatHoldsARealDate() throws Exception {
        JsonNode object = JSON.readTree("{\"DateTimeOriginal\":\"0000:00:00 00:00:00\","
                + "\"CreationDate\":\"not a date\",\"CreateDate\":\"1970:01:01 00:00:00\","
                + "\"DateTimeCreated\":\"2019:06:01 10:20:30\"}");
        CaptureTime capture = ExifJson.capture(object);
        assertThat(capture.local()).isEqualTo(LocalDateTime.of(2019, 6, 1, 10, 20, 30));
        assertThat(capture.localTag()).isEqualTo("DateTimeCreated");
        assertThat(capture.offset()).isNull();
        assertThat(ExifJson.capture(JSON.readTree("{\"DateTimeOriginal\":\"1904:01:01 00:00:00\"}")))
                .isEqualTo(CaptureTime.NONE);
    }

    @Test
    void aGpsClockWithoutDateIsMatchedAcrossMidnightInBothDirections() {
        LocalDateTime justAfterMidnight = LocalDateTime.of(2020, 5, 2, 1, 30);
        assertThat(ExifJson.gpsOffset(gps("23:30:00", null), justAfterMidnight)).isEqualTo(ZoneOffset.ofHours(2));
        LocalDateTime lateEvening = LocalDateTime.of(2020, 5, 1, 23, 0);
        assertThat(ExifJson.gpsOffset(gps("03:00:00", null), lateEvening)).isEqualTo(ZoneOffset.ofHours(-4));
        // A date stamp that is no date is ignored: the time of day alone still gives the offset.
        assertThat(ExifJson.gpsOffset(gps("23:30:00", "2020:13:45"), justAfterMidnight)).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(ExifJson.gpsOffset(gps("25:61:00", null), justAfterMidnight)).as("no time of day").isNull();
    }

    @Test
    void gpsCoordinatesThatAreNoNumberAreLeftEmpty() throws Exception {
        ExifMetadata m = ExifJson.parse(JSON.readTree("{\"Make\":\"Canon\",\"GPSLatitude\":\"north-ish\","
                + "\"GPSLongitude\":\"-73.75\"}"));
        assertThat(m.make()).isEqualTo("Canon");
        assertThat(m.latitude()).isNull();
        assertThat(m.longitude()).isEqualTo(-73.75);
    }

    @Test
    void aJpegWithALongTrailerAfterItsEndIsWholeAndOneCutInsideAHeaderIsNot() throws Exception {
        Path photo = new MediaFactory(dir).photo("whole.jpg", "Canon", "EOS 5D");
        Path trailer = dir.resolve("trailer.jpg");
        byte[] bytes = Files.readAllBytes(photo);
        byte[] withTrailer = new byte[bytes.length + 200];
        System.arraycopy(bytes, 0, withTrailer, 0, bytes.length);
        Files.write(trailer, withTrailer);
        assertThat(JpegEnd.truncated(trailer)).as("a phone's trailer after the end-of-image marker").isFalse();
        assertThat(JpegEnd.truncated(photo)).isFalse();

        assertThat(JpegEnd.truncated(bytes("cut-in-length.jpg", 0xFF, 0xD8, 0xFF, 0xE1, 0x00))).isTrue();
        assertThat(JpegEnd.truncated(bytes("cut-after-marker.jpg", 0xFF, 0xD8, 0xFF, 0xFF, 0xFF))).isTrue();
        assertThat(JpegEnd.truncated(bytes("bad-length.jpg", 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0x00))).isTrue();
        assertThat(JpegEnd.truncated(bytes("no-marker.jpg", 0xFF, 0xD8, 0x12, 0x34, 0x56))).isTrue();
        assertThat(JpegEnd.truncated(bytes("not-a-jpeg.png", 0x89, 0x50, 0x4E, 0x47, 0x0D))).isFalse();
        assertThat(JpegEnd.truncated(dir.resolve("missing.jpg"))).as("exiftool reports a missing file").isFalse();
    }

    private Path bytes(String name, int... values) throws Exception {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return Files.write(dir.resolve(name), bytes);
    }

    private static JsonNode gps(String time, String date) {
        var node = JSON.createObjectNode().put("GPSTimeStamp", time);
        if (date != null) {
            node.put("GPSDateStamp", date);
        }
        return node;
    }
}
