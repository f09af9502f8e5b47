package org.aupat.archive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The catalogue's one escaping rule and its links. */
class HtmlTest {
    @Test
    void markupInANameBecomesText() {
        assertThat(Html.escape("<script>alert(1)</script>.jpg")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;.jpg");
        assertThat(Html.escape("a\" onmouseover='x' & b")).isEqualTo("a&quot; onmouseover=&#39;x&#39; &amp; b");
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("Café Élan")).isEqualTo("Café Élan");
    }

    @Test
    void dataForThePageScriptCannotEndItsElement() throws Exception {
        String json = new ObjectMapper().writeValueAsString(java.util.Map.of("n", "</script><b>x</b> & \u2028"));
        String safe = Html.scriptData(json);
        assertThat(safe).doesNotContain("<", ">", "&", "\u2028");
        assertThat(new ObjectMapper().readTree(safe).get("n").asText()).isEqualTo("</script><b>x</b> & \u2028");
    }

    @Test
    void linksAreRelativeAndEncodedSegmentBySegment() {
        Path pages = Path.of("/home/a/data/catalogue/locations");
        assertThat(Html.link(pages, Path.of("/home/a/data/archive/ny-x/p #1?/é.jpg")))
                .isEqualTo("../../archive/ny-x/p%20%231%3F/%C3%A9.jpg");
    }

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(Html.linkable("https://example.org/a")).isTrue();
        assertThat(Html.linkable("HTTP://example.org/")).isTrue();
        assertThat(Html.linkable("javascript:alert(1)")).isFalse();
        assertThat(Html.linkable("data:text/html,<b>")).isFalse();
        assertThat(Html.linkable("not a url at all")).isFalse();
    }
}
