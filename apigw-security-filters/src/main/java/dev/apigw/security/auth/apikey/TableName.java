package dev.apigw.security.auth.apikey;

import java.util.regex.Pattern;

/**
 * A table name that is safe to write into SQL: one or two plain identifiers ({@code table} or {@code schema.table}),
 * each a letter or underscore, then letters, digits or underscores, at most 63 characters (PostgreSQL's limit).
 *
 * <p>Why a check and not quoting: a table name cannot be a statement parameter, so it is spliced into the SQL text;
 * a name that can only be letters, digits and underscores cannot close a quote or a statement. Unquoted names fold to
 * lower case in PostgreSQL, as they do in hand-written SQL.
 */
final class TableName {

    private static final Pattern NAME =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private TableName() {
    }

    /** The name, if it is safe; else an exception that does not repeat it (it may be an attack). */
    static String checked(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("apiKeys store table must be a plain SQL identifier such as "
                    + "apigw_api_keys or myschema.apigw_api_keys: letters, digits and underscores, up to 63 each");
        }
        return name;
    }
}
