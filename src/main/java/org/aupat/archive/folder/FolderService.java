package org.aupat.archive.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.rules.FolderRules;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * db_folder: creates each location's archive folder (docs/rules.md, Names and folders in the archive) with the folders its staged media need
 * (category folders on demand, documents/ always, a folder per document kind and per URL) and records
 * them. Idempotent; an existing loc_loc is kept even if the name changed since (folders never move).
 */
@Service
public class FolderService {
    private static final Logger log = LoggerFactory.getLogger(FolderService.class);
    private final LocationRepository locations;
    private final MediaRepository media;
    private final ArchiveLayout layout;
    private final FileTransactions fileTransactions;
    private final ArchiveClock clock;
    private final Rules rules;

    public FolderService(LocationRepository locations, MediaRepository media, ArchiveLayout layout,
                         FileTransactions fileTransactions, ArchiveClock clock, Rules rules) {
        this.rules = rules;
        this.locations = locations;
        this.media = media;
        this.layout = layout;
        this.fileTransactions = fileTransactions;
        this.clock = clock;
    }

    /** Folders created per location and the locations that failed, with the reason. */
    public record Result(Map<String, List<Path>> created, Map<String, String> failed) {
    }

    /** Makes the folders of every location, or of one. */
    public Result makeFolders(String onlyLocation) {
        List<Location> targets;
        if (onlyLocation != null) {
            targets = List.of(locations.require(onlyLocation));
        } else {
            targets = locations.all();
        }
        Map<String, List<Path>> created = new LinkedHashMap<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (Location location : targets) {
            try {
                created.put(location.uuid(), ensure(location, false));
            } catch (RuntimeException e) {
                log.error("folders of location {} failed: {}", location.uuid(), e.getMessage(), e);
                failed.put(location.uuid(), e.getMessage());
            }
        }
        return new Result(created, failed);
    }

    /** The whole folder template of one location (the folder script), whatever its files need. */
    public List<Path> makeTemplate(String locationUuid) {
        return ensure(locations.require(locationUuid), true);
    }

    /**
     * Whether making the folders of every location (or of one) would change anything: a location without its
     * recorded folder, a URL without its website folder, or a folder its files need that is not there. Decided
     * by the same plan that {@link #makeFolders} carries out; creates nothing.
     */
    public boolean hasWork(String onlyLocation) {
        List<Location> targets = onlyLocation != null ? List.of(locations.require(onlyLocation)) : locations.all();
        for (Location location : targets) {
            try {
                Needed needed = needed(location, false);
                if (location.locLoc() == null || !needed.websites().isEmpty()
                        || needed.folders().stream().anyMatch(path -> !Files.isDirectory(path))) {
                    return true;
                }
            } catch (RuntimeException e) {
                return true; // the real run reports it per location, as makeFolders does
            }
        }
        return false;
    }

    /** The folders a location needs, and the website folder of each URL that has none recorded (by URL uuid). */
    private record Needed(Path folder, List<Path> folders, Map<String, Path> websites) {
    }

    private Needed needed(Location location, boolean fullTemplate) {
        Path folder = plannedFolder(location);
        List<Path> wanted = new ArrayList<>(List.of(folder, folder.resolve("documents")));
        if (fullTemplate) {
            FolderRules rules = this.rules.folders();
            rules.photoFolders().forEach(name -> wanted.add(folder.resolve("photos").resolve(name)));
            rules.videoFolders().forEach(name -> wanted.add(folder.resolve("videos").resolve(name)));
            rules.documentFolders().forEach(name -> wanted.add(folder.resolve("documents").resolve(name)));
        }
        for (MediaType type : List.of(MediaType.IMAGE, MediaType.VIDEO)) {
            for (String flag : media.stagedFlags(type, location.uuid())) {
                if (flag != null) {
                    wanted.add(layout.categoryFolder(folder, type, HardwareCategory.forFlag(type, flag)));
                }
            }
        }
        for (String extension : media.stagedDocumentExtensions(location.uuid())) {
            wanted.add(layout.documentFolder(folder, extension));
        }
        Map<String, Path> websites = new LinkedHashMap<>();
        for (String[] url : locations.urlsWithoutFolder(location.uuid())) {
            Path website = layout.websiteFolder(folder, url[1], url[0]);
            websites.put(url[0], website);
            wanted.add(website);
        }
        return new Needed(folder, wanted, websites);
    }

    /**
     * The location's folder, made with everything its staged files need (or, with {@code fullTemplate},
     * every folder of folder.json); returns the folders created.
     */
    List<Path> ensure(Location location, boolean fullTemplate) {
        Needed needed = needed(location, fullTemplate);
        Path folder = needed.folder();
        List<Path> wanted = needed.folders();
        Map<String, Path> websites = needed.websites();
        List<Path> created = new ArrayList<>();
        try (FileTransaction files = fileTransactions.begin()) {
            for (Path path : wanted) {
                if (!Files.isDirectory(path)) {
                    files.mkdirs(path);
                    created.add(path);
                }
            }
            files.commit();
        }
        String now = clock.timestamp();
        if (location.locLoc() == null) {
            locations.setFolder(location.uuid(), folder.toString(), now);
        }
        websites.forEach((urlUuid, website) -> locations.setUrlFolder(urlUuid, website.toString(), now));
        created.forEach(path -> log.info("created {}", path));
        return created;
    }

    /** The location's archive folder as recorded, or as it would be made; creates nothing. */
    public Path plannedFolderOf(String locationUuid) {
        return plannedFolder(locations.require(locationUuid));
    }

    /** The location's archive folder, made if needed (db_ingest calls this for locations db_folder missed). */
    public Path folderOf(String locationUuid) {
        Location location = locations.require(locationUuid);
        ensure(location, false);
        return plannedFolder(location); // what ensure made and recorded
    }

    private Path plannedFolder(Location location) {
        return location.locLoc() != null ? Path.of(location.locLoc())
                : layout.locationFolder(location.state(), location.type(), location.name(), location.uuid());
    }
}
