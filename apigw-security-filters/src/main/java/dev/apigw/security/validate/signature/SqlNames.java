package dev.apigw.security.validate.signature;

import java.util.Set;

/**
 * Parameter, cookie and member names that carry SQL. A name is an identifier ({@code page}, {@code filter[age]},
 * {@code utm_source}); one with quotes (other than an apostrophe inside a word), or with spaces, parentheses or
 * operators around SQL words
 * ({@code in (0,1)}, {@code ) AS t FROM}, {@code execute php}, {@code !=}), is a payload put where a WAF might
 * not look. A name that reads as prose (a whole text body posted without {@code =}) is judged as a value instead.
 */
final class SqlNames {

    private static final Set<String> OPERATOR_WORDS = Set.of("xor", "rlike", "regexp");
    private static final Set<String> OPERATORS = Set.of("=", "==", "!=", "<>", "<=", ">=", "<=>", "||", "&&", "<<",
            ">>", "->", "->>", "::");

    /** Soft words in a row that make a name prose rather than a payload: "bla blabla live update chart". */
    private static final int PROSE_RUN = 3;

    private SqlNames() {
    }

    static boolean suspicious(String name) {
        if (strayQuote(name)) {
            return true;
        }
        SqlTokens t = SqlTokenizer.tokenize(name, (char) 0);
        if (t.size() == 1 && OPERATOR_WORDS.contains(t.word(0))) {
            return true;
        }
        if (!punctuated(name) || t.softRun(PROSE_RUN)) {
            return false;
        }
        for (int i = 0; i < t.size(); i++) {
            String w = t.word(i);
            if (SqlLexicon.isKeyword(w) || SqlLexicon.isFunction(w) || OPERATORS.contains(t.text(i))
                    && t.is(i, SqlKind.OPERATOR) || t.is(i, SqlKind.COMMENT) || t.is(i, SqlKind.VARIABLE)) {
                return true;
            }
        }
        return false;
    }

    /** A quote that is not an apostrophe between letters ({@code children's} is fine, {@code 'x'} is not). */
    private static boolean strayQuote(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean apostrophe = c == '\'' && i > 0 && i + 1 < name.length()
                    && Character.isLetter(name.charAt(i - 1)) && Character.isLetter(name.charAt(i + 1));
            if ((c == '\'' || c == '"' || c == '`') && !apostrophe) {
                return true;
            }
        }
        return false;
    }

    /** Whether the name holds anything an identifier does not: blanks, parentheses, operators, {@code ;}. */
    private static boolean punctuated(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || "()=<>!|&;#*".indexOf(c) >= 0 || (c == '-' && i + 1 < name.length()
                    && name.charAt(i + 1) == '-')) {
                return true;
            }
        }
        return false;
    }
}
