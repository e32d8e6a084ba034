package dev.apigw.security.validate.signature;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes HTML character references as browsers do when they read an attribute or text: numeric ({@code &#60;},
 * {@code &#x3c}, with or without the {@code ;}) and the named ones that matter for evasion ({@code &lt;},
 * {@code &Tab;}, {@code &colon;}...). {@code &lt}, {@code &gt}, {@code &amp} and {@code &quot} are also taken without
 * the {@code ;}, as the HTML parser's legacy table does (WHATWG HTML §13.5).
 */
final class CharacterReferences {

    private static final int MAX_NAME = 10;
    private static final int MAX_DIGITS = 8;
    private static final Map<String, Character> NAMED = new HashMap<>();
    private static final String[] LEGACY = {"quot", "amp", "lt", "gt"};

    static {
        String[][] table = {
            {"lt", "<"}, {"gt", ">"}, {"amp", "&"}, {"quot", "\""}, {"apos", "'"}, {"tab", "\t"},
            {"newline", "\n"}, {"colon", ":"}, {"lpar", "("}, {"rpar", ")"}, {"sol", "/"}, {"bsol", "\\"},
            {"period", "."}, {"comma", ","}, {"semi", ";"}, {"equals", "="}, {"excl", "!"}, {"num", "#"},
            {"grave", "`"}, {"lsqb", "["}, {"rsqb", "]"}, {"lbrack", "["}, {"rbrack", "]"}, {"lcub", "{"},
            {"rcub", "}"}, {"lbrace", "{"}, {"rbrace", "}"}, {"nbsp", " "}, {"plus", "+"}, {"quest", "?"},
            {"ast", "*"}, {"percnt", "%"}, {"dollar", "$"}, {"commat", "@"}, {"hat", "^"}, {"lowbar", "_"},
            {"verbar", "|"}, {"vert", "|"}, {"midast", "*"}, {"lsquo", "'"}, {"rsquo", "'"},
        };
        for (String[] entry : table) {
            NAMED.put(entry[0], entry[1].charAt(0));
        }
    }

    private CharacterReferences() {
    }

    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, amp);
        int i = amp;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int consumed = c == '&' ? reference(s, i, out) : 0;
            if (consumed == 0) {
                out.append(c);
                i++;
            } else {
                i += consumed;
            }
        }
        return out.length() == n ? s : out.toString();
    }

    /** Appends the character {@code s[at..]} refers to and returns how many characters it took, or 0. */
    private static int reference(String s, int at, StringBuilder out) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            return numeric(s, at, out);
        }
        int end = i;
        while (end < s.length() && end - i < MAX_NAME && isAsciiLetter(s.charAt(end))) {
            end++;
        }
        if (end == i) {
            return 0;
        }
        String name = s.substring(i, end).toLowerCase(Locale.ROOT);
        if (end < s.length() && s.charAt(end) == ';') {
            Character ch = NAMED.get(name);
            if (ch != null) {
                out.append(ch.charValue());
                return end - at + 1;
            }
        }
        for (String legacy : LEGACY) {
            if (name.startsWith(legacy)) {
                out.append(NAMED.get(legacy).charValue());
                return 1 + legacy.length();
            }
        }
        return 0;
    }

    private static int numeric(String s, int at, StringBuilder out) {
        int i = at + 2;
        boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
        if (hex) {
            i++;
        }
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        int start = i;
        int value = 0;
        while (i < s.length() && i - start < MAX_DIGITS) {
            char c = s.charAt(i);
            int d = hex ? PercentDecoding.hex(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
            if (d < 0) {
                break;
            }
            value = value * (hex ? 16 : 10) + d;
            i++;
        }
        if (i == at + 2 + (hex ? 1 : 0) || value > Character.MAX_CODE_POINT) {
            return 0;
        }
        out.appendCodePoint(value == 0 ? 0xFFFD : value);
        boolean semicolon = i < s.length() && s.charAt(i) == ';';
        return i - at + (semicolon ? 1 : 0);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
