package org.aupat.archive.trash;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aupat.archive.trash.TrashPlan.Planned;
import org.aupat.archive.trash.TrashRepository.Trashed;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database side of one chunk of trash, restore or emptying, in one transaction, after its files: a
 * crash in between leaves the files moved and the rows as they were, which the rerun's plan takes as done.
 */
@Component
class TrashLedger {
    private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {
    };
    private final TrashRepository repository;
    private final ObjectMapper mapper;

    TrashLedger(TrashRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** Each file's row moves into the trash table with where it was; its location is marked changed. */
    @RetryTransient
    @Transactional
    public void trashed(List<Planned> chunk, String now, String reason) {
        Set<String> touched = new LinkedHashSet<>();
        for (Planned p : chunk) {
            Map<String, Object> row = repository.row(p.file().type(), p.file().sha()).orElseThrow(() ->
                    new IllegalStateException("the row of " + p.file().sha() + " went while it was being trashed"));
            repository.insert(new Trashed(0, p.file().type(), p.file().sha(), p.to().toString(), p.from().toString(),
                    p.file().locationUuid(), p.file().subUuid(), p.file().originalFolder(), p.file().originalName(),
                    p.group(), String.join(",", p.file().partners()), json(row), p.size(), now, reason, p.file().importId()));
            repository.deleteRow(p.file().type(), p.file().sha());
            touched.add(p.file().locationUuid());
        }
        touched.forEach(uuid -> repository.touchLocation(uuid, now));
    }

    /** Each file's row goes back into its table exactly as it was; its trash record goes. */
    @RetryTransient
    @Transactional
    public void restored(List<Trashed> chunk, String now) {
        Set<String> touched = new LinkedHashSet<>();
        for (Trashed t : chunk) {
            repository.insertRow(t.type(), row(t));
            repository.delete(t.id());
            touched.add(t.locationUuid());
        }
        touched.forEach(uuid -> repository.touchLocation(uuid, now));
    }

    /** The records of files whose bytes were deleted from the trash. */
    @RetryTransient
    @Transactional
    public void emptied(List<Trashed> chunk) {
        chunk.forEach(t -> repository.delete(t.id()));
    }

    private String json(Map<String, Object> row) {
        try {
            return mapper.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a media row as JSON: " + e.getMessage(), e);
        }
    }

    Map<String, Object> row(Trashed t) {
        try {
            return mapper.readValue(t.mediaRow(), ROW);
        } catch (JsonProcessingException e) {
            throw new DatabaseError("the trash record of " + t.sha() + " holds a media row that is not JSON ("
                    + e.getOriginalMessage() + "): it was changed outside AUPAT. Nothing was restored.", e);
        }
    }
}
