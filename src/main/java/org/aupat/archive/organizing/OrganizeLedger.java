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

    OrganizeLedger(OrganizeRepository repository, RelationshipLinker linker, LocationRepository locations) {
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
        return linker.link(locationUuid, now);
    }
}
