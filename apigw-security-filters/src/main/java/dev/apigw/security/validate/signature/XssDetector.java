package dev.apigw.security.validate.signature;

import java.util.Locale;

/**
 * Cross-site scripting: markup a browser would act on ({@link MarkupScanner}) and script outside markup
 * ({@link ScriptScanner}), over the lower-cased, already decoded text. Ordinary text that merely mentions HTML
 * ({@code <b>bold</b>}, {@code <3}, "x < y") or script words ("javascript developers", "alert: the server is down")
 * passes.
 */
final class XssDetector implements Detector {

    @Override
    public Category category() {
        return Category.XSS;
    }

    @Override
    public boolean matches(String text, Slot slot) {
        String s = text.toLowerCase(Locale.ROOT);
        return MarkupScanner.matches(s) || ScriptScanner.matches(s) || (slot == Slot.NAME && handlerInName(s));
    }

    /** {@code onabc=} inside a parameter name: a name never holds {@code =}, an injected attribute does. */
    private static boolean handlerInName(String s) {
        for (int i = s.indexOf("on"); i >= 0; i = s.indexOf("on", i + 2)) {
            int end = i + 2;
            while (end < s.length() && s.charAt(end) >= 'a' && s.charAt(end) <= 'z') {
                end++;
            }
            if (end - i >= 5 && MarkupScanner.at(s, MarkupScanner.skipSpaces(s, end)) == '='
                    && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
