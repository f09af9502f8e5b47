package org.aupat.archive.media;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The order of the steps (db_import, db_organize, db_folder, db_ingest, db_verify) and which step moves a
 * file on from each {@link MediaState}: so that a step run before the one its files wait for names that
 * step in one line, instead of quietly doing nothing with them.
 */
@Component
public class StepOrder {
    /** The steps in the order the pipeline runs them. */
    static final List<String> STEPS = List.of("db_import", "db_organize", "db_folder", "db_ingest", "db_verify");

    private final MediaRepository media;

    public StepOrder(MediaRepository media) {
        this.media = media;
    }

    /** The step that takes a file on from this state (a verified file needs none). */
    static Optional<String> next(MediaState state) {
        return switch (state) {
            case STAGED -> Optional.of("db_organize");
            case ORGANIZED -> Optional.of("db_ingest");
            case ARCHIVED -> Optional.of("db_verify");
            case VERIFIED -> Optional.empty();
        };
    }

    /**
     * For {@code step} (of one location, or all when null): one line naming the earliest earlier step that files
     * still wait for, with their count; empty when none waits for a step before this one.
     */
    public Optional<String> waitingBefore(String step, String location) {
        int position = STEPS.indexOf(step);
        for (MediaState state : MediaState.values()) {
            Optional<String> next = next(state);
            if (next.isEmpty() || STEPS.indexOf(next.get()) >= position) {
                continue;
            }
            long waiting = 0;
            for (MediaType type : MediaType.values()) {
                waiting += media.count(type, location, state);
            }
            if (waiting > 0) {
                return Optional.of(step + ": " + waiting + " file(s) still wait for " + next.get()
                        + (location == null ? "" : " in location " + location) + ": run --script=" + next.get()
                        + " first, then --script=" + step + " again.");
            }
        }
        return Optional.empty();
    }
}
