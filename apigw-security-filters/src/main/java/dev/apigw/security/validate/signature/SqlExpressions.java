package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.LPAREN;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.OPERATOR;
import static dev.apigw.security.validate.signature.SqlKind.RPAREN;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.VARIABLE;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

/**
 * Rules about SQL expressions: operands, calls of timing and file functions, PostgreSQL casts and JSON operators.
 * Each looks a bounded number of tokens ahead of one position.
 */
final class SqlExpressions {

    /** How far a rule may look for a closing parenthesis or a keyword. */
    static final int LOOK_AHEAD = 32;

    private SqlExpressions() {
    }

    /** The index after the operand at {@code i}: a literal, a word, a variable or a call; -1 where there is none. */
    static int operandEnd(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        if (k == NUMBER || k == STRING || k == VARIABLE) {
            return i + 1;
        }
        if (k == OPERATOR && (t.isOperator(i, "-") || t.isOperator(i, "~")) && t.is(i + 1, NUMBER)) {
            return i + 2;
        }
        if (k == WORD) {
            return t.isCall(i) ? closeOf(t, t.skipComments(i + 1)) : i + 1;
        }
        return -1;
    }

    /**
     * The index after the parenthesis closing the one at {@code open}; looks at most {@link #LOOK_AHEAD} tokens
     * ahead, so that nested unclosed calls cannot make the work quadratic.
     */
    static int closeOf(SqlTokens t, int open) {
        int depth = 0;
        int limit = Math.min(t.size(), open + LOOK_AHEAD);
        for (int i = open; i < limit; i++) {
            if (t.is(i, LPAREN)) {
                depth++;
            } else if (t.is(i, RPAREN) && --depth == 0) {
                return i + 1;
            }
        }
        return limit;
    }

    /** {@code sleep(5)}, {@code benchmark(1000000,md5(1))}, {@code load_file('/etc/passwd')}; not {@code sleep(x)}. */
    static boolean isDangerousCall(SqlTokens t, int i) {
        if (!SqlLexicon.DANGEROUS.contains(t.word(i))) {
            return false;
        }
        int open = t.skipComments(i + 1);
        if (!t.is(open, LPAREN)) {
            return false;
        }
        int arg = t.skipComments(open + 1);
        return t.kind(arg) == null || sqlArgument(t, arg);
    }

    /** Whether the argument starting at {@code arg} is more than a lone word: a literal, a call, a sub-select... */
    static boolean sqlArgument(SqlTokens t, int arg) {
        SqlKind k = t.kind(arg);
        if (k == NUMBER || k == STRING || k == VARIABLE || k == LPAREN || k == RPAREN || k == OPERATOR) {
            return true;
        }
        if (k == WORD) {
            if (t.isCall(arg) || t.isWord(arg, "select")) {
                return true;
            }
            int after = t.skipComments(arg + 1);
            return t.is(after, SqlKind.COMMA) || t.is(after, OPERATOR) || t.is(after, SqlKind.DOT);
        }
        return false;
    }

    /** {@code 'a'::int}: a PostgreSQL cast to a type name. */
    static boolean castAt(SqlTokens t, int i) {
        return t.isOperator(i, "::") && SqlLexicon.TYPES.contains(t.word(t.skipComments(i + 1)));
    }

    /** {@code '{"a":1}' @> '{"a":1}'}, {@code '[1]' ? '1'}: PostgreSQL JSON operators after a literal. */
    static boolean jsonOperatorAt(SqlTokens t, int i) {
        if (!t.is(i, STRING) || !t.text(i).startsWith("'") || !SqlComparisons.isJsonOperator(t, i + 1)) {
            return false;
        }
        int right = t.skipComments(i + 2);
        return t.is(right, STRING) || t.is(right, NUMBER);
    }

}
