package org.aupat.archive.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.Checked;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.verify.VerifySummary.Failure;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The staging half of db_verify. It walks each location's staging folder (not a list of rows, so a run
 * killed after "verified" and before "deleted" is finished by the next one), finds each file's row by the
 * sha prefix in its name, and removes the file only when the row is verified, the file sits at the row's
 * standard or collision staging name, and it is the archive file itself (same inode) or holds the row's
 * bytes. A location with any failure keeps everything; files that match no row are reported and kept.
 */
@Component
class StagingCleaner {
    private static final Logger log = LoggerFactory.getLogger(StagingCleaner.class);
    /** The end of every staged name: {@code ...-img_<shaN>.<ext>}. */
    private static final Pattern STAGED_NAME = Pattern.compile(".*-(img|vid|doc)_([0-9a-f]{4,64})\\.([a-z0-9]+)");
    private static final String NO_ROW = "no row of this archive has this staging name; check it by hand";

    private final MediaRepository media;
    private final ArchiveLayout layout;
    private final FileTransactions transactions;
    private final FileHasher hasher;
    private final Path staging;
    private final Path archive;

    StagingCleaner(MediaRepository media, ArchiveLayout layout, FileTransactions transactions, FileHasher hasher,
                   AupatProperties properties) {
        this.media = media;
        this.layout = layout;
        this.transactions = transactions;
        this.hasher = hasher;
        this.staging = properties.staging();
        this.archive = properties.archive();
    }

    /** The copies of a row's bytes found for a bad archive file: those that can replace it, and the others with why. */
    record Copies(List<Path> good, Map<Path, String> unusable) {
    }

    /**
     * The staging copies of a row's bytes that still exist (with their deletion backups), each re-hashed: a
     * good copy is a separate file holding the row's bytes. A hard link of the bad archive file shares its
     * damage, so it is never offered.
     */
    Copies copiesOf(MediaFile row, Path bad, VerifySummary summary) {
        List<Path> good = new ArrayList<>();
        Map<Path, String> unusable = new LinkedHashMap<>();
        try {
            for (Path copy : stagingPaths(row, extension(row.name()))) {
                for (Path p : List.of(copy, copy.resolveSibling(copy.getFileName() + ".aupat-deleted"))) {
                    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                        String why = unusable(p, bad, row, summary);
                        if (why == null) {
                            good.add(p);
                        } else {
                            unusable.put(p, why);
                        }
                    }
                }
            }
        } catch (AupatError oddName) {
            log.warn("row {} has no standard staging name: {}", row.sha(), oddName.getMessage());
        }
        return new Copies(good, unusable);
    }

    /** Why a copy cannot replace the bad archive file, or null when it can. */
    private String unusable(Path copy, Path bad, MediaFile row, VerifySummary summary) {
        try {
            if (!Files.isRegularFile(copy, LinkOption.NOFOLLOW_LINKS)) {
                return "not a regular file";
            }
            if (Files.exists(bad, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(copy, bad)) {
                return "the same file as the archive copy (a hard link), so it has the same damage";
            }
            String sha = reRead(copy, summary);
            return row.sha().equals(sha) ? null : "its SHA-256 is " + sha + ", not the recorded one";
        } catch (IOException | AupatError e) {
            return "cannot be read: " + e.getMessage();
        }
    }

    /**
     * Cleans the staging folder of one location, or of every location, except those with a failure.
     * Problems found here (an archive copy gone since it was verified) go to {@code onFailure}.
     */
    void clean(String onlyLocation, Set<String> failedLocations, Set<MediaKey> passed, VerifySummary summary,
               Consumer<Failure> onFailure) {
        if (!Files.isDirectory(staging)) {
            return;
        }
        Set<String> failedFolders = failedLocations.stream().map(l -> layout.uuidPrefix("loc_uuid", l))
                .collect(Collectors.toSet());
        List<Path> folders = onlyLocation != null
                ? List.of(staging.resolve(layout.uuidPrefix("location", onlyLocation))) : list(staging);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                    summary.kept(folder, "it is not inside a location's staging folder");
                }
            } else if (failedFolders.contains(folder.getFileName().toString())) {
                summary.kept(folder, "a check of this location failed, so nothing of it is removed");
            } else {
                cleanFolder(folder, passed, summary, onFailure);
            }
        }
    }

    private void cleanFolder(Path folder, Set<MediaKey> passed, VerifySummary summary, Consumer<Failure> onFailure) {
        List<Path> removable = new ArrayList<>();
        boolean failed = false;
        for (Path file : walk(folder).stream().filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
            failed |= !decide(folder, file, passed, summary, removable, onFailure);
        }
        if (failed) {
            removable.forEach(p -> summary.kept(p, "another file of this location failed, so nothing of it is removed"));
            return;
        }
        removable.forEach(summary::removed);
        if (summary.dryRun()) {
            return;
        }
        try (FileTransaction files = transactions.begin()) {
            removable.forEach(files::deleteVerifiedCopy); // their archive copies were just re-hashed
            files.commit();
        }
        // A second transaction: the folders empty out only once the deletes above are committed.
        try (FileTransaction folders = transactions.begin()) {
            folders.removeEmptyFoldersIn(folder);
            folders.commit();
        }
        log.info("staging {}: removed {} verified copies", folder, removable.size());
    }

    /** Sorts one staging file into removable or kept; false when it reveals a failure of its location. */
    private boolean decide(Path folder, Path file, Set<MediaKey> passed, VerifySummary summary, List<Path> removable,
                           Consumer<Failure> onFailure) {
        Matcher name = STAGED_NAME.matcher(file.getFileName().toString());
        if (!file.getParent().equals(folder) || !name.matches()) {
            summary.kept(file, NO_ROW);
            return true;
        }
        MediaType type = MediaType.fromPrefix(name.group(1));
        for (Checked candidate : media.byShaPrefix(type, name.group(2))) {
            MediaFile row = candidate.file();
            if (!stagingPaths(row, name.group(3)).contains(file)) {
                continue;
            }
            boolean verifiedNow = passed.contains(row.key());
            if (candidate.verified() == null && !verifiedNow) {
                return true; // its row is not verified yet: the file waits, nothing to report
            }
            return decideVerified(file, row, verifiedNow, summary, removable, onFailure);
        }
        summary.kept(file, NO_ROW);
        return true;
    }

    private boolean decideVerified(Path file, MediaFile row, boolean verifiedNow, VerifySummary summary,
                                   List<Path> removable, Consumer<Failure> onFailure) {
        Path archived = Path.of(row.loc()).toAbsolutePath().normalize();
        if (archived.equals(file) || !archived.startsWith(archive)) {
            summary.kept(file, "its row records " + archived + ", not a file in the archive");
            return true;
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            summary.kept(file, "it is not a regular file (a link or a special file)");
            return true;
        }
        try {
            // A row verified by an earlier run is re-hashed before its last other copy goes.
            String archivedSha = !Files.isRegularFile(archived, LinkOption.NOFOLLOW_LINKS) ? null
                    : verifiedNow ? row.sha() : reRead(archived, summary);
            if (!row.sha().equals(archivedSha)) {
                Copies copies = copiesOf(row, archived, summary);
                onFailure.accept(new Failure(row.type(), row.locationUuid(), archived, row.sha(), archivedSha,
                        archivedSha == null ? "it is missing, though an earlier run verified it"
                                : "its SHA-256 no longer matches (changed since an earlier run verified it)", copies.good(),
                        copies.unusable()));
                return false;
            }
            if (Files.isSameFile(file, archived) || row.sha().equals(reRead(file, summary))) {
                removable.add(file);
            } else {
                summary.kept(file, "its bytes are not those of row " + row.sha() + " (the archive copy is fine);"
                        + " check it by hand");
            }
            return true;
        } catch (IOException e) {
            throw new FileSystemError("cannot compare " + file + " with " + archived + ": " + e.getMessage()
                    + ". Nothing of this location was removed.", e);
        }
    }

    private String reRead(Path file, VerifySummary summary) throws IOException {
        summary.reRead(Files.size(file));
        return hasher.sha256(file);
    }

    private List<Path> stagingPaths(MediaFile row, String extension) {
        String loc = row.locationUuid();
        return List.of(layout.stagingPath(loc, layout.fileName(row.type(), loc, row.subUuid(), row.sha(), extension)),
                layout.stagingPath(loc, layout.collisionFileName(row.type(), loc, row.subUuid(), row.sha(), extension)));
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new FileSystemError("cannot list " + folder + ": " + e.getMessage() + ". Nothing was removed.", e);
        }
    }

    private static List<Path> walk(Path folder) {
        try (Stream<Path> entries = Files.walk(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new FileSystemError("cannot walk " + folder + ": " + e.getMessage() + ". Nothing was removed.", e);
        }
    }
}
