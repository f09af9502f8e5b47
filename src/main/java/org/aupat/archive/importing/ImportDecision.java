package org.aupat.archive.importing;

import java.nio.file.Files;
import java.util.Map;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.Classification;
import org.aupat.archive.media.MediaClassifier;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaRepository;
import org.springframework.stereotype.Component;

/**
 * The one decision, per entry of a source, of what db_import does with it; the real import
 * ({@link FileStager}, {@link StagingItem}) and its --dry-run ({@link ImportPreview}) both ask it, so
 * the dry run predicts the real run. In this order: an entry that is not a regular file is reported; a
 * name an ignored_ext.json rule names is ignored; a file whose name this JVM's locale cannot represent, an
 * empty file and an unreadable file fail (failure log, exit 4);
 * bytes that a location already owns (earlier files of this run included) are a duplicate; anything else
 * is imported under its standard name.
 */
@Component
class ImportDecision {
    static final String EMPTY = "is empty (0 bytes); there is nothing to archive";
    static final String UNREADABLE = "cannot be read (permission denied); fix its permissions and import again";
    /** The character set the JVM reads file names in, fixed at its start by the locale. */
    private static final String NAME_CHARSET = System.getProperty("sun.jnu.encoding", "UTF-8");
    static final String LOCALE = "has a name this JVM cannot handle: it runs under a locale whose file names are "
            + NAME_CHARSET + ", not UTF-8; run it with LC_ALL=C.UTF-8 (bin/aupat and the systemd unit do) and import again";

    private final MediaClassifier classifier;
    private final MediaRepository media;
    private final ArchiveLayout layout;

    ImportDecision(MediaClassifier classifier, MediaRepository media, ArchiveLayout layout) {
        this.classifier = classifier;
        this.media = media;
        this.layout = layout;
    }

    /** The verdict before any byte is read: final, or {@link FileOutcome.Kind#READ_BYTES}. */
    FileOutcome beforeReading(SourceWalker.Entry entry) {
        if (!entry.isFile()) {
            return FileOutcome.notAFile(entry.skipReason());
        }
        Classification kind = classifier.classify(entry.path().getFileName().toString());
        if (kind.ignored()) {
            return FileOutcome.ignored(kind);
        }
        // Under the C locale a non-ASCII name reaches Java as U+FFFD: the journal could not name the file.
        if (!NAME_CHARSET.equalsIgnoreCase("UTF-8") && entry.path().toString().indexOf('\uFFFD') >= 0) {
            return FileOutcome.failed(kind, LOCALE);
        }
        if (entry.size() == 0) {
            return FileOutcome.failed(kind, EMPTY);
        }
        if (!Files.isReadable(entry.path())) {
            return FileOutcome.failed(kind, UNREADABLE);
        }
        return FileOutcome.readBytes(kind);
    }

    /**
     * The verdict once the bytes' SHA-256 is known. {@code thisRun} holds the keys of the files
     * this run took already that the database does not know yet (the caller adds each file it imports);
     * {@code databaseReady} is false for a dry run without a database, where no location owns anything yet.
     */
    FileOutcome afterReading(Classification kind, String sha, String locationUuid, String subUuid,
                             Map<MediaKey, String> thisRun, boolean databaseReady) {
        String owner = thisRun.containsKey(new MediaKey(kind.type(), sha)) ? locationUuid
                : databaseReady ? media.owner(kind.type(), sha).orElse(null) : null;
        if (owner != null) {
            return FileOutcome.duplicate(kind, owner);
        }
        return FileOutcome.imported(kind, layout.fileName(kind.type(), locationUuid, subUuid, sha, kind.extension()));
    }
}
