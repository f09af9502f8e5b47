package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;

/**
 * A home with two locations for the catalogue's tests: the README's sample card (through the pipeline, which
 * ends by writing the catalogue), and a place whose names come from a hostile source: HTML in a file name, in
 * an EXIF Make and in the aka name, a quote in a URL, plus a RAW+JPEG pair with a sidecar and a video.
 */
final class CatalogueHome {
    /** A file name holds no slash, so no closing tag: an image whose error handler runs script does as well. */
    static final String HOSTILE_FILE = "<script>alert(1)<img src=x onerror=alert(1)>.jpg";
    static final String HOSTILE_MAKE = "<b>Evil</b><img src=x onerror=alert(2)>";
    /** Location names may hold only letters, digits, spaces, hyphens, underscores and apostrophes. */
    static final String HOSTILE_AKA = "O'Reilly's 'Hall' x";
    static final String HOSTILE_URL = "https://example.org/a?q=x'onmouseover='alert(4)";
    static final double HOSTILE_LAT = 43.123456;
    static final double HOSTILE_LON = -77.654321;

    final Path home;
    final InProcessRunner aupat;

    private CatalogueHome(Path home) {
        this.home = home;
        this.aupat = new InProcessRunner(home);
    }

    static CatalogueHome build(Path home) throws Exception {
        CatalogueHome h = new CatalogueHome(home);
        Path card = home.resolve("card");
        ArchiveInvariants.copyTree(Path.of("samples/card"), card);
        JarRunner.Result sample = h.aupat.run("--script=pipeline", "--source=" + card, "--name=Sample Mill", "--state=ny",
                "--type=industrial");
        assertThat(sample.exit()).as(sample.err()).isZero();
        Path odd = Files.createDirectories(home.resolve("odd"));
        MediaFactory media = new MediaFactory(odd);
        media.photo(HOSTILE_FILE, HOSTILE_MAKE, "Model \"Q\" & 'R'", "2022:10:09 08:00:00", "-04:00", HOSTILE_LAT, HOSTILE_LON);
        media.photo("PAIR_0001.JPG", "NIKON CORPORATION", "NIKON D850", "2022:10:10 09:00:00", "-04:00", HOSTILE_LAT, HOSTILE_LON);
        Files.copy(media.photo("raw-source.jpg", "NIKON CORPORATION", "NIKON D850"), odd.resolve("PAIR_0001.NEF"));
        Files.delete(odd.resolve("raw-source.jpg"));
        media.text("PAIR_0001.xmp", "<x:xmpmeta xmlns:x='adobe:ns:meta/'></x:xmpmeta>");
        media.mp4("DJI_0009.MP4", "DJI.AVC");
        media.text("history <i>of<i> the hall.txt", "Built 1901.");
        JarRunner.Result hostile = h.aupat.run("--script=pipeline", "--source=" + odd, "--name=Odd Hall", "--state=ny",
                "--type=educational", "--aka=" + HOSTILE_AKA, "--url=" + HOSTILE_URL);
        assertThat(hostile.exit()).as(hostile.err()).isIn(0, 4);
        return h;
    }

    Path catalogue() {
        return home.resolve("data/catalogue");
    }

    Path database() {
        return home.resolve("data/aupat.db");
    }

    /** One text from the database, asked directly. */
    String text(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** One number from the database, asked directly (not through AUPAT's code). */
    long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }
}
