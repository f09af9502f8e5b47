package org.aupat.archive.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.db.SqlDialect;

/**
 * Turns a {@link FileQuery} into the SELECTs {@link FindingRepository#files} unites: per media type one over its
 * table (the archived files) and one over {@code duplicate_sightings} joined to the file holding the bytes. A
 * sighting is matched by its own name, folder, SHA-256, location, sub-location and import, and by the holder's
 * camera and capture time. Each condition is written so that its index can be walked (see V8).
 */
final class FileSql {
    /** A SELECT and its arguments. */
    record Part(String sql, List<Object> args) {
    }

    private FileSql() {
    }

    static List<Part> parts(FileQuery q, SqlDialect d) {
        List<Part> parts = new ArrayList<>();
        for (MediaType type : q.types()) {
            if (type == MediaType.DOCUMENT && q.needsCamera()) {
                continue;
            }
            String flag = hardwareFlag(q.hardware());
            if (flag != null && !type.flagColumns().contains(flag)) {
                continue;
            }
            parts.add(files(q, type, flag, d));
            if (!q.damaged() && !q.notVerified()) {
                parts.add(sightings(q, type, flag, d));
            }
        }
        return parts;
    }

    private static Part files(FileQuery q, MediaType type, String flag, SqlDialect d) {
        String p = type.prefix();
        List<Object> args = new ArrayList<>();
        String select = "SELECT '" + p + "' AS type, f." + p + "_sha256 AS sha256, f." + p + "_loc AS path, f." + p
                + "_loco AS original_folder, f." + p + "_nameo AS original_name, f.loc_uuid AS location, l.loc_name AS"
                + " location_name, f.sub_uuid AS sub_location, f.imp_id AS import_id, " + FindingRepository.state(type) + " AS state, "
                + camera(type, d) + ", f." + p + "_size AS size, NULL AS seen, NULL AS author, NULL AS held_by,"
                + " NULL AS held_as_folder, NULL AS held_as_name FROM " + type.table() + " f JOIN locations l ON"
                + " l.loc_uuid = f.loc_uuid WHERE 1 = 1";
        StringBuilder where = new StringBuilder(select);
        own(q, "f." + p + "_nameo", "f." + p + "_loco", "f." + p + "_sha256", "f", where, args, d);
        holder(q, type, flag, where, args, d);
        if (q.damaged()) {
            where.append(" AND f.").append(p).append("_damaged = 1");
        }
        if (q.notVerified()) {
            where.append(" AND f.").append(p).append("_verified IS NULL");
        }
        return new Part(where.toString(), args);
    }

    private static Part sightings(FileQuery q, MediaType type, String flag, SqlDialect d) {
        String p = type.prefix();
        List<Object> args = new ArrayList<>();
        String select = "SELECT s.media_type AS type, s.sha256 AS sha256, f." + p + "_loc AS path, s.orig_folder AS"
                + " original_folder, s.orig_name AS original_name, s.loc_uuid AS location, l.loc_name AS location_name,"
                + " s.sub_uuid AS sub_location, s.imp_id AS import_id, CASE WHEN f." + p + "_sha256 IS NULL THEN NULL ELSE "
                + FindingRepository.state(type) + " END AS state, " + camera(type, d) + ", f." + p + "_size AS size,"
                + " s.seen AS seen, s.imp_author AS author, f.loc_uuid AS held_by, f." + p + "_loco AS held_as_folder, f."
                + p + "_nameo AS held_as_name FROM duplicate_sightings s JOIN locations l ON l.loc_uuid = s.loc_uuid"
                + " LEFT JOIN " + type.table() + " f ON f." + p + "_sha256 = s.sha256 WHERE s.media_type = '" + p + "'";
        StringBuilder where = new StringBuilder(select);
        own(q, "s.orig_name", "s.orig_folder", "s.sha256", "s", where, args, d);
        holder(q, type, flag, where, args, d);
        return new Part(where.toString(), args);
    }

    /** Capture time, hardware category, make, model and damage of the file {@code f}; NULL for documents. */
    private static String camera(MediaType type, SqlDialect d) {
        if (type == MediaType.DOCUMENT) {
            return "NULL AS taken, NULL AS hardware, NULL AS make, NULL AS model, NULL AS damaged";
        }
        String p = type.prefix();
        return "f." + p + "_taken_local AS taken, " + json(type, "category", d) + " AS hardware, " + json(type, "make", d)
                + " AS make, " + json(type, "model", d) + " AS model, f." + p + "_damaged AS damaged";
    }

    private static String json(MediaType type, String field, SqlDialect d) {
        return d.jsonText("f." + type.prefix() + "_hardware", field);
    }

    /** The criteria a sighting meets by itself: name, folder, SHA-256, location, sub-location, import. */
    private static void own(FileQuery q, String name, String folder, String sha, String alias, StringBuilder where,
                            List<Object> args, SqlDialect d) {
        if (q.nameGlob() != null) {
            String pattern = asciiLower(q.nameGlob());
            String prefix = literalPrefix(pattern);
            if (!prefix.isEmpty()) {
                // The literal start of the glob as a range walks the index on lower(name).
                where.append(" AND lower(").append(name).append(") >= ? AND lower(").append(name).append(") < ?");
                args.add(prefix);
                args.add(after(prefix));
            }
            where.append(" AND ").append(d.globMatches("lower(" + name + ")"));
            args.add(d.globArgument(pattern));
        }
        if (q.folder() != null) {
            if (literalPrefix(q.folder()).length() < q.folder().length()) {
                where.append(" AND ").append(d.globMatches(folder));
                args.add(d.globArgument(q.folder()));
            } else {
                // The folder itself, and every folder below it: [folder/, folder0) since '0' follows '/'.
                where.append(" AND (").append(folder).append(" = ? OR (").append(folder).append(" >= ? AND ")
                        .append(folder).append(" < ?))");
                args.add(q.folder());
                args.add(q.folder() + "/");
                args.add(q.folder() + "0");
            }
        }
        if (q.shaPrefix() != null) {
            // Every hex digit sorts before 'g': [prefix, prefix + "g") is exactly the SHA-256s with that prefix.
            where.append(" AND ").append(sha).append(" >= ? AND ").append(sha).append(" < ?");
            args.add(q.shaPrefix());
            args.add(q.shaPrefix() + "g");
        }
        if (q.location() != null) {
            where.append(" AND ").append(alias).append(".loc_uuid = ?");
            args.add(q.location());
        }
        if (q.subLocation() != null) {
            where.append(" AND ").append(alias).append(".sub_uuid = ?");
            args.add(q.subLocation());
        }
        if (q.importId() != null) {
            where.append(" AND ").append(alias).append(".imp_id = ?");
            args.add(q.importId());
        }
    }

    /** The criteria on the file holding the bytes: camera, hardware, capture day. */
    private static void holder(FileQuery q, MediaType type, String flag, StringBuilder where, List<Object> args,
                               SqlDialect d) {
        String p = type.prefix();
        if (q.make() != null) {
            where.append(" AND ").append(d.contains("lower(" + json(type, "make", d) + ")"));
            args.add(q.make());
        }
        if (q.model() != null) {
            where.append(" AND ").append(d.contains("lower(" + json(type, "model", d) + ")"));
            args.add(q.model());
        }
        if (q.hardware() != null) {
            if (flag != null) {
                where.append(" AND f.").append(flag).append(" = 1");
            } else {
                where.append(" AND ").append(json(type, "category", d)).append(" = ?");
                args.add(q.hardware());
            }
        }
        if (q.from() != null) {
            where.append(" AND f.").append(p).append("_taken_local >= ?");
            args.add(q.from().toString());
        }
        if (q.to() != null) {
            where.append(" AND f.").append(p).append("_taken_local < ?");
            args.add(q.to().plusDays(1).toString());
        }
    }

    /**
     * The flag column a --hardware value names (camera, phone, drone, go_pro, film, dash_cam, other: the archive
     * folders), or null when it names only a category of camera_hardware.json (dslr, point_shoot...) or nothing.
     */
    static String hardwareFlag(String hardware) {
        return hardware != null && isFlag(hardware) ? hardware : null;
    }

    static boolean isFlag(String value) {
        return MediaType.IMAGE.flagColumns().contains(value) || MediaType.VIDEO.flagColumns().contains(value);
    }

    /** Lower case of ASCII letters only, as SQLite's lower() does, so both sides fold alike. */
    static String asciiLower(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : (char) c));
        return out.toString();
    }

    /** The part of a glob before its first wildcard (* ? or [). */
    static String literalPrefix(String glob) {
        int i = 0;
        while (i < glob.length() && "*?[".indexOf(glob.charAt(i)) < 0) {
            i++;
        }
        return glob.substring(0, i);
    }

    /** The least string greater than every string starting with {@code prefix}: its last character plus one. */
    static String after(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        int next = last + 1 == 0xD800 ? 0xE000 : last + 1;
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + new String(Character.toChars(next));
    }

    /** Hardware values accepted by --hardware, for its error message. */
    static String hardwareChoices() {
        List<String> names = new ArrayList<>();
        for (HardwareCategory c : HardwareCategory.values()) {
            names.add(c.ruleName());
        }
        for (String flag : List.of("camera", "go_pro", "film", "dash_cam")) {
            if (!names.contains(flag)) {
                names.add(flag);
            }
        }
        return String.join(", ", names).toLowerCase(Locale.ROOT);
    }
}
