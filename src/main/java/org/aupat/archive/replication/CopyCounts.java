package org.aupat.archive.replication;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * How many verified copies each archived file has, against {@code aupat.min-copies} (default 2): its archive
 * copy when db_verify last found it whole, and each copy a configured replica is recorded to hold with its
 * SHA-256 (a replica copy is recorded only once proven, and forgotten when db_verify --replica finds it bad).
 * db_cleanup reports it for the whole archive, show for one location; both read the database only.
 */
@Service
public class CopyCounts {
    /** How many files with too few copies a report names; the count covers them all. */
    public static final int LISTED = 50;
    static final String ARCHIVE = "archive";

    /** A place that holds copies (the archive, or a replica) and how many of the files it holds verified. */
    public record Place(String name, long files) {
    }

    /** A file with fewer verified copies than asked: where it lies, how many it has and which places hold them. */
    public record FileCopies(String path, int copies, List<String> places) {
    }

    /**
     * The copies of a set of archived files: {@code files} in all, {@code fewer} of them with fewer than
     * {@code minCopies} verified copies, the places with their counts, and the first {@link #LISTED} of the
     * files short of copies.
     */
    public record Report(int minCopies, long files, long fewer, List<Place> places, List<FileCopies> listed) {
        /** One line for a person: all is well, or how many files lack copies and what to run. */
        public String line() {
            String where = places.stream().map(p -> p.name() + " " + p.files()).reduce((a, b) -> a + ", " + b).orElse("");
            if (fewer == 0) {
                return "copies: all " + files + " archived file(s) have at least " + minCopies + " verified cop"
                        + (minCopies == 1 ? "y" : "ies") + " (aupat.min-copies; verified copies per place: " + where + ").";
            }
            boolean noReplica = places.size() == 1;
            return "copies: " + fewer + " of " + files + " archived file(s) have fewer than " + minCopies + " verified"
                    + " copies (aupat.min-copies; the archive counts once db_verify has checked it, each replica copy"
                    + " once proven; verified copies per place: " + where + "): " + (noReplica
                    ? "add a replica (README, Replicas and restore), then run --script=replicate."
                    : "run --script=replicate, and --script=db_verify --all for files not verified yet.");
        }
    }

    private final Replicas replicas;
    private final ReplicaRepository repository;
    private final Path archive;
    private final int minCopies;

    public CopyCounts(Replicas replicas, ReplicaRepository repository, AupatProperties properties,
            @Value("${aupat.min-copies:2}") String minCopies) {
        this.replicas = replicas;
        this.repository = repository;
        this.archive = properties.archive().toAbsolutePath().normalize();
        this.minCopies = parse(minCopies);
    }

    static int parse(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new ConfigurationError("aupat.min-copies=" + value + " is not a number of copies from 1 to 100: set it"
                + " to how many verified copies every file must have, the archive counting as one (default 2).");
    }

    public int minCopies() {
        return minCopies;
    }

    /** The copies of every archived file of a location, or of the whole archive when {@code locationUuid} is null. */
    public Report report(String locationUuid) {
        List<String> names = replicas.names();
        String root = archive.toString();
        long files = 0;
        long fewer = 0;
        Map<String, Long> byPlace = new LinkedHashMap<>();
        byPlace.put(ARCHIVE, 0L);
        names.forEach(n -> byPlace.put(n, 0L));
        List<ReplicaRepository.Counted> listed = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            long[] counts = repository.fewerCopies(type, names, root, locationUuid, minCopies);
            files += counts[0];
            fewer += counts[1];
            repository.copiesByPlace(type, names, root, locationUuid)
                    .forEach((place, n) -> byPlace.merge(place.isEmpty() ? ARCHIVE : place, n, Long::sum));
            if (counts[1] > 0 && listed.size() < LISTED) {
                listed.addAll(repository.withFewerCopies(type, names, root, locationUuid, minCopies,
                        LISTED - listed.size()));
            }
        }
        Map<String, String> shaByPath = new LinkedHashMap<>();
        for (ReplicaRepository.Counted c : listed) {
            onReplica(c.loc()).ifPresent(p -> shaByPath.put(p, c.sha256()));
        }
        Map<String, List<String>> holders = repository.holders(names, shaByPath);
        List<FileCopies> short_ = new ArrayList<>();
        for (ReplicaRepository.Counted c : listed) {
            List<String> places = new ArrayList<>();
            if (c.archiveVerified()) {
                places.add(ARCHIVE);
            }
            onReplica(c.loc()).map(holders::get).ifPresent(places::addAll);
            short_.add(new FileCopies(c.loc(), c.copies(), places));
        }
        List<Place> places = new ArrayList<>();
        byPlace.forEach((name, n) -> places.add(new Place(name, n)));
        return new Report(minCopies, files, fewer, places, short_);
    }

    private java.util.Optional<String> onReplica(String loc) {
        try {
            return java.util.Optional.of(ArchivePaths.onReplica(archive, Path.of(loc)));
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // a file outside the archive: db_cleanup names it on its own
        }
    }
}
