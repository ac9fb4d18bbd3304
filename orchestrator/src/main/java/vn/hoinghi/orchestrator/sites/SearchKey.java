package vn.hoinghi.orchestrator.sites;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: lower case, tone and vowel marks removed, đ → d, runs of spaces and dashes
 * collapsed. "Đắk Lắk" and "dak lak" both become "dak lak". Stored beside the name so the database can use a
 * trigram index instead of folding every row per query.
 */
public final class SearchKey {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_.,]+");

    private SearchKey() {
    }

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // đ/Đ is a letter of its own, not d + mark, so NFD leaves it: map it first.
        String s = text.replace('đ', 'd').replace('Đ', 'D');
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return s.trim();
    }
}
