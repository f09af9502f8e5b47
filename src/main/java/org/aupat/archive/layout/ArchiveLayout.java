package org.aupat.archive.layout;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.rules.FolderRules;
import org.aupat.archive.rules.NameRules;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.validation.Identifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Standard names and folders (docs/rules.md, Names and folders in the archive) of the archive and staging. Every input is
 * validated, every name is only [a-z0-9._-], and every path is checked to stay under its root.
 */
@Service
public class ArchiveLayout {
    /** shaN length used for a file whose standard name is already taken by a different file */
    public static final int COLLISION_SHA_LENGTH = 16;

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]+");
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern SLUG_PART = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Rules rules;
    private final Path archive;
    private final Path staging;

    @Autowired
    public ArchiveLayout(Rules rules, AupatProperties properties) {
        this(rules, properties.archive(), properties.staging());
    }

    public ArchiveLayout(Rules rules, Path archive, Path staging) {
        this.rules = rules;
        this.archive = archive.toAbsolutePath().normalize();
        this.staging = staging.toAbsolutePath().normalize();
    }

    /** N of name.json: the length of every uuidN and shaN. */
    public int prefixLength() {
        return rules.names().prefixLength();
    }

    /** uuidN: the first N characters of the UUID with its hyphens removed. */
    public String uuidPrefix(String field, String uuid) {
        return checkUuid(field, uuid).replace("-", "").substring(0, prefixLength());
    }

    /** The standard name, e.g. {@code 3f2a9c417b0e-img_2cf24dba5fb0.heic}; subUuid may be null. */
    public String fileName(MediaType type, String locUuid, String subUuid, String sha256, String extension) {
        return fileName(type, locUuid, subUuid, sha256, extension, prefixLength());
    }

    /** The name with a 16-character sha, for a file whose standard name belongs to a different file */
    public String collisionFileName(MediaType type, String locUuid, String subUuid, String sha256, String extension) {
        return fileName(type, locUuid, subUuid, sha256, extension, Math.max(COLLISION_SHA_LENGTH, prefixLength() + 1));
    }

    private String fileName(MediaType type, String locUuid, String subUuid, String sha256, String extension,
                            int shaLength) {
        NameRules names = rules.names();
        NameRules.Template template = switch (type) {
            case IMAGE -> names.images();
            case VIDEO -> names.videos();
            case DOCUMENT -> names.documents();
        };
        String name = (subUuid == null ? template.withoutSub() : template.withSub())
                .replace("{loc_uuidN}", uuidPrefix("loc_uuid", locUuid))
                .replace("{sub_uuidN}", subUuid == null ? "" : uuidPrefix("sub_uuid", subUuid))
                .replace("{shaN}", checkSha(sha256).substring(0, shaLength))
                .replace("{ext}", checkExtension(extension));
        return safeName("name.json template", name);
    }

    /**
     * A photo sidecar's archive name: its photo's archive name with the sidecar's extension
     * ({@code 3f2a9c417b0e-img_2cf24dba5fb0.xmp} beside {@code 3f2a9c417b0e-img_2cf24dba5fb0.cr2}), so any viewer
     * finds them together.
     */
    public String sidecarFileName(String photoName, String extension) {
        String photo = safeName("photo name", photoName);
        int dot = photo.lastIndexOf('.');
        return safeName("sidecar name", (dot > 0 ? photo.substring(0, dot) : photo) + "." + checkExtension(extension));
    }

    /** Where a photo sidecar goes in a location folder: its photo's category folder, under {@link #sidecarFileName}. */
    public Path sidecarPlace(Path locationFolder, String photoName, String photoFlag, String extension) {
        return fileFolder(locationFolder, MediaType.IMAGE, photoFlag, null).resolve(sidecarFileName(photoName, extension));
    }

    /** {@code <loc uuidN>_master.json}. */
    public String masterJsonName(String locUuid) {
        return safeName("name.json master_json", rules.names().masterJson().replace("{loc_uuidN}", uuidPrefix("loc_uuid", locUuid)));
    }

    /** {@code <archive>/<state>-<type>/<slug>_<loc uuidN>}; state and type lowercase, name slugged */
    public Path locationFolder(String state, String type, String locationName, String locUuid) {
        FolderRules folders = rules.folders();
        String stateType = folders.stateTypeFolder()
                .replace("{state}", slugPart("state", state)).replace("{type}", slugPart("type", type));
        String location = folders.locationFolder()
                .replace("{location_name}", slug(locationName)).replace("{loc_uuidN}", uuidPrefix("loc_uuid", locUuid));
        return under(archive, archive.resolve(safeName("folder.json state_type_folder", stateType))
                .resolve(safeName("folder.json location_folder", location)));
    }

    /** photos/original_phone, videos/original_dash-cam, ... inside a location folder. */
    public Path categoryFolder(Path locationFolder, MediaType type, HardwareCategory category) {
        FolderRules folders = rules.folders();
        String folder = category.folder(type);
        var allowed = type == MediaType.IMAGE ? folders.photoFolders() : folders.videoFolders();
        if (type == MediaType.DOCUMENT || !allowed.contains(folder)) {
            throw new ConfigurationError("Rule file folder.json, field 'location_structure.subdirectories."
                    + (type == MediaType.IMAGE ? "photos" : "videos") + ".folders': '" + folder + "' is missing but "
                    + type.table() + " of category " + category.ruleName() + " go there. Add it to the list.");
        }
        return under(archive, locationFolder.resolve(type == MediaType.IMAGE ? "photos" : "videos").resolve(folder));
    }

    /**
     * The folder a file goes to inside a location folder: its hardware category's for a photo or video (by the
     * flag db_organize set), its document kind's for a document. db_ingest and move both place files by it.
     */
    public Path fileFolder(Path locationFolder, MediaType type, String flag, String documentExtension) {
        return type == MediaType.DOCUMENT ? documentFolder(locationFolder, documentExtension)
                : categoryFolder(locationFolder, type, HardwareCategory.forFlag(type, flag));
    }

    /** documents/pdfs, documents/zips or documents/file-extensions/{ext} (no dot: a dot folder would be hidden). */
    public Path documentFolder(Path locationFolder, String extension) {
        String ext = checkExtension(extension);
        Path documents = locationFolder.resolve("documents");
        Path folder = switch (ext) {
            case "pdf" -> documents.resolve(documentSubfolder("pdfs"));
            case "zip" -> documents.resolve(documentSubfolder("zips"));
            default -> documents.resolve(documentSubfolder("file-extensions")).resolve(ext);
        };
        return under(archive, folder);
    }

    /** documents/websites/{domain}_{url uuidN}. */
    public Path websiteFolder(Path locationFolder, String domain, String urlUuid) {
        String host = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw new ValidationError("domain", domain, "is not a host name (letters, digits, hyphens and dots only)");
        }
        String name = rules.folders().websiteFolder().replace("{domain}", host).replace("{url_uuidN}", uuidPrefix("url_uuid", urlUuid));
        return under(archive, locationFolder.resolve("documents").resolve(documentSubfolder("websites"))
                .resolve(safeName("folder.json website_folder_format", name)));
    }

    /** documents/{loc uuidN}_master.json. */
    public Path masterJson(Path locationFolder, String locUuid) {
        return under(archive, locationFolder.resolve("documents").resolve(masterJsonName(locUuid)));
    }

    /** {@code <staging>/<loc uuidN>/<standard name>}. */
    public Path stagingPath(String locUuid, String fileName) {
        return under(staging, staging.resolve(uuidPrefix("loc_uuid", locUuid)).resolve(safeName("file name", fileName)));
    }

    /**
     * The folder slug of a location name: lowercase, spaces to hyphens, only [a-z0-9-], no
     * repeated or outer hyphens. The name should already be ASCII (location names are transliterated).
     */
    public static String slug(String name) {
        String slug = (name == null ? "" : name).toLowerCase(Locale.ROOT).replace(' ', '-')
                .replaceAll("[^a-z0-9-]", "").replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (slug.isEmpty()) {
            throw new ValidationError("location name", name, "leaves nothing for a folder name; use letters or digits");
        }
        return slug;
    }

    private String documentSubfolder(String name) {
        if (!rules.folders().documentFolders().contains(name)) {
            throw new ConfigurationError("Rule file folder.json, field 'location_structure.subdirectories.documents"
                    + ".folders': '" + name + "' is missing. Add it to the list.");
        }
        return name;
    }

    private static String slugPart(String field, String value) {
        if (value == null || !SLUG_PART.matcher(value).matches()) {
            throw new ValidationError(field, value, "must be lowercase letters and digits joined by single hyphens");
        }
        return value;
    }

    /** Checks a UUID v4 (lowercase, hyphenated) and returns it. */
    public static String checkUuid(String field, String uuid) {
        if (!Identifiers.isUuid(uuid)) {
            throw new ValidationError(field, uuid, "is not a UUID v4 (36 lowercase characters such as "
                    + "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90); get one from gen_uuid");
        }
        return uuid;
    }

    /** Checks a SHA-256 (64 lowercase hex characters) and returns it. */
    public static String checkSha(String sha256) {
        if (!Identifiers.isSha256(sha256)) {
            throw new ValidationError("sha256", sha256, "is not a SHA-256: give 64 lowercase hex characters (gen_sha prints one)");
        }
        return sha256;
    }

    /** Checks an extension: letters and digits only, no dot; returns it lowercase. */
    public static String checkExtension(String extension) {
        String lower = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        if (!EXTENSION.matcher(lower).matches()) {
            throw new ValidationError("extension", extension, "must be letters and digits only, without the dot (jpg, mp4, pdf)");
        }
        return lower;
    }

    private static String safeName(String source, String name) {
        if (!SAFE_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new ConfigurationError(source + " produced the unsafe name '" + name
                    + "': names may contain only a-z, 0-9, '.', '_' and '-'. Fix the rule file.");
        }
        return name;
    }

    private static Path under(Path root, Path path) {
        Path normal = path.toAbsolutePath().normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new FileSystemError("Refusing path " + path + ": it is not inside " + root + ". Nothing was written.");
        }
        return normal;
    }
}
