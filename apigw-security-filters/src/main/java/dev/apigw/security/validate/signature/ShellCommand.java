package dev.apigw.security.validate.signature;

/**
 * Reads the simple command that starts at one position of lower-case text, as a shell would, and judges how much it
 * looks like a command rather than a word: the command name is read through the quoting, escaping and empty
 * variables attackers use to hide it ({@code w'h'o"am"i}, {@code c\at}, {@code c${x}url}, {@code /bin/sh},
 * {@code python3.10}, {@code cmd.exe}), prefixes such as {@code sudo} and {@code nohup} are looked through, and the
 * arguments are checked for things only a shell takes: options, absolute paths, URLs, redirections, variables.
 */
final class ShellCommand {

    /** How strongly a position reads as a command. */
    enum Strength { NONE, BARE, STRONG }

    private static final int MAX_WORD = 48;
    private static final int MAX_ARGS = 16;

    private final String s;
    private int pos;
    private String command;
    private int arguments;

    private ShellCommand(String s, int pos) {
        this.s = s;
        this.pos = pos;
    }

    /** Reads the command name at {@code pos}; {@link #strength()} then reads its arguments. */
    static ShellCommand at(String s, int pos) {
        ShellCommand c = new ShellCommand(s, pos);
        String word = c.word();
        c.command = word == null || word.startsWith("$") ? word : name(word);
        return c;
    }

    String command() {
        return command;
    }

    /** How many arguments {@link #strength()} read; 0 for a command standing alone ({@code `id`}, {@code ;ps}). */
    int arguments() {
        return arguments;
    }

    Strength strength() {
        if (command == null || !ShellLexicon.COMMANDS.contains(command)) {
            return command != null && command.startsWith("$") && strongArguments() ? Strength.STRONG : Strength.NONE;
        }
        if (ShellLexicon.PREFIXES.contains(command)) {
            int save = pos;
            String next = skipAssignments();
            if (next != null && ShellLexicon.COMMANDS.contains(name(next))) {
                return Strength.STRONG;
            }
            pos = save;
        }
        if ("alias".equals(command)) {
            String definition = word();
            return definition != null && definition.indexOf('=') > 0 ? Strength.STRONG : Strength.BARE;
        }
        return strongArguments() ? Strength.STRONG : Strength.BARE;
    }

    private String skipAssignments() {
        String next = word();
        for (int k = 0; next != null && k < MAX_ARGS && (next.indexOf('=') > 0 || isNumber(next)); k++) {
            next = word();
        }
        return next;
    }

    /**
     * Reads the next word, stripping quotes, backslashes and {@code $x}/{@code ${x}} inserts; a word that starts with
     * {@code $} is kept whole ({@code ${SHELL}}). Null at a separator.
     */
    private String word() {
        pos = skipBlanks(pos);
        StringBuilder w = new StringBuilder();
        boolean variableOnly = s.startsWith("$", pos);
        if (variableOnly && at(pos + 1) == '{') {
            int end = skipVariable(pos + 1);
            w.append(s, pos, end);
            pos = end;
        }
        while (pos < s.length() && w.length() < MAX_WORD && !separates(s.charAt(pos))) {
            char c = s.charAt(pos);
            if (c == '$' && pos + 1 < s.length() && !variableOnly) {
                pos = skipVariable(pos + 1);
            } else {
                if (c != '\'' && c != '"' && c != '\\') {
                    w.append(c);
                }
                pos++;
            }
        }
        return w.length() == 0 ? null : w.toString();
    }

    private char at(int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : 0;
    }

    /** {@code /usr/bin/python3.10} is {@code python}; {@code cmd.exe} is {@code cmd}. */
    private static String name(String word) {
        String base = word.substring(word.lastIndexOf('/') + 1);
        if (base.endsWith(".exe")) {
            base = base.substring(0, base.length() - 4);
        }
        if (ShellLexicon.COMMANDS.contains(base)) {
            return base;
        }
        int end = base.length();
        while (end > 1 && (Character.isDigit(base.charAt(end - 1)) || base.charAt(end - 1) == '.')) {
            end--;
        }
        return base.substring(0, end);
    }

    private int skipVariable(int i) {
        if (i < s.length() && s.charAt(i) == '@') {
            return i + 1;
        }
        if (i < s.length() && s.charAt(i) == '{') {
            int limit = Math.min(s.length(), i + MAX_WORD);
            for (int k = i + 1; k < limit; k++) {
                if (s.charAt(k) == '}') {
                    return k + 1;
                }
            }
            return i;
        }
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** Reads arguments up to the end of the simple command and reports any only a shell would take. */
    private boolean strongArguments() {
        for (int k = 0; k < MAX_ARGS; k++) {
            pos = skipBlanks(pos);
            if (pos >= s.length()) {
                return false;
            }
            char c = s.charAt(pos);
            if (c == '|' || c == '>' || c == '<' || (c == '$' && pos + 1 < s.length())) {
                return true;
            }
            if (c == ';' || c == '&' || c == '\n' || c == ')' || c == '(' || c == '}' || c == '`') {
                return false;
            }
            int start = pos;
            String arg = word();
            if (arg == null) {
                pos = start + 1;
                continue;
            }
            arguments++;
            if (strongArgument(arg, s.charAt(start))) {
                return true;
            }
        }
        return false;
    }

    private boolean strongArgument(String arg, char first) {
        if ((first == '-' && arg.length() > 1 && (Character.isLetter(arg.charAt(1)) || arg.charAt(1) == '-'))
                || (first == '/' && arg.length() > 1) || arg.contains("://") || arg.startsWith("~/")
                || arg.startsWith("./") || arg.startsWith("../")) {
            return true;
        }
        boolean numeric = isNumber(arg);
        String name = name(arg);
        return ShellLexicon.COMMANDS.contains(name) && !ShellLexicon.ENGLISH.contains(name)
                || numeric && ("sleep".equals(command) || "ping".equals(command));
    }

    private static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i)) && w.charAt(i) != '.') {
                return false;
            }
        }
        return !w.isEmpty();
    }

    private int skipBlanks(int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean separates(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '|' || c == '&' || c == '<'
                || c == '>' || c == '(' || c == ')' || c == '`' || c == '{' || c == '}' || c == ',';
    }
}
