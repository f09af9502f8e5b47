package org.aupat.archive.organizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aupat.archive.organizing.RelationshipRepository.Original;
import org.aupat.foundation.error.DatabaseError;
import org.springframework.stereotype.Component;

/**
 * The relationship pass of db_organize for one location: live-photo pairs and document
 * links (DJI subtitles, XML and the photo sidecars XMP, AAE, DOP, PP3), and photos taken as a pair
 * (RAW+JPEG), matched by original folder and name stem. Arrays are sets, so running it again
 * changes nothing. A paired video is moved to "other" only for iPhone-style pairs or a phone
 * photo (see docs/rules.md, Relationships), and only while it is still staged.
 */
@Component
class RelationshipLinker {
    private static final List<String> LIVE_STILLS = List.of("heic", "heif", "jpg", "jpeg");
    /**
     * The version of these rules, kept per location (locations.loc_links): raise it when a rule is added,
     * and db_organize links every location once more, archived files included.
     */
    static final int VERSION = 1;

    private final RelationshipRepository repository;
    private final ObjectMapper mapper;

    RelationshipLinker(RelationshipRepository repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    /** Counts of what one pass linked. */
    record Links(int livePairs, int liveVideosReclassified, int documentLinks, int photoPairs) {
    }

    Links link(String locationUuid, String now) {
        List<Original> images = repository.images(locationUuid);
        List<Original> videos = repository.videos(locationUuid);
        Map<String, List<Original>> videosByKey = byKey(videos);
        int pairs = 0;
        int reclassified = 0;
        for (Original image : images) {
            for (Original video : videosByKey.getOrDefault(key(image), List.of())) {
                pairs++;
                addToArray("images", "img_vids", "img_sha256", image.sha(), video.sha(), now, "img_update");
                addToArray("videos", "vid_imgs", "vid_sha256", video.sha(), image.sha(), now, "vid_update");
                if (video.staged() && isLivePhoto(image, video)) {
                    repository.makeLiveVideo(video.sha(), now);
                    reclassified++;
                }
            }
        }
        int documentLinks = 0;
        for (Original srt : repository.documents(locationUuid, "srt")) {
            if (srt.name() != null && srt.name().toUpperCase(Locale.ROOT).contains("DJI")) {
                documentLinks += linkDocument(srt, videosByKey, "videos", "vid_docs", "vid_sha256", "vid_update", "docs_vid", now);
            }
        }
        Map<String, List<Original>> imagesByKey = byKey(images);
        for (Original xml : repository.documents(locationUuid, "xml")) {
            documentLinks += linkDocument(xml, imagesByKey, "images", "img_docs", "img_sha256", "img_update", "docs_img", now);
            documentLinks += linkDocument(xml, videosByKey, "videos", "vid_docs", "vid_sha256", "vid_update", "docs_vid", now);
        }
        for (String ext : org.aupat.archive.media.PhotoSidecars.EXTENSIONS) {
            for (Original sidecar : repository.documents(locationUuid, ext)) {
                documentLinks += linkDocument(sidecar, imagesByKey, "images", "img_docs", "img_sha256", "img_update",
                        "docs_img", now);
            }
        }
        int photoPairs = 0;
        for (List<Original> sameStem : imagesByKey.values()) {
            for (Original one : sameStem) {
                for (Original other : sameStem) {
                    if (!one.sha().equals(other.sha()) && !extension(one.name()).equals(extension(other.name()))) {
                        addToArray("images", "img_pairs", "img_sha256", one.sha(), other.sha(), now, "img_update");
                        photoPairs++;
                    }
                }
            }
        }
        return new Links(pairs, reclassified, documentLinks, photoPairs / 2);
    }

    private int linkDocument(Original document, Map<String, List<Original>> mediaByKey, String table, String column,
                             String shaColumn, String updateColumn, String documentColumn, String now) {
        int links = 0;
        for (Original media : mediaByKey.getOrDefault(key(document), List.of())) {
            addToArray(table, column, shaColumn, media.sha(), document.sha(), now, updateColumn);
            addToArray("documents", documentColumn, "doc_sha256", document.sha(), media.sha(), now, "doc_update");
            links++;
        }
        return links;
    }

    /** iPhone pattern (still heic/heif/jpg/jpeg + video mov) or a still classified as phone. */
    static boolean isLivePhoto(Original image, Original video) {
        return image.phone() || LIVE_STILLS.contains(extension(image.name())) && "mov".equals(extension(video.name()));
    }

    private void addToArray(String table, String column, String shaColumn, String sha, String value, String now,
                            String updateColumn) {
        String current = repository.array(table, column, shaColumn, sha);
        try {
            ArrayNode array = current == null || current.isBlank() ? mapper.createArrayNode() : (ArrayNode) mapper.readTree(current);
            for (var element : array) {
                if (element.asText().equals(value)) {
                    return;
                }
            }
            array.add(value);
            repository.setArray(table, column, shaColumn, sha, mapper.writeValueAsString(array), now, updateColumn);
        } catch (IOException | ClassCastException e) {
            throw new DatabaseError(table + "." + column + " of " + sha + " is not a JSON array: " + current, e);
        }
    }

    private static Map<String, List<Original>> byKey(List<Original> files) {
        Map<String, List<Original>> byKey = new HashMap<>();
        for (Original file : files) {
            if (file.name() != null) {
                byKey.computeIfAbsent(key(file), k -> new ArrayList<>()).add(file);
            }
        }
        return byKey;
    }

    /** Original folder plus the name without its extension, case-insensitive. */
    private static String key(Original file) {
        String name = file.name() == null ? "" : file.name();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return file.folder() + "\u0000" + stem.toLowerCase(Locale.ROOT);
    }

    private static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
