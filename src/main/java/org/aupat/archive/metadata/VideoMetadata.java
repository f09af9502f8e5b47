package org.aupat.archive.metadata;

/**
 * What ffprobe says about one video.
 *
 * @param durationSeconds length in seconds, null when unknown
 * @param codec           codec of the first video stream (h264, hevc...), null when none
 * @param width           width of the first video stream in pixels, null when none
 * @param height          height of the first video stream in pixels, null when none
 * @param make            make after VideoProbe's fallbacks, null when none found
 * @param model           model, null when none found
 * @param makeSource      where the make came from (format.tags, stream handler, file name...), for the log
 * @param rawJson         ffprobe's whole JSON (format + streams), kept as ffmpeg_hardware
 */
public record VideoMetadata(Double durationSeconds, String codec, Integer width, Integer height,
                            String make, String model, String makeSource, String rawJson) {
}
