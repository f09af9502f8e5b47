package org.aupat.cli;

import java.util.Optional;
import picocli.CommandLine;

/** The one line a person reads when a script's options cannot be parsed. */
final class UsageProblems {
    private UsageProblems() {
    }

    /**
     * A mistyped option explains more than the required option it leaves missing, so it is named first,
     * with the options it may have meant; otherwise picocli's own message.
     */
    static String describe(CommandLine commandLine, CommandLine.ParameterException e, String... scriptArguments) {
        return unknownOption(commandLine, scriptArguments).orElse(e.getMessage());
    }

    private static Optional<String> unknownOption(CommandLine commandLine, String... scriptArguments) {
        var options = commandLine.getCommandSpec().optionsMap();
        for (String a : scriptArguments) {
            String option = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (option.startsWith("-") && option.length() > 1 && !options.containsKey(option)) {
                var longNames = options.keySet().stream().filter(n -> n.startsWith("--")).toList();
                return Optional.of("Unknown option: '" + option + "'." + DidYouMean.hint(option, longNames));
            }
        }
        return Optional.empty();
    }
}
