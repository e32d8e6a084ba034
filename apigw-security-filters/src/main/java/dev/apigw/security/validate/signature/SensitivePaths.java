package dev.apigw.security.validate.signature;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Files and directories that an HTTP request has no business naming: system account and configuration files,
 * process information, keys and credentials, version-control and editor metadata, and the configuration of AI
 * coding assistants. General knowledge written down for this project; lower case, relative, with {@code /}.
 *
 * <p>A pattern matches at the start of a path segment and must end at a segment boundary, so {@code .env} matches
 * {@code /app/.env} and {@code .env.local} but not {@code test.environment} or {@code firstname.dockery@host}.
 * Patterns are grouped by first character, so each segment start costs a handful of comparisons.
 */
final class SensitivePaths {

    private static final String[] PATTERNS = {
        "etc/passwd", "etc/shadow", "etc/gshadow", "etc/group", "etc/hosts", "etc/hostname", "etc/master.passwd",
        "etc/subuid", "etc/subgid", "etc/sudoers", "etc/issue", "etc/motd", "etc/crontab", "etc/fstab",
        "etc/resolv.conf", "etc/security/", "etc/ssh/", "etc/mysql/", "etc/apache2/", "etc/httpd/", "etc/nginx/",
        "etc/php", "etc/profile", "etc/os-release", "etc/lsb-release", "etc/redhat-release", "etc/pwd.db",
        "etc/spwd.db", "etc/aliases", "etc/inittab", "etc/network/", "etc/ld.so.preload", "etc/krb5.conf",
        "etc/environment", "etc/kubernetes/", "etc/ssl/private",
        "proc/self/", "proc/version", "proc/cpuinfo", "proc/meminfo", "proc/interrupts", "proc/net/", "proc/sys/",
        "proc/mounts", "proc/cmdline", "proc/environ", "proc/1/",
        "sys/class", "sys/kernel", "sys/devices", "sys/firmware", "sys/module",
        "var/log/", "var/run/secrets", "var/lib/mysql", "run/secrets/",
        ".ssh/", "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "authorized_keys", "known_hosts", ".aws/", ".docker/",
        ".kube/", ".git/", ".gitconfig", ".git-credentials", ".svn/", ".hg/", ".env", ".htaccess", ".htpasswd",
        ".bash_history", ".zsh_history", ".history", ".mysql_history", ".psql_history", ".sh_history",
        ".python_history", ".bashrc", ".netrc", ".npmrc", ".pgpass", ".boto", ".s3cfg", ".gnupg/", ".azure/",
        ".dockercfg", ".pypirc", ".viminfo", ".ds_store", ".idea/", ".config/gcloud", ".terraform/", ".vault-token",
        "wp-config.php", "web.config", "boot.ini", "win.ini", "system.ini", "windows/system32", "winnt/",
        "applicationhost.config", "php.ini", "my.cnf", "httpd.conf", "apache2.conf", "nginx.conf",
        "tomcat-users.xml", "localsettings.php", "secrets.yml", "wp-content/debug.log", "wp-content/error.log",
        "wp-content/errors.log",
        "backup.sql", "dump.sql", "database.sql", "db.sql",
        ".claude/", ".cursor/", ".continue/", ".aider/", ".aider.conf", ".roo/", ".zed/", ".cline/", ".kiro/",
        ".windsurf/", ".rovodev/", ".codex/", ".opencode/", ".a0proj/", ".plandex/", ".fabric/", ".n8n/",
        ".junie/", ".aiignore", ".cursorignore", ".cursorrules", ".clinerules", ".windsurfrules", ".claude.json",
        "@fs/", "@id/__x00__",
    };

    private static final Map<Character, List<String>> BY_FIRST = new HashMap<>();

    static {
        for (String p : PATTERNS) {
            BY_FIRST.computeIfAbsent(p.charAt(0), k -> new ArrayList<>()).add(p);
        }
    }

    private SensitivePaths() {
    }

    /**
     * Whether a sensitive pattern starts at {@code i} of the lower-case, {@code /}-separated text.
     *
     * @param afterSlash whether {@code i} follows a {@code /}; elsewhere (the start of the value, after a space or
     *                   quote) only multi-segment patterns such as {@code etc/passwd} count, and a single name only
     *                   when the value is that one file name ({@code backup.sql.zip}), so that "edit your php.ini"
     *                   or "use .env files" pass
     */
    static boolean at(String s, int i, boolean afterSlash) {
        List<String> candidates = i < s.length() ? BY_FIRST.get(s.charAt(i)) : null;
        if (candidates == null) {
            return false;
        }
        for (String p : candidates) {
            int end = i + p.length();
            if (!s.startsWith(p, i) || !(p.endsWith("/") || boundary(s, end))) {
                continue;
            }
            boolean path = p.indexOf('/') > 0 && p.charAt(0) != '.' && p.charAt(0) != '@';
            if (afterSlash || path || (i == 0 && oneToken(s, end))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rest of the value is part of the same path or file name: no blank in it. */
    private static boolean oneToken(String s, int end) {
        for (int k = end; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean boundary(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char c = s.charAt(end);
        return c == '/' || c == '.' || c == '?' || c == '#' || c == ';' || c == '&' || c == '"' || c == '\''
                || c == ')' || c == ',' || c == '%' || c == '*' || c == '~' || c == '-' || Character.isWhitespace(c);
    }
}
