package org.aupat.archive.maintenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.BackupError;
import org.aupat.foundation.hashing.FileHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The newest backup whose bytes still hash to what the manifest recorded when it was made. */
@Service
public class VerifiedBackups {
    private static final Logger log = LoggerFactory.getLogger(VerifiedBackups.class);

    /** A backup re-hashed just now: its file, SHA-256 and size. */
    public record VerifiedBackup(Path file, String sha256, long size) {
        public String name() {
            return file.getFileName().toString();
        }
    }

    private final BackupFolder folder;
    private final FileHasher hasher;

    public VerifiedBackups(AupatProperties properties, FileHasher hasher) {
        this.folder = BackupFolder.of(properties);
        this.hasher = hasher;
    }

    /** The newest backup that is listed in the manifest and still holds the listed bytes; empty when none does. */
    public Optional<VerifiedBackup> newest() {
        Map<String, String> manifest = folder.manifest();
        List<BackupFolder.Backup> backups = folder.backups();
        for (int i = backups.size() - 1; i >= 0; i--) {
            BackupFolder.Backup b = backups.get(i);
            String listed = manifest.get(b.name());
            if (listed == null) {
                continue;
            }
            String actual = hasher.sha256(b.path());
            if (actual.equals(listed)) {
                return Optional.of(new VerifiedBackup(b.path(), actual, size(b.path())));
            }
            log.warn("backup {} no longer matches its manifest entry; an older one is taken", b.path());
        }
        return Optional.empty();
    }

    /** A backup as the manifest lists it, not read: its name and the SHA-256 it had when it was made. */
    public record ListedBackup(String name, String sha256) {
    }

    /**
     * The newest backup the manifest lists, without reading its bytes: enough to see that a replica already
     * holds it (replicate with nothing new reads no backup). What is sent comes from {@link #newest()}.
     */
    public Optional<ListedBackup> newestListed() {
        Map<String, String> manifest = folder.manifest();
        List<BackupFolder.Backup> backups = folder.backups();
        for (int i = backups.size() - 1; i >= 0; i--) {
            String listed = manifest.get(backups.get(i).name());
            if (listed != null) {
                return Optional.of(new ListedBackup(backups.get(i).name(), listed));
            }
        }
        return Optional.empty();
    }

    /** Lists a backup put into the backups folder from elsewhere (a replica) in the manifest, with its SHA-256. */
    public void adopt(Path backup, String sha256) {
        Map<String, String> manifest = folder.manifest();
        manifest.put(backup.getFileName().toString(), sha256);
        folder.writeManifest(manifest);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new BackupError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
