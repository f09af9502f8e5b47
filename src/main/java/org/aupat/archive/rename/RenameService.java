package org.aupat.archive.rename;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.DisplayNames;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.rename.RenamePlan.FolderStep;
import org.aupat.archive.rename.RenameRepository.SubLocation;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * rename: plans from the database and the disk what renaming a location or sub-location changes
 * ({@link #plan}, read only; the dry run prints it), then carries the plan out ({@link #apply}): first the
 * folder move, in one journaled file transaction (a kill undoes it on the next start), then every row in one
 * database transaction, then the master JSON. A run killed after the move finds the folder already at its new
 * place and only updates the rows, so a rerun of the same command always converges; a rerun of a finished one
 * changes nothing.
 */
@Service
public class RenameService {
    private static final Logger log = LoggerFactory.getLogger(RenameService.class);
    private final LocationService locations;
    private final RenameRepository repository;
    private final ArchiveLayout layout;
    private final FileTransactions transactions;
    private final IdentifyService identify;
    private final ArchiveClock clock;

    public RenameService(LocationService locations, RenameRepository repository, ArchiveLayout layout,
                         FileTransactions transactions, IdentifyService identify, ArchiveClock clock) {
        this.locations = locations;
        this.repository = repository;
        this.layout = layout;
        this.transactions = transactions;
        this.identify = identify;
        this.clock = clock;
    }

    /** What happened: the plan carried out and the master JSON written (or null), or why it could not be. */
    public record Result(RenamePlan plan, Path masterJson, String masterJsonFailure) {
    }

    /** Decides everything the rename does, refusing bad or ambiguous input with exit 2; writes nothing. */
    public RenamePlan plan(RenameRequest request) {
        if (request.location() == null || request.location().isBlank()) {
            throw new ValidationError("location", request.location(), "is required: the location to rename"
                    + " (--location=UUID).");
        }
        Location before = locations.byReference("location", request.location());
        if (request.subLocation() != null) {
            return planSubLocation(request, before);
        }
        if (request.changes().asksNothing() && !request.moveFolder()) {
            throw new ValidationError("name", null, "nothing to rename: give --name, --aka, --state, --type or --sub-type"
                    + " (or --move-folder to move the folder to the one the name gives).");
        }
        Location renamed = locations.renamed(before, request.changes());
        if (before.locLoc() == null) {
            return new RenamePlan(before, renamed, null, null, null, request.moveFolder() ? FolderStep.NONE_YET
                    : FolderStep.STAYS, null, null, 0);
        }
        Path from = Path.of(before.locLoc());
        long files = repository.rowsInside(before.uuid(), before.locLoc());
        if (!request.moveFolder()) {
            return new RenamePlan(before, renamed, null, null, null, FolderStep.STAYS, from, from, files);
        }
        Path to = layout.locationFolder(renamed.state(), renamed.type(), renamed.name(), renamed.uuid());
        Location after = new Location(renamed.uuid(), renamed.name(), renamed.akaName(), renamed.state(), renamed.type(),
                renamed.subType(), renamed.orgLoc(), to.toString(), renamed.author());
        boolean there = Files.exists(from, LinkOption.NOFOLLOW_LINKS);
        boolean target = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
        if (to.equals(from)) {
            return new RenamePlan(before, after, null, null, null, FolderStep.STAYS, from, to, files);
        }
        if (there && target) {
            throw new ValidationError("name", request.changes().name(), "gives the folder " + to + ", which exists"
                    + " already. Move that folder away first, or choose another name; nothing was changed.");
        }
        if (!there && !target) {
            throw new PreflightError("the folder " + from + " recorded for location " + before.uuid() + " is missing,"
                    + " so it cannot be moved; run --script=db_cleanup to see what is missing. Nothing was changed.");
        }
        if (there && !Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new PreflightError("the recorded folder " + from + " of location " + before.uuid() + " is not a folder."
                    + " Nothing was changed.");
        }
        // The folder's name ends in this location's uuid prefix, so one at the target is this location's, moved by a
        // killed run.
        return new RenamePlan(before, after, null, null, null, there ? FolderStep.MOVE : FolderStep.MOVED_ALREADY, from,
                to, files);
    }

    private RenamePlan planSubLocation(RenameRequest request, Location location) {
        LocationService.Renaming c = request.changes();
        if (request.moveFolder()) {
            throw new ValidationError("move-folder", null, "a sub-location has no folder of its own (its files are in its"
                    + " location's folder); leave --move-folder out.");
        }
        if (c.aka() != null || c.state() != null || c.type() != null || c.subType() != null) {
            throw new ValidationError("sub-location", request.subLocation(), "has only a name: give --name (aka, state,"
                    + " type and sub-type belong to its location).");
        }
        if (c.name() == null) {
            throw new ValidationError("name", null, "is required: the new name of the sub-location.");
        }
        List<SubLocation> subs = repository.subLocations(location.uuid());
        String ref = request.subLocation().strip();
        List<SubLocation> matches = subs.stream().filter(s -> s.uuid().equals(ref.toLowerCase(Locale.ROOT))
                || s.name().equalsIgnoreCase(ref)).toList();
        if (matches.size() != 1) {
            throw new ValidationError("sub-location", request.subLocation(), (matches.isEmpty() ? "is not a sub-location"
                    : "names more than one sub-location") + " of location " + location.uuid() + (subs.isEmpty()
                    ? " (it has none)." : "; its sub-locations: " + String.join(", ", subs.stream()
                    .map(s -> s.name() + " (" + s.uuid() + ")").toList())));
        }
        SubLocation sub = matches.get(0);
        String name = DisplayNames.normalise("name", c.name());
        subs.stream().filter(s -> !s.uuid().equals(sub.uuid()) && s.name().equalsIgnoreCase(name)).findFirst()
                .ifPresent(other -> {
                    throw new ValidationError("name", c.name(), "is already the name of sub-location " + other.uuid()
                            + " of this location; choose another.");
                });
        Path folder = location.locLoc() == null ? null : Path.of(location.locLoc());
        return new RenamePlan(location, location, sub.uuid(), sub.name(), name, FolderStep.STAYS, folder, folder, 0);
    }

    /** Carries the plan out: the folder, then the rows, then the master JSON. */
    public Result apply(RenamePlan plan) {
        if (plan.folder() == FolderStep.MOVE) {
            moveFolder(plan.from(), plan.to());
        }
        boolean changed = plan.changesRows();
        if (changed) {
            repository.apply(plan, clock.timestamp());
            log.info("renamed location {}: {}", plan.before().uuid(), String.join("; ", plan.lines()));
        }
        String folder = plan.after().locLoc();
        if (folder == null || !(changed || repository.masterJsonStale(plan.after().uuid()))) {
            return new Result(plan, null, null);
        }
        IdentifyService.Result written = identify.identify(plan.after().uuid(), false);
        return new Result(plan, written.written().isEmpty() ? null : written.written().get(0),
                written.failed().isEmpty() ? null : written.failed().values().iterator().next());
    }

    /** One rename of the whole folder in a journaled file transaction; a state-type folder left empty goes too. */
    private void moveFolder(Path from, Path to) {
        log.info("moving folder {} to {}", from, to);
        try (FileTransaction files = transactions.begin()) {
            files.move(from, to);
            Path parent = from.getParent();
            if (isEmptyFolder(parent)) {
                files.removeEmptyDirectory(parent);
            }
            files.commit();
        }
        log.info("moved folder {} to {}", from, to);
    }

    private static boolean isEmptyFolder(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
