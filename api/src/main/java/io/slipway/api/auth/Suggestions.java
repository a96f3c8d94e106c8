package io.slipway.api.auth;

/** "Did you mean" for misspelt permission names: most policy errors are one-character typos. */
final class Suggestions {
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {}

    /** {@code " (did you mean 'x'?)"} for the nearest known permission, or a pointer to the list. */
    static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : Permissions.ALL) {
            int d = distance(name, known);
            if (d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return bestDistance <= MAX_DISTANCE
                ? " (did you mean '" + best + "'?)"
                : " (the permissions are listed in docs/auth.md)";
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
