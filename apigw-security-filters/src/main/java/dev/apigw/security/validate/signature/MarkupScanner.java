package dev.apigw.security.validate.signature;

/**
 * Finds markup that a browser would act on, in one pass over lower-case text: dangerous elements
 * ({@code <script}, {@code <svg/onload}, {@code <x:script}, the spelled-out {@code <f o r m}), any element with an
 * event handler or a URL, style or namespace attribute, closing tags that end raw text ({@code </title>}), server-side
 * includes ({@code <!--#exec}), XML entities that fetch ({@code <!ENTITY % x SYSTEM}), and the UTF-7 and 7-bit
 * spellings of {@code <} ({@code +ADw-}, {@code ¼}).
 *
 * <p>An attribute list is read at most {@link #MAX_TAG} characters past its {@code <}; a run of {@code <} therefore
 * costs at most that much each, which keeps the scan linear.
 */
final class MarkupScanner {

    static final int MAX_TAG = 256;
    private static final int MAX_NAME = 32;

    private MarkupScanner() {
    }

    static boolean matches(String s) {
        for (int i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
            if (tagAt(s, i + 1)) {
                return true;
            }
        }
        return sevenBitTag(s, "+adw-") || sevenBitTag(s, "\u00bc") || entityDeclaration(s);
    }

    /** The text after a {@code <} at {@code i}. */
    private static boolean tagAt(String s, int i) {
        if (s.startsWith("!--#", i)) {
            return true;
        }
        if (s.startsWith("!--", i) || s.startsWith("!doctype", i) || s.startsWith("!entity", i)) {
            return false;
        }
        boolean closing = at(s, i) == '/';
        int start = closing || at(s, i) == '?' ? i + 1 : i;
        int spaced = skipSpaces(s, start);
        if (spaced > start) {
            return !closing && dangerousName(s, spaced, nameEnd(s, spaced)) && spelledEnds(s, nameEnd(s, spaced));
        }
        int end = nameEnd(s, start);
        if (end == start || !(Character.isLetter(s.charAt(start)) || s.charAt(start) == ':')) {
            return false;
        }
        if (closing) {
            return end - start <= MAX_NAME && MarkupLexicon.RAW_TEXT.contains(localName(s, start, end));
        }
        return dangerousName(s, start, end) || spelledOut(s, start) || dangerousAttribute(s, end);
    }

    private static boolean dangerousName(String s, int start, int end) {
        if (end == start || end - start > MAX_NAME) {
            return false;
        }
        String name = localName(s, start, end);
        return MarkupLexicon.DANGEROUS_TAGS.contains(name) || name.startsWith("import");
    }

    /** {@code <f o r m}: single letters separated by single spaces that spell a dangerous element. */
    private static boolean spelledOut(String s, int start) {
        StringBuilder name = new StringBuilder();
        int i = start;
        while (i < s.length() && name.length() < MAX_NAME && Character.isLetter(s.charAt(i))
                && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
            name.append(s.charAt(i));
            i += 2;
        }
        return name.length() > 2 && MarkupLexicon.DANGEROUS_TAGS.contains(name.toString());
    }

    private static boolean spelledEnds(String s, int end) {
        return end >= s.length() || !Character.isLetterOrDigit(s.charAt(end));
    }

    /** Reads attribute names up to {@code >} and reports an event handler or a URL, style or namespace attribute. */
    private static boolean dangerousAttribute(String s, int from) {
        int limit = Math.min(s.length(), from + MAX_TAG);
        int i = from;
        while (i < limit && s.charAt(i) != '>' && s.charAt(i) != '<') {
            char c = s.charAt(i);
            boolean boundary = c <= ' ' || c == '/' || c == '"' || c == '\'';
            if (!boundary || i + 1 >= limit || !Character.isLetter(s.charAt(i + 1))) {
                i++;
                continue;
            }
            int start = i + 1;
            int end = nameEnd(s, start);
            int eq = skipSpaces(s, end);
            if (at(s, eq) == '=' && attributeIsDangerous(s.substring(start, Math.min(end, start + MAX_NAME)))) {
                return true;
            }
            i = Math.max(end, i + 1);
        }
        return false;
    }

    private static boolean attributeIsDangerous(String name) {
        if (name.startsWith("on") && MarkupLexicon.EVENTS.contains(name.substring(2))) {
            return true;
        }
        return MarkupLexicon.DANGEROUS_ATTRIBUTES.contains(name) || name.startsWith("xmlns:")
                || name.endsWith(":href");
    }

    /** {@code +ADw-script} (UTF-7) or {@code ¼script} (7-bit): another spelling of {@code <} before an element. */
    private static boolean sevenBitTag(String s, String lessThan) {
        for (int i = s.indexOf(lessThan); i >= 0; i = s.indexOf(lessThan, i + 1)) {
            int start = i + lessThan.length();
            if (at(s, start) == '/') {
                start++;
            }
            if (dangerousName(s, start, nameEnd(s, start))) {
                return true;
            }
        }
        return false;
    }

    /** {@code <!ENTITY % x SYSTEM "http://...">}: an external entity, the start of XXE. */
    private static boolean entityDeclaration(String s) {
        for (int i = s.indexOf("!entity"); i >= 0; i = s.indexOf("!entity", i + 1)) {
            int limit = Math.min(s.length(), i + MAX_TAG);
            if (within(s, "system", i, limit) || within(s, "public", i, limit)) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(String s, String word, int from, int limit) {
        for (int i = from; i + word.length() <= limit; i++) {
            if (s.startsWith(word, i)) {
                return true;
            }
        }
        return false;
    }

    /** The name after any namespace prefix: {@code script} for {@code x:script}. */
    private static String localName(String s, int start, int end) {
        int from = start;
        for (int i = end - 1; i >= start; i--) {
            if (s.charAt(i) == ':') {
                from = i + 1;
                break;
            }
        }
        return s.substring(from, end);
    }

    static int nameEnd(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == ':' || c == '-' || c == '_')) {
                break;
            }
            i++;
        }
        return i;
    }

    static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                || s.charAt(i) == '\r' || s.charAt(i) == '\f')) {
            i++;
        }
        return i;
    }

    static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : 0;
    }
}
