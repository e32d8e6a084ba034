package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.COMMENT;
import static dev.apigw.security.validate.signature.SqlKind.LPAREN;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.OPERATOR;
import static dev.apigw.security.validate.signature.SqlKind.RPAREN;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.VARIABLE;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

/**
 * Rules about SQL expressions: tautologies after {@code OR}/{@code AND}, calls of timing and file functions,
 * PostgreSQL casts and JSON operators, and what may follow {@code SELECT}. Each looks a bounded number of tokens
 * ahead of one position.
 */
final class SqlExpressions {

    /** How far a rule may look for a closing parenthesis or a keyword. */
    static final int LOOK_AHEAD = 32;

    private SqlExpressions() {
    }

    /** Whether token {@code i} is a logical operator: a word or {@code ||} / {@code &&}. */
    static boolean isLogic(SqlTokens t, int i) {
        String w = t.word(i);
        return (!w.isEmpty() && !"not".equals(w) && SqlLexicon.LOGIC.contains(w))
                || t.isOperator(i, "||") || t.isOperator(i, "&&");
    }

    /** Whether token {@code i} compares: {@code =}, {@code <>}, {@code LIKE}, JSON containment... */
    static boolean isComparison(SqlTokens t, int i) {
        String w = t.word(i);
        if (!w.isEmpty()) {
            return SqlLexicon.COMPARISONS.contains(w);
        }
        return t.is(i, OPERATOR) && SqlLexicon.COMPARISONS.contains(t.text(i));
    }

    /** {@code =}, {@code <}, {@code <>}, {@code <=}...: the comparison operators, not arithmetic or bitwise ones. */
    static boolean isStrictComparison(SqlTokens t, int i) {
        String op = t.text(i);
        return t.is(i, OPERATOR) && (op.equals("=") || op.equals("==") || op.equals("!=") || op.equals("<>")
                || op.equals("<") || op.equals(">") || op.equals("<=") || op.equals(">=") || op.equals("<=>"));
    }

    /**
     * {@code OR 1=1}, {@code AND 'a'='a'}, {@code OR x=x}, {@code AND sleep(5)}, {@code OR (SELECT ...)}: a logical
     * operator followed by a comparison that starts with a literal, compares a name with itself, or is cut off where
     * the query goes on ({@code AND name = '}, {@code XOR 2 <}). A filter such as "and rating >= 4" is not one.
     */
    static boolean tautologyAt(SqlTokens t, int logic) {
        int j = t.skipComments(logic + 1);
        if (t.isWord(j, "not")) {
            j = t.skipComments(j + 1);
        }
        while (t.is(j, LPAREN) && j < logic + LOOK_AHEAD) {
            j = t.skipComments(j + 1);
        }
        if (isDangerousCall(t, j) || (t.isWord(j, "select") && selectAt(t, j)) || t.isWord(j, "exists")
                || (t.is(j, LPAREN) && t.isWord(t.skipComments(j + 1), "select"))) {
            return true;
        }
        int end = operandEnd(t, j);
        if (end < 0) {
            return false;
        }
        if (t.is(end, COMMENT) && literal(t, j)) {
            return true;
        }
        int cmp = t.skipComments(end);
        if (!isComparison(t, cmp) || (t.is(cmp, OPERATOR) && !isStrictComparison(t, cmp) && !isJsonOperator(t, cmp))) {
            return false;
        }
        int right = t.skipComments(cmp + 1);
        if (t.isWord(right, "not")) {
            right = t.skipComments(right + 1);
        }
        boolean cutOff = right == t.size() - 1 && t.is(right, STRING) && !t.closed(right);
        if (t.is(right, LPAREN) || cutOff || (right >= t.size() && literal(t, j))) {
            return true;
        }
        int rightEnd = operandEnd(t, right);
        return rightEnd >= 0 && (literal(t, j) || (t.is(j, WORD) && t.word(j).equals(t.word(right))));
    }

    /**
     * {@code 1=1}, {@code 'a'='a'}, {@code 42<=>42}, {@code 11!=1}, {@code 1 is not 2}: two literals compared so
     * that the answer is always true. "3 - 2 = 1" is not one.
     */
    static boolean identityAt(SqlTokens t, int left) {
        int cmp = left + 1;
        boolean not = t.isWord(cmp, "is") && t.isWord(cmp + 1, "not");
        int right = not ? cmp + 2 : cmp + 1;
        if (!isLiteral(t, left) || !isLiteral(t, right) || t.isOperator(left - 1, "-") || t.is(left - 1, OPERATOR)
                || t.is(right + 1, OPERATOR)) {
            return false;
        }
        boolean same = unquoted(t, left).equals(unquoted(t, right));
        String op = t.is(cmp, WORD) ? t.word(cmp) : t.text(cmp);
        return switch (op) {
            case "=", "==", "<=>", "like" -> same;
            case "!=", "<>" -> !same;
            case "is" -> not && !same;
            default -> false;
        };
    }

    private static boolean isLiteral(SqlTokens t, int i) {
        return t.is(i, NUMBER) || (t.is(i, STRING) && t.closed(i));
    }

    private static String unquoted(SqlTokens t, int i) {
        String text = t.text(i);
        if (!t.is(i, STRING) || text.isEmpty()) {
            return text;
        }
        boolean closing = text.length() >= 2 && text.charAt(text.length() - 1) == text.charAt(0);
        return text.substring(1, closing ? text.length() - 1 : text.length());
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

    private static boolean literal(SqlTokens t, int i) {
        SqlKind k = t.kind(i);
        return k == NUMBER || k == STRING || k == OPERATOR || (k == WORD && t.isCall(i));
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

    private static boolean isJsonOperator(SqlTokens t, int i) {
        String op = t.text(i);
        return t.is(i, OPERATOR) && !"-".equals(op) && (op.startsWith("@") || op.startsWith("<@")
                || op.startsWith("->") || op.startsWith("#") || op.startsWith("?"));
    }

    /** {@code '{"a":1}' @> '{"a":1}'}, {@code '[1]' ? '1'}: PostgreSQL JSON operators after a literal. */
    static boolean jsonOperatorAt(SqlTokens t, int i) {
        if (!t.is(i, STRING) || !t.text(i).startsWith("'") || !isJsonOperator(t, i + 1)) {
            return false;
        }
        int right = t.skipComments(i + 2);
        return t.is(right, STRING) || t.is(right, NUMBER);
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
        return literal && isComparison(t, next);
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
