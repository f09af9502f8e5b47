package org.aupat.archive.finding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.imports.ImportRepository;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.DisplayNames;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.db.SqlDialect;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.validation.StateCodes;
import org.springframework.stereotype.Service;

/**
 * What the archive holds, read only (the locations, show and find scripts): never takes the lock, never writes,
 * and never creates or upgrades a database (without one it says there is no archive yet).
 */
@Service
public class FindingService {
    /** At most this many damaged or unverified files are listed by show (the counts are complete). */
    public static final int LISTED = 100;
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

    private final FindingRepository repository;
    private final ArchiveDatabase database;
    private final SqlDialect dialect;
    private final ArchiveLayout layout;
    private final ImportRepository imports;
    private final org.aupat.archive.replication.CopyCounts copies;

    FindingService(FindingRepository repository, ArchiveDatabase database, ArchiveLayout layout,
                   ImportRepository imports, org.aupat.archive.replication.CopyCounts copies) {
        this.dialect = database.dialect();
        this.imports = imports;
        this.copies = copies;
        this.repository = repository;
        this.database = database;
        this.layout = layout;
    }

    /**
     * Refuses (exit 2) when there is no archive to read: no database file (it is not created), or one that
     * db_migrate has not brought up to this version.
     */
    public void requireArchive() {
        if (!database.exists()) {
            throw new ConfigurationError("There is no archive yet at " + database.shown() + ": nothing to show. Import"
                    + " a folder first (--script=pipeline), or point --aupat.database at your archive.");
        }
        if (!repository.hasTable("duplicate_sightings")) {
            throw new ConfigurationError("The database " + database.shown() + " is not set up for this version of"
                    + " AUPAT yet: run --script=db_migrate first.");
        }
    }

    /** How the locations script sorts: by name, or most recent import first. */
    public enum Order {
        NAME("lower(l.loc_name), l.loc_uuid"),
        LAST_IMPORT("last_import DESC, lower(l.loc_name), l.loc_uuid");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }

        /** name or last-import (also last_import, import), as typed. */
        public static Order of(String typed) {
            String key = typed == null ? "name" : typed.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            return switch (key) {
                case "name" -> NAME;
                case "last-import", "import", "imported" -> LAST_IMPORT;
                default -> throw new ValidationError("--sort", typed, "must be name or last-import.");
            };
        }
    }

    /**
     * Every location matching the filters (null: any): a part of its name or aka (accents and case aside), its
     * state (code or name), its type.
     */
    public List<LocationSummary> locations(String name, String state, String type, Order order) {
        requireArchive();
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            String key = DisplayNames.key(name);
            where.add("(" + dialect.contains("lower(l.loc_name)") + " OR " + dialect.contains("lower(coalesce(l.aka_name, ''))")
                    + ")");
            args.add(key);
            args.add(key);
        }
        if (state != null) {
            where.add("l.state = ?");
            args.add(StateCodes.normalise("state", state));
        }
        if (type != null) {
            where.add("l.type = ?");
            args.add(type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-"));
        }
        return repository.locations(String.join(" AND ", where), args, order.sql, layout.prefixLength());
    }

    /** One location in full; {@code uuid} as LocationService.byReference resolved it. */
    public LocationDetail show(String uuid) {
        requireArchive();
        LocationSummary summary = repository.locations("l.loc_uuid = ?", List.of(uuid), Order.NAME.sql,
                layout.prefixLength()).get(0);
        String[] facts = repository.locationFacts(uuid);
        Path master = summary.folder() == null ? null : layout.masterJson(Path.of(summary.folder()), uuid);
        List<LocationDetail.Count> hardware = repository.counts(uuid, t -> t == MediaType.DOCUMENT ? "doc_ext"
                : dialect.jsonText(t.prefix() + "_hardware", "category"));
        List<LocationDetail.Count> years = repository.counts(uuid, t -> t == MediaType.DOCUMENT ? null
                : "substr(" + t.prefix() + "_taken_local, 1, 4)");
        List<LocationDetail.Count> states = repository.counts(uuid, MediaRepository::stateSql);
        FileQuery ofLocation = new FileQuery(null, null, null, null, null, null, EnumSet.allOf(MediaType.class), null,
                null, uuid, null, null, false, false);
        List<FoundFile> damaged = listed(ofLocation.damagedOnly());
        List<FoundFile> notVerified = listed(ofLocation.notVerifiedOnly());
        return new LocationDetail(summary, master == null ? null : master.toString(), master != null
                && Files.isRegularFile(master), facts[0], facts[1], facts[2], repository.subLocations(uuid,
                layout.prefixLength()), repository.urls(uuid), imports.ofLocation(uuid), hardware, years, states, repository.sightings(uuid),
                damaged, notVerified, copies.report(uuid));
    }

    private List<FoundFile> listed(FileQuery query) {
        List<FoundFile> files = new ArrayList<>();
        repository.files(FileSql.parts(query, dialect), LISTED, files::add);
        return files;
    }

    /** The find script's options as typed (null: not given); {@code location} is already resolved to its UUID. */
    public record Criteria(String name, String folder, String sha, String make, String model, String hardware,
                           List<String> types, LocalDate from, LocalDate to, String location, String subLocation,
                           String importRef, boolean damaged, boolean notVerified) {
    }

    /** Checks and normalises the criteria; refuses a bad one with exit 2 and one line. Reads only. */
    public FileQuery query(Criteria c) {
        requireArchive();
        String sha = null;
        if (c.sha() != null) {
            sha = c.sha().strip().toLowerCase(Locale.ROOT);
            if (!HEX.matcher(sha).matches()) {
                throw new ValidationError("--sha", c.sha(), "must be a SHA-256 or its start: 1 to 64 hex digits"
                        + " (gen_sha prints one; archive file names show the first 12).");
            }
        }
        String hardware = null;
        if (c.hardware() != null) {
            hardware = c.hardware().strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (HardwareCategory.fromRuleName(hardware) == null && !FileSql.isFlag(hardware)) {
                throw new ValidationError("--hardware", c.hardware(), "is not a hardware category; use one of "
                        + FileSql.hardwareChoices() + ".");
            }
        }
        if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
            throw new ValidationError("--to", c.to(), "is before --from=" + c.from() + ".");
        }
        String folder = null;
        if (c.folder() != null && !c.folder().isBlank()) {
            String typed = c.folder().strip();
            folder = FileSql.literalPrefix(typed).length() < typed.length() ? typed
                    : Path.of(typed).toAbsolutePath().normalize().toString();
        }
        String sub = c.subLocation() == null ? null : subLocation(c.subLocation(), c.location());
        return new FileQuery(blankToNull(c.name()), folder, sha, lowerOrNull(c.make()), lowerOrNull(c.model()),
                hardware, types(c.types()), c.from(), c.to(), c.location(), sub,
                c.importRef() == null ? null : imports.byReference("--import", c.importRef()).id(), c.damaged(),
                c.notVerified());
    }

    /** Hands every file meeting the query to {@code each}, in archive path order. */
    public void find(FileQuery query, Consumer<FoundFile> each) {
        repository.files(FileSql.parts(query, dialect), 0, each);
    }

    /** A sub-location by UUID, 12-digit prefix or name, within the location when one is given. */
    private String subLocation(String typed, String location) {
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        List<String[]> found = repository.subLocationsMatching(lower.replace("-", ""), DisplayNames.key(typed), location);
        if (found.size() == 1) {
            return found.get(0)[0];
        }
        if (found.isEmpty()) {
            throw new ValidationError("--sub-location", typed, "is no sub-location's UUID, prefix or name"
                    + (location == null ? "" : " in that location") + "; --script=show --location=... lists them.");
        }
        StringBuilder list = new StringBuilder();
        found.forEach(f -> list.append(list.length() == 0 ? "" : "; ")
                .append(f[0].replace("-", "").substring(0, layout.prefixLength()))
                .append(' ').append(f[1]));
        throw new ValidationError("--sub-location", typed, "matches " + found.size() + " sub-locations: " + list
                + (location == null ? ". Add --location, or give" : ". Give") + " the prefix of one.");
    }

    private static Set<MediaType> types(List<String> typed) {
        if (typed == null || typed.isEmpty()) {
            return EnumSet.allOf(MediaType.class);
        }
        Set<MediaType> types = EnumSet.noneOf(MediaType.class);
        for (String t : typed) {
            types.add(switch (t.strip().toLowerCase(Locale.ROOT)) {
                case "img", "image", "images", "photo", "photos" -> MediaType.IMAGE;
                case "vid", "video", "videos" -> MediaType.VIDEO;
                case "doc", "document", "documents" -> MediaType.DOCUMENT;
                default -> throw new ValidationError("--type", t, "must be photo, video or document (img, vid, doc).");
            });
        }
        return types;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String lowerOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
