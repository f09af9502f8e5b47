package org.aupat.archive.identify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * db_identify: writes {@code <location folder>/documents/<uuidN>_master.json} for every location whose
 * data changed since its last export (or the ones asked for), atomically: a temporary file beside the
 * target, flushed, then renamed into place in a file transaction that keeps the previous export until the
 * new one is there. One failing location does not stop the others.
 */
@Service
public class IdentifyService {
    private static final Logger log = LoggerFactory.getLogger(IdentifyService.class);
    private final MasterJsonRepository repository;
    private final MasterJsonWriter writer;
    private final ArchiveLayout layout;
    private final ArchiveClock clock;
    private final FileTransactions transactions;

    public IdentifyService(MasterJsonRepository repository, ObjectMapper mapper, ArchiveLayout layout, ArchiveClock clock,
                           FileTransactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
        this.writer = new MasterJsonWriter(mapper, repository);
        this.layout = layout;
        this.clock = clock;
    }

    /** What one run did: files written and locations that failed, with the reason. */
    public record Result(List<Path> written, Map<String, String> failed) {
    }

    /** Exports the stale locations, or all of them, or one. */
    public Result identify(String onlyLocation, boolean all) {
        List<String> locations;
        if (onlyLocation != null) {
            if (repository.locationFolder(onlyLocation) == null && !repository.allLocations().contains(onlyLocation)) {
                throw new ValidationError("location", onlyLocation, "is not a location in this archive.");
            }
            locations = List.of(onlyLocation);
        } else {
            locations = all ? repository.allLocations() : repository.staleLocations();
        }
        List<Path> written = new ArrayList<>();
        Map<String, String> failed = new java.util.LinkedHashMap<>();
        for (String location : locations) {
            try {
                written.add(export(location));
            } catch (IOException | RuntimeException e) {
                log.error("master JSON of location {} failed: {}", location, e.getMessage(), e);
                failed.put(location, e.getMessage() != null ? e.getMessage() : e.toString());
            }
        }
        return new Result(written, failed);
    }

    private Path export(String location) throws IOException {
        String folder = repository.locationFolder(location);
        if (folder == null) {
            throw new FileSystemError("location " + location + " has no archive folder yet: run db_folder first.");
        }
        Path target = layout.masterJson(Path.of(folder), location);
        String now = clock.timestamp();
        Path temporary = target.resolveSibling(target.getFileName() + ".aupat-tmp");
        try (FileTransaction files = transactions.begin()) {
            files.mkdirs(target.getParent());
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(location, now, out);
                out.flush();
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                files.deleteWithBackup(temporary);
                files.commit();
                throw e;
            }
            // The previous export stays as a backup until the new one is in place; an undo puts it back.
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                files.deleteWithBackup(target);
            }
            files.move(temporary, target);
            files.commit();
        }
        // After the file: a crash in between only means the next run writes the same JSON again.
        repository.markExported(location, now);
        log.info("wrote master JSON {}", target);
        return target;
    }
}
