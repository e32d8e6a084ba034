package dev.apigw.security.validate.signature;

/**
 * Splits a value into SQL tokens in one pass, the way libinjection does: as it stands, or as if it continued a
 * string literal opened by the query it is pasted into ({@code '}, {@code "} or {@code `}), which is what an
 * injection that breaks out of a quoted literal looks like.
 *
 * <p>Strings end at the unescaped closing quote (doubled quotes and backslash escapes continue them). The literal the
 * value is assumed to continue ends at its first quote even after a backslash, because an application that escapes
 * quotes with a backslash turns {@code \'} into {@code \\'}, which ends the literal; where the value ends inside a
 * literal of that same quote, the query's own closing quote closes it. Comments are {@code --}, {@code #} and block
 * comments, except that {@code --} or {@code #} followed by a letter ({@code --verbose}, {@code #1234}, a hashtag) is
 * how prose and command lines use them, not a comment. MySQL's {@code /*!} becomes an {@link SqlKind#EXEC_COMMENT}
 * marker and its content is read as code. Digits run into letters make one identifier ({@code 022_disable},
 * {@code 5pm}) unless the letters are a keyword, as in {@code 1union}. Every token consumes at least one character,
 * so the work is linear.
 */
final class SqlTokenizer {

    private static final String[] OPERATORS = {"->>", "#>>", "<=>", "::", "->", "#>", "#-", "@>", "<@", "?|", "?&", "@?",
        "@@", "<>", "<=", ">=", "!=", "==", "||", "&&", ":=", "<<", ">>"};
    private static final String SINGLE_OPERATORS = "=<>!+-*/%^|&~?:";

    private final String s;
    private final SqlTokens tokens;
    private boolean inExecComment;

    private SqlTokenizer(String s) {
        this.s = s;
        this.tokens = new SqlTokens(s);
    }

    /**
     * Tokenizes {@code s}.
     *
     * @param openQuote 0 to read the value as it stands, else the quote of the literal the value is assumed to
     *                  continue; that literal becomes the first token
     */
    static SqlTokens tokenize(String s, char openQuote) {
        SqlTokenizer t = new SqlTokenizer(s);
        int i = openQuote == 0 ? 0 : t.string(-1, openQuote);
        while (i < s.length()) {
            i = t.next(i);
        }
        t.tokens.closeTrailingString(openQuote);
        return t.tokens;
    }

    private int next(int i) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
            return i + 1;
        }
        if (c == '\'' || c == '"' || c == '`') {
            return string(i, c);
        }
        if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
            return number(i);
        }
        if (isWordStart(c)) {
            return add(SqlKind.WORD, i, wordEnd(i + 1));
        }
        if (c == '@' && (isWordStart(at(i + 1)) || (at(i + 1) == '@' && isWordStart(at(i + 2))))) {
            return add(SqlKind.VARIABLE, i, wordEnd(at(i + 1) == '@' ? i + 2 : i + 1));
        }
        if ((c == '-' && at(i + 1) == '-' && !Character.isLetter(at(i + 2)))
                || (c == '#' && !Character.isLetterOrDigit(at(i + 1)) && at(i + 1) != '>' && at(i + 1) != '-')) {
            int eol = s.indexOf('\n', i);
            return add(SqlKind.COMMENT, i, eol < 0 ? s.length() : eol);
        }
        if (c == '/' && at(i + 1) == '*') {
            return blockComment(i);
        }
        if (c == '*' && at(i + 1) == '/' && inExecComment) {
            inExecComment = false;
            return i + 2;
        }
        SqlKind punctuation = punctuation(c);
        if (punctuation != null) {
            return add(punctuation, i, i + 1);
        }
        for (String op : OPERATORS) {
            if (s.startsWith(op, i)) {
                return add(SqlKind.OPERATOR, i, i + op.length());
            }
        }
        return add(SINGLE_OPERATORS.indexOf(c) >= 0 ? SqlKind.OPERATOR : SqlKind.OTHER, i, i + 1);
    }

    /** Reads a literal whose opening quote is at {@code open} (-1: before the value) and returns where it ends. */
    private int string(int open, char quote) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`' && open >= 0) {
                i += 2;
            } else if (c == quote && at(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                tokens.add(SqlKind.STRING, Math.max(open, 0), i + 1, true);
                return i + 1;
            } else {
                i++;
            }
        }
        tokens.add(SqlKind.STRING, Math.max(open, 0), s.length(), false);
        return s.length();
    }

    private int number(int i) {
        int j = i;
        if (at(j) == '0' && (at(j + 1) == 'x' || at(j + 1) == 'X') && PercentDecoding.hex(at(j + 2)) >= 0) {
            j += 2;
            while (PercentDecoding.hex(at(j)) >= 0) {
                j++;
            }
            return add(SqlKind.NUMBER, i, j);
        }
        while (isDigit(at(j))) {
            j++;
        }
        if (isWordStart(at(j)) && at(j) != 'e' && at(j) != 'E' && !SqlLexicon.isKeyword(keywordAt(j))) {
            return add(SqlKind.WORD, i, wordEnd(j));
        }
        if (at(j) == '.') {
            j++;
            while (isDigit(at(j))) {
                j++;
            }
        }
        if ((at(j) == 'e' || at(j) == 'E')
                && (isDigit(at(j + 1)) || ((at(j + 1) == '-' || at(j + 1) == '+') && isDigit(at(j + 2))))) {
            j += 2;
            while (isDigit(at(j))) {
                j++;
            }
        }
        return add(SqlKind.NUMBER, i, j);
    }

    /** The lower-case word starting at {@code i}, to tell {@code 1union} (split) from {@code 5pm} (one word). */
    private String keywordAt(int i) {
        int end = wordEnd(i);
        return end - i > 16 ? "" : s.substring(i, end).toLowerCase(java.util.Locale.ROOT);
    }

    private int blockComment(int i) {
        if (at(i + 2) == '!') {
            int j = i + 3;
            while (isDigit(at(j))) {
                j++;
            }
            inExecComment = true;
            return add(SqlKind.EXEC_COMMENT, i, j);
        }
        int close = s.indexOf("*/", i + 2);
        return add(SqlKind.COMMENT, i, close < 0 ? s.length() : close + 2);
    }

    private int add(SqlKind kind, int start, int end) {
        tokens.add(kind, start, end, false);
        return end;
    }

    private int wordEnd(int i) {
        while (i < s.length() && isWordPart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private char at(int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : 0;
    }

    private static SqlKind punctuation(char c) {
        return switch (c) {
            case '(' -> SqlKind.LPAREN;
            case ')' -> SqlKind.RPAREN;
            case ',' -> SqlKind.COMMA;
            case ';' -> SqlKind.SEMICOLON;
            case '.' -> SqlKind.DOT;
            default -> null;
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return c == '_' || c == '$' || Character.isLetter(c);
    }

    private static boolean isWordPart(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }
}
