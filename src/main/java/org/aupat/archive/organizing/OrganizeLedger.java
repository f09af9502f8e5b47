package org.aupat.archive.organizing;

import java.util.Collection;
import java.util.List;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.organizing.OrganizeRepository.Organized;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Saves a chunk of organised rows, or one location's relationships, in one transaction each. */
@Component
class OrganizeLedger {
    private final OrganizeRepository repository;
    private final RelationshipLinker linker;
    private final LocationRepository locations;
    private final RelationshipRepository relationships;

    OrganizeLedger(OrganizeRepository repository, RelationshipLinker linker, LocationRepository locations,
                   RelationshipRepository relationships) {
        this.relationships = relationships;
        this.repository = repository;
        this.linker = linker;
        this.locations = locations;
    }

    @RetryTransient
    @Transactional
    public void save(List<Organized> rows, Collection<String> touchedLocations, String now) {
        rows.forEach(row -> repository.save(row, now));
        touchedLocations.forEach(uuid -> locations.touch(uuid, now));
    }

    @RetryTransient
    @Transactional
    public RelationshipLinker.Links link(String locationUuid, String now) {
        RelationshipLinker.Links links = linker.link(locationUuid, now);
        relationships.markLinked(locationUuid, RelationshipLinker.VERSION);
        return links;
    }

    /**
     * Links a location that no run has linked with the current rules (an archive organised before
     * them): its archived files gain their links; when it has any, the location is touched so that
     * db_identify writes its master JSON again. Files are not renamed.
     */
    @RetryTransient
    @Transactional
    public RelationshipLinker.Links backfill(String locationUuid, String now) {
        RelationshipLinker.Links links = link(locationUuid, now);
        if (links.livePairs() + links.documentLinks() + links.photoPairs() > 0) {
            locations.touch(locationUuid, now);
        }
        return links;
    }

    /** Locations to {@link #backfill}: never linked with the current relationship rules. */
    public java.util.List<String> notLinkedYet() {
        return relationships.locationsLinkedBefore(RelationshipLinker.VERSION);
    }
}
