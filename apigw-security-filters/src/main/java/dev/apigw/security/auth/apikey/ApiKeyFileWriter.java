package dev.apigw.security.auth.apikey;

import dev.apigw.security.ApiKeyStore.StoredKey;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes the API key file: the JSON of CONTRACT §3, then a temporary file beside the target, flushed to disk and
 * moved over it atomically.
 *
 * <p>Atomic because a running {@link FileApiKeyStore} may read the file at any moment: it must see the old file or
 * the new one, never half of one. The temporary file is created owner-only where the file system has POSIX
 * permissions; the hashes are not keys, but there is no reason to show them to other users.
 */
final class ApiKeyFileWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ApiKeyFileWriter() {
    }

    static String json(List<StoredKey> keys) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode array = root.putArray("keys");
        for (StoredKey key : keys) {
            ObjectNode entry = array.addObject();
            entry.put("id", key.id());
            entry.put("hash", KeyHash.text(key.sha256()));
            entry.put("plan", key.plan());
            entry.put("principal", key.principal());
            ArrayNode scopes = entry.putArray("scopes");
            key.scopes().forEach(scopes::add);
            if (key.expiresAt() != null) {
                entry.put("expiresAt", key.expiresAt().toString());
            }
            entry.put("revoked", key.revoked());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    static void write(List<StoredKey> keys, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(StandardCharsets.UTF_8.encode(json(keys)));
                channel.force(true);
            }
            // No fallback to a plain copy: a reader could then see a half-written file.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            if (e instanceof AtomicMoveNotSupportedException) {
                throw new IOException("cannot replace " + target.getFileName()
                        + " atomically; keep the key file on a local file system", e);
            }
            throw e;
        }
    }
}
