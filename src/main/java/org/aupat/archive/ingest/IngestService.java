package org.aupat.archive.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.ingest.IngestItem.Placed;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.failure.Skippable;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.hashing.FileHasher.Hashed;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.springframework.stereotype.Service;

/**
 * db_ingest: moves organised files (and documents) from staging into the archive, chunk by chunk. Work
 * is selected by state ({@link org.aupat.archive.media.MediaState#ORGANIZED}, wherever the staged copy was
 * recorded), so a rerun after a crash picks up exactly what is left; a chunk's files are committed before
 * its rows, and an identical file already at the target counts as done.
 */
@Service
public class IngestService {
    static final int CHUNK = 100;
    private final MediaRepository media;
    private final IngestItem item;
    private final IngestLedger ledger;
    private final FolderService folders;
    private final FileTransactions fileTransactions;
    private final AupatProperties properties;
    private final ArchiveClock clock;
    private final FileHasher hasher;

    public IngestService(MediaRepository media, IngestItem item, IngestLedger ledger, FolderService folders,
                         FileTransactions fileTransactions, AupatProperties properties,
                         ArchiveClock clock, FileHasher hasher) {
        this.media = media;
        this.item = item;
        this.ledger = ledger;
        this.folders = folders;
        this.fileTransactions = fileTransactions;
        this.properties = properties;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Files archived per type, how many were hard-linked, and how many stayed in staging (failure log). */
    public record Summary(Map<MediaType, Long> archived, long linked, long failed) {
        public long total() {
            return archived.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Prints what the ingest did for a person, in one line: its result, on standard output. */
        public void printTo(Console console) {
            console.out(String.format("Archived %d files (%d images, %d videos, %d documents)%s%s.", total(),
                    archived.getOrDefault(MediaType.IMAGE, 0L), archived.getOrDefault(MediaType.VIDEO, 0L),
                    archived.getOrDefault(MediaType.DOCUMENT, 0L), linked > 0 ? ", " + linked + " hard-linked" : "",
                    failed > 0 ? "; " + failed + " stayed in staging (see logs/failure.log)" : ""));
        }
    }

    /**
     * Whether any organised file waits for the archive: the one decision of whether there is work, for the real
     * run (no work, no backup) and the dry run alike. A count over the state's index.
     */
    public boolean hasWork() {
        for (MediaType type : MediaType.values()) {
            if (media.count(type, null, MediaState.ORGANIZED) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Archives every organised file still in staging, chunk by chunk. */
    public Summary ingest() {
        requireArchiveFolder();
        Map<MediaType, Long> archived = new EnumMap<>(MediaType.class);
        Map<String, Path> locationFolders = new HashMap<>();
        long linked = 0;
        long failed = 0;
        Set<Path> sidecarPlaces = new java.util.HashSet<>();
        // Photos before documents (MediaType's order): a sidecar goes beside its photo.
        for (MediaType type : MediaType.values()) {
            long after = 0;
            List<MediaFile> chunk;
            while (!(chunk = media.readyForIngest(type, after, CHUNK)).isEmpty()) {
                after = chunk.get(chunk.size() - 1).rowid();
                List<Placed> placed = new ArrayList<>();
                Set<String> touched = new LinkedHashSet<>();
                Map<Path, Hashed> linkable = hashLinkable(chunk);
                try (FileTransaction files = fileTransactions.begin()) {
                    for (MediaFile row : chunk) {
                        Path folder = locationFolders.computeIfAbsent(row.locationUuid(), folders::folderOf);
                        Hashed staged = linkable.get(Path.of(row.loc()));
                        Skippable<Placed> p = staged != null ? item.link(files, row, folder, staged, sidecarPlaces)
                                : item.copy(files, row, folder, sidecarPlaces);
                        if (p.isSkipped()) {
                            failed++;
                        } else {
                            placed.add(p.value());
                            touched.add(row.locationUuid());
                        }
                    }
                    files.commit();
                }
                ledger.record(placed, touched, clock.timestamp());
                archived.merge(type, (long) placed.size(), Long::sum);
                linked += placed.stream().filter(Placed::linked).count();
            }
        }
        return new Summary(archived, linked, failed);
    }

    /**
     * The staged copies of a chunk that can be hard-linked (they share the archive's file system), each
     * hashed: a link reads no byte, so this is the check that the staged bytes are still the row's. They are
     * hashed all at once, on every core, as db_verify does.
     */
    private Map<Path, Hashed> hashLinkable(List<MediaFile> chunk) {
        List<Path> sameDisk = chunk.stream().map(row -> Path.of(row.loc()))
                .filter(staged -> FileTransactions.sameFileSystem(staged, properties.archive())).distinct().toList();
        Map<Path, Hashed> hashes = new HashMap<>();
        hasher.sha256All(sameDisk).forEach(hashed -> hashes.put(hashed.file(), hashed));
        return hashes;
    }

    /** --dry-run: where each ready file would go, computed without touching a file or a row. */
    public long preview(java.util.function.BiConsumer<String, Path> out) {
        long count = 0;
        Set<Path> sidecarPlaces = new java.util.HashSet<>();
        for (MediaType type : MediaType.values()) {
            long after = 0;
            List<MediaFile> chunk;
            while (!(chunk = media.readyForIngest(type, after, CHUNK)).isEmpty()) {
                after = chunk.get(chunk.size() - 1).rowid();
                for (MediaFile row : chunk) {
                    out.accept(row.loc(), item.target(row, folders.plannedFolderOf(row.locationUuid()), sidecarPlaces));
                    count++;
                }
            }
        }
        return count;
    }

    /** Pre-flight: an archive folder that cannot be made stops the run before anything changes. */
    public void requireArchiveFolder() {
        try {
            Files.createDirectories(properties.archive());
        } catch (java.io.IOException e) {
            throw new PreflightError("cannot create the archive folder " + properties.archive() + ": " + e
                    + ". Check aupat.archive and its permissions.", e);
        }
    }

}
