package dev.apigw.security.validate.signature;

import java.util.Set;

/** The command names the command-injection rules know, POSIX and Windows; lower case. */
final class ShellLexicon {

    static final Set<String> COMMANDS = Set.of(
            "ls", "cat", "tac", "nl", "head", "tail", "more", "less", "id", "whoami", "uname", "hostname", "ifconfig",
            "ip", "netstat", "ss", "ps", "env", "printenv", "set", "export", "echo", "printf", "wget", "curl",
            "fetch", "nc", "ncat", "netcat", "socat", "telnet", "ssh", "scp", "sftp", "ftp", "tftp", "rsync", "bash",
            "sh", "zsh", "ksh", "csh", "tcsh", "dash", "ash", "fish", "busybox", "python", "python2", "python3",
            "perl", "ruby", "php", "node", "nodejs", "lua", "tclsh", "awk", "gawk", "nawk", "sed", "grep", "egrep",
            "fgrep", "find", "xargs", "chmod", "chown", "chgrp", "rm", "rmdir", "mv", "cp", "ln", "touch", "mkdir",
            "kill", "killall", "pkill", "sleep", "ping", "nslookup", "dig", "host", "whois", "traceroute", "base64",
            "base32", "xxd", "od", "hexdump", "strings", "tar", "zip", "unzip", "gzip", "gunzip", "zcat", "bzip2",
            "bunzip2", "bzcat", "xz", "unxz", "xzcat", "zstd", "zstdcat", "lz4", "nohup", "timeout", "time",
            "strace", "ltrace", "gdb", "sudo", "su", "doas", "crontab", "at", "systemctl", "service", "useradd",
            "usermod", "userdel", "passwd", "chpasswd", "mount", "umount", "dd", "df", "du", "uptime", "who",
            "last", "lastlog", "history", "alias", "source", "eval", "exec", "reboot", "halt", "poweroff",
            "iptables", "nft", "tcpdump", "nmap", "openssl", "gpg", "ssh-keygen", "tee", "cut", "tr", "sort", "uniq",
            "wc", "diff", "file", "stat", "readlink", "basename", "dirname", "which", "whereis", "locate", "finger",
            "getent", "ldd", "objdump", "readelf", "make", "gcc", "cc", "c89", "c99", "javac", "java", "npm", "npx",
            "pip", "pip3", "gem", "docker", "kubectl", "helm", "ansible", "ansible-playbook", "ansible-galaxy",
            "ansible-inventory", "ansible-console", "ansible-pull", "ansible-vault", "chef", "chef-client",
            "chef-run", "chef-vault", "knife", "puppet", "terraform", "aws", "gcloud", "git", "vi", "vim", "nano",
            "ed", "rev", "split", "join", "paste", "comm", "bridge", "cscli", "rmt", "trap", "arp", "lsof", "pgrep",
            "pidof", "watch", "screen", "tmux", "setsid", "mkfifo", "mknod", "chattr", "dmesg", "journalctl",
            "sysctl", "modprobe", "insmod", "apt", "apt-get", "yum", "dnf", "rpm", "dpkg", "apk", "pacman", "uuencode",
            "uudecode", "lynx", "w3m", "aria2c", "base", "jq", "pwd", "aa-disable", "aa-exec", "sqlite3", "mysql",
            "psql",
            "cmd", "powershell", "pwsh", "wmic", "certutil", "bitsadmin", "reg", "regedit", "net", "netsh",
            "tasklist", "taskkill", "type", "dir", "copy", "del", "erase", "xcopy", "robocopy", "systeminfo",
            "ipconfig", "rundll32", "regsvr32", "mshta", "cscript", "wscript", "msiexec", "schtasks", "sc",
            "bcdedit", "bcdboot", "vssadmin", "wevtutil", "icacls", "takeown", "attrib", "findstr", "iex", "iwr",
            "irm", "invoke-expression", "invoke-webrequest", "invoke-restmethod", "start-process", "new-object",
            "set-executionpolicy", "get-content", "out-file", "start-bitstransfer", "expand-archive", "ansible-config",
            "ansible-doc", "chef-shell", "visudo", "perf", "bsdtar", "aptitude", "htop", "flock", "cpulimit", "column",
            "fold", "irb", "iwmi", "invoke-wmimethod", "invoke-command", "downloadstring", "downloadfile");

    /**
     * Commands that are also everyday words; they count only with an argument only a shell would take (an option,
     * an absolute path, a URL, a redirection), never merely for standing after a semicolon.
     */
    static final Set<String> ENGLISH = Set.of("cat", "more", "less", "head", "tail", "find", "sort", "time", "kill",
            "at", "set", "file", "make", "last", "who", "watch", "history", "alias", "source", "split", "join",
            "paste", "cut", "which", "locate", "finger", "type", "dir", "copy", "del", "erase", "net", "host",
            "sleep", "echo", "screen", "base", "chef", "knife", "puppet", "bridge", "trap", "apt", "comm", "rev",
            "touch", "mount", "ping", "fetch", "export", "service", "stat", "tee", "strings", "ed", "su",
            "ip", "ss", "sc", "reg", "java", "node", "ash", "fish", "ln", "nl", "od", "dd", "df", "du", "tr", "wc",
            "vi", "cc", "ps", "gem", "git", "helm", "eval", "exec", "passwd");

    /** Words that run the word after them as a command. */
    static final Set<String> PREFIXES = Set.of("sudo", "nohup", "time", "exec", "env", "nice", "timeout",
            "strace", "ltrace", "xargs", "busybox", "command", "builtin", "doas", "setsid", "stdbuf", "unbuffer",
            "watch", "eval");

    private ShellLexicon() {
    }
}
