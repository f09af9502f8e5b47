package org.aupat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.hardware.HardwareClassifier;
import org.aupat.archive.media.Classification;
import org.aupat.archive.media.MediaClassifier;
import org.aupat.archive.metadata.ExifMetadata;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.metadata.VideoMetadata;
import org.aupat.archive.metadata.VideoProbe;
import org.aupat.archive.rules.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample card (samples/card) goes through classification, metadata and hardware as intended. */
class SampleCardTest {
    @TempDir
    Path noOverrides;

    @Test
    void everySampleLandsInItsCategory() throws Exception {
        Rules rules = Rules.from(noOverrides);
        MediaClassifier classifier = new MediaClassifier(rules);
        HardwareClassifier hardware = new HardwareClassifier(rules);
        VideoProbe probe = new VideoProbe("ffprobe", Duration.ofSeconds(30));
        Map<String, String> verdicts = new TreeMap<>();
        try (ExiftoolPool pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30));
             Stream<Path> files = Files.walk(Path.of("samples/card"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                Classification c = classifier.classify(name);
                String verdict;
                if (c.ignored()) {
                    verdict = "ignored";
                } else if (c.type() == org.aupat.archive.media.MediaType.DOCUMENT) {
                    verdict = "document " + c.extension();
                } else {
                    ExifMetadata exif = pool.read(file).metadata();
                    String make = exif.make();
                    String model = exif.model();
                    if (c.type() == org.aupat.archive.media.MediaType.VIDEO) {
                        VideoMetadata video = probe.probe(file, name);
                        make = video.make() != null ? video.make() : make;
                        model = video.model() != null ? video.model() : model;
                    }
                    HardwareCategory category = hardware.classify(make, model, false).category();
                    verdict = c.type().prefix() + " " + category.folder(c.type());
                }
                verdicts.put(name, verdict);
            }
        }
        assertThat(verdicts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "_MG_0001.JPG", "img original_camera",
                "IMG_0001.JPG", "img original_phone",
                "IMG_0001.MOV", "vid original_phone",
                "DJI_0001.JPG", "img original_drone",
                "DJI_0002.MP4", "vid original_drone",
                "DJI_0002.SRT", "document srt",
                "GOPR0001.JPG", "img original_go-pro",
                "roll01_frame01.jpg", "img original_film",
                "notes.txt", "document txt",
                "GOPR0001.THM", "ignored"));
    }
}
