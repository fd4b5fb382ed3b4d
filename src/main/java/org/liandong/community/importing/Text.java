package org.liandong.community.importing;

/** What spreadsheet cells need before they can be read: full-width digits, odd spaces, hidden characters. */
final class Text {

    private Text() {
    }

    /** Trims, also the no-break and ideographic spaces Excel users paste in. */
    static String clean(String s) {
        return s.replace('\u00A0', ' ').replace('\uFEFF', ' ').strip();
    }

    /** Turns full-width ASCII (１２３，ＡＢＣ) and the ideographic space into their ordinary forms. */
    static String halfWidth(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char h = c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c;
            if (h != c && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(h);
            }
        }
        return out == null ? s : out.toString();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Markup or characters that change how text is shown (control characters, bidirectional overrides). */
    static boolean hasMarkup(String s) {
        return s.indexOf('<') >= 0 || s.indexOf('>') >= 0 || hasControl(s, false);
    }

    static boolean hasControl(String s, boolean allowLineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) {
                continue;
            }
            if (Character.isISOControl(c) || (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** For echoing a cell inside a message: short, and without anything that could disturb the page. */
    static String quote(String s) {
        var t = s.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return t.length() > 30 ? t.substring(0, 30) + "…" : t;
    }
}
