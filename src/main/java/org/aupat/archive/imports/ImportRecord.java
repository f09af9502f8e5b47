package org.aupat.archive.imports;

/**
 * One recorded import. Its id is 8 lowercase hex characters (e.g. {@code 3fa9c07b}); wherever an import is
 * named, a unique prefix of {@link ImportRepository#MIN_PREFIX} or more characters is enough. The counts are
 * those of the summary of the run that finished it: a run resumed after a kill counts from the entry it
 * resumed at ({@code resumedAt}, 0 when it walked the whole source); {@code files} counts the rows that name
 * this import now (wherever they went since).
 *
 * @param finished when the import completed; null while it is unfinished (running, or killed and not yet resumed)
 * @param runs     how many runs it took (a rerun after a kill continues the same import)
 */
public record ImportRecord(String id, String script, String started, String finished, String source, String author,
                           String options, String locationUuid, String subUuid, int runs, long resumedAt, long found,
                           long images, long videos, long documents, long duplicates, long ignored, long failed,
                           long bytes, long urlsAdded, long files) {
    /** Files imported by the run that finished it, all types together. */
    public long imported() {
        return images + videos + documents;
    }

    /** Whether the import completed. */
    public boolean isFinished() {
        return finished != null;
    }
}
