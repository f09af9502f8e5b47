package org.aupat.archive.finding;

import java.util.List;

/**
 * One location in full, as the show script prints it.
 *
 * @param location         its summary line (names, counts, dates, size, folder)
 * @param masterJson       where its master JSON is (or goes once its folder exists), or null without a folder
 * @param masterJsonExists whether that file is there
 * @param author           who registered it, or null
 * @param source           the folder of its first import
 * @param registered       when it was registered (UTC)
 * @param subLocations     its parts
 * @param urls             its web pages
 * @param imports          the imports that added to it, oldest first (when, from where, by whom, counts)
 * @param hardware         files per media type and hardware category
 * @param years            photos and videos per capture year (camera clock; null year: no capture time)
 * @param states           files per media type and state (STAGED ... VERIFIED)
 * @param duplicatesSeen   how many duplicates imports saw for it
 * @param damaged          files reported damaged (at most {@link FindingService#LISTED} of them)
 * @param notVerified      files not verified yet (at most {@link FindingService#LISTED} of them)
 */
public record LocationDetail(LocationSummary location, String masterJson, boolean masterJsonExists, String author,
                             String source, String registered, List<SubLocation> subLocations, List<Url> urls,
                             List<org.aupat.archive.imports.ImportRecord> imports,
                             List<Count> hardware, List<Count> years, List<Count> states, long duplicatesSeen,
                             List<FoundFile> damaged, List<FoundFile> notVerified,
                             org.aupat.archive.replication.CopyCounts.Report copies) {

    /** A sub-location. */
    public record SubLocation(String uuid, String uuid12, String name) {
    }

    /** A web page of the location. */
    public record Url(String url, String domain, String folder) {
    }

    /** How many files of a media type (img, vid, doc) have a value (a category, a year, a state). */
    public record Count(String type, String value, long files) {
    }
}
