package org.aupat.archive.organizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.aupat.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class RelationshipLinkerTest {
    static final String LOC = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";
    static final String STAGING = "/staging/";
    @TempDir
    Path dir;
    JdbcTemplate jdbc;
    RelationshipLinker linker;

    @BeforeEach
    void setUp() {
        jdbc = TestDatabase.migrated(dir);
        TestDatabase.location(jdbc, LOC, null);
        linker = new RelationshipLinker(new RelationshipRepository(jdbc), new ObjectMapper());
    }

    private static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    private void image(char sha, String folder, String name, int phone, int camera) {
        jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, original, camera, phone, drone, go_pro, film, other,"
                + " loc_uuid, img_loco, img_nameo) VALUES (?, 'n', '/staging/x', 1, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
                sha(sha), camera, phone, LOC, folder, name);
    }

    private void video(char sha, String folder, String name, int camera) {
        jdbc.update("INSERT INTO videos (vid_sha256, vid_name, vid_loc, original, camera, drone, phone, go_pro, dash_cam,"
                + " other, loc_uuid, vid_loco, vid_nameo) VALUES (?, 'n', ?, 1, ?, 0, 0, 0, 0, ?, ?, ?, ?)",
                sha(sha), STAGING + sha, camera, camera == 1 ? 0 : 1, LOC, folder, name);
    }

    private void document(char sha, String folder, String name, String ext) {
        jdbc.update("INSERT INTO documents (doc_sha256, doc_name, doc_loc, doc_ext, loc_uuid, doc_loco, doc_nameo)"
                + " VALUES (?, 'n', '/staging/d', ?, ?, ?, ?)", sha(sha), ext, LOC, folder, name);
    }

    private String column(String table, String column, String shaColumn, char sha) {
        return jdbc.queryForObject("SELECT " + column + " FROM " + table + " WHERE " + shaColumn + " = ?", String.class, sha(sha));
    }

    @Test
    void iphoneLivePhotoPairIsLinkedBothWaysAndTheVideoGoesToOther() {
        image('a', "/card/DCIM", "IMG_1234.JPG", 1, 0);
        video('b', "/card/DCIM", "img_1234.mov", 1);
        RelationshipLinker.Links links = linker.link(LOC, "2025-01-02T00:00:00.000Z");
        assertThat(links.livePairs()).isEqualTo(1);
        assertThat(links.liveVideosReclassified()).isEqualTo(1);
        assertThat(column("images", "img_vids", "img_sha256", 'a')).isEqualTo("[\"" + sha('b') + "\"]");
        assertThat(column("videos", "vid_imgs", "vid_sha256", 'b')).isEqualTo("[\"" + sha('a') + "\"]");
        assertThat(column("videos", "other", "vid_sha256", 'b')).isEqualTo("1");
        assertThat(column("videos", "camera", "vid_sha256", 'b')).isEqualTo("0");
    }

    @Test
    void anOrdinaryCameraClipWithTheSameStemIsLinkedButStaysACameraVideo() {
        image('a', "/card/DCIM", "DSC_0001.JPG", 0, 1);
        video('b', "/card/DCIM", "DSC_0001.MP4", 1);
        assertThat(linker.link(LOC, "t").liveVideosReclassified()).isZero();
        assertThat(column("videos", "camera", "vid_sha256", 'b')).isEqualTo("1");
        assertThat(column("videos", "vid_imgs", "vid_sha256", 'b')).contains(sha('a'));
    }

    @Test
    void filesInOtherFoldersAreNotPaired() {
        image('a', "/card/DCIM/100", "IMG_1.JPG", 1, 0);
        video('b', "/card/DCIM/101", "IMG_1.MOV", 1);
        assertThat(linker.link(LOC, "t").livePairs()).isZero();
        assertThat(column("images", "img_vids", "img_sha256", 'a')).isNull();
    }

    @Test
    void djiSubtitlesAndXmlSidecarsAreLinkedAndASecondPassAddsNothing() {
        video('1', "/sd/DJI", "DJI_0042.MP4", 0);
        document('2', "/sd/DJI", "DJI_0042.SRT", "srt");
        document('3', "/sd/DJI", "FLIGHT_0042.SRT", "srt");
        image('4', "/sd/DJI", "DJI_0042.JPG", 0, 0);
        document('5', "/sd/DJI", "DJI_0042.xml", "xml");
        linker.link(LOC, "t");
        RelationshipLinker.Links second = linker.link(LOC, "t");
        assertThat(column("videos", "vid_docs", "vid_sha256", '1')).isEqualTo("[\"" + sha('2') + "\",\"" + sha('5') + "\"]");
        assertThat(column("documents", "docs_vid", "doc_sha256", '2')).isEqualTo("[\"" + sha('1') + "\"]");
        assertThat(column("documents", "docs_vid", "doc_sha256", '3')).isNull();
        assertThat(column("documents", "docs_img", "doc_sha256", '5')).isEqualTo("[\"" + sha('4') + "\"]");
        assertThat(column("documents", "docs_img", "doc_sha256", '2')).isNull();
        assertThat(column("images", "img_docs", "img_sha256", '4')).isEqualTo("[\"" + sha('5') + "\"]");
        assertThat(second.documentLinks()).isEqualTo(3);
    }

    @Test
    void photoSidecarsAndRawJpegPairsAreLinkedBothWays() {
        image('a', "/card/DCIM", "IMG_5910.CR2", 0, 1);
        image('b', "/card/DCIM", "IMG_5910.JPG", 0, 1);
        image('c', "/card/DCIM", "IMG_5911.HEIC", 1, 0);
        image('d', "/card/other", "IMG_5910.JPG", 0, 1);
        document('e', "/card/DCIM", "IMG_5910.xmp", "xmp");
        document('f', "/card/DCIM", "IMG_5911.AAE", "aae");
        document('1', "/card/DCIM", "IMG_5910.dop", "dop");
        document('2', "/card/DCIM", "IMG_5910.pp3", "pp3");
        RelationshipLinker.Links links = linker.link(LOC, "2026-01-01T00:00:00.000Z");
        assertThat(links.photoPairs()).isEqualTo(1);
        assertThat(column("images", "img_pairs", "img_sha256", 'a')).isEqualTo("[\"" + sha('b') + "\"]");
        assertThat(column("images", "img_pairs", "img_sha256", 'b')).isEqualTo("[\"" + sha('a') + "\"]");
        assertThat(column("images", "img_pairs", "img_sha256", 'd')).as("another folder").isNull();
        assertThat(column("images", "img_docs", "img_sha256", 'a')).contains(sha('e'), sha('1'), sha('2'));
        assertThat(column("images", "img_docs", "img_sha256", 'c')).isEqualTo("[\"" + sha('f') + "\"]");
        assertThat(column("documents", "docs_img", "doc_sha256", 'e')).contains(sha('a'), sha('b')).doesNotContain(sha('d'));
        assertThat(column("documents", "docs_img", "doc_sha256", 'f')).isEqualTo("[\"" + sha('c') + "\"]");
        linker.link(LOC, "2026-01-02T00:00:00.000Z");
        assertThat(column("images", "img_pairs", "img_sha256", 'a')).as("a second pass adds nothing")
                .isEqualTo("[\"" + sha('b') + "\"]");
    }
}
