package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The catalogue in a real browser: Debian's chromium, headless, driven by Selenium through chromium-driver,
 * one session for the class. Name resolution is switched off for the whole session, so the network is blocked:
 * the pages must work from {@code file://} alone, and the map shows its pins without tiles. Skipped where
 * chromium is not installed, unless {@code AUPAT_BROWSER_TESTS=required} (as .ci/run sets it).
 */
class CatalogueBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots kept after the run. */
    private static final Path ARTIFACTS = Path.of("target/catalogue-screenshots");

    @TempDir
    static Path home;
    static CatalogueHome archive;
    static ChromeDriver browser;

    @BeforeAll
    static void archiveAndBrowser() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!installed && "required".equals(System.getenv("AUPAT_BROWSER_TESTS"))) {
            throw new AssertionError("chromium and chromium-driver are required here: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
        archive = CatalogueHome.build(home);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,1000", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(driver, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(ARTIFACTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString());
        browser.manage().logs().get(LogType.BROWSER); // nothing before this page counts
        browser.navigate().refresh();
    }

    /** Console errors of the page just loaded; failing map tiles (the one request allowed out) aside. */
    private static List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()
                    && !entry.getMessage().contains("https://tile.openstreetmap.org/")) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static List<Path> locationPages() throws Exception {
        try (var pages = Files.list(archive.catalogue().resolve("locations"))) {
            return pages.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Scrolls a location page to its end until every group has loaded all its data; returns the items shown. */
    private static long loadWholeGrid() throws InterruptedException {
        long shown = -1;
        for (int still = 0; still < 3; ) {
            js("window.scrollTo(0, document.body.scrollHeight);");
            Thread.sleep(150);
            long now = (Long) js("return document.querySelectorAll('figure.item').length;");
            still = now == shown ? still + 1 : 0;
            shown = now;
        }
        js("window.scrollTo(0, 0);");
        return shown;
    }

    /** Every link and image source of the page that points at a file, as that file. */
    private static List<Path> linkedFiles() {
        List<Path> files = new ArrayList<>();
        for (WebElement e : browser.findElements(By.cssSelector("img[src], a[href]"))) {
            String url = e.getTagName().equals("img") ? e.getDomProperty("src") : e.getDomProperty("href");
            if (url.startsWith("file:")) {
                files.add(Path.of(URI.create(url.replaceFirst("#.*$", ""))));
            }
        }
        return files;
    }

    @Test
    void theIndexShowsEveryLocationWithTheDatabasesCounts() throws Exception {
        open(archive.catalogue().resolve("index.html"));
        assertThat(consoleErrors()).isEmpty();
        assertThat(browser.findElement(By.id("count-locations")).getText()).isEqualTo(
                String.valueOf(archive.count("SELECT count(*) FROM locations")));
        assertThat(browser.findElement(By.id("count-photos")).getText()).isEqualTo(
                String.valueOf(archive.count("SELECT count(*) FROM images")));
        assertThat(browser.findElement(By.id("count-videos")).getText()).isEqualTo(
                String.valueOf(archive.count("SELECT count(*) FROM videos")));
        assertThat(browser.findElement(By.id("count-documents")).getText()).isEqualTo(
                String.valueOf(archive.count("SELECT count(*) FROM documents")));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.location"));
        assertThat(rows).hasSize(2);
        for (WebElement row : rows) {
            String name = row.findElement(By.cssSelector("td.name a")).getText();
            assertThat(row.findElement(By.cssSelector("td.photos")).getText()).isEqualTo(String.valueOf(archive.count(
                    "SELECT count(*) FROM images JOIN locations USING (loc_uuid) WHERE loc_name = '" + name + "'")));
        }
        assertThat(linkedFiles()).isNotEmpty().allSatisfy(file -> assertThat(file).isRegularFile());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), ARTIFACTS.resolve("index.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void filteringAsYouTypeAndSorting() {
        open(archive.catalogue().resolve("index.html"));
        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("sample");
        assertThat(visibleNames()).containsExactly("Sample Mill");
        filter.clear();
        filter.sendKeys("EDUCATIONAL");
        assertThat(visibleNames()).containsExactly("Odd Hall");
        filter.clear();
        filter.sendKeys("zzz-nothing");
        assertThat(visibleNames()).isEmpty();
        filter.clear();
        js("var f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));");
        assertThat(visibleNames()).containsExactly("Odd Hall", "Sample Mill");
        js("var s = document.getElementById('sort'); s.value = 'last'; s.dispatchEvent(new Event('change'));");
        List<String> lastVisits = browser.findElements(By.cssSelector("tr.location")).stream()
                .map(r -> r.getDomAttribute("data-last")).toList();
        assertThat(lastVisits).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotContain("");
        js("var s = document.getElementById('sort'); s.value = 'name'; s.dispatchEvent(new Event('change'));");
        assertThat(visibleNames()).containsExactly("Odd Hall", "Sample Mill");
    }

    private static List<String> visibleNames() {
        return browser.findElements(By.cssSelector("tr.location")).stream().filter(WebElement::isDisplayed)
                .map(r -> r.findElement(By.cssSelector("td.name a")).getText()).toList();
    }

    @Test
    void everyLocationPageLoadsCleanlyWithTheDatabasesCountsAndWorkingLinks() throws Exception {
        for (Path page : locationPages()) {
            open(page);
            loadWholeGrid();
            assertThat(consoleErrors()).as(page.toString()).isEmpty();
            String uuid = page.getFileName().toString().replace(".html", "");
            for (String[] kind : new String[][] {{"photos", "images"}, {"videos", "videos"}, {"documents", "documents"}}) {
                assertThat(browser.findElement(By.id("count-" + kind[0])).getText()).as(page + " " + kind[0]).isEqualTo(
                        String.valueOf(archive.count("SELECT count(*) FROM " + kind[1] + " WHERE loc_uuid = '" + uuid + "'")));
            }
            // Every file is on the page once: as an item's main file, as part of one, or as a document.
            long files = archive.count("SELECT (SELECT count(*) FROM images WHERE loc_uuid = '" + uuid + "')"
                    + " + (SELECT count(*) FROM videos WHERE loc_uuid = '" + uuid + "')"
                    + " + (SELECT count(*) FROM documents WHERE loc_uuid = '" + uuid + "')");
            assertThat(browser.findElements(By.cssSelector("figure.item a.original, figure.item a.extra, #documents a")))
                    .hasSize((int) files);
            List<Path> linked = linkedFiles();
            assertThat(linked).allSatisfy(file -> assertThat(file).isRegularFile());
            // The map's controls link to the page itself ("#"); nothing else stays in the catalogue's pages.
            assertThat(linked).filteredOn(file -> !file.equals(page))
                    .noneMatch(file -> file.startsWith(archive.catalogue().resolve("locations")));
            assertThat(browser.findElements(By.cssSelector("figure.item img.thumb"))).allSatisfy(img ->
                    assertThat((Boolean) js("return arguments[0].complete && arguments[0].naturalWidth > 0;".replace(
                            "arguments[0]", "document.querySelector(\"img[src='" + img.getDomAttribute("src") + "']\")"))).isTrue());
        }
    }

    @Test
    void hostileNamesShowAsText() throws Exception {
        Path page = locationPages().stream().filter(p -> {
            try {
                return Files.readString(p).contains("Odd Hall");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        open(page);
        loadWholeGrid();
        assertThatNoAlert();
        assertThat(browser.findElement(By.id("aka")).getText()).isEqualTo(
                archive.text("SELECT aka_name FROM locations WHERE loc_name = 'Odd Hall'")).contains("'");
        assertThat(browser.findElements(By.cssSelector("figure.item .name")).stream().map(WebElement::getText))
                .contains(CatalogueHome.HOSTILE_FILE);
        assertThat(browser.findElements(By.cssSelector("figure.item .camera")).stream().map(WebElement::getText))
                .anyMatch(c -> c.contains(CatalogueHome.HOSTILE_MAKE));
        assertThat(browser.findElement(By.cssSelector("#urls a")).getDomAttribute("href")).isEqualTo(CatalogueHome.HOSTILE_URL);
        assertThat(browser.findElement(By.cssSelector("#documents a")).getText()).isEqualTo("history <i>of<i> the hall.txt");
        // No markup from a name became an element: the only images are thumbnails, the only scripts ours.
        // (the map's tiles are images too, which the map makes)
        assertThat(js("return Array.prototype.filter.call(document.querySelectorAll('img:not(.thumb), b, i, [onerror]'),"
                + " function (e) { return !e.closest('#map'); }).length;")).isEqualTo(0L);
        // Scripts: the page's data (JSON, not run), then ours, and the grid's and map's data files beside the page.
        assertThat(browser.findElements(By.cssSelector("script:not([src])"))).singleElement()
                .satisfies(data -> assertThat(data.getDomAttribute("type")).isEqualTo("application/json"));
        assertThat(browser.findElements(By.cssSelector("script[src]")).stream().map(e -> e.getDomProperty("src")))
                .hasSizeGreaterThan(2).allSatisfy(src -> assertThat(Path.of(URI.create(src)))
                        .startsWith(archive.catalogue()).isRegularFile());
        // The RAW+JPEG pair and its sidecar are one item, shown by the JPEG.
        WebElement pair = browser.findElements(By.cssSelector("figure.item")).stream()
                .filter(f -> f.findElement(By.cssSelector(".name")).getText().equals("PAIR_0001.JPG")).findFirst().orElseThrow();
        assertThat(pair.findElements(By.cssSelector("a.extra")).stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("NEF", "sidecar XMP");
        js("document.getElementById('media').scrollIntoView();");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), ARTIFACTS.resolve("location.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A location with more items than one data file holds: the page asks only for the files of the groups in
     * view, the rest come as the page is scrolled, nothing fails from file://, and in the end every file is shown.
     */
    @Test
    void aLargeLocationLoadsItsGridLazilyAndInTheEndShowsEveryFile(@TempDir Path large) throws Exception {
        Path card = Files.createDirectories(large.resolve("card"));
        MediaFactory media = new MediaFactory(card);
        Path first = media.photo("LOT_0000.JPG", "Canon", "Canon EOS R5", "2024:03:04 10:00:00", "-05:00", 42.5, -76.5);
        for (int i = 1; i < 60; i++) {
            Files.copy(first, card.resolve(String.format("LOT_%04d.JPG", i)));
        }
        // One exiftool for all: a description of its own makes each file's bytes differ.
        Process tag = new ProcessBuilder("exiftool", "-q", "-overwrite_original", "-ImageDescription<FileName",
                card.toString()).redirectErrorStream(true).start();
        assertThat(tag.waitFor()).isZero();
        InProcessRunner aupat = new InProcessRunner(large);
        JarRunner.Result run = aupat.run("--script=pipeline", "--source=" + card, "--name=Lot Works", "--state=ny",
                "--type=industrial", "--no-catalogue");
        assertThat(run.exit()).as(run.err()).isZero();
        run = aupat.run("--script=catalogue", "--aupat.catalogue-grid-items=2");
        assertThat(run.exit()).as(run.err()).isZero();
        Path page;
        try (var pages = Files.list(large.resolve("data/catalogue/locations"))) {
            page = pages.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow();
        }
        Path data = page.resolveSibling(page.getFileName().toString().replace(".html", ""));
        try (var chunks = Files.list(data)) {
            assertThat(chunks.filter(c -> c.getFileName().toString().startsWith("chunk-"))).hasSize(30);
        }
        open(page);
        Thread.sleep(300);
        long atFirst = (Long) js("return document.querySelectorAll('figure.item').length;");
        assertThat(atFirst).isPositive().isLessThan(60);
        assertThat(browser.findElement(By.cssSelector("section.group h3")).getText()).endsWith("(60)");
        long photos;
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + large.resolve("data/aupat.db"));
             java.sql.ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM images")) {
            photos = rs.getLong(1);
        }
        assertThat(photos).isEqualTo(60);
        assertThat(browser.findElement(By.id("count-photos")).getText()).isEqualTo("60");
        assertThat(loadWholeGrid()).isEqualTo(photos);
        assertThat(browser.findElements(By.cssSelector("figure.item .name")).stream().map(WebElement::getText).distinct())
                .hasSize(60);
        assertThat(consoleErrors()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive"))).isNotEmpty();
    }

    private static void assertThatNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a name ran as script: an alert is open");
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
    }

    @Test
    void withoutNetworkTheMapsShowTheirPinsWithoutTiles() throws Exception {
        open(archive.catalogue().resolve("index.html"));
        assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#map img.leaflet-tile-loaded"))).isEmpty();
        for (Path page : locationPages()) {
            open(page);
            assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive"))).as(page.toString()).isNotEmpty();
        }
        // Nothing but the tiles was asked of the network.
        open(archive.catalogue().resolve("index.html"));
        @SuppressWarnings("unchecked")
        List<String> requested = (List<String>) js("return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
        assertThat(requested).allSatisfy(url -> assertThat(url).matches("^(file:|https://tile\\.openstreetmap\\.org/).*"));
    }

    @Test
    void theCopyWithoutGpsHasNoMap() throws Exception {
        JarRunner.Result redacted = archive.aupat.run("--script=catalogue", "--redact-gps");
        assertThat(redacted.exit()).as(redacted.err()).isZero();
        Path copy = archive.home.resolve("data/catalogue-no-gps");
        open(copy.resolve("index.html"));
        assertThat(consoleErrors()).isEmpty();
        assertThat(browser.findElements(By.id("map"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("tr.location"))).hasSize(2);
        try (var pages = Files.list(copy.resolve("locations"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                open(page);
                assertThat(consoleErrors()).isEmpty();
                assertThat(browser.findElements(By.id("map"))).isEmpty();
                assertThat(browser.findElements(By.cssSelector(".gps"))).isEmpty();
                assertThat(browser.findElements(By.cssSelector("figure.item"))).isNotEmpty();
            }
        }
    }
}
