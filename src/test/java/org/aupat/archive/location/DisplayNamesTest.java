package org.aupat.archive.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;

class DisplayNamesTest {
    @Test
    void normalisesAsTheSpecSays() {
        assertThat(DisplayNames.normalise("name", "  richard   olmsted complex")).isEqualTo("Richard Olmsted Complex");
        assertThat(DisplayNames.normalise("name", "Café Élan Théâtre")).isEqualTo("Cafe Elan Theatre");
        assertThat(DisplayNames.normalise("name", "STRAßE")).isEqualTo("Strasse");
        assertThat(DisplayNames.normalise("name", "łódź power-plant")).isEqualTo("Lodz Power-Plant");
        assertThat(DisplayNames.normalise("name", "al's diner")).isEqualTo("Al's Diner");
    }

    @Test
    void refusesWhatCannotBeAName() {
        for (String bad : new String[] {"", "   ", "../etc", "a/b", "x\ny", "Robert'); DROP TABLE locations;--",
                "x".repeat(256)}) {
            assertThatThrownBy(() -> DisplayNames.normalise("name", bad)).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("name");
        }
    }
}
