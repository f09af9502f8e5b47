package org.aupat.archive.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which backups are surplus (docs/rules.md, Backups): keep every backup of the last {@code keepDays}
 * days and never one younger than 24 hours or the newest; of older days keep the first and the last
 * backup of each calendar day (local time).
 */
public final class BackupRetention {
    /** Every backup of this many days is kept (db_cleanup's --keep-days, and the pruning after each backup). */
    public static final int KEEP_DAYS = 7;

    private BackupRetention() {
    }

    /** The backups to delete, given all of them oldest first. */
    static List<BackupFolder.Backup> surplus(List<BackupFolder.Backup> oldestFirst, Instant now, int keepDays, ZoneId zone) {
        Duration keepAll = Duration.ofDays(keepDays).compareTo(Duration.ofHours(24)) > 0
                ? Duration.ofDays(keepDays) : Duration.ofHours(24);
        Instant keepAfter = now.minus(keepAll);
        Map<LocalDate, List<BackupFolder.Backup>> olderByDay = new LinkedHashMap<>();
        for (int i = 0; i < oldestFirst.size() - 1; i++) {
            BackupFolder.Backup b = oldestFirst.get(i);
            if (b.modified().toInstant().isBefore(keepAfter)) {
                olderByDay.computeIfAbsent(b.modified().toInstant().atZone(zone).toLocalDate(), d -> new ArrayList<>()).add(b);
            }
        }
        List<BackupFolder.Backup> surplus = new ArrayList<>();
        for (List<BackupFolder.Backup> day : olderByDay.values()) {
            if (day.size() > 2) {
                surplus.addAll(day.subList(1, day.size() - 1));
            }
        }
        return surplus;
    }
}
