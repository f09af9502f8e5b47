package org.aupat.archive.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.aupat.foundation.error.ExternalToolError;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
    @TempDir
    Path dir;

    private final VideoProbe probe = new VideoProbe("ffprobe", Duration.ofSeconds(30));

    @Test
    void aDjiHandlerNameMakesTheMakeDji() {
        VideoMetadata m = probe.probe(new MediaFactory(dir).mp4("clip.mp4", "DJI.AVC"), "clip.mp4");
        assertThat(m.make()).isEqualTo("DJI");
        assertThat(m.makeSource()).isEqualTo("stream handler_name");
        assertThat(m.codec()).isEqualTo("h264");
        assertThat(m.width()).isEqualTo(32);
        assertThat(m.height()).isEqualTo(32);
        assertThat(m.durationSeconds()).isEqualTo(0.5);
        assertThat(m.rawJson()).contains("\"streams\"").contains("\"format\"");
    }

    @Test
    void severalVideosAreProbedTogetherAndAnswerInOrderWithEachFailureKeptToItsFile() throws Exception {
        MediaFactory media = new MediaFactory(dir);
        Path dji = media.mp4("a.mp4", "DJI.AVC");
        Path broken = java.nio.file.Files.writeString(dir.resolve("b.mp4"), "not a video");
        Path iphone = media.iphoneMov("c.MOV", "iPhone 13 Pro");
        java.util.List<VideoProbe.Probed> answers = probe.probeAll(java.util.List.of(dji, broken, iphone),
                java.util.List.of("a.mp4", "b.mp4", "c.MOV"));
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0).metadata().make()).isEqualTo("DJI");
        assertThat(answers.get(1).metadata()).isNull();
        assertThat(answers.get(1).error()).isInstanceOf(ExternalToolError.class);
        assertThat(answers.get(2).metadata().model()).isEqualTo("iPhone 13 Pro");
    }

    @Test
    void aDjiOriginalNameIsTheLastFallback() {
        Path staged = new MediaFactory(dir).mp4("3f2a9c417b0e-vid_13846df1d4c9.mp4", null);
        assertThat(probe.probe(staged, "DJI_0042.MP4").make()).isEqualTo("DJI");
        assertThat(probe.probe(staged, "DJI_0042.MP4").makeSource()).isEqualTo("file name");
        assertThat(probe.probe(staged, "clip.mp4").make()).isNull();
    }

    @Test
    void anIPhoneMovGetsMakeAndModelFromQuickTimeKeys() {
        VideoMetadata m = probe.probe(new MediaFactory(dir).iphoneMov("IMG_0001.MOV", "iPhone 13 Pro"), "IMG_0001.MOV");
        assertThat(m.make()).isEqualTo("Apple");
        assertThat(m.model()).isEqualTo("iPhone 13 Pro");
        assertThat(m.makeSource()).isEqualTo("QuickTime keys");
    }

    @Test
    void formatTagsWinThenStreamTagsInEitherCase() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(VideoProbe.makeAndModel(json.readTree(
                "{\"format\":{\"tags\":{\"Make\":\"GoPro\",\"Model\":\"HERO9 Black\"}},"
                + "\"streams\":[{\"tags\":{\"handler_name\":\"DJI.AVC\"}}]}"), "DJI_1.MP4"))
                .isEqualTo(new VideoProbe.Found("GoPro", "HERO9 Black", "format.tags"));
        assertThat(VideoProbe.makeAndModel(json.readTree(
                "{\"format\":{},\"streams\":[{\"tags\":{}},{\"tags\":{\"make\":\"Sony\",\"model\":\"ILCE-7M3\"}}]}"), "C0001.MP4"))
                .isEqualTo(new VideoProbe.Found("Sony", "ILCE-7M3", "stream tags"));
        assertThat(VideoProbe.makeAndModel(json.readTree(
                "{\"streams\":[{\"tags\":{\"encoder\":\"dji avc encoder\"}}]}"), "x.mp4").make()).isEqualTo("DJI");
    }

    @Test
    void aFileFfprobeCannotReadIsARecoverableError() {
        Path junk = new MediaFactory(dir).randomBytes("junk.mp4", 4096);
        assertThatThrownBy(() -> probe.probe(junk, "junk.mp4")).isInstanceOf(ExternalToolError.class)
                .hasMessageContaining("junk.mp4")
                .satisfies(e -> assertThat(((ExternalToolError) e).recoverable()).isTrue());
    }

    @Test
    void aMissingFfprobeIsReportedUpFront() {
        assertThatThrownBy(() -> new VideoProbe(dir.resolve("no-ffprobe").toString(), Duration.ofSeconds(5)).checkAvailable())
                .isInstanceOf(ExternalToolError.class).hasMessageContaining("ffprobe").hasMessageContaining("install");
        assertThat(probe.checkAvailable()).startsWith("ffprobe version");
    }
}
