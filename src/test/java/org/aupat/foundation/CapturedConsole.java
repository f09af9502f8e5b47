package org.aupat.foundation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.aupat.foundation.console.Console;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A console whose output a test reads back (not a terminal). */
public class CapturedConsole {
    public static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @Bean
    @Primary
    Console testConsole() {
        PrintStream stream = new PrintStream(OUT, true, StandardCharsets.UTF_8);
        return new Console(stream, stream, false);
    }

    public static String text() {
        return OUT.toString(StandardCharsets.UTF_8);
    }
}
