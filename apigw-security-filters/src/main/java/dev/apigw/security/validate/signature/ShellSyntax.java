package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.MarkupScanner.at;

/**
 * Shell syntax that ordinary values do not contain, over lower-case text: Shellshock's {@code () {}, {@code ${IFS}}
 * and bash parameter operators ({@code ${x:-y}}, {@code ${x#y}}), arithmetic {@code $[1+1]}, output redirected into a
 * system directory ({@code >/tmp/x}), directory-stack and history expansion ({@code ~+}, {@code !-1}), brace
 * expansion at the start of a word that spells a command ({@code c{a,oun}t}, {@code {,ifconfig}}, not
 * {@code analyze-{cc,c++}}), globs hiding a system path
 * ({@code /etc/pas[s]wd}) and executables named by their path ({@code /bin/sh}). Placeholders such as
 * {@code ${name}} or {@code ${server.port:8080}} pass. Every rule looks a bounded distance from where it starts.
 */
final class ShellSyntax {

    private static final int LOOK_AHEAD = 64;
    private static final String[] SYSTEM_DIRECTORIES = {"/tmp/", "/dev/", "/etc/", "/var/", "/home/", "/root/",
        "/proc/", "/usr/", "/bin/", "/sbin/", "/opt/", "/srv/", "/boot/", "/lib/"};

    private ShellSyntax() {
    }

    /**
     * Whether the lower-case text holds shell-only syntax.
     *
     * @param prose whether the text reads as prose, where a path such as {@code /bin/bash} is only mentioned
     */
    static boolean matches(String s, boolean prose) {
        String trimmed = s.strip();
        if (trimmed.startsWith("() {") || trimmed.startsWith("(){") || s.contains("$ifs") || s.contains("${ifs")
                || directoryStack(trimmed) || (trimmed.startsWith("!-") && Character.isDigit(at(trimmed, 2)))) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean hit = switch (c) {
                case '$' -> dollar(s, i);
                case '>' -> redirection(s, i);
                case '{' -> braceExpansion(s, i);
                case '[' -> globbedPath(s, i);
                case 'b' -> !prose && binaryPath(s, i);
                default -> false;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** {@code ~+}, {@code ~-}, {@code ~-1}: the whole value is a directory-stack expansion. */
    private static boolean directoryStack(String t) {
        return t.length() >= 2 && t.length() <= 3 && t.charAt(0) == '~' && (t.charAt(1) == '+' || t.charAt(1) == '-')
                && (t.length() == 2 || Character.isDigit(t.charAt(2)));
    }

    /** {@code $[1+1]}, or a parameter expansion with one of bash's operators. */
    private static boolean dollar(String s, int i) {
        char next = at(s, i + 1);
        if (next == '[') {
            return Character.isDigit(at(s, i + 2)) || at(s, i + 2) == ']';
        }
        if (next != '{') {
            return false;
        }
        int k = i + 2;
        int limit = Math.min(s.length(), k + LOOK_AHEAD);
        while (k < limit && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
        }
        char op = at(s, k);
        char after = at(s, k + 1);
        boolean colon = op == ':' && ("-=?+".indexOf(after) >= 0 || Character.isDigit(after));
        return k > i + 2 && k < limit && (op == '#' || op == '%' || colon || op == '/' || op == '^' || op == ',');
    }

    /** {@code >/tmp/x}, {@code 2>>/dev/null}: output redirected into a system directory. */
    private static boolean redirection(String s, int i) {
        char before = at(s, i - 1);
        if (i > 0 && !(Character.isWhitespace(before) || before == '>' || Character.isDigit(before)
                || before == '&' || before == ';' || before == '|')) {
            return false;
        }
        return systemDirectoryAt(s, MarkupScanner.skipSpaces(s, at(s, i + 1) == '>' ? i + 2 : i + 1));
    }

    /** {@code c{a,oun}t}, {@code {,ifconfig,eth0}}: a brace list whose expansion starts with a command. */
    private static boolean braceExpansion(String s, int open) {
        int close = -1;
        boolean comma = false;
        for (int k = open + 1; k < Math.min(s.length(), open + LOOK_AHEAD) && close < 0; k++) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c) || c == '{' || c == '"' || c == ':') {
                return false;
            }
            comma |= c == ',';
            close = c == '}' ? k : -1;
        }
        if (close < 0 || !comma) {
            return false;
        }
        int start = open;
        while (start > 0 && open - start < 16 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        char before = at(s, start - 1);
        if (start > 0 && !(Character.isWhitespace(before) || before == ';' || before == '|' || before == '&'
                || before == '`' || before == '(')) {
            return false;
        }
        int end = close + 1;
        while (end < s.length() && end - close < 16 && Character.isLetter(s.charAt(end))) {
            end++;
        }
        String prefix = s.substring(start, open);
        String suffix = s.substring(close + 1, end);
        int from = open + 1;
        for (int k = from; k <= close; k++) {
            if (s.charAt(k) == ',' || k == close) {
                if (ShellLexicon.COMMANDS.contains(prefix + s.substring(from, k) + suffix)) {
                    return true;
                }
                from = k + 1;
            }
        }
        return false;
    }

    /** {@code /etc/pas[s]wd}, {@code /bi[n]/bash}: glob brackets in a path that, read through, is a system one. */
    private static boolean globbedPath(String s, int bracket) {
        int start = bracket;
        while (start > 0 && bracket - start < LOOK_AHEAD && !Character.isWhitespace(s.charAt(start - 1))) {
            start--;
        }
        if (at(s, start) != '/') {
            return false;
        }
        StringBuilder path = new StringBuilder();
        int k = start;
        while (k < s.length() && k - start < LOOK_AHEAD && !Character.isWhitespace(s.charAt(k))) {
            char c = s.charAt(k);
            if (c == '[' && k + 1 < s.length()) {
                path.append(s.charAt(k + 1) == '!' || s.charAt(k + 1) == '^' ? '?' : s.charAt(k + 1));
                int close = k + 1;
                while (close < s.length() && close - k < 16 && s.charAt(close) != ']') {
                    close++;
                }
                k = at(s, close) == ']' ? close + 1 : k + 1;
            } else {
                path.append(c);
                k++;
            }
        }
        return systemDirectoryAt(path.toString(), 0);
    }

    /** {@code /bin/sh}, {@code usr/bin/python3}: an executable named by its path. */
    private static boolean binaryPath(String s, int i) {
        boolean segment = i == 0 || at(s, i - 1) == '/' || Character.isWhitespace(at(s, i - 1));
        int name = s.startsWith("bin/", i) ? i + 4 : -1;
        if (!segment || name < 0) {
            return false;
        }
        int end = name;
        while (end < s.length() && end - name < 32 && (Character.isLetterOrDigit(s.charAt(end))
                || s.charAt(end) == '-' || s.charAt(end) == '_')) {
            end++;
        }
        boolean bounded = end == s.length() || Character.isWhitespace(s.charAt(end));
        return bounded && ShellLexicon.COMMANDS.contains(s.substring(name, end));
    }

    private static boolean systemDirectoryAt(String s, int k) {
        for (String dir : SYSTEM_DIRECTORIES) {
            if (s.startsWith(dir, k)) {
                return true;
            }
        }
        return false;
    }
}
