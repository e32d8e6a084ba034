package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.COMMENT;
import static dev.apigw.security.validate.signature.SqlKind.LPAREN;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.RPAREN;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.VARIABLE;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

/**
 * What follows {@code SELECT} or {@code FROM} that makes it a query rather than an English verb or preposition:
 * "select a date" passes, {@code SELECT * FROM}, {@code select(sleep(5))} and {@code FROM users WHERE} do not.
 */
final class SqlSelects {

    private SqlSelects() {
    }

    /** What follows {@code SELECT} makes it a query rather than a verb: {@code *}, a call, {@code @@version}... */
    static boolean selectAt(SqlTokens t, int select) {
        int j = t.skipComments(select + 1);
        SqlKind k = t.kind(j);
        if (k == null) {
            return false;
        }
        if (t.isOperator(j, "*") || k == VARIABLE || t.isCall(j) || SqlLexicon.DANGEROUS.contains(t.word(j))) {
            return true;
        }
        if (k == LPAREN) {
            int in = t.skipComments(j + 1);
            return t.isWord(in, "select") || t.isCall(in) || t.is(in, NUMBER) || t.isOperator(in, "*")
                    || t.is(in, LPAREN) || t.is(in, VARIABLE);
        }
        String w = t.word(j);
        if ("null".equals(w) || "case".equals(w) || "top".equals(w)) {
            return true;
        }
        if (k == NUMBER || k == STRING || k == WORD) {
            return columnListEnds(t, j);
        }
        return false;
    }

    /** From a first column at {@code j}: {@code 1,2,3}, {@code a FROM t WHERE}, {@code 1 FROM}, {@code x WHERE}. */
    private static boolean columnListEnds(SqlTokens t, int j) {
        boolean literal = t.is(j, NUMBER) || t.is(j, STRING);
        int next = t.skipComments(j + 1);
        SqlKind k = t.kind(next);
        if (k == null || k == COMMENT || k == SqlKind.SEMICOLON || k == RPAREN) {
            return literal;
        }
        if (k == SqlKind.COMMA) {
            return literal || t.is(t.skipComments(next + 1), NUMBER) || t.is(t.skipComments(next + 1), STRING);
        }
        if (t.isWord(next, "where") || t.isWord(next, "into")) {
            return true;
        }
        if (t.isWord(next, "from")) {
            return literal || fromTargetEnds(t, t.skipComments(next + 1));
        }
        return literal && SqlComparisons.isComparison(t, next);
    }

    /** {@code FROM users WHERE}, {@code FROM users;}, {@code FROM information_schema.tables}. */
    static boolean fromTargetEnds(SqlTokens t, int target) {
        if (t.is(target, LPAREN) || SqlLexicon.CATALOGS.contains(t.word(target))) {
            return true;
        }
        if (!t.is(target, WORD) && !t.is(target, STRING)) {
            return false;
        }
        int after = t.skipComments(target + 1);
        SqlKind k = t.kind(after);
        String w = t.word(after);
        return k == SqlKind.SEMICOLON || k == SqlKind.DOT || k == RPAREN || k == COMMENT || k == SqlKind.COMMA
                || "where".equals(w) || "limit".equals(w) || "order".equals(w) || "group".equals(w)
                || "union".equals(w) || "join".equals(w) || "having".equals(w);
    }
}
