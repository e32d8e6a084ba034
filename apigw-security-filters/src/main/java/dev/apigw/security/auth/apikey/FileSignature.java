package dev.apigw.security.auth.apikey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * What one {@code stat} tells about a file: enough to notice a change without reading it.
 *
 * <p>The file key (device and inode on POSIX) changes with every atomic replace, which is how {@link ApiKeyFile}
 * writes, and how Kubernetes swaps a mounted secret; the modification time and size catch an edit in place. A
 * file modified less than {@link #RACY} before it was read is "racy" (the term is git's): a second edit within
 * the file system's timestamp granularity could keep time and size alike, so such a file is read again at the next
 * check.
 *
 * @param fileKey  the file key, or {@code null} where the file system has none
 * @param modified the last modification time
 * @param size     the size in bytes
 */
record FileSignature(Object fileKey, FileTime modified, long size) {

    /** Coarser than any common file system's timestamps (FAT: 2 s; ext4, XFS, APFS, NTFS: finer). */
    static final Duration RACY = Duration.ofSeconds(3);

    static FileSignature of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileSignature(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
    }

    /**
     * Whether the file was modified so shortly before {@code readAt} that an edit after the read might not change
     * this signature. File times are wall-clock times, so {@code readAt} is too, not the store's injected clock.
     */
    boolean racyAt(Instant readAt) {
        return modified.toInstant().isAfter(readAt.minus(RACY));
    }
}
