package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.COMMENT;
import static dev.apigw.security.validate.signature.SqlKind.EXEC_COMMENT;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.OPERATOR;
import static dev.apigw.security.validate.signature.SqlKind.SEMICOLON;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.VARIABLE;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

import java.util.Locale;
import java.util.Set;

/**
 * SQL injection, found by tokenizing the value as SQL (libinjection's idea, with rules instead of a fingerprint
 * list): once as it stands and once for each quote it might break out of. Rules that ordinary sentences could trip
 * (a bare call such as {@code char(10)}, a catalogue name) only apply where the value has no prose in it.
 *
 * <p>Also refuses the integer and floating-point probes that overflow or hang parsers ({@code 2147483648},
 * {@code 2.2250738585072011e-308}) and MongoDB operators in names and keys ({@code user[$ne]}, {@code $where}).
 */
final class SqlInjectionDetector implements Detector {

    private static final Set<String> PROBES = Set.of("4294967295", "4294967296", "2147483647", "2147483648",
            "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "18446744073709551615", "18446744073709551616", "2.2250738585072011e-308", "2.2250738585072012e-308",
            "2.2250738585072007e-308", "1e309");
    private static final char[] QUOTES = {'\'', '"', '`'};
    private static final int SHORT_FRAGMENT = 6;
    private static final Set<String> NUMBER_AFTER = Set.of("select", "limit", "offset", "top", "having", "where",
            "values", "union", "by");
    private static final Set<String> NUMBER_BEFORE = Set.of("from", "into", "having", "where");

    @Override
    public Category category() {
        return Category.SQLI;
    }

    @Override
    public boolean matches(String text, Slot slot) {
        if (PROBES.contains(text.strip()) || mongoOperator(text) || (slot == Slot.NAME && SqlNames.suspicious(text))) {
            return true;
        }
        if (rules(SqlTokenizer.tokenize(text, (char) 0), 0)) {
            return true;
        }
        for (char quote : QUOTES) {
            if (text.indexOf(quote) >= 0) {
                SqlTokens t = SqlTokenizer.tokenize(text, quote);
                if (t.closed(0) && (SqlBreakout.matches(t) || rules(t, 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean rules(SqlTokens t, int from) {
        for (int i = from; i < t.size(); i++) {
            if (tokenRule(t, i)) {
                return true;
            }
        }
        return !t.hasProse() && codeOnly(t, from);
    }

    private static boolean tokenRule(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        if (k == EXEC_COMMENT) {
            return i + 1 < t.size();
        }
        if (k == COMMENT) {
            return SqlStatements.commentAsSpaceAt(t, i);
        }
        if (k == SEMICOLON) {
            return SqlStatements.stackedAt(t, i);
        }
        if (k == VARIABLE) {
            return t.text(i).startsWith("@@");
        }
        if (k == OPERATOR) {
            return SqlExpressions.castAt(t, i) || (SqlComparisons.isLogic(t, i) && SqlComparisons.tautologyAt(t, i));
        }
        if (k == STRING || k == NUMBER) {
            return SqlExpressions.jsonOperatorAt(t, i) || SqlComparisons.identityAt(t, i)
                    || (i == 0 && k == STRING && stringComparison(t, i));
        }
        if (k != WORD) {
            return false;
        }
        if (SqlComparisons.isLogic(t, i) && SqlComparisons.tautologyAt(t, i)) {
            return true;
        }
        if (t.isWord(i, "select") && SqlSelects.selectAt(t, i)) {
            return true;
        }
        return SqlExpressions.isDangerousCall(t, i) || SqlStatements.wordAt(t, i) || openCallAtEnd(t, i)
                || (SqlLexicon.CATALOGS.contains(t.word(i)) && t.is(i + 1, SqlKind.DOT) && t.word(i + 2).length() > 1);
    }

    /**
     * {@code hex(}, {@code sin (}, {@code length||(}, {@code if !(}: a short value that starts with a function or
     * keyword and ends with an opening parenthesis, i.e. a call cut off where the query goes on.
     */
    private static boolean openCallAtEnd(SqlTokens t, int i) {
        int last = t.size() - 1;
        if (t.isCall(i) && t.skipComments(i + 1) == last) {
            return true;
        }
        String w = t.word(i);
        return i == 0 && last > 0 && last <= SHORT_FRAGMENT && t.is(last, SqlKind.LPAREN)
                && (SqlLexicon.isFunction(w) || SqlLexicon.isKeyword(w));
    }

    /** {@code 'x'!='y}, {@code 'a'='a}: a value that opens with a literal compared with a literal. */
    private static boolean stringComparison(SqlTokens t, int i) {
        int cmp = i + 1;
        return t.closed(i) && SqlComparisons.isComparison(t, cmp) && !t.isOperator(cmp, "-")
                && (t.is(cmp + 1, STRING) || t.is(cmp + 1, NUMBER));
    }

    /**
     * Rules for values with no prose in them: a call with a real argument ({@code find_in_set('22', c)},
     * {@code if(1=1}), a catalogue name, or an SQL-only word right next to a literal, parenthesis, comparison,
     * semicolon or comment ({@code ) like (}, {@code '" waitfor}).
     */
    private static boolean codeOnly(SqlTokens t, int from) {
        for (int i = from; i < t.size(); i++) {
            SqlKind k = t.kind(i);
            String w = t.word(i);
            if (k == WORD && t.isCall(i) && t.touching(i) && SqlExpressions.sqlArgument(t, t.skipComments(i + 2))) {
                return true;
            }
            if (SqlLexicon.CATALOGS.contains(w)) {
                return true;
            }
            if (SqlLexicon.HARD.contains(w) && !"null".equals(w) && (structural(t, i - 1, true, w)
                    || structural(t, i + 1, false, w))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the neighbour of a SQL-only word makes it code: a comparison (not {@code =}, which SQL never puts
     * next to a keyword but query strings do: {@code ?from=2024}), a semicolon, a real comment, a
     * backtick-quoted name, a call, {@code )} before it or {@code (} after it, and a number next to a word that
     * takes one there ({@code 1 union}, {@code select 1}), not "Silk/89.4 like Chrome".
     */
    private static boolean structural(SqlTokens t, int i, boolean before, String word) {
        SqlKind k = t.kind(i);
        if (k == NUMBER) {
            return before ? NUMBER_BEFORE.contains(word) : NUMBER_AFTER.contains(word);
        }
        boolean backtick = k == STRING && t.closed(i) && t.text(i).startsWith("`");
        boolean comment = k == COMMENT && (!t.text(i).startsWith("/*") || t.text(i).endsWith("*/"));
        boolean paren = before ? k == SqlKind.RPAREN && !t.is(i - 1, SqlKind.LPAREN) : k == SqlKind.LPAREN;
        boolean comparison = k == OPERATOR && SqlComparisons.isStrictComparison(t, i) && !t.isOperator(i, "=")
                && !t.isOperator(i, "==");
        return backtick || comment || k == SEMICOLON || paren || comparison || (k == WORD && t.isCall(i));
    }

    /** {@code user[$ne]}, {@code $where}: MongoDB query operators where a name or a whole value should be. */
    private static boolean mongoOperator(String text) {
        int dollar = text.indexOf('$');
        while (dollar >= 0) {
            boolean start = dollar == 0 || text.charAt(dollar - 1) == '[';
            int end = dollar + 1;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            boolean close = end == text.length() || text.charAt(end) == ']';
            if (start && close && end > dollar + 1
                    && SqlLexicon.MONGO_OPERATORS.contains(text.substring(dollar + 1, end).toLowerCase(Locale.ROOT))) {
                return true;
            }
            dollar = text.indexOf('$', end);
        }
        return false;
    }
}
