package org.aupat.archive.location;

import org.aupat.foundation.db.ArchiveDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.aupat.archive.rules.LocationTypeRules;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.validation.Ascii;
import org.aupat.foundation.validation.Identifiers;
import org.aupat.foundation.validation.StateCodes;
import org.aupat.foundation.validation.WebAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the location an import belongs to, or finds it again. Everything is checked and normalised
 * first ({@link #prepare}), so a bad option stops the run before any backup or write. A rerun of the
 * same import (same name, same source folder) finds the location it created instead of making a
 * second one; that is what makes db_import safe to repeat after a crash.
 */
@Service
public class LocationService {
    private static final Logger log = LoggerFactory.getLogger(LocationService.class);
    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Hex digits a user may give for a location: at least 8 (a shorter prefix matches by chance). */
    private static final Pattern UUID_PREFIX = Pattern.compile("[0-9a-f]{8,32}");

    private final LocationRepository repository;
    private final UnusedUuids uuids;
    private final Rules rules;
    private final java.util.function.Supplier<Boolean> databaseReady;
    private final java.util.function.Supplier<List<String>> usedTypes;
    private final java.util.function.Supplier<String> databaseFile;

    public LocationService(LocationRepository repository, UnusedUuids uuids, Rules rules,
                           ArchiveDatabase database) {
        this.repository = repository;
        this.uuids = uuids;
        this.rules = rules;
        // Checking options must not create the database file: without one, no type is in use yet.
        this.databaseReady = () -> database.exists() && repository.schemaReady();
        this.usedTypes = () -> databaseReady.get() ? repository.usedTypes() : List.of();
        this.databaseFile = database::shown;
    }

    /** What the user asked for on the command line (raw values; null where not given). */
    public record Request(String existingLocation, String name, String aka, String state, String type, String subType,
                          String author, String subLocation, List<String> urls, Path source, boolean allowDuplicateName,
                          boolean newType) {
    }

    /** The request checked and normalised. */
    public record Prepared(String existingLocation, String name, String aka, String state, String type, String subType,
                           String author, String subLocation, List<Url> urls, Path source, boolean allowDuplicateName) {
    }

    /** A URL and its host. */
    public record Url(String url, String domain) {
    }

    /** The location the import adds to, its sub-location (or null), and what was created. */
    public record Registered(Location location, String subUuid, boolean created, int urlsAdded) {
    }

    /** Checks and normalises every option; writes nothing. */
    public Prepared prepare(Request r) {
        String author = r.author() == null || r.author().isBlank() ? null : r.author().strip().toLowerCase(Locale.ROOT);
        // The author is stored and printed as one line: a newline or terminal escape in it is a mistake.
        if (author != null && author.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationError("author", r.author(), "contains control characters (a newline?). Type it on one line.");
        }
        String sub = r.subLocation() == null ? null : DisplayNames.normalise("sub-location", r.subLocation());
        List<Url> urls = new ArrayList<>();
        for (String url : new LinkedHashSet<>(r.urls() == null ? List.of() : r.urls())) {
            if (url != null && !url.isBlank()) {
                urls.add(new Url(url.strip(), WebAddresses.host("url", url.strip())));
            }
        }
        if (r.existingLocation() != null) {
            // Resolved here, before the backup and the run's first write, rather than in register(). Without a
            // database only a full UUID can be meant (and the import then says there is no such location).
            String uuid = databaseReady.get() ? byReference("location", r.existingLocation()).uuid()
                    : r.existingLocation().strip().toLowerCase(Locale.ROOT);
            if (!Identifiers.isUuid(uuid)) {
                throw new ValidationError("location", r.existingLocation(), "is not a UUID v4, and there is no archive"
                        + " yet to look a prefix or name up in. Leave --location out to create a new location.");
            }
            refuseNewLocationOptions(r);
            return new Prepared(uuid, null, null, null, null, null, author, sub, urls, r.source(), true);
        }
        if (r.name() == null) {
            throw new ValidationError("name", null, "is required for a new location (or give --location=UUID to add to"
                    + " an existing one).");
        }
        if (r.state() == null) {
            throw new ValidationError("state", null, "is required for a new location, for example --state=ny.");
        }
        if (r.type() == null) {
            throw new ValidationError("type", null, "is required for a new location, for example --type=industrial.");
        }
        String aka = r.aka() == null || r.aka().isBlank() ? null : DisplayNames.normalise("aka", r.aka());
        String subType = r.subType() == null || r.subType().isBlank() ? null : typeForm("sub-type", r.subType());
        return new Prepared(null, DisplayNames.normalise("name", r.name()), aka, StateCodes.normalise("state", r.state()),
                locationType(r.type(), r.newType()), subType, author, sub, urls, r.source(), r.allowDuplicateName());
    }

    /** Creates the location (or finds it), its sub-location and its URLs, in one transaction. */
    @Transactional
    public Registered register(Prepared p, String now) {
        repository.oneRegistrationAtATime();
        Location location;
        boolean created = false;
        Optional<Location> found = existing(p);
        if (found.isPresent()) {
            location = found.get();
            log.info("adding to location {} ({})", location.name(), location.uuid());
        } else {
            location = newLocation(p, uuids.next());
            repository.insert(location, now);
            created = true;
            log.info("registered location {} ({})", location.name(), location.uuid());
        }
        String subUuid = null;
        if (p.subLocation() != null) {
            subUuid = repository.findSubLocation(location.uuid(), p.subLocation()).orElse(null);
            if (subUuid == null) {
                subUuid = uuids.next();
                repository.insertSubLocation(subUuid, p.subLocation(), location.uuid(),
                        p.source() == null ? null : p.source().toString(), p.author(), now);
            }
        }
        int added = 0;
        for (Url url : p.urls()) {
            if (!repository.hasUrl(location.uuid(), url.url())) {
                repository.insertUrl(uuids.next(), url.url(), url.domain(), location.uuid(), subUuid, p.author(), now);
                added++;
            }
        }
        return new Registered(location, subUuid, created, added);
    }

    /**
     * The location an import adds to, read only: the one asked for with --location, or the one an earlier
     * run of this very import created; empty when a new one is to be made. Refuses a new location whose
     * name another location has, unless --allow-duplicate-name. The dry run asks the same question.
     */
    public Optional<Location> existing(Prepared p) {
        if (p.existingLocation() != null) {
            return Optional.of(repository.require(p.existingLocation()));
        }
        return sameImport(p);
    }

    /**
     * The location a user named with --location (the one place every script resolves that option): its full
     * UUID, the first hex digits of its UUID as folder and file names show them (at least 8, hyphens optional),
     * or its name or aka, accents, case and repeated spaces aside. Refuses with exit 2 and one line when none
     * matches or there is no archive yet, and lists the candidates when several match.
     */
    public Location byReference(String option, String reference) {
        String typed = reference == null ? "" : reference.strip();
        if (typed.isEmpty()) {
            throw new ValidationError(option, reference, "is empty: give a location's UUID, its 12-digit prefix"
                    + " (as in its folder name) or its name; --script=locations lists them.");
        }
        String lower = typed.toLowerCase(Locale.ROOT);
        if (!databaseReady.get()) {
            // Looking it up must not create the database file.
            throw new ValidationError(option, reference, "cannot be looked up: there is no archive yet at "
                    + databaseFile.get() + ". Import a folder first (--script=pipeline), or point --aupat.database at"
                    + " your archive.");
        }
        if (Identifiers.isUuid(lower)) {
            return repository.require(lower);
        }
        LinkedHashSet<Location> candidates = new LinkedHashSet<>();
        String hex = lower.replace("-", "");
        if (UUID_PREFIX.matcher(hex).matches()) {
            candidates.addAll(repository.findByUuidPrefix(hex));
        }
        candidates.addAll(repository.findByNameKey(DisplayNames.key(typed)));
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        if (candidates.isEmpty()) {
            throw new ValidationError(option, reference, "is no location's UUID, UUID prefix or name in this archive;"
                    + " --script=locations lists them.");
        }
        StringBuilder list = new StringBuilder();
        for (Location l : candidates) {
            list.append(list.length() == 0 ? "" : "; ")
                    .append(l.uuid().replace("-", "").substring(0, rules.names().prefixLength()))
                    .append(' ').append(l.name()).append(" (").append(l.state()).append(')');
        }
        throw new ValidationError(option, reference, "matches " + candidates.size() + " locations: " + list
                + ". Give the prefix (as in its folder name) or the full UUID of one.");
    }

    /**
     * The UUID a --location names where the location need not be in the archive (the name script computes
     * names without a database): a full UUID as it is, anything else resolved by {@link #byReference}.
     */
    public String uuidOf(String option, String reference) {
        String lower = reference == null ? "" : reference.strip().toLowerCase(Locale.ROOT);
        return Identifiers.isUuid(lower) ? lower : byReference(option, reference).uuid();
    }

    /** The location a new import of {@code p} registers, under this uuid. */
    public static Location newLocation(Prepared p, String uuid) {
        return new Location(uuid, p.name(), p.aka(), p.state(), p.type(), p.subType(), p.source().toString(), null,
                p.author());
    }

    /** The location an earlier run of this very import created: same name, same source folder. */
    private Optional<Location> sameImport(Prepared p) {
        List<Location> named = repository.findByName(p.name());
        Optional<Location> same = named.stream().filter(l -> p.source().toString().equals(l.orgLoc())).findFirst();
        if (same.isEmpty() && !named.isEmpty() && !p.allowDuplicateName()) {
            throw new ValidationError("name", p.name(), "is already the name of location " + named.get(0).uuid()
                    + ". Add to it with --location=" + named.get(0).uuid() + ", or pass --allow-duplicate-name for a"
                    + " different place with the same name.");
        }
        return same;
    }

    /**
     * --name, --aka, --state, --type and --sub-type describe a new location: given with --location they would
     * be silently ignored, so they are refused (rename changes an existing location).
     */
    private static void refuseNewLocationOptions(Request r) {
        String[][] given = {{"name", r.name()}, {"aka", r.aka()}, {"state", r.state()}, {"type", r.type()},
                {"sub-type", r.subType()}};
        for (String[] option : given) {
            if (option[1] != null) {
                throw new ValidationError(option[0], option[1], "describes a new location, but --location adds to an"
                        + " existing one and would ignore it. Leave --" + option[0] + " out, or change the location with"
                        + " --script=rename --location=" + r.existingLocation().strip() + " --" + option[0] + "=...");
            }
        }
    }

    /** Valid, mapped (logged) or already used; anything else needs --new-type (docs/rules.md, Locations). */
    private String locationType(String raw, boolean newType) {
        String type = typeForm("type", raw);
        LocationTypeRules types = rules.locationTypes();
        if (types.validTypes().contains(type)) {
            return type;
        }
        String mapped = types.synonyms().get(type);
        if (mapped != null) {
            log.info("location type '{}' mapped to '{}'", type, mapped);
            return mapped;
        }
        if (newType || usedTypes.get().contains(type)) {
            return type;
        }
        throw new ValidationError("type", raw, "is not a known location type. Use one of " + types.validTypes()
                + ", or pass --new-type to start a new one.");
    }

    private static String typeForm(String field, String raw) {
        String type = Ascii.transliterate(raw.strip()).toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        if (!TYPE.matcher(type).matches()) {
            throw new ValidationError(field, raw, "may hold only letters, digits and single hyphens or spaces"
                    + " (it becomes part of a folder name).");
        }
        return type;
    }

    /**
     * What a rename asks to change: each value null to keep it; a blank aka or sub-type clears it. newType and
     * allowDuplicateName mean what they mean for a new location.
     */
    public record Renaming(String name, String aka, String state, String type, String subType, boolean newType,
                           boolean allowDuplicateName) {
        /** Whether anything is asked at all. */
        public boolean asksNothing() {
            return name == null && aka == null && state == null && type == null && subType == null;
        }
    }

    /**
     * The location as it is once renamed, every value checked and normalised exactly as for a new location;
     * refuses a name another location has unless allowDuplicateName. Writes nothing.
     */
    public Location renamed(Location current, Renaming r) {
        String name = r.name() == null ? current.name() : DisplayNames.normalise("name", r.name());
        String aka = r.aka() == null ? current.akaName() : r.aka().isBlank() ? null : DisplayNames.normalise("aka", r.aka());
        String state = r.state() == null ? current.state() : StateCodes.normalise("state", r.state());
        String type = r.type() == null ? current.type() : locationType(r.type(), r.newType());
        String subType = r.subType() == null ? current.subType() : r.subType().isBlank() ? null
                : typeForm("sub-type", r.subType());
        if (!name.equals(current.name()) && !r.allowDuplicateName()) {
            repository.findByName(name).stream().filter(other -> !other.uuid().equals(current.uuid())).findFirst()
                    .ifPresent(other -> {
                        throw new ValidationError("name", r.name(), "is already the name of location " + other.uuid()
                                + ". Merge the two if they are one place, or pass --allow-duplicate-name for a different"
                                + " place with the same name.");
                    });
        }
        return new Location(current.uuid(), name, aka, state, type, subType, current.orgLoc(), current.locLoc(),
                current.author());
    }
}
