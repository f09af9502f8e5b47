package org.aupat.archive.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aupat.archive.rules.Rules;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaClassifierTest {
    @TempDir
    static Path noOverrides;

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "IMG_0001.JPG, IMAGE, jpg",
        "IMG_1234.HEIC, IMAGE, heic",
        "_DSC0001.NEF, IMAGE, nef",
        "IMG_0001.MOV, VIDEO, mov",
        "DJI_0042.MP4, VIDEO, mp4",
        "00001.MTS, VIDEO, mts",
        "history.PDF, DOCUMENT, pdf",
        "DJI_0042.SRT, DOCUMENT, srt",
        "notes.odt, DOCUMENT, odt",
        "scan.unknownformat, DOCUMENT, unknownformat",
        "README, DOCUMENT, none",
        ".bashrc, DOCUMENT, none",
        "trailingdot., DOCUMENT, none",
        "IMG_0001.CR3, IMAGE, cr3",
        "CRW_0001.CRW, IMAGE, crw",
        "DSCF0001.HIF, IMAGE, hif",
        "photo.avif, IMAGE, avif",
        "photo.jxl, IMAGE, jxl",
        "layers.psd, IMAGE, psd",
        "IMG_20240101.insp, IMAGE, insp",
        "GOPR0001.GPR, IMAGE, gpr",
        "A001_C001.R3D, VIDEO, r3d",
        "A001.braw, VIDEO, braw",
        "MOV001.MOD, VIDEO, mod",
        "MOV001.TOD, VIDEO, tod",
        "VID_20240101.insv, VIDEO, insv",
        "00001.M2TS, VIDEO, m2ts",
        // Any other name is a document whose stored extension keeps only ASCII letters and digits.
        "x.jpg_original, DOCUMENT, jpgoriginal",
        "photo.jp_g, DOCUMENT, jpg",
        "IMG_0001.JPG.bak, DOCUMENT, bak",
        "résumé.pdé, DOCUMENT, pde",
        "odd.@@@, DOCUMENT, none",
        "'a.b c', DOCUMENT, bc",
        ".hidden, DOCUMENT, none",
        ".hidden.JPG, IMAGE, jpg",
        "long.abcdefghijklmnopqrstuvwxyz, DOCUMENT, abcdefghijklmnop",
    })
    void mediaIsClassifiedByExtension(String name, MediaType type, String extension) {
        Classification c = new MediaClassifier(Rules.from(noOverrides)).classify(name);
        assertThat(c.ignored()).isFalse();
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.extension()).isEqualTo(extension).matches("[a-z0-9]+");
    }

    @ParameterizedTest(name = "{0} is ignored")
    @CsvSource({"GOPR0001.THM", "clip.thm", ".DS_Store", "Thumbs.db", "thumbs.DB", "catalog.db", "DJI_0042.LRF",
        "dji_0042.lrf", "holiday.LRF", "GOPR0001.LRV", "GL010001.lrv", "upload.tmp", "notes.txt~", "IMG_0001.JPG~",
        "._IMG_0001.JPG", ".notes.txt.swp", "desktop.ini", "Desktop.INI", ".picasa.ini"})
    void ignoredFilesAreRecognisedCaseInsensitively(String name) {
        Classification c = new MediaClassifier(Rules.from(noOverrides)).classify(name);
        assertThat(c.ignored()).isTrue();
        assertThat(c.type()).isNull();
        assertThat(c.ignoredBecause()).startsWith("ignored_ext.json");
    }
}
