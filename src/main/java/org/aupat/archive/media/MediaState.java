package org.aupat.archive.media;

/**
 * The step a media file has reached. Each step records its own fact in the file's row and the state is
 * derived from those facts in one place ({@link MediaRepository}), never from where the recorded path lies
 * (the staging folder may be set differently from one run to the next):
 * <ul>
 * <li>{@link #STAGED}: imported into staging; images and videos wait for db_organize ({@code original} unset);</li>
 * <li>{@link #ORGANIZED}: hardware decided ({@code original = 1}), ready for db_folder and db_ingest; a
 *     document needs no organizing, so it is organized as soon as it is staged;</li>
 * <li>{@link #ARCHIVED}: db_ingest placed it in the archive ({@code *_archived} set), not verified yet;</li>
 * <li>{@link #VERIFIED}: db_verify re-hashed the archive copy ({@code *_verified} set); only then may the
 *     staging copy go. A copy that fails a later check is archived again, not verified.</li>
 * </ul>
 */
public enum MediaState {
    STAGED,
    ORGANIZED,
    ARCHIVED,
    VERIFIED
}
