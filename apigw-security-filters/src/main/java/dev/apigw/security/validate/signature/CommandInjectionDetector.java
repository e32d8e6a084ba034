package dev.apigw.security.validate.signature;

import java.util.Locale;

/**
 * Operating-system command injection: a known command where a shell would run one, i.e. after {@code ;},
 * {@code |}, {@code &}, a line break, inside {@code $(...)}, backticks or {@code <(...)}, or at the start of the
 * value; plus shell-only syntax ({@code ${IFS}}, {@code ${x#y}}, {@code $[1+1]}, Shellshock's {@code () {},
 * output redirected into a system directory such as {@code >/tmp/x}) and
 * Windows {@code FOR ... IN (...)} and {@code IF EXIST} lines.
 *
 * <p>Prose is left alone: at the start of a value a command needs an argument only a shell takes and no run of
 * ordinary words ("ls -la shows hidden files in a tutorial" passes), a substitution such as {@code $(pwd)} followed
 * by a sentence passes too, and so does a Markdown code span ({@code `make -s`}) in a sentence. Commands that are
 * English words ("cat and dog") always need such an argument. {@code ${name:default}} placeholders pass; bash's
 * {@code ${x:-y}} and {@code ${x:0:1}} do not.
 */
final class CommandInjectionDetector implements Detector {

    private static final int PROSE_WORDS = 3;
    private static final String[] SYSTEM_DIRECTORIES = {"/tmp/", "/dev/", "/etc/", "/var/", "/home/", "/root/",
        "/proc/", "/usr/", "/bin/", "/opt/", "/srv/", "/boot/", "/lib/"};

    @Override
    public Category category() {
        return Category.CMDI;
    }

    @Override
    public boolean matches(String text, Slot slot) {
        String s = text.toLowerCase(Locale.ROOT);
        boolean prose = hasProse(s);
        String trimmed = s.strip();
        if (trimmed.startsWith("() {") || trimmed.startsWith("(){") || shellSyntax(s) || WindowsBatch.matches(s)
                || redirection(s)) {
            return true;
        }
        if (!prose && ShellCommand.at(s, 0).strength() == ShellCommand.Strength.STRONG) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            int at = commandPosition(s, i);
            boolean codeSpan = s.charAt(i) == '`' && prose;
            if (at >= 0 && !codeSpan && runs(ShellCommand.at(s, at), prose)) {
                return true;
            }
        }
        return false;
    }

    /** Where the command after a separator or substitution at {@code i} starts, or -1. */
    private static int commandPosition(String s, int i) {
        char c = s.charAt(i);
        char next = MarkupScanner.at(s, i + 1);
        if (c == ';' || c == '\n' || c == '`' || ((c == '|' || c == '&') && next != c)) {
            return i + 1;
        }
        if ((c == '$' || c == '<' || c == '>') && next == '(') {
            return i + 2;
        }
        return -1;
    }

    private static boolean runs(ShellCommand command, boolean prose) {
        ShellCommand.Strength strength = command.strength();
        if (strength == ShellCommand.Strength.STRONG) {
            return true;
        }
        return strength == ShellCommand.Strength.BARE && !prose
                && !ShellLexicon.ENGLISH.contains(command.command());
    }

    /** {@code >/tmp/x}, {@code 2>>/dev/null}: output redirected into a system directory. */
    private static boolean redirection(String s) {
        for (int i = s.indexOf('>'); i >= 0; i = s.indexOf('>', i + 1)) {
            char before = MarkupScanner.at(s, i - 1);
            if (i > 0 && !(Character.isWhitespace(before) || before == '>' || Character.isDigit(before)
                    || before == '&' || before == ';' || before == '|')) {
                continue;
            }
            int k = MarkupScanner.skipSpaces(s, MarkupScanner.at(s, i + 1) == '>' ? i + 2 : i + 1);
            for (String dir : SYSTEM_DIRECTORIES) {
                if (s.startsWith(dir, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code ${IFS}}, {@code $IFS}, {@code ${x#y}}, {@code ${x:0:1}}, {@code $[1+1]}. */
    private static boolean shellSyntax(String s) {
        if (s.contains("$ifs") || s.contains("${ifs")) {
            return true;
        }
        for (int i = s.indexOf('$'); i >= 0; i = s.indexOf('$', i + 1)) {
            char next = MarkupScanner.at(s, i + 1);
            if (next == '[' && (Character.isDigit(MarkupScanner.at(s, i + 2)) || MarkupScanner.at(s, i + 2) == ']')) {
                return true;
            }
            if (next == '{' && expansionOperator(s, i + 2)) {
                return true;
            }
        }
        return false;
    }

    /** A parameter expansion's name followed by one of bash's operators ({@code #}, {@code %}, {@code :}...). */
    private static boolean expansionOperator(String s, int i) {
        int limit = Math.min(s.length(), i + 32);
        int k = i;
        while (k < limit && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
        }
        char op = MarkupScanner.at(s, k);
        char after = MarkupScanner.at(s, k + 1);
        boolean colon = op == ':' && ("-=?+".indexOf(after) >= 0 || Character.isDigit(after));
        return k > i && k < limit && (op == '#' || op == '%' || colon || op == '/' || op == '^' || op == ',');
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
            if (i < n && ".,!?:'".indexOf(s.charAt(i)) >= 0) {
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
