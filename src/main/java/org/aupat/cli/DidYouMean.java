package org.aupat.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "did you mean" of a mistyped script or option name: the known names within a few typing slips
 * (letters left out, added, changed or swapped) of what was typed, closest first.
 *
 * <p>Our own, small: picocli suggests an option only by its first two letters (so {@code --lcoation}
 * gets nothing) and keeps its similarity measure to itself.
 */
final class DidYouMean {
    private DidYouMean() {
    }

    /** The candidates close enough to {@code typed} to be what was meant, closest first (at most three). */
    static List<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, t.length() / 3);
        return candidates.stream().distinct()
                .filter(c -> distance(t, c.toLowerCase(Locale.ROOT)) <= allowed)
                .sorted(Comparator.comparingInt((String c) -> distance(t, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
    }

    /** " Did you mean a or b?" for a message, or nothing when no candidate is close. */
    static String hint(String typed, Collection<String> candidates) {
        List<String> close = closest(typed, candidates);
        return close.isEmpty() ? "" : " Did you mean " + String.join(" or ", close) + "?";
    }

    /** Edits between two names: insertions, deletions, substitutions and swaps of two neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
