package org.aupat.archive.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;

class LocationNamesTest {
    @Test
    void normalisesAsTheSpecSays() {
        assertThat(LocationNames.normalise("name", "  richard   olmsted complex")).isEqualTo("Richard Olmsted Complex");
        assertThat(LocationNames.normalise("name", "Café Élan Théâtre")).isEqualTo("Cafe Elan Theatre");
        assertThat(LocationNames.normalise("name", "STRAßE")).isEqualTo("Strasse");
        assertThat(LocationNames.normalise("name", "łódź power-plant")).isEqualTo("Lodz Power-Plant");
        assertThat(LocationNames.normalise("name", "al's diner")).isEqualTo("Al's Diner");
    }

    @Test
    void refusesWhatCannotBeAName() {
        for (String bad : new String[] {"", "   ", "../etc", "a/b", "x\ny", "Robert'); DROP TABLE locations;--",
                "x".repeat(256)}) {
            assertThatThrownBy(() -> LocationNames.normalise("name", bad)).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("name");
        }
    }

    @Test
    void slugKeepsOnlyLowercaseLettersDigitsAndSingleHyphens() {
        assertThat(LocationNames.slug("name", "Richard Olmsted Complex")).isEqualTo("richard-olmsted-complex");
        assertThat(LocationNames.slug("name", "Al's  Diner - Main_St")).isEqualTo("als-diner-mainst");
        assertThatThrownBy(() -> LocationNames.slug("name", "'''")).isInstanceOf(ValidationError.class);
    }
}
