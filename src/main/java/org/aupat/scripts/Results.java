package org.aupat.scripts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.catalogue.CatalogueService;
import org.aupat.archive.finding.LocationSummary;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportSummary;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.maintenance.CleanupReport;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.organizing.OrganizeService;
import org.aupat.archive.replication.CopyCounts;
import org.aupat.archive.replication.RecoveryService;
import org.aupat.archive.replication.ReplicationSummary;
import org.aupat.archive.verify.VerifyService;
import org.aupat.archive.verify.VerifySummary;
import org.aupat.foundation.failure.FailureRecord;

/**
 * What each script gives with --json: one record per script, written by the runner as one JSON document
 * after {@code "script"} and {@code "exit"} (see Console#result). These shapes are a promise to the
 * scripts that read them: the README's "JSON output" section documents every one; add fields, never
 * rename or remove one. (show's document is {@link org.aupat.archive.finding.LocationDetail} as it is; find
 * prints one {@link org.aupat.archive.finding.FoundFile} per line instead of a document.)
 */
final class Results {
    private Results() {
    }

    /** The location a run worked on. */
    record LocationRef(String uuid, String name, boolean created) {
    }

    /** Counts per media type. */
    record Counts(long images, long videos, long documents, long total) {
        static Counts of(Map<MediaType, Long> perType) {
            long images = perType.getOrDefault(MediaType.IMAGE, 0L);
            long videos = perType.getOrDefault(MediaType.VIDEO, 0L);
            long documents = perType.getOrDefault(MediaType.DOCUMENT, 0L);
            return new Counts(images, videos, documents, images + videos + documents);
        }
    }

    record Duplicate(String path, String location) {
    }

    record Ignored(String path, String rule) {
    }

    /** db_import; also the {@code import} part of the pipeline's document. */
    record Import(LocationRef location, String importId, long found, Counts imported, long bytes, long hardlinked,
                  List<Duplicate> duplicates, List<Ignored> ignored, List<String> failed, List<String> notImported,
                  long resumedAt, int urlsAdded, int urlsRemoved) {
        static Import of(ImportSummary s) {
            Map<MediaType, Long> perType = new LinkedHashMap<>();
            for (MediaType type : MediaType.values()) {
                perType.put(type, s.imported(type));
            }
            return new Import(new LocationRef(s.locationUuid(), s.locationName(), s.locationCreated()), s.importId(),
                    s.found(),
                    Counts.of(perType), s.bytes(), s.linked(),
                    s.duplicates().entrySet().stream().map(e -> new Duplicate(e.getKey(), e.getValue())).toList(),
                    s.ignored().entrySet().stream().map(e -> new Ignored(e.getKey(), e.getValue())).toList(),
                    List.copyOf(s.failed()), List.copyOf(s.notFiles()), s.resumedFromPosition(),
                    s.urlsAdded(), s.urlsRemoved());
        }
    }

    /** One entry of a dry run's plan: the source entry and what the real run would do with it. */
    record PlannedFile(String source, String outcome) {
    }

    /** db_import or pipeline with --dry-run. */
    record ImportPlan(boolean dryRun, Path folder, List<PlannedFile> files, long wouldFail, Long unreadableMetadata) {
        static ImportPlan of(ImportPreview.Plan plan, List<PlannedFile> files, boolean organizes) {
            return new ImportPlan(true, plan.folder(), files, plan.failed(), organizes ? plan.unreadableMetadata() : null);
        }
    }

    /** db_import --location --url/--remove-url --dry-run (no source): the URL changes it would make. */
    record UrlPlan(boolean dryRun, String location, List<String> changes) {
    }

    /** db_organize; also the pipeline's {@code organize}. Categories by their rule name (camera_hardware.json). */
    record Organize(Counts organized, Map<String, Long> categories, long leftStaged, long livePairs,
                    long documentLinks, long photoPairs, List<String> damaged) {
        static Organize of(OrganizeService.Summary s) {
            Map<String, Long> categories = new LinkedHashMap<>();
            s.categories().forEach((category, n) -> categories.put(category.ruleName(), n));
            return new Organize(Counts.of(s.organized()), categories, s.leftStaged(), s.livePairs(), s.documentLinks(),
                    s.photoPairs(), List.copyOf(s.damaged()));
        }
    }

    /** db_ingest; also the pipeline's {@code ingest}. */
    record Ingest(Counts archived, long hardlinked, long stayedInStaging) {
        static Ingest of(IngestService.Summary s) {
            return new Ingest(Counts.of(s.archived()), s.linked(), s.failed());
        }
    }

    /** One staged file and where a real db_ingest would put it. */
    record PlannedIngest(String staged, Path archive) {
    }

    /** db_ingest --dry-run. */
    record IngestPlan(boolean dryRun, List<PlannedIngest> files) {
    }

    record VerifyFailure(String location, Path file, String expected, String actual, String reason,
                         List<Path> otherCopies, String message) {
    }

    record KeptFile(Path path, String reason) {
    }

    /** db_verify; also the pipeline's {@code verify}. */
    record Verify(boolean dryRun, long verified, List<VerifyFailure> failed, long stillInStaging,
                  List<Path> stagingRemoved, List<KeptFile> stagingKept, long bytesReRead) {
        static Verify of(VerifySummary s) {
            List<VerifyFailure> failed = s.failures().stream().map(f -> new VerifyFailure(f.locationUuid(), f.file(),
                    f.expected(), f.actual(), f.reason(), f.otherCopies(), VerifyService.describe(f))).toList();
            List<KeptFile> kept = new ArrayList<>();
            s.stagingKept().forEach((path, why) -> kept.add(new KeptFile(path, why)));
            return new Verify(s.dryRun(), s.verified(), failed, s.stillInStaging(), s.stagingRemoved(), kept,
                    s.bytesReRead());
        }
    }

    record LocationFailure(String location, String reason) {
        static List<LocationFailure> of(Map<String, String> failed) {
            return failed.entrySet().stream().map(e -> new LocationFailure(e.getKey(), e.getValue())).toList();
        }
    }

    /** db_identify; also the pipeline's {@code identify}. */
    record Identify(List<Path> written, List<LocationFailure> failed) {
        static Identify of(IdentifyService.Result r) {
            return new Identify(r.written(), LocationFailure.of(r.failed()));
        }
    }

    record LocationFolders(String location, List<Path> created) {
    }

    /** db_folder. */
    record Folders(List<LocationFolders> locations, List<LocationFailure> failed) {
        static Folders of(FolderService.Result r) {
            List<LocationFolders> made = new ArrayList<>();
            r.created().forEach((uuid, paths) -> made.add(new LocationFolders(uuid, paths)));
            return new Folders(made, LocationFailure.of(r.failed()));
        }
    }

    /** db_migrate. */
    record Migrate(boolean created, int migrationsApplied, String schemaVersion) {
        static Migrate of(MigrationService.Result r) {
            return new Migrate(r.created(), r.migrationsApplied(), r.schemaVersion());
        }
    }

    /**
     * db_cleanup; {@code emptyTrash} only with --empty-trash (else null); {@code copies} the verified copies of
     * every archived file against aupat.min-copies (null in a dry run of --empty-trash).
     */
    record Cleanup(List<String> repairs, List<String> problems, List<String> removed, List<String> lines,
                   EmptyTrash emptyTrash, CopyCounts.Report copies) {
        static Cleanup of(CleanupReport r, EmptyTrash emptyTrash, CopyCounts.Report copies) {
            return new Cleanup(r.repairs(), r.problems(), r.removedFiles(), r.lines(), emptyTrash, copies);
        }
    }

    /**
     * db_cleanup --empty-trash: the trashed files deleted for good (or, with --dry-run, that would be), one
     * line each; {@code backup} is the database backup made first (null in a dry run).
     */
    record EmptyTrash(boolean dryRun, List<String> files, int deleted, Path backup) {
    }

    /** trash and restore: the files moved (or, in a dry run, that would move), one line each. */
    record Trash(boolean dryRun, int files, List<String> actions, List<Path> masterJson, List<String> failedLocations) {
    }

    /**
     * The pipeline: every step's part, and the location at the top for {@code jq .location.uuid};
     * {@code catalogue} is null with --no-catalogue or when the catalogue could not be written.
     */
    record Pipeline(LocationRef location, @JsonProperty("import") Import imported, Organize organize, Ingest ingest, Verify verify,
                    Identify identify, List<LocationFailure> folderFailures, Catalogue catalogue) {
    }

    /** catalogue; also the pipeline's {@code catalogue}. */
    record Catalogue(Path index, int locations, long photos, long videos, long documents, int thumbnailsMade,
                     int thumbnailsUnmade, int pagesWritten, int pagesUnchanged, int pagesRemoved) {
        static Catalogue of(CatalogueService.Result r) {
            return r == null ? null : new Catalogue(r.index(), r.locations(), r.photos(), r.videos(), r.documents(),
                    r.thumbnailsMade(), r.thumbnailsUnmade(), r.pagesWritten(), r.pagesUnchanged(), r.pagesRemoved());
        }
    }

    /** One replica's counts in a replicate run (a dry run counts what would be sent as sent). */
    record ReplicaTotals(String replica, long sent, long bytesSent, long alreadyThere, long foundThere, long failed,
                         long notVerifiedYet, long inStaging, long masterJsonSent, long masterJsonThere,
                         long masterJsonMissing, String backup) {
    }

    /** replicate. */
    record Replicate(boolean dryRun, List<ReplicaTotals> replicas, long elapsedMillis) {
        static Replicate of(ReplicationSummary s) {
            return new Replicate(s.dryRun(), s.replicas().stream().map(t -> new ReplicaTotals(t.replica(), t.sent(),
                    t.bytesSent(), t.alreadyThere(), t.foundThere(), t.failed(), t.waitingForVerify(), t.inStaging(),
                    t.masterJsonSent(), t.masterJsonThere(), t.masterJsonMissing(), t.backup())).toList(),
                    s.elapsedMillis());
        }
    }

    /**
     * recover: the backup the database came from, the files restored, the first of those that were not, and
     * the home's folders whose recorded paths were moved because the backup was made elsewhere.
     */
    record Recover(String replica, String backup, long files, long notRestored, List<String> problems,
            List<String> moved) {
        static Recover of(String replica, RecoveryService.Summary s) {
            return new Recover(replica, s.backup(), s.files(), s.notRestored(), s.problems(), s.moved());
        }
    }

    /** locations. */
    record Locations(List<LocationSummary> locations) {
    }

    /** backup: the file made, or null when there was no database yet. */
    record Backup(Path backup) {
    }

    record Uuid(String uuid) {
    }

    record Hash(Path file, String sha256) {
    }

    /** gen_sha. */
    record Hashes(List<Hash> files) {
    }

    /** name. */
    record Name(String name) {
    }

    /** folder: the folders made now (those already there are not listed). */
    record Template(String location, List<Path> created) {
    }

    /** failures: the records of the failure log, as they are stored there. */
    record Failures(List<FailureRecord> failures) {
    }
}
