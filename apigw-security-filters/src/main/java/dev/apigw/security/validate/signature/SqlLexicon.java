package dev.apigw.security.validate.signature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL vocabulary the rules reason with, across MySQL, SQL Server, PostgreSQL, Oracle and SQLite. General SQL
 * knowledge written down for this project; lower case.
 */
final class SqlLexicon {

    /** Words that start a statement. */
    static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete", "drop", "create", "alter",
            "truncate", "exec", "execute", "declare", "waitfor", "shutdown", "grant", "revoke", "merge", "replace",
            "rename", "handler", "load");

    static final Set<String> LOGIC = Set.of("and", "or", "xor", "not");

    /** Clause words and other reserved words that shape an expression. */
    static final Set<String> KEYWORDS = Set.of("union", "from", "where", "having", "group", "order", "by", "limit",
            "offset", "into", "values", "join", "as", "case", "when", "then", "else", "end", "like", "rlike", "regexp",
            "between", "is", "in", "null", "exists", "all", "any", "distinct", "top", "procedure", "outfile",
            "dumpfile", "collate", "escape", "div", "mod", "sounds", "glob", "match", "against", "table", "database",
            "delay", "set", "notnull", "isnull", "true", "false", "similar", "except", "intersect", "immediate",
            "analyse", "using", "inner", "outer", "cross", "natural", "asc", "desc", "ilike", "some", "unknown");

    /** Operators that compare, including the word forms and PostgreSQL's JSON operators. */
    static final Set<String> COMPARISONS = Set.of("=", "==", "!=", "<>", "<", ">", "<=", ">=", "<=>", "like", "rlike",
            "regexp", "ilike", "is", "in", "between", "sounds", "glob", "similar", "notnull", "isnull", "@>", "<@",
            "->", "->>", "#>", "#>>", "#-", "?", "?|", "?&", "@?", "@@", "||", "-", "&", "|", "^", "mod", "div");

    /** Functions whose only business in a request is timing, file access or error-based extraction. */
    static final Set<String> DANGEROUS = Set.of("sleep", "benchmark", "pg_sleep", "load_file", "extractvalue",
            "updatexml", "xmltype", "lo_import", "lo_export", "lo_get", "pg_read_file", "pg_ls_dir", "sys_eval",
            "sys_exec", "utl_http", "utl_inaddr", "dbms_pipe", "get_lock", "name_const", "sqlite_compileoption_used",
            "sqlite_compileoption_get", "randomblob", "dbms_lock", "pg_read_binary_file", "sys_context",
            "ctxsys");

    static final Set<String> FUNCTIONS = Set.of("abs", "acos", "ascii", "asin", "atan", "atan2", "avg", "bin",
            "bit_length", "cast", "ceil", "ceiling", "char", "char_length", "character_length", "charindex", "chr",
            "coalesce", "compress", "concat", "concat_ws", "connection_id", "conv", "convert", "cos", "cot", "count",
            "crc32", "current_database", "current_schema", "current_setting", "current_user", "curdate", "curtime",
            "database", "date_format", "datediff", "db_name", "decode", "default", "degrees", "div", "elt", "encode",
            "export_set", "extract", "field", "find_in_set", "floor", "format", "found_rows", "from_base64",
            "greatest", "group_concat", "hex", "host_name", "if", "ifnull", "iif", "inet_aton", "insert", "instr",
            "is_srvrolemember", "isnull", "json_extract", "json_build_object", "json_keys", "jsonb_pretty",
            "last_insert_id", "lcase", "least", "left", "len", "length", "ln", "locate", "log", "log10", "log2",
            "lower", "lpad", "ltrim", "master_pos_wait", "max", "md5", "mid", "min", "mod", "nullif", "now", "oct",
            "octet_length", "ord", "overlay", "pi", "position", "pow", "power", "quote", "radians", "rand", "random",
            "regexp_substr", "release_lock", "repeat", "replace", "reverse", "right", "round", "row_count", "rpad",
            "rtrim", "schema", "schema_name", "sha", "sha1", "sha2", "sign", "sin", "soundex", "space", "sqrt",
            "sqlite_version", "starts_with", "std", "stddev", "strcmp", "string_to_array", "substr", "substring",
            "substring_index", "sum", "suser_name", "sysdate", "system_user", "tan", "to_base64", "to_char",
            "to_number", "trim", "typeof", "ucase", "uncompress", "unhex", "unicode", "unistr", "upper", "user",
            "user_name", "uuid", "version", "week", "year", "month", "day", "time", "timestamp", "values", "ascii_str",
            "unnest", "array_agg", "string_agg", "xmlagg", "json_object", "row", "exists", "in", "date", "json",
            "json_valid", "minute", "hour", "quarter", "likelihood", "unlikely", "likely");

    /** System procedures that ordinary input never names. */
    static final Set<String> PROCEDURES = Set.of("xp_cmdshell", "xp_dirtree",
            "xp_regread", "xp_fileexist", "xp_servicecontrol", "sp_executesql", "sp_password", "sp_oacreate",
            "sp_makewebtask", "sp_addextendedproc", "sp_configure", "openrowset", "opendatasource", "openquery",
            "msdasql", "utl_http", "utl_inaddr", "dbms_pipe", "dbms_java", "dbms_xmlgen");

    /** Catalogues: suspicious where SQL names them, ordinary in a sentence about databases. */
    static final Set<String> CATALOGS = Set.of("information_schema", "sysobjects", "syscolumns", "sysusers",
            "sysdatabases", "msysaccessobjects", "msysobjects", "msysqueries", "msysrelationships", "tempdb", "msdb",
            "pg_catalog", "pg_shadow", "pg_user", "pg_database", "pg_tables", "sqlite_master", "sqlite_schema",
            "all_tables", "user_tables", "dba_users", "all_users", "user_objects", "performance_schema");

    /**
     * Words that are SQL rather than English. Two words side by side of which neither is one of these (nor a call
     * nor a catalogue) mark a value as prose.
     */
    static final Set<String> HARD = Set.of("select", "union", "insert", "update", "delete", "drop", "create",
            "alter", "truncate", "exec", "execute", "declare", "waitfor", "shutdown", "from", "where", "having",
            "group",
            "order", "into", "values", "like", "rlike", "regexp", "null", "distinct", "xor", "procedure", "outfile",
            "dumpfile", "collate", "notnull");

    /** PostgreSQL type names, for {@code ::type} casts. */
    static final Set<String> TYPES = Set.of("int", "int2", "int4", "int8", "integer", "bigint", "smallint", "text",
            "varchar", "char", "bool", "boolean", "json", "jsonb", "bytea", "numeric", "double", "float", "float4",
            "float8", "real", "date", "timestamp", "regclass", "oid", "xml", "inet", "uuid", "money", "decimal");

    /** MongoDB query operators, for {@code [$ne]} and {@code {"$where": ...}}. */
    static final Set<String> MONGO_OPERATORS = Set.of("ne", "eq", "gt", "gte", "lt", "lte", "in", "nin", "regex",
            "where", "exists", "not", "nor", "or", "and", "elemmatch", "text", "expr", "jsonschema", "type", "mod",
            "all", "size", "function", "accumulator", "lookup", "merge", "out");

    /** Bits of {@link #flags}: which lists a word is on. */
    static final int KEYWORD = 1;
    static final int FUNCTION = 2;
    static final int SYSTEM = 4;
    static final int HARD_WORD = 8;

    private static final Map<String, Integer> FLAGS = new HashMap<>();

    static {
        for (Set<String> set : List.of(KEYWORDS, STATEMENTS, LOGIC)) {
            set.forEach(w -> FLAGS.merge(w, KEYWORD, (a, b) -> a | b));
        }
        for (Set<String> set : List.of(FUNCTIONS, DANGEROUS)) {
            set.forEach(w -> FLAGS.merge(w, FUNCTION, (a, b) -> a | b));
        }
        for (Set<String> set : List.of(CATALOGS, PROCEDURES)) {
            set.forEach(w -> FLAGS.merge(w, SYSTEM, (a, b) -> a | b));
        }
        HARD.forEach(w -> FLAGS.merge(w, HARD_WORD, (a, b) -> a | b));
    }

    private SqlLexicon() {
    }

    /** The lists a lower-case word is on, as bits, in one look-up; 0 for an ordinary word. */
    static int flags(String w) {
        Integer f = FLAGS.get(w);
        return f == null ? 0 : f;
    }

    static boolean isKeyword(String w) {
        return (flags(w) & KEYWORD) != 0;
    }

    static boolean isFunction(String w) {
        return (flags(w) & FUNCTION) != 0;
    }

    static boolean isSystemName(String w) {
        return (flags(w) & SYSTEM) != 0;
    }
}
