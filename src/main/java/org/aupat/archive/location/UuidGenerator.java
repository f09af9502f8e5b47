package org.aupat.archive.location;

import java.util.UUID;
import org.springframework.stereotype.Service;

/** New random identifiers (UUID v4, lowercase, hyphenated) for locations, sub-locations and URLs. */
@Service
public class UuidGenerator {

    public String newUuid() {
        return UUID.randomUUID().toString();
    }
}
