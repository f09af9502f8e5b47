package org.aupat.archive.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.aupat.foundation.error.ExternalToolError;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real exiftool on real tagged files; a stand-in script only where exiftool must hang or crash. */
class ExiftoolPoolTest {
    @TempDir
    Path dir;

    @Test
    void aPhotoGivesMakeModelUtcTimeAndSignedGps() {
        Path photo = new MediaFactory(dir).photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV",
                "2023:05:01 10:00:00", "-04:00", -42.5, -73.25);
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30))) {
            ExifReading reading = pool.read(photo);
            assertThat(reading.failed()).isFalse();
            ExifMetadata m = reading.metadata();
            assertThat(m.make()).isEqualTo("Canon");
            assertThat(m.model()).isEqualTo("Canon EOS 5D Mark IV");
            assertThat(m.capturedAt()).isEqualTo(Instant.parse("2023-05-01T14:00:00Z"));
            assertThat(m.capturedLocal()).isEqualTo(LocalDateTime.parse("2023-05-01T10:00:00"));
            assertThat(m.latitude()).isEqualTo(-42.5);
            assertThat(m.longitude()).isEqualTo(-73.25);
            assertThat(m.rawJson()).contains("\"Make\":\"Canon\"").contains("\"SourceFile\"");
            assertThat(m.fileError()).isNull();
        }
    }

    @Test
    void filesReadAheadAreAnsweredFromThatReadAndOnlyWhenReadAheadIsOn() throws Exception {
        MediaFactory media = new MediaFactory(dir);
        Path canon = media.photo("A.JPG", "Canon", "Canon EOS R5");
        Path sony = media.photo("B.JPG", "SONY", "ILCE-7M3");
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 2, Duration.ofSeconds(30))) {
            pool.readAhead(List.of(canon, sony));
            assertThat(pool.running()).as("off by default: nothing read ahead").isZero();
            pool.enableReadAhead();
            pool.readAhead(List.of(canon, sony));
            List<ExifReading> early = pool.read(List.of(sony, canon));
            assertThat(early).extracting(r -> r.metadata().model()).containsExactly("ILCE-7M3", "Canon EOS R5");
            // The answer was taken: the file's bytes change, a second read sees the change.
            media.tag(sony, "-Model=ILCE-7RM4");
            assertThat(pool.read(sony).metadata().model()).isEqualTo("ILCE-7RM4");
        }
    }

    @Test
    void aPhotoWithoutOffsetHasALocalTimeButNoUtcGuess() {
        MediaFactory media = new MediaFactory(dir);
        Path photo = media.tag(media.photo("DSC_0001.JPG", "NIKON CORPORATION", "NIKON D850"),
                "-DateTimeOriginal=2020:01:02 03:04:05");
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30))) {
            ExifMetadata m = pool.read(photo).metadata();
            assertThat(m.capturedLocal()).isEqualTo(LocalDateTime.parse("2020-01-02T03:04:05"));
            assertThat(m.capturedAt()).isNull();
            assertThat(m.latitude()).isNull();
        }
    }

    @Test
    void anIPhoneMovGivesQuickTimeKeysMakeAndZonedTime() {
        Path mov = new MediaFactory(dir).iphoneMov("IMG_0001.MOV", "iPhone 13 Pro");
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30))) {
            ExifMetadata m = pool.read(mov).metadata();
            assertThat(m.make()).isEqualTo("Apple");
            assertThat(m.model()).isEqualTo("iPhone 13 Pro");
            assertThat(m.capturedAt()).isEqualTo(Instant.parse("2023-05-01T14:00:00Z"));
        }
    }

    @Test
    void aQuickTimeCreateDateWithoutZoneIsUtc() {
        Path mp4 = new MediaFactory(dir).mp4("DJI_0001.MP4", "DJI.AVC");
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30))) {
            assertThat(pool.read(mp4).metadata().capturedAt()).isEqualTo(Instant.parse("2023-05-01T14:00:00Z"));
        }
    }

    @Test
    void manyFilesGoThroughFewLongLivedProcessesInOrder() {
        List<Path> files = new MediaFactory(dir).photos("P", ExiftoolPool.BATCH_SIZE * 2 + 3, "Canon");
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 2, Duration.ofSeconds(60))) {
            List<ExifReading> readings = pool.read(files);
            assertThat(readings).extracting(ExifReading::file).containsExactlyElementsOf(files);
            for (int i = 0; i < files.size(); i++) {
                assertThat(readings.get(i).metadata().model()).isEqualTo("Model " + i);
            }
            assertThat(pool.running()).isBetween(1, 2);
        }
    }

    @Test
    void brokenFilesAreReadAsFilesWithoutMetadataAndAMissingFileFailsAlone() {
        MediaFactory media = new MediaFactory(dir);
        Path good = media.photo("good.jpg", "GoPro", "HERO9 Black");
        Path empty = media.zeroBytes("empty.jpg");
        Path truncated = media.truncatedJpeg("cut.jpg");
        Path random = media.randomBytes("junk.jpg", 2048);
        Path missing = dir.resolve("missing.jpg");
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30))) {
            List<ExifReading> r = pool.read(List.of(good, empty, truncated, random, missing));
            assertThat(r.get(0).metadata().model()).isEqualTo("HERO9 Black");
            assertThat(r.get(1).metadata().fileError()).isEqualTo("File is empty");
            assertThat(r.get(2).failed()).isFalse();
            assertThat(r.get(3).metadata().fileError()).isEqualTo("File format error");
            assertThat(r.get(3).metadata().make()).isNull();
            assertThat(r.get(4).failed()).isTrue();
            assertThat(r.get(4).failure().recoverable()).isTrue();
            assertThat(r.get(4).failure().getMessage()).contains("missing.jpg");
        }
    }

    @Test
    void aHungExiftoolIsKilledAndTheFileRetriedOnceWithAFreshProcess() throws Exception {
        Path photo = new MediaFactory(dir).photo("a.jpg", "DJI", "FC3170");
        // Stand-in: the first exiftool started hangs forever; later ones are the real exiftool.
        Path marker = dir.resolve("first-start-happened");
        Path fake = script("flaky-exiftool", "if [ ! -e '" + marker + "' ]; then touch '" + marker + "'; exec sleep 600; fi\n"
                + "exec exiftool \"$@\"");
        try (ExiftoolPool pool = new ExiftoolPool(fake.toString(), 1, Duration.ofMillis(500))) {
            ExifReading reading = pool.read(photo);
            assertThat(reading.failed()).isFalse();
            assertThat(reading.metadata().model()).isEqualTo("FC3170");
            assertThat(pool.running()).isEqualTo(1);
        }
    }

    @Test
    void anExiftoolThatKeepsCrashingGivesARecoverableErrorPerFile() throws Exception {
        MediaFactory media = new MediaFactory(dir);
        List<Path> files = List.of(media.photo("a.jpg", "Canon", "EOS R5"), media.photo("b.jpg", "Canon", "EOS R6"));
        Path fake = script("crashing-exiftool", "exit 3");
        try (ExiftoolPool pool = new ExiftoolPool(fake.toString(), 1, Duration.ofSeconds(5))) {
            List<ExifReading> readings = pool.read(files);
            assertThat(readings).allSatisfy(r -> {
                assertThat(r.failed()).isTrue();
                assertThat(r.failure().recoverable()).isTrue();
                assertThat(r.failure().getMessage()).contains("failed twice").contains(r.file().toString());
            });
        }
    }

    @Test
    void aMissingExiftoolIsReportedUpFront() {
        ExiftoolPool pool = new ExiftoolPool(dir.resolve("no-such-exiftool").toString(), 1, Duration.ofSeconds(5));
        assertThatThrownBy(pool::checkAvailable).isInstanceOf(ExternalToolError.class)
                .hasMessageContaining("exiftool").hasMessageContaining("no-such-exiftool").hasMessageContaining("install");
        assertThat(new ExiftoolPool("exiftool", 1, Duration.ofSeconds(5)).checkAvailable()).matches("\\d+\\.\\d+");
    }

    @Test
    void aClosedPoolStopsItsProcessesAndRefusesWork() {
        Path photo = new MediaFactory(dir).photo("a.jpg", "Canon", "EOS R5");
        ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30));
        pool.read(photo);
        assertThat(pool.running()).isEqualTo(1);
        pool.close();
        assertThat(pool.running()).isZero();
        assertThatThrownBy(() -> pool.read(photo)).isInstanceOf(ExternalToolError.class).hasMessageContaining("closed");
    }

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
