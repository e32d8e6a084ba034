package dev.apigw.security.validate.signature;

import java.util.Locale;

/**
 * Operating-system command injection: a known command where a shell would run one, i.e. after {@code ;},
 * {@code |}, {@code &}, a line break, inside {@code $(...)}, backticks or {@code <(...)}, or at the start of the
 * value; shell-only syntax ({@link ShellSyntax}); and Windows {@code FOR ... IN (...)} and {@code IF} lines
 * ({@link WindowsBatch}).
 *
 * <p>Prose is left alone: at the start of a value a command needs an argument only a shell takes and no run of
 * ordinary words ("ls -la shows hidden files in a tutorial" passes), a substitution such as {@code $(pwd)} followed
 * by a sentence passes too, and so does a Markdown code span ({@code `make -s`}) in a sentence. Commands that are
 * English words ("cat and dog", "Tom & Jerry; more later") need such an argument, except standing alone inside a
 * substitution or right at the start of the value ({@code ;ps}, {@code $(cat)}).
 */
final class CommandInjectionDetector implements Detector {

    private static final int PROSE_WORDS = 3;
    private static final int MAX_PLAIN_WORDS = 3;

    @Override
    public Category category() {
        return Category.CMDI;
    }

    @Override
    public boolean matches(String text, Slot slot) {
        String s = text.toLowerCase(Locale.ROOT);
        if (WindowsBatch.matches(s)) {
            return true;
        }
        boolean prose = hasProse(s);
        if (ShellSyntax.matches(s, prose) || (!prose && startsWithCommand(s))) {
            return true;
        }
        int first = firstSignificant(s);
        for (int i = 0; i < s.length(); i++) {
            int at = commandPosition(s, i);
            if (at < 0 || (s.charAt(i) == '`' && prose)) {
                continue;
            }
            boolean unambiguous = i == first || s.charAt(i) == '`' || at == i + 2;
            if (runs(ShellCommand.at(s, at), prose, unambiguous)) {
                return true;
            }
        }
        return false;
    }

    /** Where the command after a separator or substitution at {@code i} starts (past any {@code (}), or -1. */
    private static int commandPosition(String s, int i) {
        char c = s.charAt(i);
        char next = MarkupScanner.at(s, i + 1);
        int at = -1;
        if (c == ';' || c == '\n' || c == '`' || ((c == '|' || c == '&') && next != c)) {
            at = i + 1;
        } else if ((c == '$' || c == '<' || c == '>') && next == '(') {
            at = i + 2;
        }
        while (at > 0 && at < s.length() && s.charAt(at) == '(' && at - i < 8) {
            at++;
        }
        return at;
    }

    /**
     * A command with shell-only arguments at the very start; one that is also an English word ("Make -dev packages
     * ...") only in a value of few plain words.
     */
    private static boolean startsWithCommand(String s) {
        ShellCommand c = ShellCommand.at(s, 0);
        return c.strength() == ShellCommand.Strength.STRONG
                && (!ShellLexicon.ENGLISH.contains(c.command()) || plainWords(s) <= MAX_PLAIN_WORDS);
    }

    private static boolean runs(ShellCommand command, boolean prose, boolean unambiguous) {
        ShellCommand.Strength strength = command.strength();
        if (strength == ShellCommand.Strength.STRONG) {
            return true;
        }
        boolean alone = unambiguous && command.arguments() == 0;
        return strength == ShellCommand.Strength.BARE && !prose
                && (alone || !ShellLexicon.ENGLISH.contains(command.command()));
    }

    /** Blank-separated tokens made of letters only. */
    private static int plainWords(String s) {
        int count = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            boolean letters = true;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                letters &= Character.isLetter(s.charAt(i));
                i++;
            }
            count += letters && i > start ? 1 : 0;
            i++;
        }
        return count;
    }

    /** The first character that is not a blank or a quote: where {@code ;ps} or {@code ';htop'} starts. */
    private static int firstSignificant(String s) {
        int i = 0;
        while (i < s.length() && i < 4 && (s.charAt(i) == ' ' || s.charAt(i) == '\'' || s.charAt(i) == '"')) {
            i++;
        }
        return i;
    }

    /** A run of {@link #PROSE_WORDS} or more words of letters separated by spaces (and punctuation). */
    static boolean hasProse(String s) {
        int n = s.length();
        int run = 0;
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                run = 0;
                i++;
                continue;
            }
            if (++run >= PROSE_WORDS) {
                return true;
            }
            if (i < n && ".,!?:".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (i < n && s.charAt(i) == ' ') {
                i++;
            } else if (i < n) {
                run = 0;
            }
        }
        return false;
    }
}
