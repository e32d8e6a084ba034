package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.MarkupScanner.at;
import static dev.apigw.security.validate.signature.MarkupScanner.skipSpaces;

/**
 * Script reached through a URL or an attribute, over lower-case text: {@code javascript:} and {@code vbscript:}
 * (with the tabs and line breaks browsers ignore inside a scheme), {@code data:} documents, {@code url(javascript}
 * in CSS and a quote followed by an attribute that loads a document ({@code 'formaction=}).
 */
final class ScriptUrls {

    private static final String[] SCHEMES = {"javascript", "vbscript", "livescript"};
    private static final String[] DATA_TYPES = {",", "text/html", "text/javascript", "text/xml", "image/svg",
        "application/", "text/x"};
    private static final String[] INJECTED_ATTRIBUTES = {"formaction", "srcdoc", "xlink:href"};

    private ScriptUrls() {
    }

    /** {@code javascript:} allowing tabs and line breaks between letters; not "javascript: a guide" in prose. */
    static boolean scriptScheme(String s, int i, boolean first) {
        for (String scheme : SCHEMES) {
            int k = i;
            int matched = 0;
            while (matched < scheme.length() && k < s.length()) {
                char c = s.charAt(k);
                if (c == scheme.charAt(matched)) {
                    matched++;
                } else if (!(c == '\t' || c == '\n' || c == '\r') || matched == 0) {
                    break;
                }
                k++;
            }
            k = skipIgnorable(s, k);
            if (matched == scheme.length() && at(s, k) == ':') {
                char after = at(s, skipIgnorable(s, k + 1));
                return first || (after != ' ' && after != 0);
            }
        }
        return false;
    }

    static boolean dataUrl(String s, int end) {
        int colon = skipSpaces(s, end);
        if (at(s, colon) != ':') {
            return false;
        }
        int type = skipSpaces(s, colon + 1);
        for (String t : DATA_TYPES) {
            if (s.startsWith(t, type)) {
                return true;
            }
        }
        return false;
    }

    /** {@code url(javascript}: a script URL in CSS, even cut off before its colon. */
    static boolean cssScriptUrl(String s) {
        for (int i = s.indexOf("url("); i >= 0; i = s.indexOf("url(", i + 4)) {
            int k = skipSpaces(s, i + 4);
            if (at(s, k) == '"' || at(s, k) == '\'') {
                k = skipSpaces(s, k + 1);
            }
            if (s.startsWith("javascript", k) || s.startsWith("vbscript", k)) {
                return true;
            }
        }
        return false;
    }

    /** {@code 'formaction=}: a quote closing an attribute, then an attribute that takes a URL or a document. */
    static boolean attributeInjection(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '"' && c != '\'') {
                continue;
            }
            int k = skipSpaces(s, i + 1);
            for (String attribute : INJECTED_ATTRIBUTES) {
                if (s.startsWith(attribute, k) && at(s, skipSpaces(s, k + attribute.length())) == '=') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int skipIgnorable(String s, int i) {
        while (i < s.length() && (s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }
}
