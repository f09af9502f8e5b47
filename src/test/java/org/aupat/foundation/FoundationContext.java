package org.aupat.foundation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.AupatApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real application context (no script) with every path under one home folder, plus extra beans. */
public final class FoundationContext {
    private FoundationContext() {
    }

    public static ConfigurableApplicationContext start(Path home, Class<?>... extra) {
        List<Class<?>> sources = new ArrayList<>(List.of(AupatApplication.class));
        sources.addAll(List.of(extra));
        return new SpringApplicationBuilder(sources.toArray(Class[]::new)).web(WebApplicationType.NONE)
                .run(settings(home));
    }

    public static String[] settings(Path home) {
        return new String[] {
            "--aupat.home=" + home.resolve("data"),
            "--aupat.config-home=" + home.resolve(".config/aupat"),
            "--aupat.database=" + home.resolve("data/aupat.db"),
            "--aupat.checkpoint-database=" + home.resolve("data/checkpoint_state.db"),
            "--aupat.staging=" + home.resolve("data/staging"),
            "--aupat.archive=" + home.resolve("data/archive"),
            "--aupat.backups=" + home.resolve("data/backups"),
            "--aupat.logs=" + home.resolve("logs"),
            "--aupat.retry.initial-delay=1ms",
            "--aupat.retry.max-delay=4ms",
            "--aupat.progress.every-items=5"
        };
    }
}
