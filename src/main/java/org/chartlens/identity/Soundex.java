package org.chartlens.identity;

/**
 * American Soundex (the U.S. National Archives' coding of the census indexes): the first letter
 * and three digits for the consonant sounds that follow ("Robert" and "Rupert" are R163). Used for
 * blocking and for the phonetic level of name agreement. Stateless.
 */
public final class Soundex {
    //                                     ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {
    }

    /** The code of an already {@link Normalizer#name normalised} name; "" for "". */
    public static String of(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(4);
        char first = Character.toUpperCase(name.charAt(0));
        out.append(first);
        char last = code(first);
        for (int i = 1; i < name.length() && out.length() < 4; i++) {
            char ch = Character.toUpperCase(name.charAt(i));
            char c = code(ch);
            if (c == '0') {
                if (ch != 'H' && ch != 'W') {
                    last = '0'; // a vowel separates equal codes; H and W do not
                }
                continue;
            }
            if (c != last) {
                out.append(c);
            }
            last = c;
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }

    private static char code(char upper) {
        return upper >= 'A' && upper <= 'Z' ? CODES.charAt(upper - 'A') : '0';
    }
}
