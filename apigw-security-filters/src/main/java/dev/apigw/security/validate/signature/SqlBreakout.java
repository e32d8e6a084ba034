package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.COMMENT;
import static dev.apigw.security.validate.signature.SqlKind.LPAREN;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.OPERATOR;
import static dev.apigw.security.validate.signature.SqlKind.RPAREN;
import static dev.apigw.security.validate.signature.SqlKind.SEMICOLON;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.VARIABLE;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

import java.util.Set;

/**
 * What follows the quote that closes the literal a value was pasted into: {@code x' OR '1'='1}, {@code x';},
 * {@code x'--}, {@code x') UNION SELECT}, {@code x' AND sleep(5)}. An apostrophe in a name ({@code O'Brien},
 * {@code D'Angelo}) is followed by letters and is left alone.
 */
final class SqlBreakout {

    private static final Set<String> AFTER_CLOSE = Set.of("collate", "escape", "notnull", "isnull", "regexp",
            "rlike", "glob", "div", "mod", "like", "is", "in", "between", "into", "union", "waitfor", "having",
            "order", "group", "limit", "procedure", "sounds", "similar", "where", "from");

    private SqlBreakout() {
    }

    /**
     * Whether the value, read as continuing a literal (token 0), breaks out of it into SQL. Not where the literal
     * holds an unmatched backtick: that is GNU-style {@code `quoting'} in prose.
     */
    static boolean matches(SqlTokens t) {
        String literal = t.text(0);
        if (literal.endsWith("'") && literal.chars().filter(c -> c == '`').count() % 2 == 1) {
            return false;
        }
        int i = 1;
        SqlKind k = t.kind(i);
        if (k == null) {
            return false;
        }
        if (k == COMMENT || k == SqlKind.EXEC_COMMENT) {
            return true;
        }
        if (k == SEMICOLON) {
            return statementEnds(t, 2);
        }
        if (k == RPAREN) {
            while (t.is(i, RPAREN)) {
                i++;
            }
            return continuesAfterParen(t, t.skipComments(i));
        }
        return continues(t, i);
    }

    private static boolean continuesAfterParen(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        return k == COMMENT || (k == SEMICOLON && statementEnds(t, i + 1)) || continues(t, i);
    }

    /** After {@code x';}: the end, a comment, or another statement. */
    private static boolean statementEnds(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        return k == null || k == COMMENT || SqlLexicon.STATEMENTS.contains(t.word(i)) || t.isWord(i, "set");
    }

    private static boolean continues(SqlTokens t, int i) {
        String w = t.word(i);
        if (SqlComparisons.isLogic(t, i)) {
            return logicOperand(t, t.skipComments(i + 1));
        }
        if ("not".equals(w)) {
            int next = t.skipComments(i + 1);
            return SqlLexicon.isKeyword(t.word(next)) || t.is(next, OPERATOR) || t.isCall(next);
        }
        if (!w.isEmpty()) {
            return (AFTER_CLOSE.contains(w) && !sentenceFollows(t, i)) || t.isCall(i)
                    || (SqlLexicon.STATEMENTS.contains(w) && statement(t, i));
        }
        if (SqlComparisons.isComparison(t, i) || t.is(i, OPERATOR)) {
            boolean compares = !t.is(i, OPERATOR) || SqlComparisons.isStrictComparison(t, i) || t.isOperator(i, "?");
            if (compares && t.is(i + 1, COMMENT)) {
                return true;
            }
            int right = t.skipComments(i + 1);
            int end = SqlExpressions.operandEnd(t, right);
            return end >= 0 && (compares || ends(t, end));
        }
        return false;
    }

    /** After {@code ' OR}: a literal, a call, a sub-query, or a word that is compared or ends the statement. */
    private static boolean logicOperand(SqlTokens t, int j) {
        if (t.isWord(j, "not")) {
            j = t.skipComments(j + 1);
        }
        SqlKind k = t.kind(j);
        if (k == NUMBER || (k == STRING && t.closed(j)) || k == VARIABLE || k == LPAREN || t.isCall(j)) {
            return true;
        }
        String w = t.word(j);
        if ("null".equals(w) || "true".equals(w) || "false".equals(w) || "select".equals(w) || "exists".equals(w)) {
            return true;
        }
        if (k != WORD) {
            return false;
        }
        int after = t.skipComments(j + 1);
        if (t.isWord(after, "not")) {
            after = t.skipComments(after + 1);
        }
        return SqlComparisons.isComparison(t, after) || t.is(after, COMMENT) || t.is(after, SEMICOLON)
                || t.is(after, RPAREN) || t.is(after, OPERATOR);
    }

    /**
     * A statement word after the closing quote: enough on its own where the value opens with the quote
     * ({@code 'select x}), else only with what makes it SQL ({@code x' waitfor delay}, {@code x' select(}).
     */
    private static boolean statement(SqlTokens t, int i) {
        if (t.text(0).length() == 1) {
            return true;
        }
        SqlKind next = t.kind(t.skipComments(i + 1));
        return next == null || next == LPAREN || next == SEMICOLON || next == COMMENT || next == VARIABLE
                || SqlStatements.wordAt(t, i) || (t.isWord(i, "select") && SqlSelects.selectAt(t, i));
    }

    /** "`time' is a program": the word after the quote starts a sentence, not a clause. */
    private static boolean sentenceFollows(SqlTokens t, int i) {
        int next = t.skipComments(i + 1);
        return t.isSoftWord(next) && t.isSoftWord(t.skipComments(next + 1));
    }

    private static boolean ends(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        return k == COMMENT || k == SEMICOLON;
    }
}
