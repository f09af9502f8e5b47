package org.aupat.archive.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aupat.archive.catalogue.CatalogueRepository.DocumentRow;
import org.aupat.archive.catalogue.CatalogueRepository.MediaRow;

/**
 * A location's photos and videos as the catalogue shows them: files that belong together are one item
 * (a RAW+JPEG pair, a live photo's still and video, a photo and its sidecars), shown by its main file, and
 * items are grouped by visit (the capture date) and hardware category.
 */
final class LocationItems {
    /** Category folders' order and their names on the page. */
    static final Map<String, String> CATEGORIES = categories();
    /** Extensions shown first in a pair: a file a browser can show, before a RAW. */
    private static final Set<String> VIEWABLE = Set.of("jpg", "jpeg", "png", "gif", "webp", "heic", "heif", "avif", "tif", "tiff");
    /** The group of files whose capture date is unknown. */
    static final String UNKNOWN_DATE = "date unknown";

    /** A file shown as part of an item, but not as its main file. */
    record Extra(String label, String path) {
    }

    /** One thing on the grid. */
    record Item(MediaRow main, List<MediaRow> members, List<Extra> extras) {
        String visit() {
            return visitOf(main.takenLocal());
        }

        boolean damaged() {
            return members.stream().anyMatch(MediaRow::damaged);
        }

        boolean archived() {
            return members.stream().allMatch(MediaRow::archived);
        }

        boolean verified() {
            return members.stream().allMatch(MediaRow::verified);
        }
    }

    /** Items of one visit and category. */
    record Group(String visit, String category, List<Item> items) {
    }

    private final List<Group> groups;
    private final Set<String> sidecars;

    private LocationItems(List<Group> groups, Set<String> sidecars) {
        this.groups = groups;
        this.sidecars = sidecars;
    }

    List<Group> groups() {
        return groups;
    }

    /** Documents shown with the photo or video they belong to, so not in the documents list. */
    boolean isSidecar(String docSha) {
        return sidecars.contains(docSha);
    }

    static LocationItems of(List<MediaRow> rows, List<DocumentRow> documents, ObjectMapper json) {
        Map<String, MediaRow> images = new LinkedHashMap<>();
        Map<String, MediaRow> videos = new LinkedHashMap<>();
        rows.forEach(r -> (r.video() ? videos : images).put(r.sha(), r));
        Map<String, DocumentRow> docs = new HashMap<>();
        documents.forEach(d -> docs.put(d.sha(), d));

        // RAW+JPEG pairs: the images that name each other are one item.
        Map<String, String> parent = new HashMap<>();
        for (MediaRow image : images.values()) {
            for (String other : shas(image.pairsJson(), json)) {
                if (images.containsKey(other)) {
                    parent.put(root(parent, other), root(parent, image.sha()));
                }
            }
        }
        Map<String, List<MediaRow>> components = new LinkedHashMap<>();
        for (MediaRow image : images.values()) {
            components.computeIfAbsent(root(parent, image.sha()), k -> new ArrayList<>()).add(image);
        }
        Set<String> attachedVideos = new HashSet<>();
        Set<String> sidecars = new HashSet<>();
        List<Item> items = new ArrayList<>();
        for (List<MediaRow> members : components.values()) {
            MediaRow main = members.stream().filter(m -> VIEWABLE.contains(extension(m.path()))).findFirst()
                    .orElse(members.get(0));
            List<Extra> extras = new ArrayList<>();
            List<MediaRow> all = new ArrayList<>(members);
            for (MediaRow member : members) {
                if (member != main) {
                    extras.add(new Extra(extension(member.path()).toUpperCase(java.util.Locale.ROOT), member.path()));
                }
            }
            for (MediaRow member : members) {
                for (String videoSha : shas(member.linkedMediaJson(), json)) {
                    MediaRow video = videos.get(videoSha);
                    if (video != null && attachedVideos.add(videoSha)) {
                        extras.add(new Extra("live video", video.path()));
                        all.add(video);
                    }
                }
            }
            all.forEach(member -> addSidecars(member, docs, json, extras, sidecars));
            items.add(new Item(main, all, extras));
        }
        for (MediaRow video : videos.values()) {
            if (!attachedVideos.contains(video.sha())) {
                List<Extra> extras = new ArrayList<>();
                addSidecars(video, docs, json, extras, sidecars);
                items.add(new Item(video, List.of(video), extras));
            }
        }
        return new LocationItems(group(items), sidecars);
    }

    private static void addSidecars(MediaRow member, Map<String, DocumentRow> docs, ObjectMapper json, List<Extra> extras,
                                    Set<String> sidecars) {
        for (String docSha : shas(member.docsJson(), json)) {
            DocumentRow doc = docs.get(docSha);
            if (doc != null && sidecars.add(docSha)) {
                extras.add(new Extra("sidecar " + doc.ext().toUpperCase(java.util.Locale.ROOT), doc.path()));
            }
        }
    }

    private static List<Group> group(List<Item> items) {
        Map<String, Map<String, List<Item>>> byVisit = new java.util.TreeMap<>(Comparator
                .comparing((String v) -> v.equals(UNKNOWN_DATE)).thenComparing(Comparator.naturalOrder()));
        for (Item item : items) {
            byVisit.computeIfAbsent(item.visit(), v -> new LinkedHashMap<>())
                    .computeIfAbsent(item.main().category(), c -> new ArrayList<>()).add(item);
        }
        List<Group> groups = new ArrayList<>();
        Comparator<Item> order = Comparator.comparing((Item i) -> i.main().takenLocal(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> i.main().originalName(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> i.main().sha());
        byVisit.forEach((visit, byCategory) -> {
            List<String> categories = new ArrayList<>(byCategory.keySet());
            categories.sort(Comparator.comparingInt(LocationItems::categoryRank));
            for (String category : categories) {
                List<Item> sorted = new ArrayList<>(byCategory.get(category));
                sorted.sort(order);
                groups.add(new Group(visit, category, sorted));
            }
        });
        return groups;
    }

    private static int categoryRank(String category) {
        int rank = new ArrayList<>(CATEGORIES.keySet()).indexOf(category);
        return rank < 0 ? CATEGORIES.size() : rank;
    }

    /** The capture date (yyyy-MM-dd of the camera's clock), or {@link #UNKNOWN_DATE}. */
    static String visitOf(String takenLocal) {
        return takenLocal != null && DATE.matcher(takenLocal).lookingAt() ? takenLocal.substring(0, 10) : UNKNOWN_DATE;
    }

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static String extension(String path) {
        if (path == null) {
            return "";
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String root(Map<String, String> parent, String sha) {
        String at = sha;
        while (parent.containsKey(at) && !parent.get(at).equals(at)) {
            at = parent.get(at);
        }
        return at;
    }

    /** The SHA-256 values of a JSON array column; an empty or unreadable one gives none. */
    static List<String> shas(String jsonArray, ObjectMapper json) {
        if (jsonArray == null || jsonArray.isBlank()) {
            return List.of();
        }
        try {
            JsonNode node = json.readTree(jsonArray);
            List<String> out = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(n -> out.add(n.asText()));
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, String> categories() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("camera", "Camera");
        names.put("phone", "Phone");
        names.put("drone", "Drone");
        names.put("go_pro", "Action camera");
        names.put("film", "Film scan");
        names.put("dash_cam", "Dash cam");
        names.put("other", "Other");
        return names;
    }
}
