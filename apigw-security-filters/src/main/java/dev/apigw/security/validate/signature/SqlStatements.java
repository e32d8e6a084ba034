package dev.apigw.security.validate.signature;

import static dev.apigw.security.validate.signature.SqlKind.LPAREN;
import static dev.apigw.security.validate.signature.SqlKind.NUMBER;
import static dev.apigw.security.validate.signature.SqlKind.RPAREN;
import static dev.apigw.security.validate.signature.SqlKind.SEMICOLON;
import static dev.apigw.security.validate.signature.SqlKind.STRING;
import static dev.apigw.security.validate.signature.SqlKind.VARIABLE;
import static dev.apigw.security.validate.signature.SqlKind.WORD;

import java.util.Set;

/**
 * Rules about whole statements and their tell-tale word pairs: {@code UNION SELECT}, {@code INSERT INTO ... VALUES},
 * {@code DROP TABLE}, {@code EXEC xp_cmdshell}, {@code WAITFOR DELAY}, {@code INTO OUTFILE}, stacked queries after
 * {@code ;}, and comments used as whitespace next to keywords.
 */
final class SqlStatements {

    private static final Set<String> OBJECTS = Set.of("table", "database", "schema", "view", "procedure", "function",
            "user", "index", "trigger", "column", "login", "role", "temporary");
    private static final Set<String> STACKABLE = Set.of("select", "insert", "update", "delete", "drop", "create",
            "alter", "truncate", "exec", "execute", "declare", "waitfor", "shutdown", "set", "replace", "grant",
            "revoke", "rename", "load", "handler");

    private SqlStatements() {
    }

    /** Rules that start at word {@code i}. */
    static boolean wordAt(SqlTokens t, int i) {
        String w = t.word(i);
        int j = t.skipComments(i + 1);
        String next = t.word(j);
        return switch (w) {
            case "union" -> unionSelect(t, j);
            case "insert", "replace" -> "into".equals(next) && insertTarget(t, t.skipComments(j + 1));
            case "delete" -> "from".equals(next) && SqlSelects.fromTargetEnds(t, t.skipComments(j + 1));
            case "update" -> t.is(j, WORD) && t.isWord(t.skipComments(j + 1), "set");
            case "drop", "create", "alter", "truncate" -> (OBJECTS.contains(next)
                    && (t.is(t.skipComments(j + 1), WORD) || t.is(t.skipComments(j + 1), STRING)))
                    || (t.is(j, WORD) && t.is(j + 1, SEMICOLON) && endsStatement(t, j + 2));
            case "exec", "execute" -> execTarget(t, j);
            case "declare" -> t.is(j, VARIABLE);
            case "waitfor" -> "delay".equals(next) || "time".equals(next);
            case "into" -> "outfile".equals(next) || "dumpfile".equals(next);
            case "procedure" -> "analyse".equals(next) || "analyze".equals(next);
            case "case" -> "when".equals(next) && ahead(t, j, "then");
            case "group" -> "by".equals(next) && ahead(t, j, "having");
            case "order" -> "by".equals(next) && orderByNumber(t, t.skipComments(j + 1));
            case "mysql" -> t.is(j, SqlKind.DOT) && ("user".equals(t.word(j + 1)) || "db".equals(t.word(j + 1)))
                    && (i == 0 || SqlLexicon.isKeyword(t.word(i - 1)) || t.is(i - 1, LPAREN));
            case "master" -> t.is(j, SqlKind.DOT) && (t.is(j + 1, SqlKind.DOT) || t.isWord(j + 1, "dbo"));
            case "as" -> t.is(j, STRING) && t.closed(j) && t.isWord(t.skipComments(j + 1), "from");
            default -> SqlLexicon.PROCEDURES.contains(w);
        };
    }

    /** {@code ; DROP ...}: a statement word right after a semicolon, at the end or with its object. */
    static boolean stackedAt(SqlTokens t, int semicolon) {
        int j = t.skipComments(semicolon + 1);
        String w = t.word(j);
        if (w.isEmpty() || !STACKABLE.contains(w)) {
            return false;
        }
        int after = t.skipComments(j + 1);
        SqlKind k = t.kind(after);
        return k == null || k == SEMICOLON || k == VARIABLE || k == LPAREN || k == SqlKind.COMMENT
                || (k == SqlKind.OTHER && "[".equals(t.text(after)))
                || (k == WORD && (OBJECTS.contains(t.word(after)) || SqlLexicon.isKeyword(t.word(after))
                        || t.isCall(after)))
                || t.isOperator(after, "*") || t.is(after, NUMBER) || (k == STRING && t.closed(after));
    }

    /** A block comment right next to a keyword or call: {@code DROP/**}{@code /t}, {@code UNION/**}{@code /SELECT}. */
    static boolean commentAsSpaceAt(SqlTokens t, int comment) {
        if (!t.text(comment).startsWith("/*")) {
            return false;
        }
        return strong(t, comment - 1) || strong(t, comment + 1);
    }

    private static boolean strong(SqlTokens t, int i) {
        String w = t.word(i);
        return !w.isEmpty() && (SqlLexicon.STATEMENTS.contains(w) || SqlLexicon.LOGIC.contains(w) || "union".equals(w)
                || "from".equals(w) || "where".equals(w) || t.isCall(i));
    }

    /** The end of the value, or a comment, after a statement's semicolon: {@code DROP t;--}. */
    private static boolean endsStatement(SqlTokens t, int i) {
        return t.kind(i) == null || t.is(i, SqlKind.COMMENT);
    }

    private static boolean unionSelect(SqlTokens t, int j) {
        while (t.is(j, LPAREN)) {
            j = t.skipComments(j + 1);
        }
        if (t.isWord(j, "all") || t.isWord(j, "distinct")) {
            j = t.skipComments(j + 1);
        }
        while (t.is(j, LPAREN)) {
            j = t.skipComments(j + 1);
        }
        return t.isWord(j, "select") || t.isWord(j, "values");
    }

    private static boolean insertTarget(SqlTokens t, int target) {
        if (!t.is(target, WORD) && !t.is(target, STRING)) {
            return false;
        }
        int after = t.skipComments(target + 1);
        return t.is(after, LPAREN) || t.isWord(after, "values") || t.isWord(after, "select")
                || t.isWord(after, "set");
    }

    private static boolean execTarget(SqlTokens t, int j) {
        String w = t.word(j);
        if (!w.isEmpty()) {
            return w.startsWith("xp_") || w.startsWith("sp_") || "master".equals(w) || "immediate".equals(w)
                    || SqlLexicon.PROCEDURES.contains(w);
        }
        int inner = t.skipComments(j + 1);
        return t.is(j, VARIABLE) || t.is(j, STRING) || (t.is(j, LPAREN) && (t.is(inner, VARIABLE)
                || t.is(inner, STRING) || t.isWord(inner, "select")));
    }

    private static boolean orderByNumber(SqlTokens t, int j) {
        if (!t.is(j, NUMBER)) {
            return false;
        }
        SqlKind k = t.kind(t.skipComments(j + 1));
        return k == null || k == SqlKind.COMMENT || k == SEMICOLON || k == RPAREN || k == SqlKind.COMMA;
    }

    /** Whether {@code word} occurs within {@link SqlExpressions#LOOK_AHEAD} tokens after {@code from}. */
    private static boolean ahead(SqlTokens t, int from, String word) {
        int limit = Math.min(t.size(), from + SqlExpressions.LOOK_AHEAD);
        for (int i = from + 1; i < limit; i++) {
            if (t.isWord(i, word)) {
                return true;
            }
        }
        return false;
    }
}
